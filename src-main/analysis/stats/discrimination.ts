/**
 * How well scores tell the 1s from the 0s, and whether they mean what they say:
 * - AUC: the probability that a random positive scores above a random negative (ties count half),
 *   computed from mid-ranks (the Mann–Whitney U) rather than by comparing every pair;
 * - its 95% interval by Hanley & McNeil (1982, Radiology 143:29–36): SE² = (A(1 − A) + (n₁ − 1)(Q₁ − A²)
 *   + (n₀ − 1)(Q₂ − A²)) / (n₁n₀), Q₁ = A / (2 − A), Q₂ = 2A² / (1 + A), interval A ± 1.96·SE within [0, 1];
 * - calibration by decile: the scored people in ten groups of equal size by score, each with its
 *   mean predicted probability against the observed share of positives.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** The AUC with its Hanley–McNeil interval; nulls without both a positive and a negative. */
export interface AucResult {
  auc: number | null;
  low: number | null;
  high: number | null;
  /** Positives and negatives scored. */
  positives: number;
  negatives: number;
}

/** Mid-ranks (1-based) of the values: tied values share the mean of their ranks. */
function midRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Hanley & McNeil's standard error of an AUC from n₁ positives and n₀ negatives. */
export function hanleyMcNeilSe(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  return Math.sqrt(Math.max(variance, 0));
}

/** The AUC of `scores` against outcomes `y` (0 or 1), with its 95% interval. */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): AucResult {
  const ranks = midRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return { auc: null, low: null, high: null, positives, negatives };
  const a = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  const half = normalQuantile(0.975, 0, 1) * hanleyMcNeilSe(a, positives, negatives);
  return { auc: a, low: Math.max(0, a - half), high: Math.min(1, a + half), positives, negatives };
}

/** One decile of the calibration: people, mean predicted probability and observed share of 1s (both 0–1). */
export interface CalibrationBin {
  /** 1 = lowest scores … 10 = highest. */
  decile: number;
  n: number;
  predicted: number;
  observed: number;
}

/**
 * Calibration by decile: people sorted by score (ties by their order in the input) in ten groups
 * whose sizes differ by at most one (the k-th holds positions ⌊(k−1)n/10⌋ … ⌊kn/10⌋ − 1); empty
 * groups (fewer than ten people) are left out.
 */
export function calibrationByDecile(scores: ArrayLike<number>, y: ArrayLike<number>): CalibrationBin[] {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  const bins: CalibrationBin[] = [];
  for (let k = 1; k <= 10; k++) {
    const from = Math.floor(((k - 1) * n) / 10);
    const to = Math.floor((k * n) / 10);
    if (to <= from) continue;
    let predicted = 0;
    let observed = 0;
    for (let i = from; i < to; i++) {
      predicted += scores[order[i]!]!;
      observed += y[order[i]!]!;
    }
    bins.push({ decile: k, n: to - from, predicted: predicted / (to - from), observed: observed / (to - from) });
  }
  return bins;
}
