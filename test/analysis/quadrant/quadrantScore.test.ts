import { afterEach, describe, expect, it } from 'vitest';
import type { QuadrantAxis } from '../../../src-main/contract';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { featuresDb, pointsByPid, quadrantOf, scoreDefinition, typesByPid, type FeaturePerson } from './quadrantFixture';

let db: ProjectDb | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const fixed = (value: number): QuadrantAxis['threshold'] => ({ kind: 'fixed', value });
const pct = (value: number): QuadrantAxis['threshold'] => ({ kind: 'percentile', value });
/** One-term axis over a feature, raw, weight 1. */
const rawAxis = (feature: 'purchases' | 'messages', threshold: QuadrantAxis['threshold']): QuadrantAxis => ({ terms: [{ feature, weight: 1, normalise: 'raw' }], threshold });

describe('quadrant score mode: axis values', () => {
  it('sums weight × raw value, empty as 0 and booleans as 0/1, and the exact boundary is high', async () => {
    /**
     * x = 1 × survey_score + 0.5 × messages + 2 × repurchase_90d;  y = 2 × purchases + 1 × referrals.
     *   a: survey 5,  msgs 4, repurchase yes → x = 5 + 2 + 2 = 9;   purchases 3, referrals 0 → y = 6
     *   b: survey 4,  msgs 0                 → x = 4               purchases 2, referrals 1 → y = 5
     *   c: survey —,  msgs 2                 → x = 0 + 1 = 1        purchases 0             → y = 0
     *   d: survey 2,  msgs 4                 → x = 2 + 2 = 4        purchases 2             → y = 4
     *   e: survey 1,  msgs 0                 → x = 1               purchases 3             → y = 6
     * Fixed thresholds x ≥ 4, y ≥ 5: a (9, 6) loyal; b (4, 5) loyal — on both boundaries;
     * d (4, 4) needy (x on the boundary, y just below); e (1, 6) bargain; c (1, 0) low.
     */
    const people: FeaturePerson[] = [
      { pid: 'a', survey_score: 5, messages: 4, repurchase_90d: true, purchases: 3, referrals: 0 },
      { pid: 'b', survey_score: 4, messages: 0, purchases: 2, referrals: 1 },
      { pid: 'c', survey_score: null, messages: 2, purchases: 0 },
      { pid: 'd', survey_score: 2, messages: 4, purchases: 2 },
      { pid: 'e', survey_score: 1, messages: 0, purchases: 3 },
    ];
    db = await featuresDb(people);
    const def = scoreDefinition(
      {
        terms: [
          { feature: 'survey_score', weight: 1, normalise: 'raw' },
          { feature: 'messages', weight: 0.5, normalise: 'raw' },
          { feature: 'repurchase_90d', weight: 2, normalise: 'raw' },
        ],
        threshold: fixed(4),
      },
      {
        terms: [
          { feature: 'purchases', weight: 2, normalise: 'raw' },
          { feature: 'referrals', weight: 1, normalise: 'raw' },
        ],
        threshold: fixed(5),
      },
    );
    const result = await quadrantOf(db, def);
    expect(pointsByPid(result)).toEqual({ a: [9, 6], b: [4, 5], c: [1, 0], d: [4, 4], e: [1, 6] });
    expect(typesByPid(result, def)).toEqual({ a: 'loyal', b: 'loyal', c: 'low', d: 'needy', e: 'bargain' });
    expect(result.thresholdX).toBe(4);
    expect(result.thresholdY).toBe(5);
    // The default definition lists loyal, bargain, low, needy; unclassified comes last and is 0 in score mode.
    expect(result.counts).toEqual([
      { type: 'loyal', label: '忠实型', count: 2, share: 40 },
      { type: 'bargain', label: '羊毛型', count: 1, share: 20 },
      { type: 'low', label: '低需求', count: 1, share: 20 },
      { type: 'needy', label: '需求型', count: 1, share: 20 },
      { type: 'unclassified', label: '未分类', count: 0, share: 0 },
    ]);
  });

  it('min-max scales over the people with empty as 0, and gives 0 to everyone when all are alike', async () => {
    /**
     * survey_score 5, 3, —, 1, 5 → as 0: 5, 3, 0, 1, 5 → min 0, max 5 → 1, 0.6, 0, 0.2, 1.
     * messages 7 for everyone → max = min → 0. x = survey (weight 1) + 3 × messages term = survey only.
     * gmv 100, 300, 0, 200, 300 → min 0, max 300 → y = 2 × (1/3, 1, 0, 2/3, 1).
     */
    db = await featuresDb([
      { pid: 'a', survey_score: 5, messages: 7, gmv: 100 },
      { pid: 'b', survey_score: 3, messages: 7, gmv: 300 },
      { pid: 'c', survey_score: null, messages: 7, gmv: 0 },
      { pid: 'd', survey_score: 1, messages: 7, gmv: 200 },
      { pid: 'e', survey_score: 5, messages: 7, gmv: 300 },
    ]);
    const def = scoreDefinition(
      {
        terms: [
          { feature: 'survey_score', weight: 1, normalise: 'minmax' },
          { feature: 'messages', weight: 3, normalise: 'minmax' },
        ],
        threshold: fixed(0.6),
      },
      { terms: [{ feature: 'gmv', weight: 2, normalise: 'minmax' }], threshold: fixed(2) },
    );
    const result = await quadrantOf(db, def);
    const points = pointsByPid(result);
    const expected: Record<string, [number, number]> = { a: [1, 2 / 3], b: [0.6, 2], c: [0, 0], d: [0.2, 4 / 3], e: [1, 2] };
    for (const [pid, [x, y]] of Object.entries(expected)) {
      expect(points[pid]![0]).toBeCloseTo(x, 12);
      expect(points[pid]![1]).toBeCloseTo(y, 12);
    }
    // b sits on the x boundary 0.6 (3/5 computes to the same double as the literal): high.
    expect(typesByPid(result, def)).toEqual({ a: 'needy', b: 'loyal', c: 'low', d: 'low', e: 'loyal' });
  });

  it('ranks percentiles with ties sharing the lowest rank and empty ranked as 0', async () => {
    /**
     * survey_score —, 0, 7, 7, 10 → as 0: 0, 0, 7, 7, 10 → rank 1, 1, 3, 3, 5 → (rank − 1) / 4 = 0, 0, 0.5, 0.5, 1.
     * purchases 0, 0, 2, 5, 2 → rank 1, 1, 3, 5, 3 → 0, 0, 0.5, 1, 0.5; y = 4 × that.
     */
    db = await featuresDb([
      { pid: 'a', survey_score: null, purchases: 0 },
      { pid: 'b', survey_score: 0, purchases: 0 },
      { pid: 'c', survey_score: 7, purchases: 2 },
      { pid: 'd', survey_score: 7, purchases: 5 },
      { pid: 'e', survey_score: 10, purchases: 2 },
    ]);
    const def = scoreDefinition(
      { terms: [{ feature: 'survey_score', weight: 1, normalise: 'percentile' }], threshold: fixed(0.5) },
      { terms: [{ feature: 'purchases', weight: 4, normalise: 'percentile' }], threshold: fixed(3) },
    );
    const result = await quadrantOf(db, def);
    expect(pointsByPid(result)).toEqual({ a: [0, 0], b: [0, 0], c: [0.5, 2], d: [0.5, 4], e: [1, 2] });
    expect(typesByPid(result, def)).toEqual({ a: 'low', b: 'low', c: 'needy', d: 'loyal', e: 'needy' });
  });

  it('gives 0 to a single person ranked by percentile, and 0 to an axis without terms', async () => {
    db = await featuresDb([{ pid: 'solo', messages: 12, purchases: 3 }]);
    const def = scoreDefinition({ terms: [{ feature: 'messages', weight: 1, normalise: 'percentile' }], threshold: fixed(0) }, { terms: [], threshold: fixed(1) });
    const result = await quadrantOf(db, def);
    expect(pointsByPid(result)).toEqual({ solo: [0, 0] });
    // x 0 ≥ 0 high, y 0 < 1 low.
    expect(typesByPid(result, def)).toEqual({ solo: 'needy' });
  });
});

