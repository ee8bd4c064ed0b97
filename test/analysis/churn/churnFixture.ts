/**
 * The hand-computed churn fixture (Asia/Shanghai, UTC+8; all times below are local). Week 1 is
 * Mon 2024-01-01 … Sun 01-07, week 2 Mon 01-08 … Sun 01-14, week 3 01-15 … 01-21, week 4 01-22 …
 *
 *   alice 阿花 A  joins Mon 01-01 09:00, leaves (自己退群) Wed 01-03 10:00, re-joins A Mon 01-15 10:00 (week 3), stays
 *   bob   小波 A  joins 01-01 10:00, leaves 01-02 12:00, re-joins 15:00 the same day: no churn
 *   carol 小卡 A  joins Tue 01-02 08:00, leaves A Thu 01-04 10:00 while in B
 *             B  joins Wed 01-03 09:00, 被移出 Sun 01-07 23:59:59 (week 1's last second)
 *   dave  大卫 B  joins 01-01 12:00, leaves Mon 01-08 00:00:00 (week 2's first second)
 *   erin  小恩 A  joins 01-03 09:00, stays; writes in A on Wed 01-24 10:00 (the last instant with data)
 *   gina  吉娜 C  joins 01-02 10:00, leaves 01-04 20:00 (C is outside the scope [A, B])
 *   hank  阿汉 A  joins Mon 01-08 09:00, leaves 18:00 the same day (退群方式 blank)
 *   ivy   艾薇 B  joins Tue 01-09 10:00, stays
 *   frank        never in a group: one private message (so identity knows him), a customer added 2023-12-20
 *
 * Customer list: carol (渠道 公众号, no 添加方式), dave (朋友推荐, phone 13800000004), erin (群二维码,
 * phone 13800000005), frank (扫码添加, added 2023-12-20 10:00).
 * Orders (tied by phone): dave paid 100 on 01-02 and 80 on 01-05 refunded in full (so he bought
 * once); erin paid on 01-04 and on 01-06 (a repeat buyer).
 * 流失客户: alice 客户删除员工 Fri 01-05 20:00; erin 员工删除客户 Wed 01-10 11:00; frank 客户删除员工 01-05
 * 14:00; 陌生人 (no id, no phone: tied to nobody) added 01-01 08:00, 流失方式 blank, 01-06 09:00.
 */
import { invalidateDerived } from '../../../src-main/analysis/base/derivedTables';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertCustomers, insertMessages, insertOrders } from '../../support/projectFixture';

/** A spell with its 退群方式 (projectFixture's insertSpells has none). */
interface WaySpell {
  group: string;
  id: string;
  name: string;
  join: string;
  leave?: string;
  leaveWay?: string;
}

const spells: WaySpell[] = [
  { group: 'A', id: 'alice', name: '阿花', join: '2024-01-01 09:00:00+08', leave: '2024-01-03 10:00:00+08', leaveWay: '自己退群' },
  { group: 'A', id: 'alice', name: '阿花', join: '2024-01-15 10:00:00+08' },
  { group: 'A', id: 'bob', name: '小波', join: '2024-01-01 10:00:00+08', leave: '2024-01-02 12:00:00+08', leaveWay: '自己退群' },
  { group: 'A', id: 'bob', name: '小波', join: '2024-01-02 15:00:00+08' },
  { group: 'A', id: 'carol', name: '小卡', join: '2024-01-02 08:00:00+08', leave: '2024-01-04 10:00:00+08', leaveWay: '自己退群' },
  { group: 'B', id: 'carol', name: '小卡', join: '2024-01-03 09:00:00+08', leave: '2024-01-07 23:59:59+08', leaveWay: '被移出' },
  { group: 'B', id: 'dave', name: '大卫', join: '2024-01-01 12:00:00+08', leave: '2024-01-08 00:00:00+08', leaveWay: '自己退群' },
  { group: 'A', id: 'erin', name: '小恩', join: '2024-01-03 09:00:00+08' },
  { group: 'C', id: 'gina', name: '吉娜', join: '2024-01-02 10:00:00+08', leave: '2024-01-04 20:00:00+08', leaveWay: '自己退群' },
  { group: 'A', id: 'hank', name: '阿汉', join: '2024-01-08 09:00:00+08', leave: '2024-01-08 18:00:00+08' },
  { group: 'B', id: 'ivy', name: '艾薇', join: '2024-01-09 10:00:00+08' },
];

