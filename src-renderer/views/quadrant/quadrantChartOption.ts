// The quadrant scatter as an ECharts option: one series per type in its colour (unclassified last,
// only when someone is), threshold lines in score mode, the person's name and values on hover.
// Up to 100,000 points: large mode draws them in one pass, progressively.
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

/** A point: x, y and the person's position in the result (for the tooltip and clicks). */
export type ScatterPoint = [number, number, number];

/** The points of each type index, and of the unclassified (index −1) last. */
export function pointsByType(result: QuadrantResult): { index: number; points: ScatterPoint[] }[] {
  const typeCount = result.counts.length - 1;
  const buckets: ScatterPoint[][] = Array.from({ length: typeCount + 1 }, () => []);
  for (let i = 0; i < result.type.length; i++) {
    const t = result.type[i]!;
    buckets[t < 0 ? typeCount : t]!.push([result.x[i]!, result.y[i]!, i]);
  }
  return buckets.map((points, b) => ({ index: b === typeCount ? -1 : b, points }));
}

/** The tooltip text of a point. */
export function pointTooltip(result: QuadrantResult, person: number): string {
  const name = result.names[person] ?? quadrantText.noName;
  return quadrantText.tooltip(escapeHtml(name), formatValue(result.x[person]), formatValue(result.y[person]));
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
        symbolSize: 5,
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
        return Array.isArray(value) && typeof value[2] === 'number' ? pointTooltip(result, value[2]) : '';
      },
    },
    xAxis: { type: 'value', name: quadrantText.axisShort.x, nameLocation: 'middle', nameGap: 28, scale: true, splitLine: { show: false } },
    yAxis: { type: 'value', name: quadrantText.axisShort.y, nameLocation: 'middle', nameGap: 44, scale: true, splitLine: { show: false } },
    series,
  };
}
