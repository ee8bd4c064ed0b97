/**
 * The hand-computed channel fixture (Asia/Shanghai, UTC+8; all times local), shared by the store,
 * handler and CLI tests. March 2024: Fri 03-01 … Sun 03-31; Mon 04-01.
 *
 * Customers (客户列表): external_userid = member id where the person is a member.
 *   who    added               添加方式   渠道        二维码     status
 *   ann    03-01 10:00:00      扫描二维码 直播间      qr-live
 *   ben    03-02 09:00:00      扫描二维码 直播间      qr-live    (first row)
 *   ben    03-15 09:00:00      名片分享   朋友圈海报  qr-post    已流失 (second staff; the earliest row decides;
 *                                                               one row of two 已流失 is no lost contact)
 *   cat    03-03 09:00:00      名片分享   朋友圈海报  qr-post
 *   dan    03-04 09:00:00      名片分享   朋友圈海报  (blank)
 *   eve    03-31 23:59:59      扫描二维码 直播间      qr-live    (last second of the range; UTC 15:59:59)
 *   fay    04-01 00:00:00      扫描二维码 直播间      qr-live    已流失 (first second after it; UTC 03-31 16:00)
 *   hal    02-28 23:59:59      名片分享   直播间      (blank)    (before the range)
 *   wmX9   03-05 09:00:00      扫描二维码 朋友圈海报  qr-post    (matches no member: a person of its own)
 *   wmX9   03-06 09:00:00      名片分享   直播间      qr-live    (same person, later: ignored)
 *   (none) 03-06 10:00:00      (blank)    (blank)     (blank)    (no ids at all: a person of its own row)
 * gus is a member with no customer row: never "added", in no channel.
 *
 * Membership: ann A 03-01 12:00 → leaves 03-10 → re-joins A 03-12 (a member at the end)
 *             ben A 02-20 (already a member when added, still)
 *             cat A 03-04 → leaves 03-06 10:00; B 03-07 (stays)
 *             dan B 03-05 10:00 → leaves 03-09 (gone)
 *             gus A 03-01
 * Messages:   ann A 03-02 · ben A 02-25 (before being added) · cat B 03-08 · cat A 03-06 10:00 (the
 *             leave instant: not a member) · dan B 03-05 11:00 · gus A 03-02 · one-to-one chats of eve
 *             04-01 and hal 03-02 (which make them known people, so their customer rows and orders tie to
 *             them; fay and wmX9 stay customers of their own)
 * Orders (phone → customer → person):
 *   ann  03-01 09:59:59  70.00           one second before being added: not counted
 *   ann  03-05           100.00
 *   ann  03-20           40.50           ann's GMV 140.50
 *   ben  03-10           200.00 − 50.00  partial refund: GMV 150.00
 *   cat  03-09           80.00 − 80.00   full refund: not converted
 *   dan  03-01           500.00          before being added: not counted
 *   hal  03-02           30.00
 * 流失客户: eve deleted the staff 04-02.
 * 渠道投放 (imported): 直播间 03-10 1000.00 · 朋友圈海报 03-05 120.00 · 朋友圈海报 04-02 999.00
 * Typed costs: (source, 直播间) 300 · (source, 抖音) 0 · (add_way, 名片分享) 0 · (add_way, 抖音) 50
 */
import type { ChannelCost, ChannelRow } from '../../../src-main/contract';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertMessages, insertOrders, insertSpells } from '../../support/projectFixture';

/** A customer-list row with the channel columns. */
interface ChannelCustomer {
  eu: string | null;
  added: string;
  addWay: string | null;
  source: string | null;
  code: string | null;
  status?: string;
  phone?: string;
}

const customers: ChannelCustomer[] = [
  { eu: 'ann', added: '2024-03-01 10:00:00+08', addWay: '扫描二维码', source: '直播间', code: 'qr-live', phone: '13800000001' },
  { eu: 'ben', added: '2024-03-02 09:00:00+08', addWay: '扫描二维码', source: '直播间', code: 'qr-live', phone: '13800000002' },
  { eu: 'ben', added: '2024-03-15 09:00:00+08', addWay: '名片分享', source: '朋友圈海报', code: 'qr-post', status: '已流失' },
  { eu: 'cat', added: '2024-03-03 09:00:00+08', addWay: '名片分享', source: '朋友圈海报', code: 'qr-post', phone: '13800000003' },
  { eu: 'dan', added: '2024-03-04 09:00:00+08', addWay: '名片分享', source: '朋友圈海报', code: null, phone: '13800000004' },
  { eu: 'eve', added: '2024-03-31 23:59:59+08', addWay: '扫描二维码', source: '直播间', code: 'qr-live' },
  { eu: 'fay', added: '2024-04-01 00:00:00+08', addWay: '扫描二维码', source: '直播间', code: 'qr-live', status: '已流失' },
  { eu: 'hal', added: '2024-02-28 23:59:59+08', addWay: '名片分享', source: '直播间', code: null, phone: '13800000008' },
  { eu: 'wmX9', added: '2024-03-05 09:00:00+08', addWay: '扫描二维码', source: '朋友圈海报', code: 'qr-post' },
  { eu: 'wmX9', added: '2024-03-06 09:00:00+08', addWay: '名片分享', source: '直播间', code: 'qr-live' },
  { eu: null, added: '2024-03-06 10:00:00+08', addWay: null, source: '  ', code: null },
];