/** A 流失客户 row. */
interface DeletionRow {
  name: string;
  externalUserid: string | null;
  at: string;
  way: string | null;
  addedAt?: string;
}

const deletions: DeletionRow[] = [
  { name: '阿花', externalUserid: 'alice', at: '2024-01-05 20:00:00+08', way: '客户删除员工' },
  { name: '小恩', externalUserid: 'erin', at: '2024-01-10 11:00:00+08', way: '员工删除客户' },
  { name: '阿福', externalUserid: 'frank', at: '2024-01-05 14:00:00+08', way: '客户删除员工' },
  { name: '陌生人', externalUserid: null, at: '2024-01-06 09:00:00+08', way: null, addedAt: '2024-01-01 08:00:00+08' },
];

async function insertWaySpells(project: OpenProject, rows: WaySpell[]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const r of rows) {
      await sql.run(
        `INSERT INTO memberships (group_name, member_id, member_name, join_time, leave_time, leave_way, import_id)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, 1)`,
        [r.group, r.id, r.name, r.join, r.leave ?? null, r.leaveWay ?? null],
      );
    }
  });
}

async function insertDeletions(project: OpenProject, rows: DeletionRow[]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, r] of rows.entries()) {
      await sql.run(
        `INSERT INTO churn_events (row_key, customer_name, churned_at, churn_way, added_at, external_userid, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, CAST(? AS TIMESTAMPTZ), ?, 4, ?)`,
        [`d${i}`, r.name, r.at, r.way, r.addedAt ?? null, r.externalUserid, i + 2],
      );
    }
  });
}

/** Customer-list rows with the channel columns (projectFixture's insertCustomers has only identity columns). */
async function insertChannels(project: OpenProject): Promise<void> {
  await insertCustomers(project, [
    { name: '小卡', externalUserid: 'carol' },
    { name: '大卫', externalUserid: 'dave', phone: '13800000004' },
    { name: '小恩', externalUserid: 'erin', phone: '13800000005' },
    { name: '阿福', externalUserid: 'frank' },
  ]);
  await project.db.use(async (sql) => {
    const set = `UPDATE customers SET add_way = ?, channel = ?, added_at = CAST(? AS TIMESTAMPTZ) WHERE external_userid = ?`;
    await sql.run(set, [null, '公众号', '2023-12-30 10:00:00+08', 'carol']);
    await sql.run(set, ['朋友推荐', null, '2023-12-31 10:00:00+08', 'dave']);
    await sql.run(set, ['群二维码', null, '2023-12-28 10:00:00+08', 'erin']);
    await sql.run(set, ['扫码添加', null, '2023-12-20 10:00:00+08', 'frank']);
  });
  // In-place updates are no import: the derived person facts must be rebuilt.
  invalidateDerived(project.db);
}

/** Fills a project with the fixture above. */
export async function fillChurnFixture(project: OpenProject): Promise<void> {
  await insertWaySpells(project, spells);
  await insertMessages(project, [
    { id: 'frank', group: null, at: '2023-12-25 10:00:00+08' },
    { id: 'erin', group: 'A', at: '2024-01-24 10:00:00+08' },
  ]);
  await insertChannels(project);
  await insertOrders(project, [
    { orderNo: 'D1', paidAt: '2024-01-02 10:00:00+08', paid: 100, buyerPhone: '13800000004' },
    { orderNo: 'D2', paidAt: '2024-01-05 10:00:00+08', paid: 80, refunded: 80, buyerPhone: '13800000004' },
    { orderNo: 'E1', paidAt: '2024-01-04 10:00:00+08', paid: 30, buyerPhone: '13800000005' },
    { orderNo: 'E2', paidAt: '2024-01-06 10:00:00+08', paid: 40, buyerPhone: '13800000005' },
  ]);
  await insertDeletions(project, deletions);
}
