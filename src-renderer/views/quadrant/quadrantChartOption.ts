// The quadrant scatter as an ECharts option: one series per type in its colour (unclassified last,
// only when someone is), threshold lines in score mode, the person's name and values on hover.
// People at the same position are drawn as one point sized by their count (features are counts and
// scores with few distinct values: 600 people can sit on 80 positions); past GRID_THRESHOLD distinct
// positions of a type, positions are binned on a GRID_CELLS × GRID_CELLS grid first, so 1,000,000
// people draw as a density. Large mode draws what remains in one pass, progressively.
import type { QuadrantResult, QuadrantType } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { escapeHtml } from '../../components/escapeHtml';
import { quadrantText } from '../../../src-main/locale/quadrant';
import { formatValue } from './quadrantModel';

/** Colour of each type (and of the unclassified), the same on the cards and in the chart. */
export const typeColors = {
  loyal: '#07a35a',
  needy: '#3370ff',
  bargain: '#f08a24',
  low: '#8f959e',
  unclassified: '#c9a0dc',
} satisfies Record<QuadrantType | 'unclassified', string>;

/** Series with more points than this are drawn in large mode. */
export const LARGE_THRESHOLD = 2000;

/** Size of every point of a series drawn in large mode. */
export const LARGE_SYMBOL_SIZE = 5;

/** Distinct positions of one type past which the positions are binned on a grid. */
export const GRID_THRESHOLD = 20_000;
/** Cells per axis of that grid. */
export const GRID_CELLS = 200;

/** A point: x, y, the position in the result of its first person (for the tooltip and clicks) and how many people it stands for. */
export type ScatterPoint = [number, number, number, number];

/** Symbol size of a point standing for `count` people: the area grows with the count, capped. */
export function densitySize(count: number): number {
  return Math.min(28, 4 + 3 * Math.sqrt(count - 1));
}

/** The points of each type index, and of the unclassified (index −1) last: one per distinct position, with its count. */
export function pointsByType(result: QuadrantResult): { index: number; points: ScatterPoint[] }[] {
  const typeCount = result.counts.length - 1;
  const buckets: Map<string, ScatterPoint>[] = Array.from({ length: typeCount + 1 }, () => new Map());
  for (let i = 0; i < result.type.length; i++) {
    const t = result.type[i]!;
    const bucket = buckets[t < 0 ? typeCount : t]!;
    const key = `${result.x[i]!}|${result.y[i]!}`;
    const point = bucket.get(key);
    if (point) point[3]++;
    else bucket.set(key, [result.x[i]!, result.y[i]!, i, 1]);
  }
  const span = (values: readonly number[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return { lo, step: hi > lo ? (hi - lo) / GRID_CELLS : 1 };
  };
  const [sx, sy] = [span(result.x), span(result.y)];
  const cell = (v: number, s: { lo: number; step: number }) => s.lo + (Math.min(GRID_CELLS - 1, Math.floor((v - s.lo) / s.step)) + 0.5) * s.step;
  return buckets.map((bucket, b) => {
    let points = [...bucket.values()];
    if (points.length > GRID_THRESHOLD) {
      const grid = new Map<string, ScatterPoint>();
      for (const [x, y, i, n] of points) {
        const [gx, gy] = [cell(x, sx), cell(y, sy)];
        const key = `${gx}|${gy}`;
        const point = grid.get(key);
        if (point) point[3] += n;
        else grid.set(key, [gx, gy, i, n]);
      }
      points = [...grid.values()];
    }
    return { index: b === typeCount ? -1 : b, points };
  });
}

/** The tooltip text of a point: its person, or how many people share it and one of them. */
export function pointTooltip(result: QuadrantResult, person: number, count = 1): string {
  const name = result.names[person] ?? quadrantText.noName;
  const text = quadrantText.tooltip(escapeHtml(name), formatValue(result.x[person]), formatValue(result.y[person]));
  return count > 1 ? `${quadrantText.pointCount(count)}<br/>${text}` : text;
}

/** The scatter option; `isScore` draws the resolved thresholds as dashed lines. */
export function quadrantChartOption(result: QuadrantResult, isScore: boolean): ChartOption {
  const series = pointsByType(result)
    .filter((s) => s.index >= 0 || s.points.length > 0)
    .map((s) => {
      const count = s.index >= 0 ? result.counts[s.index]! : result.counts[result.counts.length - 1]!;
      return {
        type: 'scatter' as const,
        name: count.label,
        id: count.type,
        data: s.points,
        // Large mode draws one size for the whole series and nothing for a size callback (ECharts's
        // LargeSymbolDraw reads the series' size only): such a type showed no point at all.
        symbolSize: s.points.length >= LARGE_THRESHOLD ? LARGE_SYMBOL_SIZE : (value: ScatterPoint) => densitySize(value[3]),
        large: true,
        largeThreshold: LARGE_THRESHOLD,
        progressive: 20000,
        itemStyle: { color: typeColors[count.type], opacity: 0.75 },
        emphasis: { focus: 'none' as const },
      };
    });
  const lines: ({ xAxis: number } | { yAxis: number })[] = [];
  if (isScore && result.thresholdX !== null) lines.push({ xAxis: result.thresholdX });
  if (isScore && result.thresholdY !== null) lines.push({ yAxis: result.thresholdY });
  if (lines.length > 0 && series.length > 0) {
    Object.assign(series[0]!, {
      markLine: {
        silent: true,
        symbol: 'none',
        precision: 4,
        animation: false,
        lineStyle: { color: '#d83931', type: 'dashed', width: 1.5 },
        label: { formatter: (p: { value: unknown }) => formatValue(Number(p.value)) },
        data: lines,
      },
    });
  }
  return {
    animation: false,
    grid: { left: 64, right: 48, top: 40, bottom: 48 },
    legend: { top: 4, data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const value = (p as { value?: unknown }).value;
        return Array.isArray(value) && typeof value[2] === 'number' ? pointTooltip(result, value[2], typeof value[3] === 'number' ? value[3] : 1) : '';
      },
    },
    xAxis: { type: 'value', name: quadrantText.axisShort.x, nameLocation: 'middle', nameGap: 28, scale: true, splitLine: { show: false } },
    yAxis: { type: 'value', name: quadrantText.axisShort.y, nameLocation: 'middle', nameGap: 44, scale: true, splitLine: { show: false } },
    series,
  };
}
