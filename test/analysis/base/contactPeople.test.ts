/**
 * DESIGN §3: a customer-list contact who never joins a group is a person — on the path as
 * 添加客服微信, in churn as 已添加未入群 with their channel, in 客户360 and the quadrant — while a
 * buyer known only from orders is not. Hand-computed (Asia/Shanghai, every time local):
 *
 *   mem1  joins A 2024-03-01 10:00 and stays; customer list: 会员一, added 02-28 10:00, 直播间, 小李.
 *   con1  customer list only: 路人甲, added 03-02 10:00 by 小王, 渠道 抖音 (no 添加方式), tag 新客,
 *         phone 13900000012; order o1 paid 03-03 12:00 ¥99 to that phone; 流失客户: 客户删除员工
 *         on 03-05 10:00 → tenure 3 whole days from the add.
 *   o2    ¥50 paid 03-04 by 13700000000, a phone the customer list does not have: nobody's.
 * Each of mem1 and con1 has a unionid on its row, and a second row (added 03-10 by 小李) with that
 * unionid only: the same person again, not a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnEvent, FeatureRow } from '../../../src-main/contract';
import { queryChurnEvents } from '../../../src-main/analysis/churn/churnQueries';
import { featuresParams, featuresSql } from '../../../src-main/analysis/features/featuresQueries';
import { featuresTable } from '../../../src-main/analysis/features/featuresCache';
import { queryLost } from '../../../src-main/analysis/funnel/funnelQueries';
import { queryQuadrant } from '../../../src-main/analysis/quadrant/quadrantResult';
import { queryUnmatched } from '../../../src-main/analysis/base/unmatchedList';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import { insertImport, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertSpells(t.project, [{ group: 'A', id: 'mem1', name: '会员一', join: '2024-03-01 10:00:00+08' }]);
  await t.project.db.transaction(async (sql) => {
    await sql.run(
      `INSERT INTO customers (row_key, customer_name, staff, added_at, add_way, channel, tags, phone, is_phone_masked, external_userid, unionid, import_id, source_row) VALUES
       ('c1', '会员一', '小李', TIMESTAMPTZ '2024-02-28 10:00:00+08', '扫描二维码', '直播间', NULL, '13900000011', false, 'mem1', 'U-mem1', 3, 2),
       ('c2', '路人甲', '小王', TIMESTAMPTZ '2024-03-02 10:00:00+08', NULL, '抖音', '新客', '13900000012', false, 'con1', 'U-con1', 3, 3),
       ('c3', '会员一', '小李', TIMESTAMPTZ '2024-03-10 10:00:00+08', NULL, NULL, NULL, NULL, false, NULL, 'U-mem1', 3, 4),
       ('c4', '路人甲', '小李', TIMESTAMPTZ '2024-03-10 10:00:00+08', NULL, NULL, NULL, NULL, false, NULL, 'U-con1', 3, 5)`,
    );
    await sql.run(
      `INSERT INTO churn_events (row_key, customer_name, staff, churned_at, churn_way, added_at, external_userid, is_phone_masked, import_id, source_row) VALUES
       ('d1', '路人甲', '小王', TIMESTAMPTZ '2024-03-05 10:00:00+08', '客户删除员工', TIMESTAMPTZ '2024-03-02 10:00:00+08', 'con1', false, 4, 2)`,
    );
  });
  await insertImport(t.project, 2, '订单.xlsx', 'orders');
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2024-03-03 12:00:00+08', paid: 99, buyerPhone: '13900000012' },
    { orderNo: 'o2', paidAt: '2024-03-04 12:00:00+08', paid: 50, buyerPhone: '13700000000' },
  ]);
});
afterAll(async () => t?.dispose());

function features(asOf: string, groups?: string[]): Promise<FeatureRow[]> {
  return t.project.db.use((sql) =>
    sql.all<FeatureRow>(`SELECT * FROM (${featuresSql({ hasScope: !!groups, behaviours: [], hitTables: [] })}) ORDER BY pid`, featuresParams({ groups, asOf, timeZone: TZ })),
  );
}

describe('a contact deleted before ever joining is a person', () => {
  it('is in the churn list as 已添加未入群 with its channel and its tenure from the add', async () => {
    const events = await t.project.db.use((sql) => queryChurnEvents(sql, { timeZone: TZ }));
    expect(events).toEqual([
      {
        pid: 'con1', name: '路人甲', left_at: '2024-03-05T10:00:00', how: 'customer_deleted_staff', group_name: null,
        stage: 'added_not_joined', channel: '抖音', tenure_days: 3,
      } satisfies ChurnEvent,
    ]);
    // A contact of no group cannot be placed in a scope.
    expect(await t.project.db.use((sql) => queryChurnEvents(sql, { timeZone: TZ, groups: ['A'] }))).toEqual([]);
  });

  it('is on the path as 添加客服微信 and among the people lost before 入群, by name and channel', async () => {
    const path = { stages: [{ id: 'add', name: '添加客服微信', source: 'person_added' as const }, { id: 'join', name: '入群', source: 'person_joined' as const }] };
    const lost = await t.project.db.use((sql) => queryLost(sql, { stageIndex: 1, windowDays: 14 }, path, TZ));
    expect(lost).toEqual([{ pid: 'con1', name: '路人甲', channel: '抖音', staff: '小王', entered_at: '2024-03-02T10:00:00', last_stage: '添加客服微信' }]);
  });

  it('is one person under its external userid, its unionid-only row included', async () => {
    const people = await t.project.db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM qx_derived.id_people ORDER BY pid`));
    expect(people.map((p) => p.pid)).toEqual(['con1', 'mem1']);
  });

  it('is in 客户360 from the day it was added, with its channel and the order its phone reached', async () => {
    const rows = await features('2024-03-31');
    expect(rows.map((r) => r.pid)).toEqual(['con1', 'mem1']);
    expect(rows[0]).toEqual({
      pid: 'con1', name: '路人甲', channel: '抖音', staff: '小王', tags: '新客', groups: null, is_member: false,
      purchases: 1, gmv: 99, aov: 99, first_purchase: '2024-03-03 12:00:00', last_purchase: '2024-03-03 12:00:00',
      purchase_months_3m: 1, days_since_last_purchase: 28, repurchase_90d: false, referrals: 0, referrals_bought: 0,
      messages: 0, key_behaviours: 0, tenure_days: null, survey_score: null,
    } satisfies FeatureRow);
    // Not yet added on 03-01; in no group, so in no scope.
    expect((await features('2024-03-01')).map((r) => r.pid)).toEqual(['mem1']);
    expect((await features('2024-03-31', ['A'])).map((r) => r.pid)).toEqual(['mem1']);
  });

  it('is a point of the quadrant', async () => {
    const result = await t.project.db.use(async (sql) => queryQuadrant(t.project.db, sql, defaultQuadrant(), await featuresTable(sql, { asOf: '2024-03-31', timeZone: TZ })));
    expect(result.scatter.kind === 'points' ? [...result.scatter.pids].sort() : null).toEqual(['con1', 'mem1']);
  });
});

describe('a buyer known only from orders', () => {
  it('is no person: counted nowhere as one, and listed as an order that matched nobody', async () => {
    const rows = await features('2024-03-31');
    expect(rows.some((r) => r.pid === '13700000000')).toBe(false);
    const unmatched = await t.project.db.use((sql) => queryUnmatched(t.project.db, sql, { offset: 0, limit: 10, sort: [], filter: {} }, TZ));
    expect(unmatched.rows).toEqual([{ kind: 'orders', file_name: '订单.xlsx', row_number: 3, name: null, phone: '13700000000', reason: '客户列表中没有这个手机号' }]);
  });
});
