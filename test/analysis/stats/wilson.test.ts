import { describe, expect, it } from 'vitest';
import { quantile, wilson, Z95 } from '../../../src-main/analysis/stats/wilson';

// z² of the 95% interval, used in the hand computations below.
const z2 = Z95 * Z95; // 3.841458820694124

describe('wilson', () => {
  it('gives 8 of 10 as 80% within 49.02%–94.33%', () => {
    // p = 0.8, n = 10, z²/n = 0.38414588
    // centre = (0.8 + 0.19207294) / 1.38414588 = 0.71674016
    // half   = 1.95996398 · √(0.016 + 0.00960365) / 1.38414588 = 1.95996398 · 0.16001140 / 1.38414588 = 0.22657769
    // low = 0.71674016 − 0.22657769 = 0.49016247, high = 0.71674016 + 0.22657769 = 0.94331785
    const r = wilson(8, 10);
    expect(r.rate).toBe(80);
    expect(r.low).toBeCloseTo(49.016247, 4);
    expect(r.high).toBeCloseTo(94.331785, 4);
  });

  it('gives 0 of 5 a lower bound of 0 and an upper bound of (z²/n) / (1 + z²/n)', () => {
    // p = 0: centre = half = (z²/2n) / (1 + z²/n), so low = 0 and high = 0.76829176 / 1.76829176 = 0.43448250
    const r = wilson(0, 5);
    expect(r.rate).toBe(0);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(43.44825, 4);
    expect(r.high).toBeCloseTo(((z2 / 5) / (1 + z2 / 5)) * 100, 10);
  });

  it('mirrors 0 of 5 for 5 of 5', () => {
    const r = wilson(5, 5);
    expect(r.rate).toBe(100);
    expect(r.low).toBeCloseTo(100 - 43.44825, 4);
    expect(r.high).toBe(100);
  });

  it('leaves a rate over 0 empty, never 0', () => {
    expect(wilson(0, 0)).toEqual({ rate: null, low: null, high: null });
  });
});

describe('quantile', () => {
  it('interpolates between closest ranks like quantile_cont', () => {
    // positions (n − 1)·q over [1, 2, 3, 4]: 0.75 → 1.75, 1.5 → 2.5, 2.25 → 3.25
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });

  it('gives the one value of a single-value list and null for none', () => {
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});
