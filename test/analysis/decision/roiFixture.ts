/**
 * Hand-computed fixtures of ROI预测 and LTV / CAC (Asia/Shanghai, UTC+8; all times local), shared by
 * the analysis, handler and CLI tests. Channel = the customer list's 渠道 (dimension `source`).
 *
 * LTV fixture — as-of day 2024-04-30 (a join that day; the last day of April: April has ended):
 *   who  added                 渠道     orders (paid − refunded, local paid time)
 *   p1   2024-01-31 23:59:59   直播间   01-31 23:59:59 100 (the add instant: counts) · 02-15 200 − 50 · 03-10 80 − 80 (full refund)
 *   p2   2024-02-01 00:00:00   直播间   01-20 999 (before the add: not counted) · 02-01 10:00 300
 *   p3   2024-01-10 10:00      直播间   04-05 60
 *   p4   2024-01-05 10:00      海报     01-05 12:00 50 · 02-05 50
 *   p5   2024-01-06 10:00      零成本   —
 *   p1 is added in January by one second (UTC 15:59:59), p2 in February (UTC 01-31 16:00).
 *   Costs: typed (source) 直播间 300, 零成本 0, 空渠道 100 (nobody acquired); imported 渠道投放 海报 01-03 200.
 *
 *   直播间 cohorts: 2024-01 (p1, p3) months done 4: GMV 100 | 150 | 0 | 60 → per person 50, 125, 125, 155;
 *                   2024-02 (p2) months done 3: 300 | 0 | 0 → 300, 300, 300.
 *     channel curve, chained month by month: m1 (100 + 300) / 3; m2 + (150 + 0) / 3; m3 + 0; m4 + 60 / 2
 *     (January alone completed April), then none.
 *     CAC 300 / 3 = 100; LTV3 550/3; LTV/CAC3 11/6; payback month 1 (400/3 ≥ 100).
 *   海报: 2024-01 (p4): 50, 100, 100, 100; CAC 200; LTV/CAC3 0.5; never paid back.
 *   零成本: CAC 0: LTV/CAC and payback empty. 空渠道: nobody acquired: CAC and LTV empty.
 *
 * ROI fixture — as-of day 2024-03-31 (e1's order), window 7 days, N = 2: measured weeks end on
 * Sunday 03-24 (03-24 + 7 ≤ 03-31), the weeks of 02-26, 03-04, 03-11, 03-18. Channel 直播间, group G:
 *   week 02-26 cost 100: a1 (02-26 10:00, joins 02-27, buys 02-28 50 and 03-01 30), a2 (02-28, never
 *     joins, buys 50: not a buyer)                           → added 2, joined 1, buyers 1, orders 2, repeat 1, GMV 80
 *   week 03-04 cost 200: b1 b2 b3 b4 (03-04 10:00); b1 b2 join 03-05, b3 03-04 12:00; b1 buys 03-06 100;
 *     b2 buys 03-20 60 (after the window, 03-11 10:00); b3 buys 40 − 40   → 4, 3, 1, 1, 0, 100
 *   week 03-11 cost 150: c1 c2 (03-12 10:00) join 03-12; c1 buys 03-13 90 − 30     → 2, 2, 1, 1, 0, 60
 *   week 03-18 cost 100: d1 (03-18 09:00) joins, never buys                        → 1, 1, 0, 0, 0, 0
 *   week 03-25: e1 (03-25) joins, buys 03-31 500: not measured yet.
 *   Rates (03-11 + 03-18): cost 250, added 3 → 0.012 per ¥; join 100%; conversion 1/3; AOV 60; repeat 0%; weekly cost 125.
 *   Back-test: 03-11 from 02-26 + 03-04 (cost 300, added 6, joined 4, buyers 2, orders 3, repeat 1, GMV 180):
 *     150 × 0.02 = 3 adds × 4/6 = 2 members × 1/2 = 1 buyer × 1.5 orders × ¥60 = ¥90 against 60: error 50%.
 *   03-18 from 03-04 + 03-11 (cost 350, added 6, joined 5, buyers 2, orders 2, GMV 160): 100 × 6/350 × 5/6 × 2/5
 *     = 4/7 buyers × ¥80 = ¥320/7 against 0: left out of the MAPE. MAPE = 50, one zero week.
 */
import type { ChannelCost } from '../../../src-main/contract';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertOrders, insertSpells } from '../../support/projectFixture';

interface Customer {
  eu: string;
  added: string;
  source: string;
  phone: string;
}

