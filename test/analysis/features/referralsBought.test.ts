/**
 * DESIGN §4 "a referral who bought": a person they invited who paid, not fully refunded, at or
 * after that join. Hand-computed (Asia/Shanghai, every time local, 2024):
 *
 *   ref  推荐人, joins G 01-01 10:00.
 *   e1…e5 join G 02-01 10:00:00 naming 推荐人 (each tied to its orders by the customer list's phone):
 *     e1  paid ¥100 on 01-20, before the referral        → no
 *     e2  paid ¥100 on 02-01 10:00:00, the join instant  → yes
 *     e3  paid ¥100 on 02-10, refunded ¥100 (in full)    → no
 *     e4  paid ¥100 on 02-10, refunded ¥30               → yes (from 02-10 on)
 *     e5  no order                                        → no
 * → on 03-31 ref has 5 referrals, 2 who bought; on 02-05, 1 (e2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureRow, QuadrantDefinition } from '../../../src-main/contract';
import { featuresParams, featuresSql } from '../../../src-main/analysis/features/featuresQueries';
import { featuresTable } from '../../../src-main/analysis/features/featuresCache';
import { queryQuadrant } from '../../../src-main/analysis/quadrant/quadrantResult';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import { insertOrders, tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;
const referees = ['e1', 'e2', 'e3', 'e4', 'e5'];

beforeAll(async () => {
  t = await tempProject(TZ);
  await t.project.db.transaction(async (sql) => {
    await sql.run(`INSERT INTO memberships (group_name, member_id, member_name, join_time, import_id) VALUES ('G', 'ref', '推荐人', TIMESTAMPTZ '2024-01-01 10:00:00+08', 1)`);
    for (const [i, id] of referees.entries()) {
      await sql.run(
        `INSERT INTO memberships (group_name, member_id, member_name, join_time, inviter, import_id) VALUES ('G', ?, ?, TIMESTAMPTZ '2024-02-01 10:00:00+08', '推荐人', 1)`,
        [id, id],
      );
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, phone, is_phone_masked, external_userid, import_id, source_row) VALUES (?, ?, ?, false, ?, 3, ?)`,
        [`c${i}`, id, `1390000000${i + 1}`, id, i + 2],
      );
    }
  });
  await insertOrders(t.project, [
    { orderNo: 'e1', paidAt: '2024-01-20 10:00:00+08', paid: 100, buyerPhone: '13900000001' },
    { orderNo: 'e2', paidAt: '2024-02-01 10:00:00+08', paid: 100, buyerPhone: '13900000002' },
    { orderNo: 'e3', paidAt: '2024-02-10 10:00:00+08', paid: 100, refunded: 100, buyerPhone: '13900000003' },
    { orderNo: 'e4', paidAt: '2024-02-10 10:00:00+08', paid: 100, refunded: 30, buyerPhone: '13900000004' },
  ]);
});
afterAll(async () => t?.dispose());

async function referrer(asOf: string): Promise<Pick<FeatureRow, 'referrals' | 'referrals_bought'>> {
  const rows = await t.project.db.use((sql) =>
    sql.all<FeatureRow>(`SELECT * FROM (${featuresSql({ hasScope: false, behaviours: [], hitTables: [] })}) WHERE pid = 'ref'`, featuresParams({ asOf, timeZone: TZ })),
  );
  return { referrals: rows[0]!.referrals, referrals_bought: rows[0]!.referrals_bought };
}

describe('referrals who bought', () => {
  it("count a referee's purchase at or after the join, not one before it nor one refunded in full", async () => {
    expect(await referrer('2024-03-31')).toEqual({ referrals: 5, referrals_bought: 2 });
  });

  it('count a purchase only once it is paid', async () => {
    expect(await referrer('2024-02-05')).toEqual({ referrals: 5, referrals_bought: 1 });
  });

  it('are what the quadrant rule mode compares', async () => {
    // Checked in order: 3 or more referrals who bought is 羊毛型 here, 2 or more 忠实型.
    const base = defaultQuadrant();
    const rule = (op: '>=', value: number) => [{ join: 'and' as const, field: 'referrals_bought' as const, op, value }];
    const def: QuadrantDefinition = {
      ...base,
      mode: 'rule',
      types: [
        { ...base.types.find((x) => x.type === 'bargain')!, rules: rule('>=', 3) },
        { ...base.types.find((x) => x.type === 'loyal')!, rules: rule('>=', 2) },
        { ...base.types.find((x) => x.type === 'needy')!, rules: [] },
        { ...base.types.find((x) => x.type === 'low')!, rules: [] },
      ],
    };
    const result = await t.project.db.use(async (sql) => queryQuadrant(t.project.db, sql, def, await featuresTable(sql, { asOf: '2024-03-31', timeZone: TZ })));
    const points = result.scatter.kind === 'points' ? result.scatter : null;
    expect(points?.type[points.pids.indexOf('ref')]).toBe(1);
    expect(result.counts.map((c) => [c.type, c.count])).toEqual([['bargain', 0], ['loyal', 1], ['needy', 0], ['low', 0], ['unclassified', 5]]);
  });
});
