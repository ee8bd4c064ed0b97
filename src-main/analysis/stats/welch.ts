/**
 * Comparing two means per person (GMV, messages) with Welch's unequal-variance t (Welch 1947,
 * Satterthwaite degrees of freedom), and the sample size per arm to detect a difference of means.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The size, mean and sample standard deviation (n − 1 in the denominator) of one arm. */
export interface Summary {
  /** Number of values. */
  n: number;
  /** Arithmetic mean; null for no values. */
  mean: number | null;
  /** Sample standard deviation; null for fewer than two values. */
  sd: number | null;
}

/** Welch's test of mean1 − mean2 and its interval; null fields where undefined. */
export interface WelchResult {
  /** mean1 − mean2. */
  difference: number | null;
  /** Lower bound of the interval. */
  low: number | null;
  /** Upper bound of the interval. */
  high: number | null;
  /** Welch's t. */
  t: number | null;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number | null;
  /** Two-sided p-value. */
  p: number | null;
}

/** {@link Summary} of values, in one pass (Welford), so 100,000 values lose no precision. */
export function summarise(values: Iterable<number>): Summary {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const v of values) {
    n += 1;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  return { n, mean: n > 0 ? mean : null, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : null };
}

/**
 * Welch's t for two arms' summaries: se² = s1²/n1 + s2²/n2, t = (m1 − m2) / se,
 * df = se⁴ / ((s1²/n1)² / (n1 − 1) + (s2²/n2)² / (n2 − 1)), interval (m1 − m2) ± t_{df, 1−α/2}·se.
 * With both arms constant (se = 0) the difference stands without interval or test.
 */
export function welch(a: Summary, b: Summary, level = 0.95): WelchResult {
  const none = { low: null, high: null, t: null, df: null, p: null };
  if (a.mean === null || b.mean === null) return { difference: null, ...none };
  const difference = a.mean - b.mean;
  if (a.sd === null || b.sd === null) return { difference, ...none };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 <= 0) return { difference, ...none };
  const se = Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = difference / se;
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { difference, low: difference - q * se, high: difference + q * se, t, df, p: 2 * tCdf(-Math.abs(t), df) };
}

/**
 * People per arm to detect a difference of means `delta` between arms of standard deviations sd1 and
 * sd2, two-sided at level alpha with the given power, by the normal approximation:
 *   n = (z_{α/2} + z_β)² · (sd1² + sd2²) / delta²  (Lehr's "16 s²/d²" rule is its rounding at 80%).
 * Null when delta is 0 or not finite.
 */
export function sampleSizeTwoMeans(delta: number, sd1: number, sd2: number, alpha = 0.05, power = 0.8): number | null {
  if (!Number.isFinite(delta) || delta === 0) return null;
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  return (z * z * (sd1 * sd1 + sd2 * sd2)) / (delta * delta);
}

/** The 95% t interval of one arm's mean, mean ± t_{n−1}·sd/√n; null bounds for fewer than two values. */
export function meanInterval(s: Summary, level = 0.95): { low: number | null; high: number | null } {
  if (s.mean === null || s.sd === null) return { low: null, high: null };
  const half = tQuantile(1 - (1 - level) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n));
  return { low: s.mean - half, high: s.mean + half };
}

/**
 * The one-sample t test of a mean against 0 (the paired t test when the values are differences):
 * t = mean / (sd/√n) on n − 1 degrees of freedom, with the 95% interval of the mean.
 */
export function oneSampleT(s: Summary, level = 0.95): { t: number | null; p: number | null; low: number | null; high: number | null } {
  if (s.mean === null || s.sd === null || s.sd === 0) return { t: null, p: null, ...(s.sd === 0 && s.mean !== null ? { low: s.mean, high: s.mean } : { low: null, high: null }) };
  const t = s.mean / (s.sd / Math.sqrt(s.n));
  return { t, p: 2 * tCdf(-Math.abs(t), s.n - 1), ...meanInterval(s, level) };
}
