import { describe, expect, it } from 'vitest';
import type { QuadrantDensity, QuadrantPoints, QuadrantResult } from '../../../../src-main/contract';
import { binSize, binsBySize, binTooltip, densitySize, pointTooltip, quadrantChartOption, typeColors } from '../../../../src-renderer/views/quadrant/quadrantChartOption';

/** Five people over types loyal(0), bargain(1), needy(2), low(3); e is unclassified. */
const five: QuadrantPoints = {
  kind: 'points',
  pids: ['a', 'b', 'c', 'd', 'e'],
  names: ['阿一', null, '<b>c</b>', 'd', 'e'],
  x: [0.9, 0.1, 0.7, 0.2, 0.3],
  y: [3, 2.5, 1, 0, 4],
  type: [0, 1, 2, 3, -1],
};

function result(overrides: Partial<QuadrantResult> = {}, points: Partial<QuadrantPoints> = {}): QuadrantResult {
  return {
    thresholdX: 0.5,
    thresholdY: 2,
    total: 5,
    belowX: 3,
    belowY: 2,
    counts: [
      { type: 'loyal', label: '忠实型', count: 1, share: 20 },
      { type: 'bargain', label: '羊毛型', count: 1, share: 20 },
      { type: 'needy', label: '需求型', count: 1, share: 20 },
      { type: 'low', label: '低需求', count: 1, share: 20 },
      { type: 'unclassified', label: '未分类', count: 1, share: 20 },
    ],
    emptyFeatures: [],
    scatter: { ...five, ...points },
    ...overrides,
  };
}

/** A result of `n` unnamed people whose axis values and type index are functions of their position. */
function crowd(n: number, x: (i: number) => number, y: (i: number) => number, type: (i: number) => number): QuadrantResult {
  const of = <T,>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  return result({}, { pids: of((i) => `p${i}`), names: of(() => null), x: of(x), y: of(y), type: of(type) });
}

/** Bins of 0.25 × 1 from (0, 0): loyal in (3, 2) ×40 and (2, 3) ×10, bargain in (0, 3) ×5, unclassified in (1, 1) ×1. */
const density: QuadrantDensity = {
  kind: 'density',
  xBins: { min: 0, step: 0.25, count: 64 },
  yBins: { min: 0, step: 1, count: 40 },
  type: [0, 0, 1, -1],
  bx: [3, 2, 0, 1],
  by: [2, 3, 3, 1],
  count: [40, 10, 5, 1],
  x: [0.8, 0.6, 0.1, 0.3],
  y: [2.5, 3.2, 3.9, 1],
};

type Scatter = { name: string; id: string; data: [number, number, number, number][]; symbolSize: (v: [number, number, number, number]) => number; itemStyle: { color: string }; markLine?: { data: unknown[] } };
type LargeScatter = Omit<Scatter, 'symbolSize'> & { symbolSize: number; large: boolean; largeThreshold: number };
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
    const r = result({ counts: result().counts.map((c) => ({ ...c, count: c.type === 'unclassified' ? 0 : c.count })) }, { type: [0, 0, 2, 3, 3] });
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
    expect(size([0, 0, 0, 1])).toBe(4);
    expect(size([0, 0, 0, 8])).toBeGreaterThan(size([0, 0, 0, 2]));
    expect(densitySize(10_000)).toBe(28);
    expect(pointTooltip(many.scatter as QuadrantPoints, 23, 7)).toBe('此处 7 人，其中之一：<br/>（无昵称）<br/>满意度 3<br/>忠诚度 2');
  });

  it('draws a density as one symbol per type and bin at its people’s mean, sized by the count, every person counted', () => {
    const r = result({ total: 56, counts: result().counts.map((c) => ({ ...c, count: ({ loyal: 50, bargain: 5, unclassified: 1 } as Record<string, number>)[c.type] ?? 0 })) }, {});
    const option = quadrantChartOption({ ...r, scatter: density }, true);
    const series = option.series as unknown as LargeScatter[];
    // One series per type and drawn size (whole pixels, smallest first), each painted in large mode;
    // the size is 3 + 9 · ln(1 + count) / ln(1 + 40): 40 → 12, 10 → 8.8, 5 → 7.3, 1 → 4.7.
    expect(series.map((s) => [s.name, s.id, s.symbolSize, s.data])).toEqual([
      ['忠实型', 'loyal', 9, [[0.6, 3.2, 1, 10]]],
      ['忠实型', 'loyal-12', 12, [[0.8, 2.5, 0, 40]]],
      ['羊毛型', 'bargain', 7, [[0.1, 3.9, 2, 5]]],
      ['需求型', 'needy', 0, []],
      ['低需求', 'low', 0, []],
      ['未分类', 'unclassified', 5, [[0.3, 1, 3, 1]]],
    ]);
    expect(series.every((s) => s.large === true && s.largeThreshold === 0)).toBe(true);
    // A type drawn by several series is one legend entry (ECharts toggles every series of a name).
    expect((option.legend as { data: string[] }).data).toEqual(['忠实型', '羊毛型', '需求型', '低需求', '未分类']);
    expect(series.flatMap((s) => s.data).reduce((k, p) => k + p[3], 0)).toBe(56);
    // The fullest bin (40) draws the largest, 12 px; fewer people smaller dots, on a log scale: 1 of 40 is still visible.
    expect(binSize(40, 40)).toBe(12);
    expect(binSize(10, 40)).toBeLessThan(12);
    expect(binSize(10, 40)).toBeGreaterThan(binSize(5, 40));
    expect(binSize(1, 40)).toBeGreaterThan(4.5);
    expect(binSize(1, 100_000)).toBeGreaterThan(3.5);
    expect(series[0]!.markLine!.data).toEqual([{ xAxis: 0.5 }, { yAxis: 2 }]);
  });

  it('groups a type’s bins by their size rounded to whole pixels, every bin in one group', () => {
    const points: [number, number, number, number][] = [1, 2, 40, 3, 1, 1000].map((count, i) => [i, i, i, count]);
    const groups = binsBySize(points, 1000);
    expect(groups.map((g) => g.size)).toEqual([...new Set(points.map((p) => Math.round(binSize(p[3], 1000))))].sort((a, b) => a - b));
    expect(groups.flatMap((g) => g.points.map((p) => p[2])).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const g of groups) for (const p of g.points) expect(Math.abs(binSize(p[3], 1000) - g.size)).toBeLessThanOrEqual(0.5);
  });

  it('says how many people a bin holds and the ranges it covers', () => {
    expect(binTooltip(density, 0)).toBe('40 人<br/>满意度 0.75 – 1<br/>忠诚度 2 – 3');
    const formatter = (quadrantChartOption(result({ scatter: density }), true).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ value: [0.1, 3.9, 2, 5] })).toBe('5 人<br/>满意度 0 – 0.25<br/>忠诚度 3 – 4');
  });

  it('names the person in the tooltip with both values, escaping the name and showing a placeholder for none', () => {
    expect(pointTooltip(five, 0)).toBe('阿一<br/>满意度 0.9<br/>忠诚度 3');
    expect(pointTooltip(five, 1)).toBe('（无昵称）<br/>满意度 0.1<br/>忠诚度 2.5');
    expect(pointTooltip(five, 2)).toBe('&lt;b&gt;c&lt;/b&gt;<br/>满意度 0.7<br/>忠诚度 1');
    const formatter = (quadrantChartOption(result(), true).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ value: [0.2, 0, 3] })).toBe('d<br/>满意度 0.2<br/>忠诚度 0');
  });
});