describe('quadrant points', () => {
  it('come in pid order with their names as they are (none stays none), in the people list and as the scatter of a small scope', async () => {
    db = await featuresDb([
      { pid: 'b', name: '小\u001f李', messages: 2 },
      { pid: 'a', name: null, messages: 1 },
      { pid: 'c', name: '=HYPERLINK("x")', messages: 3 },
    ]);
    const result = await quadrantOf(db, scoreDefinition(rawAxis('messages', fixed(2)), rawAxis('purchases', fixed(1))));
    expect(result.pids).toEqual(['a', 'b', 'c']);
    expect(result.names).toEqual([null, '小\u001f李', '=HYPERLINK("x")']);
    expect(result.x).toEqual([1, 2, 3]);
    // Indexes into the default types: loyal 0, bargain 1, low 2, needy 3 (a is low, b and c needy).
    expect(result.type).toEqual([2, 3, 3]);
    expect(result.scatter).toEqual({ kind: 'points', pids: ['a', 'b', 'c'], names: [null, '小\u001f李', '=HYPERLINK("x")'], x: [1, 2, 3], y: [0, 0, 0], type: [2, 3, 3] });
  });
});

describe('quadrant score mode: against DuckDB and a brute force', () => {
  it('ranks like percent_rank() and resolves percentile thresholds like counting below, on 2,000 people with ties', async () => {
    // messages 0–39 with many ties (and a block of zeros), purchases 0–4; deterministic spread.
    const people: FeaturePerson[] = Array.from({ length: 2000 }, (_, i) => ({
      pid: `p${String(i).padStart(4, '0')}`,
      messages: i % 3 === 0 ? 0 : (i * 7919) % 40,
      purchases: (i * 104729) % 5,
    }));
    db = await featuresDb(people);
    const def = scoreDefinition(
      { terms: [{ feature: 'messages', weight: 1, normalise: 'percentile' }], threshold: pct(37.5) },
      { terms: [{ feature: 'purchases', weight: 1, normalise: 'raw' }], threshold: pct(62) },
    );
    const result = await quadrantOf(db, def);
    const duck = await db.use((sql) =>
      sql.all<{ pid: string; pr: number }>(`SELECT pid, percent_rank() OVER (ORDER BY messages) AS pr FROM person_features ORDER BY pid`),
    );
    expect(result.pids).toEqual(duck.map((r) => r.pid));
    expect(result.x).toEqual(duck.map((r) => r.pr));
    // Brute force: the lowest value with at least p % of the people strictly below it.
    const resolve = (values: number[], p: number) => {
      const below = (v: number) => values.filter((w) => w < v).length;
      const ok = [...new Set(values)].filter((v) => below(v) * 100 >= p * values.length);
      return ok.length ? Math.min(...ok) : null;
    };
    expect(result.thresholdX).not.toBeNull();
    expect(result.thresholdX).toBe(resolve(result.x, 37.5));
    expect(result.thresholdY).toBe(resolve(result.y, 62));
    const expectedTypes = result.x.map((x, i) => {
      const [hx, hy] = [x >= result.thresholdX!, result.y[i]! >= result.thresholdY!];
      return hx && hy ? 'loyal' : hx ? 'needy' : hy ? 'bargain' : 'low';
    });
    expect(Object.values(typesByPid(result, def))).toEqual(expectedTypes);
  });
});

