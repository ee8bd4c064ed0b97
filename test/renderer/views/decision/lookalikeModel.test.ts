import { describe, expect, it } from 'vitest';
import type { LookalikeCoefficient } from '../../../../src-main/contract';
import { calibrationOption, forestOption } from '../../../../src-renderer/views/decision/lookalikeModel';

const coefficient = (label: string, oddsRatio: number, low: number, high: number): LookalikeCoefficient => ({
  feature: 'messages', label, mean: 0, sd: 1, coefficient: Math.log(oddsRatio), se: 0.1, oddsRatio, low, high, p: 0.01,
});

describe('lookalike charts', () => {
  it('forest: one interval line per feature, the odds ratios as dots, the first feature on top, the no-effect line at 1', () => {
    const option = forestOption([coefficient('发言数', 2, 1.5, 2.5), coefficient('入群天数', 0.5, 0.25, 0.9)]);
    const series = option.series as { type: string; data: unknown[]; markLine?: { data: unknown[] } }[];
    // Categories bottom-up: the table's first row is drawn on top.
    expect((option.yAxis as { data: string[] }).data).toEqual(['入群天数', '发言数']);
    expect(series.filter((s) => s.type === 'line').map((s) => s.data)).toEqual([[[0.25, 0], [0.9, 0]], [[1.5, 1], [2.5, 1]]]);
    const dots = series.find((s) => s.type === 'scatter')!;
    expect((dots.data as { value: number[] }[]).map((d) => d.value)).toEqual([[0.5, 0], [2, 1]]);
    expect(dots.markLine!.data).toEqual([{ xAxis: 1 }]);
    const axis = option.xAxis as { type: string; min: number; max: number; axisLabel: { formatter: (v: number) => string } };
    expect(axis.type).toBe('log');
    expect(axis.min).toBeCloseTo(0.25 / 1.2, 12);
    expect(axis.max).toBeCloseTo(2.5 * 1.2, 12);
    expect(axis.axisLabel.formatter(0.24382592588897084)).toBe('0.24');
  });

  it('calibration: predicted as bars and observed as a line per decile, in percent', () => {
    const option = calibrationOption([
      { decile: 1, n: 9, predicted: 3.456, observed: 0 },
      { decile: 2, n: 9, predicted: 12.5, observed: 11.111 },
    ]);
    const series = option.series as { type: string; data: number[] }[];
    expect((option.xAxis as { data: string[] }).data).toEqual(['1', '2']);
    expect(series.map((s) => [s.type, s.data])).toEqual([['bar', [3.46, 12.5]], ['line', [0, 11.11]]]);
  });
});
