import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../src-main/contract';
import { criteriaSql, matchesCriteria } from '../../../src-main/analysis/base/criteria';
import { tempProject, type TempProject } from '../../support/projectFixture';

/** Five people with hand-picked features; the expected matches are read off this table. */
const people = [
  { pid: 'p1', gmv: 1000, purchases: 3, referrals: 0, aov: 333.33 },
  { pid: 'p2', gmv: 999.99, purchases: 1, referrals: 2, aov: 999.99 },
  { pid: 'p3', gmv: 0, purchases: 0, referrals: 5, aov: null },
  { pid: 'p4', gmv: 50, purchases: 1, referrals: 0, aov: 50 },
  { pid: 'p5', gmv: 2000, purchases: 0, referrals: 0, aov: null },
];

const c = (join: Criterion['join'], field: Criterion['field'], op: Criterion['op'], value: number): Criterion => ({ join, field, op, value });

const cases: { name: string; rules: Criterion[]; expected: string[] }[] = [
  // ≥ includes the boundary, > does not.
  { name: 'gmv ≥ 1000', rules: [c('and', 'gmv', '>=', 1000)], expected: ['p1', 'p5'] },
  { name: 'gmv > 1000', rules: [c('and', 'gmv', '>', 1000)], expected: ['p5'] },
  // A or B and C = A or (B and C): p3 by referrals ≥ 2 alone does not pass the purchases = 1 part; p2 passes both.
  { name: 'gmv ≥ 1000 or referrals ≥ 2 and purchases = 1', rules: [c('and', 'gmv', '>=', 1000), c('or', 'referrals', '>=', 2), c('and', 'purchases', '=', 1)], expected: ['p1', 'p2', 'p5'] },
  // A and B or C = (A and B) or C.
  { name: 'purchases ≥ 1 and referrals = 0 or referrals ≥ 5', rules: [c('and', 'purchases', '>=', 1), c('and', 'referrals', '=', 0), c('or', 'referrals', '>=', 5)], expected: ['p1', 'p3', 'p4'] },
  // An empty feature (no purchases → no average order value) makes the comparison false, even with != and <.
  { name: 'aov < 100', rules: [c('and', 'aov', '<', 100)], expected: ['p4'] },
  { name: 'aov != 50', rules: [c('and', 'aov', '!=', 50)], expected: ['p1', 'p2'] },
  { name: 'no rules', rules: [], expected: [] },
];

describe('criteria rows', () => {
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject();
    await t.project.db.use(async (sql) => {
      await sql.run(`CREATE TABLE f (pid VARCHAR, gmv DOUBLE, purchases INTEGER, referrals INTEGER, aov DOUBLE)`);
      for (const p of people) await sql.run(`INSERT INTO f VALUES (?, ?, ?, ?, ?)`, [p.pid, p.gmv, p.purchases, p.referrals, p.aov]);
    });
  });
  afterAll(() => t.dispose());

  for (const k of cases) {
    it(`${k.name}: the same people in SQL and in JavaScript`, async () => {
      const rows = await t.project.db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM f x WHERE ${criteriaSql(k.rules, 'x')} ORDER BY pid`));
      expect(rows.map((r) => r.pid)).toEqual(k.expected);
      expect(people.filter((p) => matchesCriteria(k.rules, p)).map((p) => p.pid)).toEqual(k.expected);
    });
  }

  it('refuses a field or operator outside the closed lists', () => {
    expect(() => criteriaSql([{ join: 'and', field: 'gmv; DROP TABLE f' as never, op: '>', value: 1 }])).toThrow('未知的特征');
    expect(() => criteriaSql([{ join: 'and', field: 'gmv', op: '>= 0 OR 1' as never, value: 1 }])).toThrow('未知的比较符');
    expect(() => criteriaSql([{ join: 'and', field: 'gmv', op: '>', value: Number.NaN }])).toThrow('不是有限数值');
  });
});