describe('quadrant score mode: percentile thresholds', () => {
  /** People p1… with these purchase counts on y (x: messages 0 for all, threshold 0 → everyone high on x). */
  const withPurchases = (counts: number[]): FeaturePerson[] => counts.map((purchases, i) => ({ pid: `p${i + 1}`, purchases }));
  const yAt = (threshold: QuadrantAxis['threshold']) => scoreDefinition(rawAxis('messages', fixed(0)), rawAxis('purchases', threshold));
  const highOnY = (types: Record<string, string>) => Object.keys(types).filter((pid) => types[pid] === 'loyal').sort();

  it('without ties, the median splits 1…8 into 1–4 low and 5–8 high', async () => {
    // Value 5 has 4 of 8 people (50 %) strictly below it, and is the lowest such value.
    db = await featuresDb(withPurchases([1, 2, 3, 4, 5, 6, 7, 8]));
    const def = yAt(pct(50));
    const result = await quadrantOf(db, def);
    expect(result.thresholdY).toBe(5);
    expect(highOnY(typesByPid(result, def))).toEqual(['p5', 'p6', 'p7', 'p8']);
  });

  it('p25 over 1…8 needs 2 people below: 3 and up are high', async () => {
    db = await featuresDb(withPurchases([1, 2, 3, 4, 5, 6, 7, 8]));
    const def = yAt(pct(25));
    const result = await quadrantOf(db, def);
    expect(result.thresholdY).toBe(3);
    expect(highOnY(typesByPid(result, def))).toHaveLength(6);
  });

  it('with half the people at 0, the median puts the zeros low and the others high', async () => {
    // 0, 0, 0, 0, 1, 2, 3, 4: the value 1 has the 4 zeros (50 %) below it.
    db = await featuresDb(withPurchases([0, 0, 0, 0, 1, 2, 3, 4]));
    const def = yAt(pct(50));
    const result = await quadrantOf(db, def);
    expect(result.thresholdY).toBe(1);
    expect(highOnY(typesByPid(result, def))).toEqual(['p5', 'p6', 'p7', 'p8']);
  });

  it('with three quarters at 0, the median still keeps the zeros low (a quantile would put everyone high)', async () => {
    // 0 × 6, 3, 3: 0 has nobody below it; 3 has 6 of 8 (75 % ≥ 50 %) → threshold 3, the two 3s high.
    db = await featuresDb(withPurchases([0, 0, 0, 0, 0, 0, 3, 3]));
    const def = yAt(pct(50));
    const result = await quadrantOf(db, def);
    expect(result.pids).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(result.thresholdY).toBe(3);
    expect(highOnY(typesByPid(result, def))).toEqual(['p7', 'p8']);
    expect(result.counts.find((c) => c.type === 'loyal')).toEqual({ type: 'loyal', label: '忠实型', count: 2, share: 25 });
    expect(result.counts.find((c) => c.type === 'needy')).toEqual({ type: 'needy', label: '需求型', count: 6, share: 75 });
  });

  it('never splits a tie: p60 over 1, 2, 2, 2, 3 makes the 3 high and all three 2s low', async () => {
    // 60 % of 5 = 3 people must be below: value 2 has 1 below, value 3 has 4 below → threshold 3.
    db = await featuresDb(withPurchases([1, 2, 2, 2, 3]));
    const def = yAt(pct(60));
    const result = await quadrantOf(db, def);
    expect(result.thresholdY).toBe(3);
    expect(highOnY(typesByPid(result, def))).toEqual(['p5']);
  });

  it('when everyone ties, nobody is high and the threshold is empty; p0 makes everyone high', async () => {
    db = await featuresDb(withPurchases([0, 0, 0]));
    const tied = await quadrantOf(db, yAt(pct(50)));
    expect(tied.thresholdY).toBeNull();
    expect(highOnY(typesByPid(tied, yAt(pct(50))))).toEqual([]);
    const all = await quadrantOf(db, yAt(pct(0)));
    expect(all.thresholdY).toBe(0);
    expect(highOnY(typesByPid(all, yAt(pct(0))))).toEqual(['p1', 'p2', 'p3']);
  });

  it('an empty project gives no points, zero counts, empty shares and no percentile threshold', async () => {
    db = await featuresDb([]);
    const def = scoreDefinition(rawAxis('messages', fixed(2)), rawAxis('purchases', pct(50)));
    const result = await quadrantOf(db, def);
    expect(result.pids).toEqual([]);
    expect(result.thresholdX).toBe(2);
    expect(result.thresholdY).toBeNull();
    expect(result.counts.map((c) => [c.count, c.share])).toEqual([[0, null], [0, null], [0, null], [0, null], [0, null]]);
  });

  it('refuses a percentile outside 0–100 and a definition missing a type', async () => {
    db = await featuresDb(withPurchases([1]));
    await expect(quadrantOf(db, yAt(pct(120)))).rejects.toMatchObject({ code: 'DEFINITION_INVALID' });
    const def = yAt(pct(50));
    def.types[1] = { ...def.types[0]! };
    await expect(quadrantOf(db, def)).rejects.toMatchObject({ code: 'DEFINITION_INVALID', message: expect.stringContaining('bargain') });
  });
});