/** The typed cost grid of the fixture. */
export const typedCosts: ChannelCost[] = [
  { dimension: 'source', channel: '直播间', cost: 300 },
  { dimension: 'source', channel: '抖音', cost: 0 },
  { dimension: 'add_way', channel: '名片分享', cost: 0 },
  { dimension: 'add_way', channel: '抖音', cost: 50 },
];

/** Fills a project with the fixture (without the typed costs, which tests save their own way). */
export async function insertChannelFixture(project: OpenProject): Promise<void> {
  await insertSpells(project, [
    { group: 'A', id: 'ann', join: '2024-03-01 12:00:00+08', leave: '2024-03-10 12:00:00+08' },
    { group: 'A', id: 'ann', join: '2024-03-12 12:00:00+08' },
    { group: 'A', id: 'ben', join: '2024-02-20 12:00:00+08' },
    { group: 'A', id: 'cat', join: '2024-03-04 12:00:00+08', leave: '2024-03-06 10:00:00+08' },
    { group: 'B', id: 'cat', join: '2024-03-07 12:00:00+08' },
    { group: 'B', id: 'dan', join: '2024-03-05 10:00:00+08', leave: '2024-03-09 12:00:00+08' },
    { group: 'A', id: 'gus', join: '2024-03-01 12:00:00+08' },
  ]);
  await insertMessages(project, [
    { id: 'ann', group: 'A', at: '2024-03-02 12:00:00+08' },
    { id: 'ben', group: 'A', at: '2024-02-25 12:00:00+08' },
    { id: 'cat', group: 'B', at: '2024-03-08 12:00:00+08' },
    { id: 'cat', group: 'A', at: '2024-03-06 10:00:00+08' },
    { id: 'dan', group: 'B', at: '2024-03-05 11:00:00+08' },
    { id: 'gus', group: 'A', at: '2024-03-02 12:00:00+08' },
    { id: 'eve', group: null, at: '2024-04-01 12:00:00+08' },
    { id: 'hal', group: null, at: '2024-03-02 09:00:00+08' },
  ]);
  await project.db.transaction(async (sql) => {
    for (const [i, c] of customers.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, external_userid, added_at, add_way, channel, channel_code, status, phone, is_phone_masked, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, ?, false, 1, ?)`,
        [`c${i}`, c.eu, c.added, c.addWay, c.source, c.code, c.status ?? '正常', c.phone ?? null, i + 2],
      );
    }
    await sql.run(
      `INSERT INTO churn_events (row_key, external_userid, churned_at, churn_way, import_id, source_row)
       VALUES ('x1', 'eve', CAST('2024-04-02 10:00:00+08' AS TIMESTAMPTZ), '客户删除员工', 3, 2)`,
    );
    for (const [i, [day, channel, cost]] of ([['2024-03-10', '直播间', '1000.00'], ['2024-03-05', '朋友圈海报', '120.00'], ['2024-04-02', '朋友圈海报', '999.00']] as const).entries()) {
      await sql.run(
        `INSERT INTO ad_costs (row_key, stat_date, channel, impressions, clicks, cost, import_id, source_row)
         VALUES (?, CAST(? AS DATE), ?, 1000, 10, CAST(? AS DECIMAL(18, 2)), 4, ?)`,
        [`a${i}`, day, channel, cost, i + 2],
      );
    }
  });
  const order = (orderNo: string, phone: string, paidAt: string, paid: string, refunded = '0') => ({ orderNo, paidAt, paid, refunded, buyerPhone: phone });
  await insertOrders(project, [
    order('o1', '13800000001', '2024-03-01 09:59:59+08', '70.00'),
    order('o2', '13800000001', '2024-03-05 10:00:00+08', '100.00'),
    order('o3', '13800000001', '2024-03-20 10:00:00+08', '40.50'),
    order('o4', '13800000002', '2024-03-10 10:00:00+08', '200.00', '50.00'),
    order('o5', '13800000003', '2024-03-09 10:00:00+08', '80.00', '80.00'),
    order('o6', '13800000004', '2024-03-01 10:00:00+08', '500.00'),
    order('o7', '13800000008', '2024-03-02 10:00:00+08', '30.00'),
  ]);
}

/** A row as the analysis should give it: counts, GMV and cost, then the derived figures. */
const row = (
  dimension: ChannelRow['dimension'],
  channel: string,
  [added, joined, active, converted, gmv, churned]: [number, number, number, number, number, number],
  cost: number | null,
  [cpa, cpc, roi]: [number | null, number | null, number | null],
): ChannelRow => ({ dimension, channel, added, joined, active, converted, gmv, churned, cost, cost_per_acquisition: cpa, cost_per_conversion: cpc, roi });

/**
 * 渠道 (source), March, every group:
 * 朋友圈海报: added cat dan wmX9 (its earliest row) = 3; joined cat dan; active cat (B) dan; converted none
 *   (cat refunded in full, dan paid before being added); churned dan (left B, gone; cat is still in B);
 *   cost imported 120 (the 04-02 row is outside the range): per acquisition 40, per conversion empty, ROI −100%.
 * 直播间: added ann ben (earliest row) eve = 3 (fay 04-01 00:00 and hal 02-28 23:59:59 fall outside);
 *   joined ann (after being added), ben (a member when added); active ann (ben wrote before being added);
 *   converted ann ben, GMV 100 + 40.50 + 150 = 290.50; churned eve (deleted the staff; ann re-joined);
 *   cost typed 300 over the imported 1000: per acquisition 100, per conversion 150, ROI (290.5 − 300) / 300.
 * 抖音: typed 0 with nobody added: every derived figure empty.
 * （未知渠道）: the row without ids and with a blank 渠道.
 * Ties in added sort by name (朋 U+670B before 直 U+76F4); the unknown channel comes last.
 */
export const expectedSourceMarch: ChannelRow[] = [
  row('source', '朋友圈海报', [3, 2, 2, 0, 0, 1], 120, [40, null, -100]),
  row('source', '直播间', [3, 2, 1, 2, 290.5, 1], 300, [100, 150, ((290.5 - 300) * 100) / 300]),
  row('source', '抖音', [0, 0, 0, 0, 0, 0], 0, [null, null, null]),
  row('source', '（未知渠道）', [1, 0, 0, 0, 0, 0], null, [null, null, null]),
];

/**
 * 渠道 (source), March, group A only: cat joined A (left it: churned) and wrote in A only at the leave
 * instant, so is not active; dan was never in A. 直播间 is unchanged (ann and ben are in A).
 */
export const expectedSourceMarchGroupA: ChannelRow[] = [
  row('source', '朋友圈海报', [3, 1, 0, 0, 0, 1], 120, [40, null, -100]),
  row('source', '直播间', [3, 2, 1, 2, 290.5, 1], 300, [100, 150, ((290.5 - 300) * 100) / 300]),
  row('source', '抖音', [0, 0, 0, 0, 0, 0], 0, [null, null, null]),
  row('source', '（未知渠道）', [1, 0, 0, 0, 0, 0], null, [null, null, null]),
];

/**
 * 添加方式 (add_way), all dates, every group:
 * 扫描二维码: ann ben eve fay wmX9 = 5; joined ann ben; active ann; converted ann ben 290.50; churned eve
 *   (deletion) and fay (her only row is 已流失); no cost (渠道投放 names are not 添加方式 values).
 * 名片分享: cat dan hal = 3; joined cat dan; active cat dan; converted hal 30; churned dan;
 *   typed cost 0: per acquisition 0, per conversion 0, ROI empty (a cost of 0).
 * 抖音: typed 50, nobody added: ROI (0 − 50) / 50 = −100%.
 */
export const expectedAddWayAll: ChannelRow[] = [
  row('add_way', '扫描二维码', [5, 2, 1, 2, 290.5, 2], null, [null, null, null]),
  row('add_way', '名片分享', [3, 2, 2, 1, 30, 1], 0, [0, 0, null]),
  row('add_way', '抖音', [0, 0, 0, 0, 0, 0], 50, [null, null, -100]),
  row('add_way', '（未知渠道）', [1, 0, 0, 0, 0, 0], null, [null, null, null]),
];
