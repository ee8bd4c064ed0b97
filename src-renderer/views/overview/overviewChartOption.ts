import type { FunnelStage, MetricsRow } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { escapeHtml } from '../../components/escapeHtml';
import { overviewText } from '../../../src-main/locale/overview';
import { punctuation } from '../../../src-main/locale/common';
import { formatRate } from '../metrics/metricsFormat';

/** ECharts' marker of a missing value: the line breaks there instead of dropping to 0. */
const GAP = '-';
const colors = { members: '#2f6fdb', rate: '#f0a020' };
const funnelColors = ['#2f6fdb', '#3d8bef', '#07a35a', '#36b37e', '#f0a020', '#e5533d', '#8e6bd8'];

/** The label of a week on the small trend: its Monday as `MM-DD`. */
export function weekLabel(row: Pick<MetricsRow, 'period_start'>): string {
  return row.period_start.slice(5);
}

/** The 12-week trend: members on the left axis, active rate (%) on the right. */
export function trendChartOption(rows: readonly MetricsRow[]): ChartOption {
  const names = { members: overviewText.trendMembers, rate: overviewText.trendActiveRate };
  return {
    color: [colors.members, colors.rate],
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.members, names.rate] },
    grid: { left: 48, right: 52, top: 34, bottom: 24 },
    xAxis: { type: 'category', data: rows.map(weekLabel), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: overviewText.axisMembers, minInterval: 1 },
      { type: 'value', name: overviewText.axisRate, min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: names.members, type: 'line', yAxisIndex: 0, data: rows.map((r) => r.total_members) },
      {
        name: names.rate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: rows.map((r) => (r.active_rate === null ? GAP : r.active_rate)),
        tooltip: { valueFormatter: (v) => formatRate(typeof v === 'number' ? v : null) },
      },
    ],
  };
}

/**
 * The mini funnel of the cohort, one horizontal bar per stage in path order, the first at the top.
 * The stage names are the category axis, so a stage at 0 keeps its name (a funnel shape shrinks a 0
 * to a sliver that clips its label); each bar is labelled with its count and the step rate, which a
 * cohort keeps at or below 100%.
 */
export function miniFunnelOption(stages: readonly FunnelStage[]): ChartOption {
  const label = (s: FunnelStage) => overviewText.funnelBarLabel(s.count.toLocaleString('zh-CN'), s.step.rate === null ? null : formatRate(s.step.rate));
  return {
    color: funnelColors,
    animation: false,
    title: stages.length ? { show: false } : { show: true, text: overviewText.funnelEmpty, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 13, fontWeight: 'normal' } },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const stage = item ? stages[item.dataIndex] : undefined;
        if (!stage) return '';
        const step = stage.step.rate === null ? '' : `<br/>${overviewText.funnelStepRate} ${formatRate(stage.step.rate)}`;
        return `${escapeHtml(stage.name)}${punctuation.colon}${stage.count.toLocaleString('zh-CN')}${step}`;
      },
    },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, min: 0, max: Math.max(1, ...stages.map((s) => s.count)) },
    yAxis: { type: 'category', inverse: true, data: stages.map((s) => s.name), axisTick: { show: false }, axisLabel: { color: '#1f2329' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        colorBy: 'data',
        label: { show: true, position: 'right', formatter: (p) => label(stages[p.dataIndex]!), color: '#1f2329' },
        data: stages.map((s) => s.count),
      },
    ],
  };
}
