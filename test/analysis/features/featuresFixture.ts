/**
 * The hand-computed customer-360 fixture (Asia/Shanghai, UTC+8; every time below is local).
 * Computed at the end of Sunday 2024-03-31 unless a test says otherwise; the expected rows are
 * {@link expectedAll} (every group) and {@link expectedScopeA} (scope = group A).
 *
 *   ann  A joins 01-02 09:00, stays.  Nickname 安妮.  Customer list: 公众号 / 小王 / 高意向.
 *        orders: 01-31 23:59:59 ¥100 (January locally, 15:59:59 UTC)
 *                02-01 00:00:00 ¥50  (February locally, still January in UTC)
 *                03-10 12:00 ¥300 refunded ¥100 (partial: net ¥200)
 *                03-20 12:00 ¥80 refunded ¥80 (full refund: not a purchase)
 *                04-01 00:00:00 ¥999 (after the day: 03-31 16:00 UTC)
 *        → 3 purchases, GMV 350, AOV 116.67, months Jan+Feb+Mar = 3, last purchase 21 days ago,
 *          repurchase within 90 days (1 day apart).
 *        messages in A: 02-15 打卡, 03-15 打卡, 03-31 23:59:59 "我要报名"; after the day 04-01 00:00:00
 *          "报名" and 04-02 打卡; a one-to-one "报名" 03-01 (never counts) → 3 messages, checkin ×2
 *          (weight 2), 报名 once (below its minimum of 2) → key behaviours 4.
 *        invited (邀请人 安妮): cat into A (" 安妮 ", trimmed), gus into A on 04-06 (after the day);
 *          bob into B twice names 安妮 too, but no member of B is called 安妮, so those joins are
 *          nobody's referral (DESIGN §3: the member of that group holding the nickname)
 *          → referrals 1, referrals who bought 0 (cat never buys).
 *        surveys: 02-01 score 9, 03-01 score 6, 04-02 score 10 (after) → 6.
 *        tenure 01-02 → 03-31 = 89 days.
 *   bob  B joins 02-01 10:00, leaves 02-20 10:00, re-joins 03-01 10:00, stays. Nickname 小波.
 *        Customer list: no 渠道, 添加方式 扫描二维码 / 小李. Order 02-25 10:00 ¥60 → 35 days ago.
 *        messages in B 03-05 "报名了", 03-06 "我也报名" → 报名 ×2 (weight 0.5) → key behaviours 1.
 *        tenure from the first join: 02-01 → 03-31 = 59.
 *   cat  A joins 02-05 10:00 (invited by " 安妮 "), stays, nothing else → tenure 55.
 *   dan  A joins 01-03 10:00, nickname 重名; dan2 B joins 01-03 10:00, nickname 重名 too.
 *   hal  A joins 03-01 10:00 invited by 重名: in A only dan holds it (dan2 is in B) → dan's
 *        referral (referrals 1, hal never buys → 0 who bought).
 *   eve  A joins 01-01 10:00, leaves 01-11, re-joins 02-01 → member, tenure 01-01 → 03-31 = 90.
 *   fay  A 01-05 → 01-20, B 02-01 → 02-11 00:30 (02-10 16:30 UTC) → not a member,
 *        tenure first join → last leave = 01-05 → 02-11 = 37 (scope A: 01-05 → 01-20 = 15).
 *   rae  A joins 2023-12-01. Orders 01-01 00:30 and 03-31 23:30: 90 local days apart (91 in UTC days)
 *        → repurchase; months Jan+Mar = 2.
 *   ray  A joins 2023-12-01. Orders 2023-12-31 23:30 and 03-31 00:30: 91 local days apart (90 in
 *        UTC days) → no repurchase; months: December is outside → 1.
 *   mia  B joins 2023-12-01. Order 2023-12-31 23:59:59 → months 0, 91 days ago.
 *   max  B joins 2023-12-01. Order 2024-01-01 00:00:00 → months 1, 90 days ago.
 *   ivy  C joins 03-01 10:00, alone in C, no orders (a scope whose GMV is 0).
 *   zed  never in a group's member list, one message in A 03-10 → a person (message sender) without tenure.
 *   gus  A joins 2024-04-06 00:30 (04-05 16:30 UTC): not yet a person on 03-31; the last day with data.
 */
