/** Small statistics the analyses share, written out so each number can be checked by hand. */
import type { RateCI } from '../../contract';

/** z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * A proportion k / n in percent with its 95% Wilson score interval (Wilson 1927):
 * centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * All null when n is 0 (DESIGN §4: a rate over 0 is empty, never 0).
 */
export function wilson(k: number, n: number, z = Z95): RateCI {
  if (n <= 0) return { rate: null, low: null, high: null };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { rate: (k * 100) / n, low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/**
 * The q-quantile (0–1) of sorted values by linear interpolation between closest ranks
 * (the "type 7" definition of R, NumPy and DuckDB's quantile_cont). Null for no values.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
