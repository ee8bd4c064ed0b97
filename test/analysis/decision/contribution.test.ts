import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribution } from '../../../src-main/analysis/decision/contribution';
import { runAbtest } from '../../../src-main/analysis/decision/abtest';
import { abtestRequestSchema, type ContributionResult, type ContributionUnit } from '../../../src-main/contract';
import { defaultContribution } from '../../../src-main/db/definitionDefaults';
import { insertFeaturesFixture } from '../features/featuresFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

/**
 * The customer-360 fixture (test/analysis/features/featuresFixture.ts) at its last day with data,
 * 2024-04-06, with staff given to more people: 小王 ann (fixture) + cat; 小李 bob (fixture) + rae;
 * 小张 fay + ivy; 小赵 kim, a contact who never joined a group. Group owners: A and C 王群主, B 李群主.
 *
 * Per staff (people, joined, active %, churn %, key behaviour %, conversion %, GMV):
 *   小王  2, 2,  50,  0,  50,  50, 1349 (ann 100 + 50 + 200 + 999; cat nothing)
 *   小李  2, 2,  50,  0,  50, 100,  160 (bob 60, rae 50 + 50)
 *   小张  2, 2,   0, 50,   0,   0,    0 (fay left both groups)
 *   小赵  1, 0,   0,  -,   0,   0,    0 (nobody joined: no churn rate)
 * Default definition, weights 1, 1, 1, 1, 2, 2 (Σ 8, one weight unit = 12.5 points), GMV by percentile:
 *   new_members min–max 0…2: 1, 1, 1, 0; active 0…50: 1, 1, 0, 0; churn reversed over 0, 0, 50: 1, 1, 0, -;
 *   key behaviour: 1, 1, 0, 0; conversion 0…100: 0.5, 1, 0, 0;
 *   GMV percentile over 1349, 160, 0, 0: 3/3, 2/3, (0 + ½)/3 = 1/6, 1/6.
 *   小王 1 + 1 + 1 + 1 + 2·0.5 + 2·1 = 7 → 87.5 A;  小李 4 + 2 + 4/3 → 91.667 A;
 *   小张 1 + 2/6 → 16.667 D;  小赵 2/6 → 4.167 D.
 *
 * Per owner: 王群主 (A, C): people 10 (A's nine with gus, and ivy), churn fay 1 → 10%, active / key
 * behaviour ann → 10%, buyers ann, rae, ray → 30%, GMV 1349 + 100 + 80 = 1529. 李群主 (B): 5 people,
 * active / key behaviour bob 20%, churn fay 20%, buyers bob, mia, max 60%, GMV 200.
 *   Two units: each metric normalises to 1 for the better, 0 for the other; 王 wins new members, churn
 *   and GMV (1 + 1 + 2 = 4 of 8), 李 active, key behaviour, conversion (1 + 1 + 2 = 4 of 8): both 50, both rank 1.
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertFeaturesFixture(t.project);
  await t.project.db.transaction(async (sql) => {
    await sql.run(`UPDATE customers SET staff = '小李' WHERE external_userid = 'rae'`);
    const extra: [string, string, string][] = [
      ['cat', '小王', '13900000011'],
      ['fay', '小张', '13900000012'],
      ['ivy', '小张', '13900000013'],
      ['kim', '小赵', '13900000014'],
    ];
    for (const [i, [eu, staff, phone]] of extra.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, staff, added_at, phone, is_phone_masked, external_userid, import_id, source_row)
         VALUES (?, ?, ?, TIMESTAMPTZ '2023-11-01 10:00:00+08', ?, false, ?, 3, ?)`,
        [`x${i}`, eu, staff, phone, eu, 100 + i],
      );
    }
    for (const [i, [group, owner]] of [['A', '王群主'], ['C', '王群主'], ['B', '李群主']].entries()) {
      await sql.run(`INSERT INTO customer_groups (row_key, group_name, owner, import_id, source_row) VALUES (?, ?, ?, 5, ?)`, [`g${i}`, group, owner, i + 2]);
    }
  });
});
afterAll(async () => t?.dispose());

const run = (by: ContributionUnit, groups?: string[]): Promise<ContributionResult> =>
  t.project.db.use((sql) => contribution(sql, { by, groups, definition: defaultContribution() }, TZ));
const valuesOf = (r: ContributionResult, unit: string) => Object.fromEntries(r.rows.find((x) => x.unit === unit)!.parts.map((p) => [p.metric, p.value]));

describe('contribution score on the project', () => {
  it('scores staff members from their customers, a staff member with nobody joined included', async () => {
    const r = await run('staff');
    expect(r.asOf).toBe('2024-04-06');
    expect(r.rows.map((x) => [x.unit, x.people, x.rank, x.band])).toEqual([
      ['小李', 2, 1, 'A'],
      ['小王', 2, 2, 'A'],
      ['小张', 2, 3, 'D'],
      ['小赵', 1, 4, 'D'],
    ]);
    expect(r.rows.map((x) => x.score)).toEqual([expect.closeTo(275 / 3, 9), expect.closeTo(87.5, 9), expect.closeTo(50 / 3, 9), expect.closeTo(25 / 6, 9)]);
    expect(valuesOf(r, '小王')).toEqual({ new_members: 2, active_rate: 50, churn_rate: 0, key_behaviour_rate: 50, conversion_rate: 50, gmv: 1349 });
    expect(valuesOf(r, '小李')).toEqual({ new_members: 2, active_rate: 50, churn_rate: 0, key_behaviour_rate: 50, conversion_rate: 100, gmv: 160 });
    expect(valuesOf(r, '小张')).toEqual({ new_members: 2, active_rate: 0, churn_rate: 50, key_behaviour_rate: 0, conversion_rate: 0, gmv: 0 });
    expect(valuesOf(r, '小赵')).toEqual({ new_members: 0, active_rate: 0, churn_rate: null, key_behaviour_rate: 0, conversion_rate: 0, gmv: 0 });
    for (const row of r.rows) expect(row.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(row.score, 10);
    expect(r.rows[0]!.reading).toContain('小李 得 91.7 分（A 档），4 人中排第 1');
    expect(r.reading).toContain('共 4 位员工，A 档 2 人、B 档 0 人、C 档 0 人、D 档 2 人');
  });

  it('a staff member’s conversion and active rates are A/B 对比’s for that staff arm (one figure, one definition)', async () => {
    const r = await run('staff');
    for (const metric of ['conversion', 'active'] as const) {
      const ab = await t.project.db.use((sql) =>
        runAbtest(sql, abtestRequestSchema.parse({ a: { kind: 'staff', value: '小王' }, b: { kind: 'staff', value: '小李' }, metric }), TZ),
      );
      const key = metric === 'conversion' ? 'conversion_rate' : 'active_rate';
      expect([valuesOf(r, '小王')[key], valuesOf(r, '小李')[key]]).toEqual([ab.a.value, ab.b.value]);
    }
  });

  it('scores group owners over the people of their groups; equal scores share rank 1', async () => {
    const r = await run('owner');
    expect(r.by).toBe('owner');
    expect(r.rows.map((x) => [x.unit, x.people, x.rank, x.band, x.score])).toEqual(
      expect.arrayContaining([
        ['王群主', 10, 1, 'D', 50],
        ['李群主', 5, 1, 'D', 50],
      ]),
    );
    expect(valuesOf(r, '王群主')).toEqual({ new_members: 10, active_rate: 10, churn_rate: 10, key_behaviour_rate: 10, conversion_rate: 30, gmv: 1529 });
    expect(valuesOf(r, '李群主')).toEqual({ new_members: 5, active_rate: 20, churn_rate: 20, key_behaviour_rate: 20, conversion_rate: 60, gmv: 200 });
  });

  it('the scope limits an owner to its groups: with group C alone, 王群主 is the only one and scores 100', async () => {
    const r = await run('owner', ['C']);
    expect(r.rows.map((x) => [x.unit, x.people, x.score])).toEqual([['王群主', 1, 100]]);
    expect(r.reading).toContain('只有 1 位群主');
  });
});
