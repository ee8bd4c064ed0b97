import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityEffect } from '../../../src-main/analysis/decision/communityEffect';
import { insertCustomers, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * A tiny project (Asia/Shanghai). Members of 群G, all joining 2024-04-01 10:00:
 *   m1 (phone …01): 03-01 ¥100, 05-01 ¥200, 06-01 ¥300 → 3 orders, 2nd 61 days after the 1st: repurchase; AOV 200.
 *      90 days before the join (from 01-02 10:00): 1 order; 90 days from it (to 06-30 10:00): 2.
 *   m2 (phone …02): 05-10 ¥50, 06-10 ¥70 → 2 orders, 31 days apart: repurchase; AOV 60. Before 0, after 2.
 *   m3: never buys. Before 0, after 0.
 * Buyers who never joined, known by phone from the orders only:
 *   n1 (137…01): 2023-12-01 ¥80, 2024-07-20 ¥80 → 232 days apart: no repurchase; AOV 80.
 *   n2 (137…02): 02-01 ¥100, 02-10 ¥500 fully refunded (no purchase), 02-20 ¥60 → 2 orders, 19 days: repurchase; AOV 80.
 *   a masked phone 137****03 buys ¥999: tied to nobody, left out; an unpaid order: no purchase.
 * The data spans 2023-12-01 – 2024-07-20, so every member's 90 days before and after are observed.
 */
let t: TempProject;

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  await insertSpells(t.project, [
    { group: '群G', id: 'm1', join: '2024-04-01 10:00:00+08' },
    { group: '群G', id: 'm2', join: '2024-04-01 10:00:00+08' },
    { group: '群G', id: 'm3', join: '2024-04-01 10:00:00+08' },
  ]);
  await insertCustomers(t.project, [
    { name: 'm1', externalUserid: 'm1', phone: '13800000001' },
    { name: 'm2', externalUserid: 'm2', phone: '13800000002' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'm1-1', paidAt: '2024-03-01 12:00:00+08', paid: 100, buyerPhone: '13800000001' },
    { orderNo: 'm1-2', paidAt: '2024-05-01 12:00:00+08', paid: 200, buyerPhone: '13800000001' },
    { orderNo: 'm1-3', paidAt: '2024-06-01 12:00:00+08', paid: 300, buyerPhone: '13800000001' },
    { orderNo: 'm2-1', paidAt: '2024-05-10 12:00:00+08', paid: 50, buyerPhone: '13800000002' },
    { orderNo: 'm2-2', paidAt: '2024-06-10 12:00:00+08', paid: 70, buyerPhone: '13800000002' },
    { orderNo: 'n1-1', paidAt: '2023-12-01 12:00:00+08', paid: 80, buyerPhone: '13700000001' },
    { orderNo: 'n1-2', paidAt: '2024-07-20 12:00:00+08', paid: 80, buyerPhone: '13700000001' },
    { orderNo: 'n2-1', paidAt: '2024-02-01 12:00:00+08', paid: 100, buyerPhone: '13700000002' },
    { orderNo: 'n2-2', paidAt: '2024-02-10 12:00:00+08', paid: 500, refunded: 500, buyerPhone: '13700000002' },
    { orderNo: 'n2-3', paidAt: '2024-02-20 12:00:00+08', paid: 60, buyerPhone: '13700000002' },
    { orderNo: 'x-1', paidAt: '2024-02-02 12:00:00+08', paid: 999, buyerPhone: '137****0003', isPhoneMasked: true },
    { orderNo: 'x-2', paidAt: null, paid: 400, buyerPhone: '13700000001' },
  ]);
});
afterAll(async () => t?.dispose());

describe('community effect', () => {
  it('compares member buyers with buyers who never joined, and members before and after joining, as computed by hand', async () => {
    const r = await t.project.db.use((sql) => communityEffect(sql, undefined, 'Asia/Shanghai'));
    expect([r.memberBuyers, r.nonMemberBuyers]).toEqual([2, 2]);
    const [rep, aov, orders] = r.rows;
    // Repurchase 2/2 vs 1/2 = 100% vs 50%. Fisher (expected cells below 5): margins 2, 2 and 3 repurchasers of 4;
    // P(x = 1) = P(x = 2) = 3/6, both no more probable than the observed x = 2 → p = 1.
    expect(rep).toMatchObject({ metric: 'repurchase_rate', members: 100, nonMembers: 50, difference: 50 });
    expect(rep!.p).toBeCloseTo(1, 12);
    expect(rep!.low).toBeLessThan(0);
    expect(rep!.high).toBeGreaterThan(50);
    // AOV per buyer: (200 + 60)/2 = 130 vs (80 + 80)/2 = 80. Welch: se = √(9800/2 + 0) = 70, t = 50/70, df = 1,
    // p = 1 − 2·atan(0.714286)/π = 0.605137; interval 50 ± 12.706205·70 = −839.434 to 939.434.
    expect(aov!.members).toBeCloseTo(130, 10);
    expect(aov!.nonMembers).toBeCloseTo(80, 10);
    expect(aov!.difference).toBeCloseTo(50, 10);
    expect(aov!.p).toBeCloseTo(0.605137, 5);
    expect(aov!.low).toBeCloseTo(-839.434, 2);
    expect(aov!.high).toBeCloseTo(939.434, 2);
    // Orders per buyer: (3 + 2)/2 = 2.5 vs 2; se = √(0.5/2) = 0.5, t = 1, df = 1, p = 1 − 2·atan(1)/π = 0.5.
    expect(orders).toMatchObject({ metric: 'orders_per_buyer', members: 2.5, nonMembers: 2 });
    expect(orders!.p).toBeCloseTo(0.5, 10);
    // Before / after per 30 days (count / 3): before (1 + 0 + 0)/9 = 1/9, after (2 + 2 + 0)/9 = 4/9;
    // paired differences 1/3, 2/3, 0 → mean 1/3, sd 1/3, t = (1/3)/(1/3/√3) = √3 on 2 df.
    expect(r.beforeAfter.members).toBe(3);
    expect(r.beforeAfter.before).toBeCloseTo(1 / 9, 10);
    expect(r.beforeAfter.after).toBeCloseTo(4 / 9, 10);
    expect(r.beforeAfter.difference).toBeCloseTo(1 / 3, 10);
    // p of t = √3 on 2 df: 2·P(T > √3) = 1 − √3/√(3 + 2) = 1 − 0.774597 = 0.225403 (t with 2 df: P(|T| < t) = t/√(t² + 2)).
    expect(r.beforeAfter.p).toBeCloseTo(0.225403, 5);
    expect(r.reading).toContain('社群成员买家 2 人');
  });
});
