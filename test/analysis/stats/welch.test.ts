import { describe, expect, it } from 'vitest';
import { sampleSizeTwoMeans, summarise, welch } from '../../../src-main/analysis/stats/welch';

// Student's sleep data (Cushny & Peebles 1905; R's `sleep` data set): extra hours of sleep on drug 1 and drug 2.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("Welch's t", () => {
  it('the sleep data as R t.test prints it: t = -1.8608, df = 17.776, p = 0.07939, 95% CI -3.3654832 to 0.2054832', () => {
    // R documentation of t.test, example `t.test(extra ~ group, data = sleep)` (Welch Two Sample t-test);
    // t, df and p also as printed in afex's compare.2.vectors example (Welch: t = -1.861, df = 17.78, p = 0.07939).
    const r = welch(summarise(drug1), summarise(drug2));
    expect(r.difference).toBeCloseTo(0.75 - 2.33, 10);
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.low).toBeCloseTo(-3.3654832, 6);
    expect(r.high).toBeCloseTo(0.2054832, 6);
  });

  it('summarise: mean and sample sd of the sleep data, drug 1: 0.75 and 1.78901', () => {
    // Σ(x − 0.75)² = 28.805 → sd = √(28.805/9) = 1.789010.
    const s = summarise(drug1);
    expect(s.n).toBe(10);
    expect(s.mean).toBeCloseTo(0.75, 12);
    expect(s.sd).toBeCloseTo(1.78901, 5);
  });

  it('two constant arms: the difference without interval or test', () => {
    expect(welch(summarise([2, 2, 2]), summarise([1, 1]))).toEqual({ difference: 1, low: null, high: null, t: null, df: null, p: null });
  });

  it('an empty arm: nothing', () => {
    expect(welch(summarise([]), summarise([1, 2])).difference).toBeNull();
  });
});

describe('people per arm to detect a difference of means', () => {
  it('a difference of one standard deviation at 80% power: 15.7 per arm (Lehr: 16 s²/d²)', () => {
    // (1.959964 + 0.841621)² · (1 + 1) / 1 = 7.848879 · 2 = 15.6978.
    expect(sampleSizeTwoMeans(1, 1, 1)).toBeCloseTo(15.6978, 3);
  });

  it('none for no difference', () => {
    expect(sampleSizeTwoMeans(0, 1, 1)).toBeNull();
  });
});
