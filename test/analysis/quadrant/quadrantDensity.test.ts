import { afterEach, describe, expect, it } from 'vitest';
import { QUADRANT_POINTS_LIMIT, type QuadrantDefinition, type QuadrantPersonRow } from '../../../src-main/contract';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { queryQuadrant, queryQuadrantPeople, X_BINS, Y_BINS } from '../../../src-main/analysis/quadrant/quadrantResult';
import type { GridQuery } from '../../../src-main/analysis/base/dataQueries';
import { everyone, featuresDb, quadrantOf, scoreDefinition, type FeaturePerson } from './quadrantFixture';

let db: ProjectDb | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const source = { relation: 'person_features', params: {} };

/** x = 0.5 × messages, y = purchases, both raw, with fixed thresholds. */
const halfMessages = (tx: number, ty: number): QuadrantDefinition =>
  scoreDefinition(
    { terms: [{ feature: 'messages', weight: 0.5, normalise: 'raw' }], threshold: { kind: 'fixed', value: tx } },
    { terms: [{ feature: 'purchases', weight: 1, normalise: 'raw' }], threshold: { kind: 'fixed', value: ty } },
  );

/**
 * `n` people by SQL (one statement: a row-at-a-time insert of thousands takes seconds): messages
 * (i × 37) mod 101, purchases (i × 13) mod 17, name 成员i, none for every 50th; many ties.
 */
async function manyPeople(n: number): Promise<ProjectDb> {
  const made = await featuresDb([]);
  await made.use((sql) =>
    sql.run(
      `INSERT INTO person_features (pid, name, messages, purchases)
       SELECT 'p' || lpad(CAST(i AS VARCHAR), 5, '0'), CASE WHEN i % 50 = 0 THEN NULL ELSE '成员' || i END, (i * 37) % 101, (i * 13) % 17 FROM range(${n}) r(i)`,
    ),
  );
  return made;
}

