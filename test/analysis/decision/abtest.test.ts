import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAbtest } from '../../../src-main/analysis/decision/abtest';
import { deleteAbtest, readSavedAbtests, saveAbtest } from '../../../src-main/analysis/decision/savedAbtests';
import { abtestRequestSchema, type AbtestRequest } from '../../../src-main/contract';
import { insertFeaturesFixture } from '../features/featuresFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

/**
 * On the customer-360 fixture (test/analysis/features/featuresFixture.ts), computed at its last day
 * with data, 2024-04-06 (gus joins A that night):
 *   group A: ann, cat, dan, hal, eve, fay, rae, ray, gus = 9 people; buyers ann, rae, ray = 3.
 *     GMV: ann 100 + 50 + 200 + 999 (04-01) = 1349 (the fully refunded ¥80 is no purchase), rae 100, ray 80 → Σ 1529.
 *   group B: bob, dan2, fay, mia, max = 5 people; buyers bob, mia, max = 3; GMV 60 + 70 + 70 = 200.
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertFeaturesFixture(t.project);
});
afterAll(async () => t?.dispose());

const run = (req: AbtestRequest) => t.project.db.use((sql) => runAbtest(sql, abtestRequestSchema.parse(req), TZ));

describe('decision A/B comparison on the feature table', () => {
  it('group A vs group B on conversion: 3/9 vs 3/5, Fisher because an expected cell is below 5, too few people', async () => {
    const r = await run({ a: { kind: 'group', value: 'A' }, b: { kind: 'group', value: 'B' }, metric: 'conversion' });
    expect(r.asOf).toBe('2024-04-06');
    expect([r.a.n, r.a.successes, r.b.n, r.b.successes]).toEqual([9, 3, 5, 3]);
    expect(r.a.value).toBeCloseTo(100 / 3, 10);
    expect(r.b.value).toBeCloseTo(60, 10);
    expect(r.difference).toBeCloseTo(100 / 3 - 60, 10);
    // Smallest expected cell 5·6/14 = 2.14 < 5 → Fisher. Hypergeometric(N 14, 6 buyers, 9 drawn):
    // C(6,x)·C(8,9−x) for x = 1…6 is 6, 120, 560, 840, 420, 56 of 2002; observed x = 3 (560):
    // p = (6 + 120 + 560 + 420 + 56) / 2002 = 1162 / 2002.
    expect(r.test).toBe('fisher');
    expect(r.p).toBeCloseTo(1162 / 2002, 10);
    // 1/3 vs 0.6 at 80% power: p̄ = 0.466667, (1.959964·√0.497778 + 0.841621·√0.462222)² / 0.266667²
    // = (1.382821 + 0.572192)² / 0.0711111 = 3.822076 / 0.0711111 = 53.75 → 54 per arm: the 5 of B are too few.
    expect(r.requiredPerArm).toBe(54);
    expect(r.verdict).toBe('insufficient');
    expect(r.reading).toContain('样本不足');
  });

  it('group A vs group B on GMV per person: means 1529/9 and 200/5 with Welch', async () => {
    const r = await run({ a: { kind: 'group', value: 'A' }, b: { kind: 'group', value: 'B' }, metric: 'gmv' });
    expect(r.kind).toBe('mean');
    expect([r.a.n, r.b.n]).toEqual([9, 5]);
    expect(r.a.value).toBeCloseTo(1529 / 9, 8);
    expect(r.b.value).toBeCloseTo(40, 8);
    expect(r.difference).toBeCloseTo(1529 / 9 - 40, 8);
    expect(r.test).toBe('welch');
    expect(r.low).toBeLessThan(r.difference!);
    expect(r.high).toBeGreaterThan(r.difference!);
  });

  it('staff arms read the customer list: 小王 (ann) vs 小李 (bob) both bought', async () => {
    const r = await run({ a: { kind: 'staff', value: '小王' }, b: { kind: 'staff', value: '小李' }, metric: 'conversion' });
    expect([r.a.n, r.a.successes, r.b.n, r.b.successes]).toEqual([1, 1, 1, 1]);
    expect(r.difference).toBe(0);
  });

  it('an arm nobody is in: no difference, 样本不足', async () => {
    const r = await run({ a: { kind: 'channel', value: '不存在' }, b: { kind: 'group', value: 'B' }, metric: 'conversion' });
    expect(r.a.n).toBe(0);
    expect(r.difference).toBeNull();
    expect(r.verdict).toBe('insufficient');
  });

  it('join weeks: who first joined in the week of Monday 2024-01-01 (eve 01-01, ann 01-02, dan and dan2 01-03, fay 01-05)', async () => {
    const r = await run({ a: { kind: 'joinWeek', from: '2024-01-01' }, b: { kind: 'joinWeek', from: '2023-11-27' }, metric: 'conversion' });
    // Week of 2023-11-27: rae, ray, mia, max (12-01), all buyers.
    expect([r.a.n, r.a.successes, r.b.n, r.b.successes]).toEqual([5, 1, 4, 4]);
  });

  it('saved comparisons: saved, replaced by id, deleted', async () => {
    const request = { a: { kind: 'group' as const, value: 'A' }, b: { kind: 'group' as const, value: 'B' }, metric: 'conversion' as const };
    await t.project.db.use(async (sql) => {
      expect(await readSavedAbtests(sql)).toEqual([]);
      await saveAbtest(sql, { id: 'x', name: 'A 对 B', request });
      await saveAbtest(sql, { id: 'y', name: '第二个', request });
      const list = await saveAbtest(sql, { id: 'x', name: 'A 对 B（改）', request });
      expect(list.map((s) => [s.id, s.name])).toEqual([['x', 'A 对 B（改）'], ['y', '第二个']]);
      expect((await deleteAbtest(sql, 'x')).map((s) => s.id)).toEqual(['y']);
      expect((await readSavedAbtests(sql)).map((s) => s.id)).toEqual(['y']);
    });
  });
});
