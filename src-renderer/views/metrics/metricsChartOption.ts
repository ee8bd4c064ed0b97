import type { MetricsRow, Period } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { t } from '../../../src-main/locale/app';
import { periodPrefix } from '../../../src-main/locale/common';
import { formatRate, periodLabel } from './metricsFormat';

/** ECharts' marker of a missing value: the line breaks there instead of dropping to 0. */
export const GAP = '-';

/**
 * Bar series of more periods than this (a quarter of days) draw in ECharts' large mode, as one
 * shape per series: a year of days as single bars took ~150 ms of a chart's first draw at 100,000
 * people (issue 17). The tooltip still reads the hovered day.
 */
export const LARGE_BARS = { large: true, largeThreshold: 92 } as const;

const colors = { total: '#2f6fdb', new: '#07a35a', churned: '#e5533d', rate: '#f0a020' };

/** The trend chart: members as a line, joins and churn as bars, active rate on a % axis. */
export function metricsChartOption(rows: readonly MetricsRow[], period: Period): ChartOption {
  const col = t.metrics.col;
  const categories = rows.map((r) => periodLabel(r, period));
  const names = {
    total: col.total_members,
    new: col.new_members(periodPrefix[period]),
    churned: col.churned_members,
    rate: col.active_rate,
  };
  return {
    color: [colors.total, colors.new, colors.churned, colors.rate],
    animation: rows.length < 400,
    // An empty scope says so, rather than showing bare axes.
    title: rows.length ? { show: false } : { show: true, text: t.metrics.empty, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [names.total, names.new, names.churned, names.rate] },
    grid: { left: 56, right: 64, top: 40, bottom: rows.length > 31 ? 64 : 32 },
    dataZoom: rows.length > 31 ? [{ type: 'slider', bottom: 8, height: 20 }, { type: 'inside' }] : [],
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: t.metrics.axisMembers, minInterval: 1 },
      { type: 'value', name: t.metrics.axisRate, min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: names.total, type: 'line', yAxisIndex: 0, data: rows.map((r) => r.total_members), showSymbol: rows.length <= 62 },
      { name: names.new, type: 'bar', yAxisIndex: 0, data: rows.map((r) => r.new_members), barMaxWidth: 18, ...LARGE_BARS },
      { name: names.churned, type: 'bar', yAxisIndex: 0, data: rows.map((r) => r.churned_members), barMaxWidth: 18, ...LARGE_BARS },
      {
        name: names.rate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        showSymbol: rows.length <= 62,
        data: rows.map((r) => (r.active_rate === null ? GAP : r.active_rate)),
        tooltip: { valueFormatter: (v) => formatRate(typeof v === 'number' ? v : null) },
      },
    ],
  };
}