describe('quadrant density', () => {
  it('bins a hand-computed fixture: one entry per type and bin, at its people’s mean, the maximum in the last bin', async () => {
    /**
     * x = 0.5 × messages over 0…64 → 64 bins of 1; y = purchases over 0…40 → 40 bins of 1.
     * Thresholds x ≥ 31.5, y ≥ 20 (types: loyal 0, bargain 1, low 2, needy 3):
     *   a (0, 0) low bin (0, 0);  b (1, 0) and c (1.5, 0) low bin (1, 0), mean x 1.25;
     *   d (64, 40) loyal in the last bins (63, 39);  e (31.5, 20) loyal and h (31, 20) bargain share bin (31, 20);
     *   f (40, 10) needy bin (40, 10).
     */
    const people: FeaturePerson[] = [
      { pid: 'a', messages: 0, purchases: 0 },
      { pid: 'b', messages: 2, purchases: 0 },
      { pid: 'c', messages: 3, purchases: 0 },
      { pid: 'd', messages: 128, purchases: 40 },
      { pid: 'e', messages: 63, purchases: 20 },
      { pid: 'h', messages: 62, purchases: 20 },
      { pid: 'f', messages: 80, purchases: 10 },
    ];
    db = await featuresDb(people);
    const own = db;
    const result = await own.use((sql) => queryQuadrant(own, sql, halfMessages(31.5, 20), source, { pointsLimit: 0 }));
    expect(X_BINS).toBe(64);
    expect(Y_BINS).toBe(40);
    expect(result.scatter).toEqual({
      kind: 'density',
      xBins: { min: 0, step: 1, count: 64 },
      yBins: { min: 0, step: 1, count: 40 },
      type: [0, 0, 1, 2, 2, 3],
      bx: [31, 63, 31, 0, 1, 40],
      by: [20, 39, 20, 0, 0, 10],
      count: [1, 1, 1, 1, 2, 1],
      x: [31.5, 64, 31, 0, 1.25, 40],
      y: [20, 40, 20, 0, 0, 10],
    });
    expect(result.counts.map((c) => c.count)).toEqual([2, 1, 3, 1, 0]);
    expect(result.total).toBe(7);
    // Below 31.5: a, b, c, h; below 20: a, b, c, f.
    expect([result.belowX, result.belowY]).toEqual([4, 4]);
  });

  it('puts everyone in the first bin of an axis where all are alike', async () => {
    db = await featuresDb([
      { pid: 'a', messages: 2, purchases: 1 },
      { pid: 'b', messages: 2, purchases: 3 },
    ]);
    const own = db;
    const result = await own.use((sql) => queryQuadrant(own, sql, halfMessages(1, 2), source, { pointsLimit: 1 }));
    expect(result.scatter).toMatchObject({ kind: 'density', xBins: { min: 1, step: 1 }, bx: [0, 0], by: [39, 0], count: [1, 1] });
  });

  it('past the points limit, the density’s people per type add up to the counts, bin by bin as a brute force of the people list bins them', async () => {
    const n = QUADRANT_POINTS_LIMIT + 1;
    db = await manyPeople(n);
    const def = { ...halfMessages(20, 8), x: { ...halfMessages(20, 8).x, threshold: { kind: 'percentile' as const, value: 40 } } };
    const result = await quadrantOf(db, def);
    expect(result.total).toBe(n);
    const density = result.scatter;
    if (density.kind !== 'density') throw new Error(`expected a density, got ${density.kind}`);
    const sums = new Map<number, number>();
    density.type.forEach((t, i) => sums.set(t, (sums.get(t) ?? 0) + density.count[i]!));
    expect(result.counts.map((c, i) => sums.get(i === 4 ? -1 : i) ?? 0)).toEqual(result.counts.map((c) => c.count));
    expect(result.counts.reduce((s, c) => s + c.count, 0)).toBe(n);

    // The same people binned here: 0.5 × messages over 0…50, purchases over 0…16.
    expect(density.xBins).toEqual({ min: 0, step: 50 / X_BINS, count: X_BINS });
    expect(density.yBins).toEqual({ min: 0, step: 16 / Y_BINS, count: Y_BINS });
    const brute = new Map<string, number>();
    result.x.forEach((x, i) => {
      const bx = Math.min(X_BINS - 1, Math.floor(x / (50 / X_BINS)));
      const by = Math.min(Y_BINS - 1, Math.floor(result.y[i]! / (16 / Y_BINS)));
      const key = `${result.type[i]}|${bx}|${by}`;
      brute.set(key, (brute.get(key) ?? 0) + 1);
    });
    const binned = new Map(density.type.map((t, i) => [`${t}|${density.bx[i]}|${density.by[i]}`, density.count[i]!]));
    expect(binned).toEqual(brute);
    // Below the resolved threshold, as counted here.
    expect(result.belowX).toBe(result.x.filter((x) => x < result.thresholdX!).length);
  });

  it('up to the points limit, the scatter is every person', async () => {
    db = await manyPeople(300);
    const own = db;
    const def = halfMessages(20, 8);
    const [atLimit, pastLimit] = await own.use(async (sql) => [
      await queryQuadrant(own, sql, def, source, { pointsLimit: 300 }),
      await queryQuadrant(own, sql, def, source, { pointsLimit: 299 }),
    ]);
    expect(atLimit.scatter.kind).toBe('points');
    expect(atLimit.scatter.kind === 'points' && atLimit.scatter.pids.length).toBe(300);
    expect(pastLimit.scatter.kind).toBe('density');
    expect(atLimit.counts).toEqual(pastLimit.counts);
  });
});

