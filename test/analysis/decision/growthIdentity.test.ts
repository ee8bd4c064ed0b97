import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject, type ProjectSizes } from '../../../bench/generateProject';
import { growthDimensions } from '../../../src-main/contract';
import { querySegmentCounts, segmentShifts, shiftShare, type SegmentCounts, type TwoPeriods } from '../../../src-main/analysis/decision/growthDecomposition';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import { closeProjectFile, openProjectFile, type OpenProject } from '../../../src-main/db/projectFile';
import { tempDir } from '../../support/tempDirs';

const TZ = 'Asia/Shanghai';

/** mulberry32: a tiny seeded generator, so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Σ over a dimension's segments of mix + rate against the change of the totals (within float rounding of the sums). */
function expectIdentity(counts: readonly SegmentCounts[]): void {
  const all = counts.find((c) => c.dimension === 'all')!;
  const shifts = segmentShifts(counts);
  for (const d of growthDimensions) {
    const parts = shifts.filter((s) => s.dimension === d);
    // The segments partition the people present: their counts are the totals.
    expect(parts.reduce((s, p) => s + p.people0, 0), d).toBe(all.people0);
    expect(parts.reduce((s, p) => s + p.converted1, 0), d).toBe(all.converted1);
    const converted = parts.reduce((s, p) => s + p.convertedMix + p.convertedRate, 0);
    const gmv = parts.reduce((s, p) => s + p.gmvMix + p.gmvRate, 0);
    expect(Math.abs(converted - (all.converted1 - all.converted0)), d).toBeLessThan(1e-9 * Math.max(1, all.converted1 + all.converted0));
    expect(Math.abs(gmv - (all.gmv1 - all.gmv0)), d).toBeLessThan(1e-9 * Math.max(1, all.gmv1 + all.gmv0));
  }
}

describe('shift-share identity on random segments', () => {
  it('mix + rate is the change of every segment, new and vanished ones included', () => {
    const rand = rng(7);
    for (let i = 0; i < 5000; i++) {
      const n0 = rand() < 0.2 ? 0 : Math.floor(rand() * 500);
      const n1 = rand() < 0.2 ? 0 : Math.floor(rand() * 500);
      const c0 = n0 === 0 ? 0 : rand() * n0 * (rand() < 0.5 ? 1 : 300); // people or ¥
      const c1 = n1 === 0 ? 0 : rand() * n1 * (rand() < 0.5 ? 1 : 300);
      const { mix, rate } = shiftShare(n0, c0, n1, c1);
      expect(Math.abs(mix + rate - (c1 - c0))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c0) + Math.abs(c1)));
    }
  });
});

/**
 * Generated projects (the bench's generator, a year from 2025-11-17, at two sizes): for several pairs of
 * periods, every dimension's parts add up to the change of the totals, and the totals are 指标's.
 */
describe('shift-share identity on generated projects', () => {
  const sizes: ProjectSizes[] = [
    { people: 1500, messages: 6000, orders: 900, groups: 5 },
    { people: 600, messages: 2000, orders: 400, groups: 3 },
  ];
  let tmp: ReturnType<typeof tempDir>;
  const projects: OpenProject[] = [];

  beforeAll(async () => {
    tmp = tempDir('qunxi-growth-');
    for (const [i, s] of sizes.entries()) {
      const file = path.join(tmp.dir, `g${i}.qunxi`);
      await generateProject(file, s);
      projects.push(await openProjectFile(file, withDerivedTables));
    }
  }, 300_000);
  afterAll(async () => {
    for (const p of projects) await closeProjectFile(p);
    tmp?.cleanup();
  });

  const monday = (weeks: number) => new Date(Date.UTC(2025, 10, 17) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const sunday = (weeks: number) => new Date(Date.UTC(2025, 10, 23) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

  it('adds up per dimension, whole scope and a scope of some groups, and matches 指标', async () => {
    const rand = rng(13);
    let buyers = 0;
    for (const project of projects) {
      for (let k = 0; k < 3; k++) {
        const w = 5 + Math.floor(rand() * 40);
        const periods: TwoPeriods = { from0: monday(w - 1), to0: sunday(w - 1), from1: monday(w), to1: sunday(w) };
        const counts = await project.db.use((sql) => querySegmentCounts(sql, undefined, periods, TZ));
        expectIdentity(counts);
        const weeks = await project.db.use((sql) => queryMetrics(sql, { period: 'week', from: periods.from0, to: periods.to1, timeZone: TZ, isMembershipOnly: true }));
        const all = counts.find((c) => c.dimension === 'all')!;
        buyers += all.converted0 + all.converted1;
        expect(weeks.map((r) => r.converted_members)).toEqual([all.converted0, all.converted1]);
        expect(weeks[0]!.gmv).toBeCloseTo(all.gmv0, 6);
        expect(weeks[1]!.gmv).toBeCloseTo(all.gmv1, 6);
        // A longer pair of periods, over a scope of two groups.
        const groups = (await project.db.use((sql) => sql.all<{ g: string }>(`SELECT DISTINCT group_name AS g FROM memberships ORDER BY 1 LIMIT 2`))).map((r) => r.g);
        const long: TwoPeriods = { from0: monday(w - 4), to0: sunday(w - 3), from1: monday(w - 2), to1: sunday(w - 1) };
        expectIdentity(await project.db.use((sql) => querySegmentCounts(sql, groups, long, TZ)));
      }
    }
    // The weeks drawn hold buyers, so the sums above are over real changes, not zeros.
    expect(buyers).toBeGreaterThan(20);
  }, 300_000);
});
