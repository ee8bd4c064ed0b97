import { describe, expect, it } from 'vitest';
import {
  fisherExact,
  newcombeDifference,
  sampleSizeTwoProportions,
  smallestExpectedCell,
  twoProportionZTest,
} from '../../../src-main/analysis/stats/twoProportions';

describe("Newcombe's hybrid score interval of a difference of proportions (method 10)", () => {
  // Newcombe RG (1998) Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 17:873–890, Table II, method 10.
  it.each([
    { k1: 56, n1: 70, k2: 48, n2: 80, low: 0.0524, high: 0.3339 },
    { k1: 9, n1: 10, k2: 3, n2: 10, low: 0.1705, high: 0.809 },
    { k1: 5, n1: 56, k2: 0, n2: 29, low: -0.0381, high: 0.1926 },
    { k1: 0, n1: 10, k2: 0, n2: 20, low: -0.1611, high: 0.2775 },
  ])('$k1/$n1 − $k2/$n2: 95% interval $low to $high as published', ({ k1, n1, k2, n2, low, high }) => {
    const r = newcombeDifference(k1, n1, k2, n2);
    expect(r.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
  });

  it('is empty when an arm has nobody', () => {
    expect(newcombeDifference(1, 5, 0, 0)).toEqual({ difference: null, low: null, high: null });
  });
});

describe('two-proportion z-test', () => {
  it('56/70 vs 48/80: z = 2.6502, two-sided p = 0.00805', () => {
    // By hand: pooled p = 104/150 = 0.693333; SE = √(0.693333·0.306667·(1/70 + 1/80)) = √(0.212622·0.026786)
    // = √0.0056952 = 0.075467; z = (0.8 − 0.6) / 0.075467 = 2.65017; p = 2·(1 − Φ(2.65017)) = 2·0.0040225 = 0.008045.
    const r = twoProportionZTest(56, 70, 48, 80);
    expect(r.statistic).toBeCloseTo(2.65017, 4);
    expect(r.p).toBeCloseTo(0.008045, 5);
  });

  it('is symmetric: swapping the arms flips z and keeps p', () => {
    const a = twoProportionZTest(12, 40, 20, 45);
    const b = twoProportionZTest(20, 45, 12, 40);
    expect(b.statistic).toBeCloseTo(-a.statistic!, 12);
    expect(b.p).toBeCloseTo(a.p!, 12);
  });

  it('has no test when nobody (or everybody) succeeded in both arms', () => {
    expect(twoProportionZTest(0, 10, 0, 12)).toEqual({ statistic: null, p: null });
    expect(twoProportionZTest(10, 10, 12, 12)).toEqual({ statistic: null, p: null });
  });
});

describe("Fisher's exact test, two-sided", () => {
  it("Fisher's lady tasting tea, 3/1/1/3: p = 34/70 = 0.4857", () => {
    // Agresti (2002, p. 91); the margins are 4 and 4 of 8. P(x) = C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 over 70;
    // tables no more probable than the observed (16/70): x = 0, 1, 3, 4 → (1 + 16 + 16 + 1)/70 = 0.485714
    // (as published, e.g. M. Foley, "Statistics" 6.6 Fisher's Exact Test, bookdown.org).
    expect(fisherExact(3, 1, 1, 3).p).toBeCloseTo(34 / 70, 10);
  });

  it('handedness of 52 men and 48 women, 43/9 vs 44/4: p = 0.2392 as R fisher.test prints it', () => {
    // matstat.org R course, "Fisher's exact test" (the Wikipedia handedness example): p-value = 0.2392.
    expect(fisherExact(43, 9, 44, 4).p).toBeCloseTo(0.2392, 4);
  });

  it('Fisher (1962) convictions of like-sex twins, 2/10 vs 15/3: p = 0.0005367 (R fisher.test documentation example)', () => {
    expect(fisherExact(2, 10, 15, 3).p).toBeCloseTo(0.0005367, 7);
  });

  it('a table with a single possible arrangement has p = 1', () => {
    expect(fisherExact(0, 5, 0, 7).p).toBe(1);
  });
});

describe('smallest expected cell of the 2×2 table', () => {
  it('3/4 vs 1/4 expects 2 in every cell; 1/100 vs 2/50 expects 1 success in the smaller arm', () => {
    expect(smallestExpectedCell(3, 4, 1, 4)).toBe(2);
    // successes 3 of 150; the smaller arm 50 → 50·3/150 = 1.
    expect(smallestExpectedCell(1, 100, 2, 50)).toBe(1);
  });
});

describe('people per arm for 80% power', () => {
  it('50% vs 75% at 90% power and α = 0.05: n = 76.7 (R power.prop.test documentation example)', () => {
    // By hand: z.975 = 1.959964, z.9 = 1.281552; p̄ = 0.625: √(2·0.625·0.375) = 0.684653, √(0.25 + 0.1875) = 0.661438;
    // (1.959964·0.684653 + 1.281552·0.661438)² / 0.25² = 2.189562² / 0.0625 = 76.707.
    expect(sampleSizeTwoProportions(0.5, 0.75, 0.05, 0.9)).toBeCloseTo(76.707, 2);
  });

  it('10% vs 15% at the default 80% power: 685.6 per arm', () => {
    // z.8 = 0.841621; p̄ = 0.125: √(2·0.125·0.875) = 0.467707, √(0.09 + 0.1275) = 0.466369;
    // (1.959964·0.467707 + 0.841621·0.466369)² / 0.05² = (0.916690 + 0.392505)² / 0.0025 = 1.714003 / 0.0025 = 685.6.
    expect(sampleSizeTwoProportions(0.1, 0.15)).toBeCloseTo(685.6, 0);
  });

  it('has no size for equal proportions', () => {
    expect(sampleSizeTwoProportions(0.2, 0.2)).toBeNull();
  });
});