describe('quadrant people list', () => {
  /** Every person of the type, sorted and filtered here: the brute force a page must match. */
  function bruteForce(all: QuadrantPersonRow[], type: string, keep: (r: QuadrantPersonRow) => boolean, by: (a: QuadrantPersonRow, b: QuadrantPersonRow) => number) {
    return all.filter((r) => r.type === type && keep(r)).sort((a, b) => by(a, b) || (a.pid < b.pid ? -1 : a.pid > b.pid ? 1 : 0));
  }

  it('pages, sorts and filters the people of a type on the Node side as a brute force over everyone does', async () => {
    db = await manyPeople(1200);
    const own = db;
    const def = halfMessages(25, 8);
    const page = (type: 'loyal' | 'low' | undefined, q: Partial<GridQuery>) =>
      own.use((sql) => queryQuadrantPeople(own, sql, def, source, type, { ...everyone, ...q }));
    const all = (await page(undefined, {})).rows;
    expect(all).toHaveLength(1200);
    expect(all.map((r) => r.pid)).toEqual([...all.map((r) => r.pid)].sort());

    // By x, highest first, ties by pid: rows 100–149 of 忠实型.
    const byX = bruteForce(all, 'loyal', () => true, (a, b) => b.x - a.x);
    const sorted = await page('loyal', { offset: 100, limit: 50, sort: [{ colId: 'x', sort: 'desc' }] });
    expect(sorted.total).toBe(byX.length);
    expect(sorted.rows).toEqual(byX.slice(100, 150));

    // 低需求 whose name holds a 7 and whose y is above 3, by y then pid: the last page, short.
    const filter = { name: { filterType: 'text' as const, type: 'contains' as const, filter: '7' }, y: { filterType: 'number' as const, type: 'greaterThan' as const, filter: 3 } };
    const expected = bruteForce(all, 'low', (r) => (r.name ?? '').includes('7') && r.y > 3, (a, b) => a.y - b.y);
    expect(expected.length).toBeGreaterThan(20);
    const last = await page('low', { offset: 20, limit: 1000, sort: [{ colId: 'y', sort: 'asc' }], filter });
    expect(last.total).toBe(expected.length);
    expect(last.rows).toEqual(expected.slice(20));
  });

  it('answers a query and pages asked at once, of one definition and of others, each from its own people; a dropped definition is scored again', async () => {
    db = await manyPeople(500);
    const own = db;
    const defs = [halfMessages(10, 4), halfMessages(20, 8), halfMessages(30, 12)];
    const query = (def: QuadrantDefinition) => own.use((sql) => queryQuadrant(own, sql, def, source));
    const loyal = (def: QuadrantDefinition) => own.use((sql) => queryQuadrantPeople(own, sql, def, source, 'loyal', everyone));
    // Asked together: the query and the page of a definition wait on one scoring.
    const [a, aLoyal, b, bLoyal, c] = await Promise.all([query(defs[0]!), loyal(defs[0]!), query(defs[1]!), loyal(defs[1]!), query(defs[2]!)]);
    expect([aLoyal.total, bLoyal.total]).toEqual([a.counts[0]!.count, b.counts[0]!.count]);
    expect(new Set([a.counts[0]!.count, b.counts[0]!.count, c.counts[0]!.count]).size).toBe(3);
    // Brute force: loyal is 0.5 × messages ≥ t and purchases ≥ u, over i = 0…499.
    const bruteLoyal = (t: number, u: number) => Array.from({ length: 500 }, (_, i) => [((i * 37) % 101) / 2, (i * 13) % 17]).filter(([x, y]) => x! >= t && y! >= u).length;
    expect([a.counts[0]!.count, b.counts[0]!.count, c.counts[0]!.count]).toEqual([bruteLoyal(10, 4), bruteLoyal(20, 8), bruteLoyal(30, 12)]);
    // Only the latest two definitions keep their table: the first is made again, with the same answer.
    expect(await query(defs[0]!)).toEqual(a);
    expect((await loyal(defs[0]!)).rows).toEqual(aLoyal.rows);
  });

  it('refuses a column the list does not have', async () => {
    db = await manyPeople(10);
    const own = db;
    await expect(own.use((sql) => queryQuadrantPeople(own, sql, halfMessages(1, 1), source, 'loyal', { ...everyone, sort: [{ colId: 'gmv', sort: 'asc' }] }))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});