import type { FeatureRow, KeyBehaviour } from '../../../src-main/contract';
import { writeDefinition } from '../../../src-main/db/definitionsStore';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertMessages, insertOrders } from '../../support/projectFixture';

/** The day the fixture is computed at. */
export const AS_OF = '2024-03-31';

/** The key behaviours of the fixture (the disabled one gets no column). */
export const fixtureBehaviours: KeyBehaviour[] = [
  { id: 'checkin', name: '打卡', msgTypes: ['打卡'], pattern: '', isRegex: false, minCount: 1, windowDays: null, weight: 2, enabled: true },
  { id: 'kw', name: '报名', msgTypes: [], pattern: '报名', isRegex: false, minCount: 2, windowDays: null, weight: 0.5, enabled: true },
  { id: 'off', name: '停用', msgTypes: [], pattern: '', isRegex: false, minCount: 1, windowDays: null, weight: 9, enabled: false },
];

type Spell = [group: string, id: string, name: string, join: string | null, leave: string | null, inviter: string | null];

const spells: Spell[] = [
  ['A', 'ann', '安妮', '2024-01-02 09:00:00+08', null, null],
  ['B', 'bob', '小波', '2024-02-01 10:00:00+08', '2024-02-20 10:00:00+08', '安妮'],
  ['B', 'bob', '小波', '2024-03-01 10:00:00+08', null, '安妮'],
  ['A', 'cat', '小猫', '2024-02-05 10:00:00+08', null, ' 安妮 '],
  ['A', 'dan', '重名', '2024-01-03 10:00:00+08', null, null],
  ['B', 'dan2', '重名', '2024-01-03 10:00:00+08', null, null],
  ['A', 'hal', 'hal', '2024-03-01 10:00:00+08', null, '重名'],
  ['A', 'eve', 'eve', '2024-01-01 10:00:00+08', '2024-01-11 10:00:00+08', null],
  ['A', 'eve', 'eve', '2024-02-01 10:00:00+08', null, null],
  ['A', 'fay', 'fay', '2024-01-05 10:00:00+08', '2024-01-20 10:00:00+08', null],
  ['B', 'fay', 'fay', '2024-02-01 10:00:00+08', '2024-02-11 00:30:00+08', null],
  ['A', 'rae', 'rae', '2023-12-01 10:00:00+08', null, null],
  ['A', 'ray', 'ray', '2023-12-01 10:00:00+08', null, null],
  ['B', 'mia', 'mia', '2023-12-01 10:00:00+08', null, null],
  ['B', 'max', 'max', '2023-12-01 10:00:00+08', null, null],
  ['C', 'ivy', 'ivy', '2024-03-01 10:00:00+08', null, null],
  ['A', 'gus', 'gus', '2024-04-06 00:30:00+08', null, '安妮'],
];

type Customer = [eu: string, name: string, staff: string | null, channel: string | null, addWay: string | null, tags: string | null, phone: string];

const customers: Customer[] = [
  ['ann', '安妮', '小王', '公众号', '扫描二维码', '高意向', '13900000001'],
  ['bob', '小波', '小李', null, '扫描二维码', null, '13900000002'],
  ['rae', 'rae', null, null, null, null, '13900000003'],
  ['ray', 'ray', null, null, null, null, '13900000004'],
  ['mia', 'mia', null, null, null, null, '13900000005'],
  ['max', 'max', null, null, null, null, '13900000006'],
];

