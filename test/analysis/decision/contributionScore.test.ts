import { describe, expect, it } from 'vitest';
import { bandOf, normalise, scoreUnits, type UnitFigures } from '../../../src-main/analysis/decision/contributionScore';
import { contributionDefinitionSchema, type ContributionDefinition } from '../../../src-main/contract';
import { defaultContribution } from '../../../src-main/db/definitionDefaults';

const figures = (unit: string, people: number, v: Partial<UnitFigures['values']>): UnitFigures => ({
  unit,
  people,
  values: { new_members: null, active_rate: null, churn_rate: null, key_behaviour_rate: null, conversion_rate: null, gmv: null, ...v },
});

/**
 * Four staff, three enabled metrics (Σ weights = 1 + 1 + 2 = 4, so a point is weight × normalised × 25):
 *
 *          new_members  churn_rate  conversion_rate  (gmv: disabled)
 *   甲          10          20            30            1000
 *   乙          20          10            30               0
 *   丙          30          40            10             500
 *   丁          10        (none)          50             250
 *
 * new_members min–max over 10…30: 甲 0, 乙 0.5, 丙 1, 丁 0.
 * churn_rate reversed min–max over 10…40 (丁 has none): 甲 (40 − 20)/30 = 2/3, 乙 1, 丙 0, 丁 none → 0 points.
 * conversion_rate percentile over 30, 30, 10, 50 (m = 4): 甲 and 乙 tie: (1 below + (2 − 1)/2)/3 = 0.5,
 *   丙 (0 + 0)/3 = 0, 丁 (3 + 0)/3 = 1.
 * Points (new, churn, conversion) and score:
 *   甲 0 + 16.667 + 25 = 41.667;  乙 12.5 + 25 + 25 = 62.5;  丙 25 + 0 + 0 = 25;  丁 0 + 0 + 50 = 50.
 * Bands A ≥ 60, B ≥ 45, C ≥ 30 (no band at 0): 乙 A, 丁 B, 甲 C, 丙 none.
 */
const definition: ContributionDefinition = {
  by: 'staff',
  metrics: [
    { metric: 'new_members', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'churn_rate', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'conversion_rate', enabled: true, normalise: 'percentile', weight: 2 },
    { metric: 'gmv', enabled: false, normalise: 'minmax', weight: 5 },
  ],
  bands: [
    { label: 'C', min: 30 },
    { label: 'A', min: 60 },
    { label: 'B', min: 45 },
  ],
};
const units = [
  figures('甲', 5, { new_members: 10, churn_rate: 20, conversion_rate: 30, gmv: 1000 }),
  figures('乙', 5, { new_members: 20, churn_rate: 10, conversion_rate: 30, gmv: 0 }),
  figures('丙', 5, { new_members: 30, churn_rate: 40, conversion_rate: 10, gmv: 500 }),
  figures('丁', 5, { new_members: 10, churn_rate: null, conversion_rate: 50, gmv: 250 }),
];

describe('contribution score arithmetic', () => {
  it('scores, bands and ranks the hand-computed four staff', () => {
    const rows = scoreUnits(units, definition);
    expect(rows.map((r) => [r.unit, r.rank, r.band])).toEqual([
      ['乙', 1, 'A'],
      ['丁', 2, 'B'],
      ['甲', 3, 'C'],
      ['丙', 4, null],
    ]);
    const byUnit = Object.fromEntries(rows.map((r) => [r.unit, r]));
    expect(byUnit['乙']!.score).toBeCloseTo(62.5, 10);
    expect(byUnit['丁']!.score).toBeCloseTo(50, 10);
    expect(byUnit['甲']!.score).toBeCloseTo(125 / 3, 10);
    expect(byUnit['丙']!.score).toBeCloseTo(25, 10);
    // The disabled GMV is no part of any score.
    expect(byUnit['甲']!.parts.map((p) => p.metric)).toEqual(['new_members', 'churn_rate', 'conversion_rate']);
    expect(byUnit['甲']!.parts.map((p) => p.normalised)).toEqual([0, 2 / 3, 0.5]);
    expect(byUnit['甲']!.parts.map((p) => p.points)).toEqual([0, (2 / 3) * 25, 25]);
    expect(byUnit['甲']!.parts.map((p) => p.maxPoints)).toEqual([25, 25, 50]);
    // 丁 has no churn figure: no normalised value, no points.
    expect(byUnit['丁']!.parts[1]).toMatchObject({ metric: 'churn_rate', value: null, normalised: null, points: 0 });
  });

  it('parts add up to the score for every unit', () => {
    for (const r of scoreUnits(units, definition)) {
      expect(r.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(r.score, 12);
    }
  });

  it('percentile normalisation gives tied figures the middle of their ranks, reversed counting those above', () => {
    // 10, 20, 20, 40: the two 20s span ranks 1 and 2 of 0…3 → 1.5 / 3.
    expect(normalise([10, 20, 20, 40], 'percentile', false)).toEqual([0, 0.5, 0.5, 1]);
    expect(normalise([10, 20, 20, 40], 'percentile', true)).toEqual([1, 0.5, 0.5, 0]);
    // All tied: nobody behind anybody.
    expect(normalise([7, 7, 7], 'percentile', false)).toEqual([1, 1, 1]);
  });

  it('one unit alone, or a figure everyone shares, normalises to 1 (a zero range), so a lone staff member scores 100', () => {
    expect(normalise([5], 'minmax', false)).toEqual([1]);
    expect(normalise([5, 5, null], 'minmax', true)).toEqual([1, 1, null]);
    const [only] = scoreUnits([units[0]!], definition);
    expect(only).toMatchObject({ unit: '甲', score: 100, rank: 1, band: 'A' });
  });

  it('equal scores share a rank', () => {
    const rows = scoreUnits([figures('x', 1, { new_members: 3 }), figures('y', 1, { new_members: 3 }), figures('z', 1, { new_members: 1 })], {
      ...definition,
      metrics: [{ metric: 'new_members', enabled: true, normalise: 'minmax', weight: 1 }],
    });
    expect(rows.map((r) => [r.unit, r.rank, r.score])).toEqual([
      ['x', 1, 100],
      ['y', 1, 100],
      ['z', 3, 0],
    ]);
  });

  it('the default bands: A ≥ 85, B ≥ 70, C ≥ 55, D below; a sum a hair under a minimum still reaches it', () => {
    const bands = defaultContribution().bands;
    expect([100, 85, 84.99, 70, 69.99, 55, 54.99, 0].map((s) => bandOf(s, bands))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(bandOf(85 - 1e-12, bands)).toBe('A');
  });

  it('refuses enabled weights summing to 0, a metric listed twice and a repeated band name', () => {
    const zero = contributionDefinitionSchema.safeParse({ ...definition, metrics: definition.metrics.map((m) => ({ ...m, weight: m.enabled ? 0 : m.weight })) });
    expect(zero.success).toBe(false);
    expect(zero.error?.issues[0]?.message).toBe('the enabled weights sum to 0');
    const twice = contributionDefinitionSchema.safeParse({ ...definition, metrics: [...definition.metrics, definition.metrics[0]] });
    expect(twice.error?.issues[0]?.path).toEqual(['metrics', 4, 'metric']);
    const bands = contributionDefinitionSchema.safeParse({ ...definition, bands: [{ label: 'A', min: 80 }, { label: 'A', min: 10 }] });
    expect(bands.error?.issues[0]?.path).toEqual(['bands', 1, 'label']);
    expect(contributionDefinitionSchema.safeParse(defaultContribution()).success).toBe(true);
  });
});