async function insertCustomers(project: OpenProject, rows: Customer[]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, c] of rows.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, external_userid, added_at, add_way, channel, status, phone, is_phone_masked, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), NULL, ?, NULL, ?, false, 1, ?)`,
        [`c-${c.eu}`, c.eu, c.added, c.source, c.phone, i + 2],
      );
    }
  });
}

async function insertAdCosts(project: OpenProject, rows: [string, string, string][]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, [day, channel, cost]] of rows.entries()) {
      await sql.run(
        `INSERT INTO ad_costs (row_key, stat_date, channel, impressions, clicks, cost, import_id, source_row)
         VALUES (?, CAST(? AS DATE), ?, NULL, NULL, CAST(? AS DECIMAL(18, 2)), 4, ?)`,
        [`a${i}`, day, channel, cost, i + 2],
      );
    }
  });
}

const order = (orderNo: string, phone: string, paidAt: string, paid: string, refunded = '0') => ({ orderNo, paidAt, paid, refunded, buyerPhone: phone });

/** The LTV fixture's typed costs. */
export const ltvTypedCosts: ChannelCost[] = [
  { dimension: 'source', channel: '直播间', cost: 300 },
  { dimension: 'source', channel: '零成本', cost: 0 },
  { dimension: 'source', channel: '空渠道', cost: 100 },
];

/** Fills a project with the LTV fixture (typed costs are saved by the tests their own way). */
export async function insertLtvFixture(project: OpenProject): Promise<void> {
  await insertCustomers(project, [
    { eu: 'p1', added: '2024-01-31 23:59:59+08', source: '直播间', phone: '13900000001' },
    { eu: 'p2', added: '2024-02-01 00:00:00+08', source: '直播间', phone: '13900000002' },
    { eu: 'p3', added: '2024-01-10 10:00:00+08', source: '直播间', phone: '13900000003' },
    { eu: 'p4', added: '2024-01-05 10:00:00+08', source: '海报', phone: '13900000004' },
    { eu: 'p5', added: '2024-01-06 10:00:00+08', source: '零成本', phone: '13900000005' },
  ]);
  await insertSpells(project, [{ group: 'G', id: 'p1', join: '2024-04-30 12:00:00+08' }]);
  await insertAdCosts(project, [['2024-01-03', '海报', '200.00']]);
  await insertOrders(project, [
    order('l1', '13900000001', '2024-01-31 23:59:59+08', '100'),
    order('l2', '13900000001', '2024-02-15 10:00:00+08', '200', '50'),
    order('l3', '13900000001', '2024-03-10 10:00:00+08', '80', '80'),
    order('l4', '13900000002', '2024-01-20 10:00:00+08', '999'),
    order('l5', '13900000002', '2024-02-01 10:00:00+08', '300'),
    order('l6', '13900000003', '2024-04-05 10:00:00+08', '60'),
    order('l7', '13900000004', '2024-01-05 12:00:00+08', '50'),
    order('l8', '13900000004', '2024-02-05 12:00:00+08', '50'),
  ]);
}

/** Fills a project with the ROI fixture. */
export async function insertRoiFixture(project: OpenProject): Promise<void> {
  const people: [string, string, string | null][] = [
    // who, added, joined (group G, staying)
    ['a1', '2024-02-26 10:00:00+08', '2024-02-27 10:00:00+08'],
    ['a2', '2024-02-28 10:00:00+08', null],
    ['b1', '2024-03-04 10:00:00+08', '2024-03-05 10:00:00+08'],
    ['b2', '2024-03-04 10:00:00+08', '2024-03-05 10:00:00+08'],
    ['b3', '2024-03-04 10:00:00+08', '2024-03-04 12:00:00+08'],
    ['b4', '2024-03-04 10:00:00+08', null],
    ['c1', '2024-03-12 10:00:00+08', '2024-03-12 12:00:00+08'],
    ['c2', '2024-03-12 10:00:00+08', '2024-03-12 12:00:00+08'],
    ['d1', '2024-03-18 09:00:00+08', '2024-03-18 12:00:00+08'],
    ['e1', '2024-03-25 10:00:00+08', '2024-03-25 12:00:00+08'],
  ];
  await insertCustomers(
    project,
    people.map(([eu, added], i) => ({ eu, added, source: '直播间', phone: `1370000${String(i).padStart(4, '0')}` })),
  );
  await insertSpells(
    project,
    people.filter(([, , join]) => join !== null).map(([eu, , join]) => ({ group: 'G', id: eu, join })),
  );
  await insertAdCosts(project, [
    ['2024-02-27', '直播间', '100.00'],
    ['2024-03-05', '直播间', '200.00'],
    ['2024-03-12', '直播间', '150.00'],
    ['2024-03-19', '直播间', '100.00'],
  ]);
  const phone = (eu: string) => `1370000${String(people.findIndex(([p]) => p === eu)).padStart(4, '0')}`;
  await insertOrders(project, [
    order('r1', phone('a1'), '2024-02-28 10:00:00+08', '50'),
    order('r2', phone('a1'), '2024-03-01 10:00:00+08', '30'),
    order('r3', phone('a2'), '2024-02-29 10:00:00+08', '50'),
    order('r4', phone('b1'), '2024-03-06 10:00:00+08', '100'),
    order('r5', phone('b2'), '2024-03-20 10:00:00+08', '60'),
    order('r6', phone('b3'), '2024-03-06 10:00:00+08', '40', '40'),
    order('r7', phone('c1'), '2024-03-13 10:00:00+08', '90', '30'),
    order('r8', phone('e1'), '2024-03-31 10:00:00+08', '500'),
  ]);
}
