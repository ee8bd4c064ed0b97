/**
 * Comparing two proportions k1/n1 and k2/n2 (the A/B comparison and the community effect, DESIGN §4
 * Decision support): the interval of their difference, the two tests, and the sample size per arm.
 * Proportions here are fractions (0–1), as in the published examples the tests check them against;
 * callers turn them into percent points.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import { wilson, Z95 } from './wilson';

/** A difference p1 − p2 with its interval; all null when an arm is empty. */
export interface Difference {
  /** Point estimate. */
  difference: number | null;
  /** Lower bound of the interval. */
  low: number | null;
  /** Upper bound of the interval. */
  high: number | null;
}

/** A two-sided test. */
export interface TestResult {
  /** The statistic (z or t); null for Fisher's exact test and where undefined. */
  statistic: number | null;
  /** Two-sided p-value; null where undefined (an empty arm, no variation at all). */
  p: number | null;
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, Statistics in Medicine 17:873–890,
 * method 10), built from the two Wilson score intervals [l1, u1] and [l2, u2]:
 *   low  = d − √((p1 − l1)² + (u2 − p2)²),  high = d + √((u1 − p1)² + (p2 − l2)²).
 */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, z = Z95): Difference {
  if (n1 <= 0 || n2 <= 0) return { difference: null, low: null, high: null };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  // wilson() answers in percent: back to fractions.
  const w1 = wilson(k1, n1, z);
  const w2 = wilson(k2, n2, z);
  const l1 = w1.low! / 100;
  const u1 = w1.high! / 100;
  const l2 = w2.low! / 100;
  const u2 = w2.high! / 100;
  const d = p1 - p2;
  return {
    difference: d,
    low: d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    high: d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  };
}

/**
 * The two-proportion z-test with the pooled proportion: z = (p1 − p2) / √(p̄(1 − p̄)(1/n1 + 1/n2)),
 * p = 2·(1 − Φ(|z|)) (the same as the chi-squared test of the 2×2 table without continuity correction).
 * Null when an arm is empty or nobody / everybody succeeded in both (no variation to test).
 */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { statistic: null, p: null };
  const pooled = (k1 + k2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance <= 0) return { statistic: null, p: null };
  const z = (k1 / n1 - k2 / n2) / Math.sqrt(variance);
  return { statistic: z, p: 2 * normalCdf(-Math.abs(z), 0, 1) };
}

/**
 * Fisher's exact test of the 2×2 table [[a, b], [c, d]] (rows: the arms; columns: success, failure),
 * two-sided as R's fisher.test: the sum of the hypergeometric probabilities of every table with the
 * same margins that is no more probable than the observed one (with R's relative tolerance 1e-7, so
 * tables tied with the observed one up to rounding count).
 */
export function fisherExact(a: number, b: number, c: number, d: number): TestResult {
  const n1 = a + b;
  const successes = a + c;
  const total = a + b + c + d;
  if (total === 0) return { statistic: null, p: null };
  const lo = Math.max(0, n1 - (total - successes));
  const hi = Math.min(n1, successes);
  // Successes of arm 1 ~ Hypergeometric(total population, successes in it, draws = n1).
  const observed = hypergeometricPmf(a, total, successes, n1);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const px = hypergeometricPmf(x, total, successes, n1);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return { statistic: null, p: Math.min(1, p) };
}

/** The smallest expected cell count of the 2×2 table of two arms under independence; null when a margin is 0. */
export function smallestExpectedCell(k1: number, n1: number, k2: number, n2: number): number | null {
  const total = n1 + n2;
  const successes = k1 + k2;
  if (n1 <= 0 || n2 <= 0) return null;
  const failures = total - successes;
  return Math.min(n1, n2) * Math.min(successes, failures) / total;
}

/**
 * People per arm to detect p1 vs p2 with a two-sided test at level alpha and the given power, by the
 * normal approximation (Fleiss; what R's power.prop.test solves, not rounded):
 *   n = (z_{α/2}·√(2 p̄ q̄) + z_β·√(p1 q1 + p2 q2))² / (p1 − p2)²,  p̄ = (p1 + p2) / 2.
 * Null when the two proportions are equal (no difference to detect) or outside (0, 1).
 */
export function sampleSizeTwoProportions(p1: number, p2: number, alpha = 0.05, power = 0.8): number | null {
  if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) || p1 === p2) return null;
  const zAlpha = normalQuantile(1 - alpha / 2, 0, 1);
  const zBeta = normalQuantile(power, 0, 1);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (root * root) / ((p1 - p2) * (p1 - p2));
}
