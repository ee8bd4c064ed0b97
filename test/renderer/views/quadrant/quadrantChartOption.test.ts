import { describe, expect, it } from 'vitest';
import type { QuadrantResult } from '../../../../src-main/contract';
import { LARGE_THRESHOLD, pointTooltip, pointsByType, quadrantChartOption, typeColors } from '../../../../src-renderer/views/quadrant/quadrantChartOption';

/** Five people over types loyal(0), bargain(1), needy(2), low(3); e is unclassified. */
function result(overrides: Partial<QuadrantResult> = {}): QuadrantResult {
  return {
    thresholdX: 0.5,
    thresholdY: 2,
    pids: ['a', 'b', 'c', 'd', 'e'],
    names: ['阿一', null, '<b>c</b>', 'd', 'e'],
    x: [0.9, 0.1, 0.7, 0.2, 0.3],
    y: [3, 2.5, 1, 0, 4],
    type: [0, 1, 2, 3, -1],
    counts: [
      { type: 'loyal', label: '忠实型', count: 1, share: 20 },
      { type: 'bargain', label: '羊毛型', count: 1, share: 20 },
      { type: 'needy', label: '需求型', count: 1, share: 20 },
      { type: 'low', label: '低需求', count: 1, share: 20 },
      { type: 'unclassified', label: '未分类', count: 1, share: 20 },
    ],
    ...overrides,
  };
}

type Scatter = { name: string; id: string; data: [number, number, number][]; large: boolean; largeThreshold: number; itemStyle: { color: string }; markLine?: { data: unknown[] } };
const seriesOf = (r: QuadrantResult, isScore: boolean) => quadrantChartOption(r, isScore).series as Scatter[];

describe('quadrant scatter option', () => {
  it('draws one series per type in the definition order with its colour, unclassified last', () => {
    const series = seriesOf(result(), false);
    expect(series.map((s) => [s.name, s.itemStyle.color])).toEqual([
      ['忠实型', typeColors.loyal],
      ['羊毛型', typeColors.bargain],
      ['需求型', typeColors.needy],
      ['低需求', typeColors.low],
      ['未分类', typeColors.unclassified],
    ]);
    // Each point carries its person's position for the tooltip and clicks.
    expect(series.map((s) => s.data)).toEqual([[[0.9, 3, 0]], [[0.1, 2.5, 1]], [[0.7, 1, 2]], [[0.2, 0, 3]], [[0.3, 4, 4]]]);
  });

  it('leaves the unclassified series out when nobody is unclassified, but keeps empty types in the legend', () => {
    const r = result({ type: [0, 0, 2, 3, 3], counts: result().counts.map((c) => ({ ...c, count: c.type === 'unclassified' ? 0 : c.count })) });
    const series = seriesOf(r, true);
    expect(series.map((s) => s.name)).toEqual(['忠实型', '羊毛型', '需求型', '低需求']);
    expect(series[1]!.data).toEqual([]);
  });

  it('draws the resolved thresholds as lines in score mode only, and none that is empty', () => {
    expect(seriesOf(result(), true)[0]!.markLine!.data).toEqual([{ xAxis: 0.5 }, { yAxis: 2 }]);
    expect(seriesOf(result({ thresholdY: null }), true)[0]!.markLine!.data).toEqual([{ xAxis: 0.5 }]);
    expect(seriesOf(result(), false)[0]!.markLine).toBeUndefined();
  });

  it('uses large mode so 100,000 points draw in one pass', () => {
    const n = 100_000;
    const big = result({
      pids: Array.from({ length: n }, (_, i) => `p${i}`),
      names: Array.from({ length: n }, () => null),
      x: Array.from({ length: n }, (_, i) => i % 100),
      y: Array.from({ length: n }, (_, i) => i % 7),
      type: Array.from({ length: n }, (_, i) => i % 4),
    });
    const series = seriesOf(big, true);
    expect(series.every((s) => s.large && s.largeThreshold === LARGE_THRESHOLD)).toBe(true);
    expect(series.reduce((sum, s) => sum + s.data.length, 0)).toBe(n);
    expect(pointsByType(big).map((b) => [b.index, b.points.length])).toEqual([[0, 25_000], [1, 25_000], [2, 25_000], [3, 25_000], [-1, 0]]);
  });

  it('names the person in the tooltip with both values, escaping the name and showing a placeholder for none', () => {
    expect(pointTooltip(result(), 0)).toBe('阿一<br/>满意度 0.9<br/>忠诚度 3');
    expect(pointTooltip(result(), 1)).toBe('（无昵称）<br/>满意度 0.1<br/>忠诚度 2.5');
    expect(pointTooltip(result(), 2)).toBe('&lt;b&gt;c&lt;/b&gt;<br/>满意度 0.7<br/>忠诚度 1');
    const formatter = (quadrantChartOption(result(), true).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ value: [0.2, 0, 3] })).toBe('d<br/>满意度 0.2<br/>忠诚度 0');
  });
});
