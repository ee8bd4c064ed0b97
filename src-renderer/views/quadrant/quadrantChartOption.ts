// The quadrant scatter as an ECharts option: one series per type in its colour (unclassified last,
// only when someone is), threshold lines in score mode. A small scope comes as its people: those at
// the same position are drawn as one point sized by their count (features are counts and scores
// with few distinct values: 600 people can sit on 80 positions), a hover names them. A large one
// comes as a density binned on the Node side (src-main/analysis/quadrant/quadrantResult.ts): each
// bin is drawn at its people's mean position, sized by how many it holds, a hover says how many.
import type { QuadrantDensity, QuadrantPoints, QuadrantResult, QuadrantType } from '../../../src-main/contract';
import type { ChartOption, ScatterSeriesOption } from '../../components/chartTypes';
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

/** A symbol: x, y, its position in the answer's arrays (the first person there, or the bin) and how many people it stands for. */
export type ScatterPoint = [number, number, number, number];

/** Symbol size of a point standing for `count` people: the area grows with the count, capped. */
export function densitySize(count: number): number {
  return Math.min(28, 4 + 3 * Math.sqrt(count - 1));
}

/**
 * Symbol size of a bin of `count` people when the fullest holds `most`: 3 to 12 px (a bin is some
 * 9 × 8 px) on a log scale, since a few bins (everyone at 0, no orders yet) hold thousands of times
 * more than most: on a linear scale every other bin drew as the smallest dot.
 */
export function binSize(count: number, most: number): number {
  return 3 + (9 * Math.log1p(count)) / Math.log1p(Math.max(1, most));
}

/** Series slot of a type index: the types in order, the unclassified (−1) last. */
const slotOf = (type: number, typeCount: number) => (type < 0 ? typeCount : type);

/** The points of each type index, and of the unclassified (index −1) last: one per distinct position, with its count. */
export function pointsByType(points: QuadrantPoints, typeCount: number): { index: number; points: ScatterPoint[] }[] {
  const buckets: Map<string, ScatterPoint>[] = Array.from({ length: typeCount + 1 }, () => new Map());
  for (let i = 0; i < points.type.length; i++) {
    const bucket = buckets[slotOf(points.type[i]!, typeCount)]!;
    const key = `${points.x[i]!}|${points.y[i]!}`;
    const point = bucket.get(key);
    if (point) point[3]++;
    else bucket.set(key, [points.x[i]!, points.y[i]!, i, 1]);
  }
  return buckets.map((bucket, b) => ({ index: b === typeCount ? -1 : b, points: [...bucket.values()] }));
}

/** The bins of each type index, and of the unclassified (index −1) last, each at its people's mean position. */
export function binsByType(density: QuadrantDensity, typeCount: number): { index: number; points: ScatterPoint[] }[] {
  const slots: ScatterPoint[][] = Array.from({ length: typeCount + 1 }, () => []);
  for (let i = 0; i < density.type.length; i++) slots[slotOf(density.type[i]!, typeCount)]!.push([density.x[i]!, density.y[i]!, i, density.count[i]!]);
  return slots.map((points, b) => ({ index: b === typeCount ? -1 : b, points }));
}

/** The tooltip text of a point: its person, or how many people share it and one of them. */
export function pointTooltip(points: QuadrantPoints, person: number, count = 1): string {
  const name = points.names[person] ?? quadrantText.noName;
  const text = quadrantText.tooltip(escapeHtml(name), formatValue(points.x[person]), formatValue(points.y[person]));
  return count > 1 ? `${quadrantText.pointCount(count)}<br/>${text}` : text;
}

/** The tooltip text of a bin: how many people, and the ranges of both axes it covers. */
export function binTooltip(density: QuadrantDensity, bin: number): string {
  const range = (b: QuadrantDensity['xBins'], i: number) => [formatValue(b.min + i * b.step), formatValue(b.min + (i + 1) * b.step)] as const;
  return quadrantText.binTooltip(density.count[bin]!, range(density.xBins, density.bx[bin]!), range(density.yBins, density.by[bin]!));
}

/**
 * A density's bins of one type by drawn size, whole pixels, smallest first: each size is a series
 * of its own drawn in ECharts' large mode (every symbol of a series one size, all painted as one
 * path). One element per bin (957 at 100,000 people, up to 2,560 per type) made the first draw a
 * task of some 300 ms on a quiet machine (issue 17); a rounded size is at most half a pixel off.
 */
export function binsBySize(points: ScatterPoint[], most: number): { size: number; points: ScatterPoint[] }[] {
  const bySize = new Map<number, ScatterPoint[]>();
  for (const p of points) {
    const size = Math.round(binSize(p[3], most));
    const same = bySize.get(size);
    if (same) same.push(p);
    else bySize.set(size, [p]);
  }
  return [...bySize].sort((a, b) => a[0] - b[0]).map(([size, sized]) => ({ size, points: sized }));
}

/** The scatter option; `isScore` draws the resolved thresholds as dashed lines. */
export function quadrantChartOption(result: QuadrantResult, isScore: boolean): ChartOption {
  const { scatter } = result;
  const typeCount = result.counts.length - 1;
  const byType = scatter.kind === 'points' ? pointsByType(scatter, typeCount) : binsByType(scatter, typeCount);
  const most = scatter.kind === 'density' ? Math.max(1, ...scatter.count) : 1;
  const kept = byType.filter((s) => s.index >= 0 || s.points.length > 0);
  const series = kept.flatMap((s): ScatterSeriesOption[] => {
    const count = result.counts[slotOf(s.index, typeCount)]!;
    const common = { type: 'scatter' as const, name: count.label, itemStyle: { color: typeColors[count.type], opacity: 0.75 }, emphasis: { focus: 'none' as const } };
    if (scatter.kind === 'points') return [{ ...common, id: count.type, data: s.points, symbolSize: (value: unknown) => densitySize((value as ScatterPoint)[3]) }];
    // A type with no bin keeps one empty series: its name stays in the legend.
    const sizes = s.points.length ? binsBySize(s.points, most) : [{ size: 0, points: [] }];
    return sizes.map(({ size, points }, i) => ({ ...common, id: i === 0 ? count.type : `${count.type}-${size}`, data: points, symbolSize: size, large: true, largeThreshold: 0 }));
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
  const tooltip = (value: ScatterPoint) => (scatter.kind === 'points' ? pointTooltip(scatter, value[2], value[3]) : binTooltip(scatter, value[2]));
  return {
    animation: false,
    grid: { left: 64, right: 48, top: 40, bottom: 48 },
    legend: { top: 4, data: kept.map((s) => result.counts[slotOf(s.index, typeCount)]!.label) },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const value = (p as { value?: unknown }).value;
        return Array.isArray(value) && typeof value[2] === 'number' ? tooltip([value[0], value[1], value[2], typeof value[3] === 'number' ? value[3] : 1]) : '';
      },
    },
    xAxis: { type: 'value', name: quadrantText.axisShort.x, nameLocation: 'middle', nameGap: 28, scale: true, splitLine: { show: false } },
    yAxis: { type: 'value', name: quadrantText.axisShort.y, nameLocation: 'middle', nameGap: 44, scale: true, splitLine: { show: false } },
    series,
  };
}
