/** The conversion lift of people who did a key behaviour over those who did not (DESIGN §4 Key behaviours). */
import { Z95 } from './wilson';

/** Two conversion rates in percent, their ratio and its 95% interval; null where undefined. */
export interface Lift {
  /** a / n1 in percent; null when n1 is 0. */
  doers_rate: number | null;
  /** c / n2 in percent; null when n2 is 0. */
  others_rate: number | null;
  /** doers_rate / others_rate; null when either rate is null or others_rate is 0. */
  lift: number | null;
  /** Katz interval bounds; null when a or c is 0 (the log of the ratio is then unbounded). */
  lift_low: number | null;
  lift_high: number | null;
}

/**
 * The risk ratio (a / n1) / (c / n2) of a 2×2 table — a of n1 doers converted, c of n2 others —
 * with the Katz log interval (Katz et al. 1978): exp(ln RR ± z·√(1/a − 1/n1 + 1/c − 1/n2)).
 */
export function lift(a: number, n1: number, c: number, n2: number, z = Z95): Lift {
  const doersRate = n1 > 0 ? (a * 100) / n1 : null;
  const othersRate = n2 > 0 ? (c * 100) / n2 : null;
  // (a·n2) / (n1·c): one division, so an exact ratio such as 2 comes out exactly 2.
  const ratio = doersRate !== null && othersRate !== null && c > 0 ? (a * n2) / (n1 * c) : null;
  if (ratio === null || a === 0) return { doers_rate: doersRate, others_rate: othersRate, lift: ratio, lift_low: null, lift_high: null };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  const ln = Math.log(ratio);
  return { doers_rate: doersRate, others_rate: othersRate, lift: ratio, lift_low: Math.exp(ln - z * se), lift_high: Math.exp(ln + z * se) };
}