const orders = [
  { orderNo: 'ann-1', paidAt: '2024-01-31 23:59:59+08', paid: 100, buyerPhone: '13900000001' },
  { orderNo: 'ann-2', paidAt: '2024-02-01 00:00:00+08', paid: 50, buyerPhone: '13900000001' },
  { orderNo: 'ann-3', paidAt: '2024-03-10 12:00:00+08', paid: 300, refunded: 100, buyerPhone: '13900000001' },
  { orderNo: 'ann-4', paidAt: '2024-03-20 12:00:00+08', paid: 80, refunded: 80, buyerPhone: '13900000001' },
  { orderNo: 'ann-5', paidAt: '2024-04-01 00:00:00+08', paid: 999, buyerPhone: '13900000001' },
  { orderNo: 'bob-1', paidAt: '2024-02-25 10:00:00+08', paid: 60, buyerPhone: '13900000002' },
  { orderNo: 'rae-1', paidAt: '2024-01-01 00:30:00+08', paid: 50, buyerPhone: '13900000003' },
  { orderNo: 'rae-2', paidAt: '2024-03-31 23:30:00+08', paid: 50, buyerPhone: '13900000003' },
  { orderNo: 'ray-1', paidAt: '2023-12-31 23:30:00+08', paid: 40, buyerPhone: '13900000004' },
  { orderNo: 'ray-2', paidAt: '2024-03-31 00:30:00+08', paid: 40, buyerPhone: '13900000004' },
  { orderNo: 'mia-1', paidAt: '2023-12-31 23:59:59+08', paid: 70, buyerPhone: '13900000005' },
  { orderNo: 'max-1', paidAt: '2024-01-01 00:00:00+08', paid: 70, buyerPhone: '13900000006' },
  // Unpaid: never a purchase.
  { orderNo: 'ann-6', paidAt: null, paid: 500, buyerPhone: '13900000001' },
];

const messages = [
  { id: 'ann', group: 'A', at: '2024-02-15 10:00:00+08', type: '打卡', content: '' },
  { id: 'ann', group: 'A', at: '2024-03-15 10:00:00+08', type: '打卡', content: '' },
  { id: 'ann', group: 'A', at: '2024-03-31 23:59:59+08', content: '我要报名' },
  { id: 'ann', group: 'A', at: '2024-04-01 00:00:00+08', content: '报名' },
  { id: 'ann', group: 'A', at: '2024-04-02 10:00:00+08', type: '打卡', content: '' },
  { id: 'ann', group: null, at: '2024-03-01 10:00:00+08', content: '报名' },
  { id: 'bob', group: 'B', at: '2024-03-05 10:00:00+08', content: '报名了' },
  { id: 'bob', group: 'B', at: '2024-03-06 10:00:00+08', content: '我也报名' },
  { id: 'zed', group: 'A', at: '2024-03-10 10:00:00+08', name: 'zed的昵称', content: '你好' },
];

const surveys: [eu: string, at: string, score: number][] = [
  ['ann', '2024-02-01 10:00:00+08', 9],
  ['ann', '2024-03-01 10:00:00+08', 6],
  ['ann', '2024-04-02 10:00:00+08', 10],
];

