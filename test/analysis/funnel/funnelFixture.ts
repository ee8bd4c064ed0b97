/**
 * Rows the funnel tests need beyond projectFixture.ts: full customer-list rows (staff, add way,
 * channel, tags, add time), spells with an inviter, and the aggregate tables (渠道投放, 公众号,
 * 联系客户统计). Times are strings DuckDB casts to TIMESTAMPTZ (give the offset).
 */
import type { CustomerPath } from '../../../src-main/contract';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertMessages, insertOrders } from '../../support/projectFixture';

/** A customer-list row. */
export interface FullCustomerIn {
  name: string;
  externalUserid?: string | null;
  unionid?: string | null;
  phone?: string | null;
  staff?: string | null;
  addedAt?: string | null;
  addWay?: string | null;
  channel?: string | null;
  tags?: string | null;
}

/** Inserts customer-list rows with every column the funnel reads. */
export async function insertFullCustomers(project: OpenProject, rows: FullCustomerIn[], importId = 11): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, r] of rows.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, staff, added_at, add_way, channel, tags, phone, is_phone_masked, unionid, external_userid, import_id, source_row)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, false, ?, ?, ?, ?)`,
        [`fc${importId}-${i}`, r.name, r.staff ?? null, r.addedAt ?? null, r.addWay ?? null, r.channel ?? null, r.tags ?? null, r.phone ?? null, r.unionid ?? null, r.externalUserid ?? null, importId, i + 2],
      );
    }
  });
}

/** A membership spell with the inviter column. */
export interface InvitedSpellIn {
  group: string;
  id: string;
  name: string;
  join: string;
  leave?: string | null;
  inviter?: string | null;
}

/** Inserts membership spells, inviter included. */
export async function insertInvitedSpells(project: OpenProject, rows: InvitedSpellIn[]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const r of rows) {
      await sql.run(
        `INSERT INTO memberships (group_name, member_id, member_name, join_time, inviter, leave_time, import_id)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, CAST(? AS TIMESTAMPTZ), 1)`,
        [r.group, r.id, r.name, r.join, r.inviter ?? null, r.leave ?? null],
      );
    }
  });
}

/** Inserts 渠道投放 rows: [date, channel, impressions, clicks]. */
export async function insertAdCosts(project: OpenProject, rows: [string, string | null, number | null, number | null][]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, [d, channel, impressions, clicks]] of rows.entries()) {
      await sql.run(
        `INSERT INTO ad_costs (row_key, stat_date, channel, impressions, clicks, cost, import_id, source_row) VALUES (?, CAST(? AS DATE), ?, ?, ?, 1, 12, ?)`,
        [`ad${i}`, d, channel, impressions, clicks, i + 2],
      );
    }
  });
}

/** Inserts 公众号用户分析 rows: [date, new follows]. */
export async function insertFollows(project: OpenProject, rows: [string, number][]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, [d, n]] of rows.entries()) {
      await sql.run(`INSERT INTO official_account_daily (row_key, stat_date, new_follows, import_id, source_row) VALUES (?, CAST(? AS DATE), ?, 13, ?)`, [`oa${i}`, d, n, i + 2]);
    }
  });
}

/** Inserts 联系客户统计 rows: [date, staff (null for a day's total row), new customers]. */
export async function insertContactStats(project: OpenProject, rows: [string, string | null, number][]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, [d, staff, n]] of rows.entries()) {
      await sql.run(`INSERT INTO contact_stats (row_key, stat_date, staff, new_customers, import_id, source_row) VALUES (?, CAST(? AS DATE), ?, ?, 14, ?)`, [`cs${i}`, d, staff, n, i + 2]);
    }
  });
}

/**
 * The hand-computed funnel project, Asia/Shanghai (all times below are local, +08). Week of
 * Mon 2024-03-04 … Sun 03-10; groups A and B.
 *
 * Customer list (key: external_userid, else unionid, else the row):
 *   u1  阿美 小王 03-04 10:00:00  扫码   高意向,宝妈   (added again by 小李 03-08 10:00 via 转介绍: the earliest row wins)
 *   u2  阿本 小王 03-04 23:59:59  扫码   宝妈          (last second of 03-04)
 *   u3  阿猫 小李 03-05 00:00:00  channel 公众号 (no add way), no tags (first second of 03-05)
 *   u4  阿丹 小李 03-06 10:00     扫码   高意向 学生   never joins: not a member, keyed by external_userid
 *   un5 阿五 小王 03-07 09:00     海报   (unionid only; never joins)
 *   row 匿名 小王 03-10 23:59:59  海报   (no id at all: keyed by its row, row:11:7)
 *   u8  阿飞 小李 03-07 10:00:00  扫码
 *   u9  阿古 小李 03-07 11:00:00  扫码
 *   u10 阿十 小王 03-11 00:00:00  扫码   (the day after the week)
 *   u11 阿早 小王 03-03 23:59:59  扫码   (the day before the week; never joins)
 * Spells:
 *   A u7 伊芙 03-04 09:00 · A u1 03-04 12:00 invited by 伊芙 · A u2 03-05 00:00:00, leaves 10:00, re-joins 03-09 10:00
 *   B u3 03-06 10:00 · B u12 十二 03-08 08:00 invited by 阿猫 · B u1 03-09 20:00 (u1 in two groups)
 *   B u8 03-21 10:00:00 (exactly 14 days after being added) · B u9 03-21 11:00:01 (one second later than that)
 *   A u10 03-11 01:00
 * Group messages: u7 A 03-04 09:30 · u1 A 03-05 20:00 · u12 B 03-09 09:00 · u3 B 03-10 23:59:59 · u2 A 03-11 00:00:00
 * Orders (tied by phone through the customer list):
 *   u1 03-06 09:00 paid 100 · u1 03-08 09:00 paid 50 refunded 20 (partly: still paid, the repurchase)
 *   u3 03-06 12:00 paid 80 refunded 80 (fully: not paid) · u3 03-25 12:00 paid 60 (u3's first paid order)
 *   u2 unpaid · u8 03-21 10:00:00 paid 30
 * 渠道投放: 03-04 朋友圈 1000/50, 抖音 500/30 · 03-05 朋友圈 800/40 and a total row (no channel) 2000/100 · 03-11 朋友圈 9999/999
 * 公众号: 03-03 99 · 03-04 30 · 03-10 20
 * 联系客户统计 new customers: 03-04 total 12, 小王 7, 小李 5 · 03-05 小王 4, 小李 6 (no total row) · 03-06 合计 3
 */
export async function buildFunnelFixture(project: OpenProject): Promise<void> {
  await insertFullCustomers(project, [
    { name: '阿美', externalUserid: 'u1', phone: '13800000001', staff: '小王', addedAt: '2024-03-04 10:00:00+08', addWay: '扫码', tags: '高意向,宝妈' },
    { name: '阿本', externalUserid: 'u2', phone: '13800000002', staff: '小王', addedAt: '2024-03-04 23:59:59+08', addWay: '扫码', tags: '宝妈' },
    { name: '阿猫', externalUserid: 'u3', phone: '13800000003', staff: '小李', addedAt: '2024-03-05 00:00:00+08', channel: '公众号' },
    { name: '阿丹', externalUserid: 'u4', staff: '小李', addedAt: '2024-03-06 10:00:00+08', addWay: '扫码', tags: '高意向 学生' },
    { name: '阿五', unionid: 'un5', staff: '小王', addedAt: '2024-03-07 09:00:00+08', addWay: '海报', tags: ' ' },
    { name: '匿名', staff: '小王', addedAt: '2024-03-10 23:59:59+08', addWay: '海报' },
    { name: '阿飞', externalUserid: 'u8', phone: '13800000008', staff: '小李', addedAt: '2024-03-07 10:00:00+08', addWay: '扫码' },
    { name: '阿古', externalUserid: 'u9', staff: '小李', addedAt: '2024-03-07 11:00:00+08', addWay: '扫码' },
    { name: '阿美', externalUserid: 'u1', staff: '小李', addedAt: '2024-03-08 10:00:00+08', addWay: '转介绍' },
    { name: '阿十', externalUserid: 'u10', staff: '小王', addedAt: '2024-03-11 00:00:00+08', addWay: '扫码' },
    { name: '阿早', externalUserid: 'u11', staff: '小王', addedAt: '2024-03-03 23:59:59+08', addWay: '扫码' },
  ]);
  await insertInvitedSpells(project, [
    { group: 'A', id: 'u7', name: '伊芙', join: '2024-03-04 09:00:00+08' },
    { group: 'A', id: 'u1', name: '阿美', join: '2024-03-04 12:00:00+08', inviter: '伊芙' },
    { group: 'A', id: 'u2', name: '阿本', join: '2024-03-05 00:00:00+08', leave: '2024-03-05 10:00:00+08' },
    { group: 'A', id: 'u2', name: '阿本', join: '2024-03-09 10:00:00+08' },
    { group: 'B', id: 'u3', name: '阿猫', join: '2024-03-06 10:00:00+08' },
    { group: 'B', id: 'u12', name: '十二', join: '2024-03-08 08:00:00+08', inviter: '阿猫' },
    { group: 'B', id: 'u1', name: '阿美', join: '2024-03-09 20:00:00+08' },
    { group: 'B', id: 'u8', name: '阿飞', join: '2024-03-21 10:00:00+08' },
    { group: 'B', id: 'u9', name: '阿古', join: '2024-03-21 11:00:01+08' },
    { group: 'A', id: 'u10', name: '阿十', join: '2024-03-11 01:00:00+08' },
  ]);
  await insertMessages(project, [
    { id: 'u7', group: 'A', at: '2024-03-04 09:30:00+08' },
    { id: 'u1', group: 'A', at: '2024-03-05 20:00:00+08' },
    { id: 'u12', group: 'B', at: '2024-03-09 09:00:00+08' },
    { id: 'u3', group: 'B', at: '2024-03-10 23:59:59+08' },
    { id: 'u2', group: 'A', at: '2024-03-11 00:00:00+08' },
  ]);
  await insertOrders(project, [
    { orderNo: 'o1', paidAt: '2024-03-06 09:00:00+08', paid: 100, buyerPhone: '13800000001' },
    { orderNo: 'o2', paidAt: '2024-03-08 09:00:00+08', paid: 50, refunded: 20, buyerPhone: '13800000001' },
    { orderNo: 'o3', paidAt: '2024-03-06 12:00:00+08', paid: 80, refunded: 80, buyerPhone: '13800000003' },
    { orderNo: 'o4', paidAt: '2024-03-25 12:00:00+08', paid: 60, buyerPhone: '13800000003' },
    { orderNo: 'o5', paidAt: null, paid: 40, buyerPhone: '13800000002' },
    { orderNo: 'o6', paidAt: '2024-03-21 10:00:00+08', paid: 30, buyerPhone: '13800000008' },
  ]);
  await insertAdCosts(project, [
    ['2024-03-04', '朋友圈', 1000, 50],
    ['2024-03-04', '抖音', 500, 30],
    ['2024-03-05', '朋友圈', 800, 40],
    ['2024-03-05', null, 2000, 100],
    ['2024-03-11', '朋友圈', 9999, 999],
  ]);
  await insertFollows(project, [
    ['2024-03-03', 99],
    ['2024-03-04', 30],
    ['2024-03-10', 20],
  ]);
  await insertContactStats(project, [
    ['2024-03-04', null, 12],
    ['2024-03-04', '小王', 7],
    ['2024-03-04', '小李', 5],
    ['2024-03-05', '小王', 4],
    ['2024-03-05', '小李', 6],
    ['2024-03-06', '合计', 3],
  ]);
}

/** Every source of the fixture as one path, in funnel order. */
export const fullPath = {
  stages: [
    { id: 'ad', name: '广告曝光', source: 'ad_impressions' },
    { id: 'click', name: '广告点击', source: 'ad_clicks' },
    { id: 'follow', name: '公众号关注', source: 'oa_new_follows' },
    { id: 'contact', name: '新增客户', source: 'contact_new' },
    { id: 'add', name: '添加客服微信', source: 'person_added' },
    { id: 'join', name: '入群', source: 'person_joined' },
    { id: 'talk', name: '群内发言', source: 'person_active' },
    { id: 'pay', name: '首次付费', source: 'person_first_paid' },
    { id: 'again', name: '复购', source: 'person_repurchase' },
    { id: 'refer', name: '推荐', source: 'person_referral' },
  ],
} satisfies CustomerPath;
