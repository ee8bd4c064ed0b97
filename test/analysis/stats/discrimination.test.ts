import { describe, expect, it } from 'vitest';
import { auc, calibrationByDecile, hanleyMcNeilSe } from '../../../src-main/analysis/stats/discrimination';
import { mulberry32, seededSplit } from '../../../src-main/analysis/stats/seededSplit';

/** The AUC by definition: every positive–negative pair, 1 when the positive scores higher, ½ on a tie. */
function bruteForceAuc(scores: number[], y: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('AUC', () => {
  it('equals the brute-force count over every positive–negative pair on random data, ties included', () => {
    const random = mulberry32(20240601);
    for (let round = 0; round < 20; round++) {
      const n = 50 + Math.floor(random() * 400);
      // Scores rounded to one decimal so that ties occur; outcomes loosely tied to the scores.
      const scores = Array.from({ length: n }, () => Math.round(random() * 30) / 10);
      const y = scores.map((s) => (random() < s / 4 ? 1 : 0));
      expect(auc(scores, y).auc).toBeCloseTo(bruteForceAuc(scores, y), 12);
    }
  });

  it('perfect, reversed and uninformative scores: 1, 0 and ½', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]).auc).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]).auc).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]).auc).toBe(0.5);
  });

  it('no positives: no AUC', () => {
    expect(auc([0.1, 0.2], [0, 0])).toEqual({ auc: null, low: null, high: null, positives: 0, negatives: 2 });
  });

  it("Hanley–McNeil's SE of A = 0.8 with 50 positives and 100 negatives: 0.041247", () => {
    // Q1 = 0.8 / 1.2 = 0.666667, Q2 = 2·0.64 / 1.8 = 0.711111;
    // SE² = (0.16 + 49·0.026667 + 99·0.071111) / 5000 = 8.506667 / 5000 = 0.00170133 → SE = 0.041247.
    expect(hanleyMcNeilSe(0.8, 50, 100)).toBeCloseTo(0.041247, 6);
  });

  it('the interval is A ± 1.96·SE', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.6, 0.9];
    const y = [0, 0, 1, 1, 0, 1, 0, 1];
    const r = auc(scores, y);
    // 4 positives (0.35, 0.8, 0.7, 0.9) against 4 negatives (0.1, 0.4, 0.2, 0.6): 0.35 beats 2, the others 4 each → 14/16.
    expect(r.auc).toBe(14 / 16);
    const se = hanleyMcNeilSe(0.875, 4, 4);
    expect(r.low).toBeCloseTo(0.875 - 1.959964 * se, 5);
    expect(r.high).toBe(1);
  });
});

describe('calibration by decile', () => {
  it('25 people: groups of 2 or 3 by score, each with its mean score and share of 1s', () => {
    const scores = Array.from({ length: 25 }, (_, i) => (25 - i) / 100);
    const y = scores.map((_, i) => (i % 2 === 0 ? 1 : 0));
    const bins = calibrationByDecile(scores, y);
    expect(bins.map((b) => b.n)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    // Lowest decile: scores 0.01 (i = 24, a 1) and 0.02 (i = 23, a 0).
    expect(bins[0]).toEqual({ decile: 1, n: 2, predicted: 0.015, observed: 0.5 });
    // Highest: 0.25, 0.24, 0.23 (i = 0, 1, 2: 1, 0, 1).
    expect(bins[9]!.predicted).toBeCloseTo(0.24, 12);
    expect(bins[9]!.observed).toBeCloseTo(2 / 3, 12);
  });
});

describe('seeded split', () => {
  it('the same seed gives the same 70%, another seed another one', () => {
    const a = seededSplit(1000, 0.7, 42);
    expect([...a]).toEqual([...seededSplit(1000, 0.7, 42)]);
    expect(a.reduce((s, v) => s + v, 0)).toBe(700);
    expect([...a]).not.toEqual([...seededSplit(1000, 0.7, 43)]);
  });

  it('mulberry32 from seed 1 starts 0.6270739405881613 (its reference output)', () => {
    expect(mulberry32(1)()).toBe(0.6270739405881613);
  });
});