/** Fills a project with the fixture and saves its key behaviours. */
export async function insertFeaturesFixture(project: OpenProject): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [group, id, name, join, leave, inviter] of spells) {
      await sql.run(
        `INSERT INTO memberships (group_name, member_id, member_name, join_time, inviter, leave_time, import_id)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, CAST(? AS TIMESTAMPTZ), 1)`,
        [group, id, name, join, inviter, leave],
      );
    }
    for (const [i, [eu, name, staff, channel, addWay, tags, phone]] of customers.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, staff, added_at, channel, add_way, tags, phone, is_phone_masked, external_userid, import_id, source_row)
         VALUES (?, ?, ?, TIMESTAMPTZ '2023-11-01 10:00:00+08', ?, ?, ?, ?, false, ?, 3, ?)`,
        [`c${i}`, name, staff, channel, addWay, tags, phone, eu, i + 2],
      );
    }
    for (const [i, [eu, at, score]] of surveys.entries()) {
      await sql.run(
        `INSERT INTO survey_responses (row_key, external_userid, submitted_at, score, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, 4, ?)`,
        [`s${i}`, eu, at, score, i + 2],
      );
    }
    await writeDefinition(sql, 'behaviours', fixtureBehaviours);
  });
  await insertOrders(project, orders);
  await insertMessages(project, messages);
}

/** A row with every feature empty or 0, as the table has it for someone who did nothing. */
function person(pid: string, over: Partial<FeatureRow>): FeatureRow {
  return {
    pid,
    name: pid,
    channel: null,
    staff: null,
    tags: null,
    groups: null,
    is_member: false,
    purchases: 0,
    gmv: 0,
    aov: null,
    first_purchase: null,
    last_purchase: null,
    purchase_months_3m: 0,
    days_since_last_purchase: null,
    repurchase_90d: false,
    referrals: 0,
    referrals_bought: 0,
    messages: 0,
    key_behaviours: 0,
    tenure_days: null,
    survey_score: null,
    kb_checkin: 0,
    kb_kw: 0,
    ...over,
  };
}

const ann = person('ann', {
  name: '安妮', channel: '公众号', staff: '小王', tags: '高意向', groups: 'A', is_member: true,
  purchases: 3, gmv: 350, aov: 350 / 3, first_purchase: '2024-01-31 23:59:59', last_purchase: '2024-03-10 12:00:00',
  purchase_months_3m: 3, days_since_last_purchase: 21, repurchase_90d: true, referrals: 1, referrals_bought: 0,
  messages: 3, key_behaviours: 4, tenure_days: 89, survey_score: 6, kb_checkin: 2,
});
const bob = person('bob', {
  name: '小波', channel: '扫描二维码', staff: '小李', groups: 'B', is_member: true,
  purchases: 1, gmv: 60, aov: 60, first_purchase: '2024-02-25 10:00:00', last_purchase: '2024-02-25 10:00:00',
  purchase_months_3m: 1, days_since_last_purchase: 35, messages: 2, key_behaviours: 1, kb_kw: 2, tenure_days: 59,
});
const cat = person('cat', { name: '小猫', groups: 'A', is_member: true, tenure_days: 55 });
const dan = person('dan', { name: '重名', groups: 'A', is_member: true, tenure_days: 88, referrals: 1 });
const dan2 = person('dan2', { name: '重名', groups: 'B', is_member: true, tenure_days: 88 });
const eve = person('eve', { groups: 'A', is_member: true, tenure_days: 90 });
const fay = person('fay', { groups: 'A、B', tenure_days: 37 });
const hal = person('hal', { groups: 'A', is_member: true, tenure_days: 30 });
const ivy = person('ivy', { groups: 'C', is_member: true, tenure_days: 30 });
const max = person('max', {
  groups: 'B', is_member: true, purchases: 1, gmv: 70, aov: 70, first_purchase: '2024-01-01 00:00:00', last_purchase: '2024-01-01 00:00:00',
  purchase_months_3m: 1, days_since_last_purchase: 90, tenure_days: 121,
});
const mia = person('mia', {
  groups: 'B', is_member: true, purchases: 1, gmv: 70, aov: 70, first_purchase: '2023-12-31 23:59:59', last_purchase: '2023-12-31 23:59:59',
  purchase_months_3m: 0, days_since_last_purchase: 91, tenure_days: 121,
});
const rae = person('rae', {
  groups: 'A', is_member: true, purchases: 2, gmv: 100, aov: 50, first_purchase: '2024-01-01 00:30:00', last_purchase: '2024-03-31 23:30:00',
  purchase_months_3m: 2, days_since_last_purchase: 0, repurchase_90d: true, tenure_days: 121,
});
const ray = person('ray', {
  groups: 'A', is_member: true, purchases: 2, gmv: 80, aov: 40, first_purchase: '2023-12-31 23:30:00', last_purchase: '2024-03-31 00:30:00',
  purchase_months_3m: 1, days_since_last_purchase: 0, tenure_days: 121,
});
const zed = person('zed', { name: 'zed的昵称', messages: 1 });

/** Every person at the end of 2024-03-31, every group, by pid. */
export const expectedAll: FeatureRow[] = [ann, bob, cat, dan, dan2, eve, fay, hal, ivy, max, mia, rae, ray, zed];

/**
 * Scope = group A: the people who had joined A (bob, dan2, mia, max, ivy never did; zed is no
 * member). ann's referrals into A: cat only (no purchase); fay left A on 01-20 → tenure 15.
 */
export const expectedScopeA: FeatureRow[] = [
  ann,
  cat,
  dan,
  eve,
  { ...fay, groups: 'A', tenure_days: 15 },
  hal,
  rae,
  ray,
];
