import { describe, expect, it } from 'vitest';
import { equivalentPercentile, switchThreshold } from '../../../../src-renderer/views/quadrant/quadrantModel';

/** Who is high under the server's rules: value ≥ the fixed threshold, or ≥ the lowest score with at least p % below it. */
function highUnderFixed(scores: number[], t: number): boolean[] {
  return scores.map((s) => s >= t);
}
function highUnderPercentile(scores: number[], p: number): boolean[] {
  const below = (v: number) => scores.filter((s) => s < v).length;
  const candidates = scores.filter((v) => below(v) * 100 >= p * scores.length);
  const t = candidates.length ? Math.min(...candidates) : Infinity;
  return scores.map((s) => s >= t);
}

/** What the Node side counts for a fixed threshold: the people strictly below it, out of everyone. */
const belowOf = (t: number, scores: number[]) => ({ below: scores.filter((s) => s < t).length, total: scores.length });

describe('switching a quadrant threshold between a fixed value and a percentile', () => {
  const scores = [0, 0, 0, 0.2, 0.3, 0.45, 0.45, 0.6, 0.8, 1];

  it('turns fixed 0.45 into the share of people below it, not the 0.45th percentile', () => {
    // 5 of the 10 score below 0.45.
    expect(switchThreshold({ kind: 'fixed', value: 0.45 }, 'percentile', belowOf(0.45, scores), undefined)).toEqual({
      threshold: { kind: 'percentile', value: 50 },
      note: '固定值 0.45 已换算为第 50 百分位（50% 的人低于 0.45），分类不变',
    });
  });

  it('keeps everyone’s type across the switch, for any fixed value', () => {
    const odd = [1, 2, 2, 3, 5, 8, 13, 21, 34];
    for (const t of [0, 1, 1.5, 2, 4, 13, 34, 35]) {
      expect(highUnderPercentile(odd, equivalentPercentile(belowOf(t, odd)))).toEqual(highUnderFixed(odd, t));
    }
  });

  it('rounds a repeating share down, so the percentile still resolves to the same score', () => {
    // 1 of 3 below 2: 33.333…% → 33.33, which still needs 1 person below.
    expect(equivalentPercentile({ below: 1, total: 3 })).toBe(33.33);
  });

  it('turns a percentile into the value it resolved to', () => {
    expect(switchThreshold({ kind: 'percentile', value: 50 }, 'fixed', belowOf(0.45, scores), 0.45)).toEqual({
      threshold: { kind: 'fixed', value: 0.45 },
      note: '第 50 百分位已换算为固定值 0.45，分类不变',
    });
  });

  it('clears the value and says so where there is no equivalent', () => {
    expect(switchThreshold({ kind: 'percentile', value: 100 }, 'fixed', null, null)).toEqual({
      threshold: { kind: 'fixed', value: 0 },
      note: '当前百分位没有对应的数值（没有人为“高”或结果尚未算出）：阈值已清为 0，请输入固定值',
    });
    expect(switchThreshold({ kind: 'fixed', value: 3 }, 'percentile', { below: 0, total: 0 }, undefined).threshold).toEqual({ kind: 'percentile', value: 50 });
    expect(switchThreshold({ kind: 'fixed', value: 3 }, 'percentile', null, undefined).note).toContain('无法把固定值换算为百分位');
  });
});
