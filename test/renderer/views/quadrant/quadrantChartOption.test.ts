import { describe, expect, it } from 'vitest';
import type { QuadrantResult } from '../../../../src-main/contract';
import { densitySize, GRID_CELLS, GRID_THRESHOLD, LARGE_SYMBOL_SIZE, LARGE_THRESHOLD, pointTooltip, pointsByType, quadrantChartOption, typeColors } from '../../../../src-renderer/views/quadrant/quadrantChartOption';

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
    emptyFeatures: [],
    ...overrides,
  };
}

/** A result of `n` unnamed people whose axis values and type index are functions of their position. */
function crowd(n: number, x: (i: number) => number, y: (i: number) => number, type: (i: number) => number): QuadrantResult {
  const of = <T,>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  return result({ pids: of((i) => `p${i}`), names: of(() => null), x: of(x), y: of(y), type: of(type) });
}

type Scatter = { name: string; id: string; data: [number, number, number, number][]; symbolSize: number | ((v: [number, number, number, number]) => number); large: boolean; largeThreshold: number; itemStyle: { color: string }; markLine?: { data: unknown[] } };
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
    // Each point carries its person's position for the tooltip and clicks, and the people it stands for.
    expect(series.map((s) => s.data)).toEqual([[[0.9, 3, 0, 1]], [[0.1, 2.5, 1, 1]], [[0.7, 1, 2, 1]], [[0.2, 0, 3, 1]], [[0.3, 4, 4, 1]]]);
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

  it('draws the people at one position as one point sized by their count (640 people on 80 positions)', () => {
    const n = 640;
    const many = crowd(n, (i) => i % 10, (i) => Math.floor(i / 10) % 8, () => 0);
    const [loyal] = seriesOf(many, true);
    expect(loyal!.data).toHaveLength(80);
    expect(loyal!.data.every((p) => p[3] === 8)).toBe(true);
    expect(loyal!.data.find((p) => p[0] === 3 && p[1] === 2)).toEqual([3, 2, 23, 8]);
    const size = loyal!.symbolSize;
    if (typeof size !== 'function') throw new Error('80 positions are drawn one by one, each sized by its count');
    expect(size([0, 0, 0, 1])).toBe(4);
    expect(size([0, 0, 0, 8])).toBeGreaterThan(size([0, 0, 0, 2]));
    expect(densitySize(10_000)).toBe(28);
    expect(pointTooltip(many, 23, 7)).toBe('此处 7 人，其中之一：<br/>（无昵称）<br/>满意度 3<br/>忠诚度 2');
  });

  it('bins a type with very many distinct positions on a grid, keeping every person counted', () => {
    const n = GRID_THRESHOLD * 3;
    const spread = crowd(n, (i) => i / n, (i) => ((i * 7919) % n) / n, () => 2);
    const needy = pointsByType(spread).find((b) => b.index === 2)!.points;
    expect(needy.length).toBeLessThanOrEqual(GRID_CELLS * GRID_CELLS);
    expect(needy.length).toBeLessThan(n);
    expect(needy.reduce((s, p) => s + p[3], 0)).toBe(n);
  });

  it('uses large mode so 100,000 points draw in one pass', () => {
    const n = 100_000;
    const big = crowd(n, (i) => i % 100, (i) => i % 7, (i) => i % 4);
    const series = seriesOf(big, true);
    expect(series.every((s) => s.large && s.largeThreshold === LARGE_THRESHOLD)).toBe(true);
    // 100 x values × 7 y values: at most 700 distinct positions, every person counted once.
    expect(series.reduce((sum, s) => sum + s.data.reduce((k, p) => k + p[3], 0), 0)).toBe(n);
    expect(pointsByType(big).map((b) => [b.index, b.points.reduce((k, p) => k + p[3], 0)])).toEqual([[0, 25_000], [1, 25_000], [2, 25_000], [3, 25_000], [-1, 0]]);
  });

  it('gives a type drawn in large mode one fixed point size, since large mode draws no per-point size (a 3,605-position type showed nothing)', () => {
    const n = LARGE_THRESHOLD * 2;
    const series = seriesOf(crowd(n, (i) => i, (i) => i % 3, (i) => (i < 10 ? 1 : 0)), true);
    const [loyal, bargain] = [series.find((s) => s.id === 'loyal')!, series.find((s) => s.id === 'bargain')!];
    expect(loyal.data.length).toBeGreaterThanOrEqual(LARGE_THRESHOLD);
    expect(loyal.symbolSize).toBe(LARGE_SYMBOL_SIZE);
    expect(typeof bargain.symbolSize).toBe('function');
  });

  it('names the person in the tooltip with both values, escaping the name and showing a placeholder for none', () => {
    expect(pointTooltip(result(), 0)).toBe('阿一<br/>满意度 0.9<br/>忠诚度 3');
    expect(pointTooltip(result(), 1)).toBe('（无昵称）<br/>满意度 0.1<br/>忠诚度 2.5');
    expect(pointTooltip(result(), 2)).toBe('&lt;b&gt;c&lt;/b&gt;<br/>满意度 0.7<br/>忠诚度 1');
    const formatter = (quadrantChartOption(result(), true).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ value: [0.2, 0, 3] })).toBe('d<br/>满意度 0.2<br/>忠诚度 0');
  });
});
