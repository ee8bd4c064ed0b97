// Option builders of the churn view's charts: plain functions of the API's answers, unit-tested.
import type { ChurnResult, Period, RetentionCohort, SurvivalCurve } from '../../../src-main/contract';
import { DRAWN_IN_FRAMES, type ChartOption } from '../../components/chartTypes';
import { escapeHtml } from '../../components/escapeHtml';
import { churnStageText, churnText, churnWayText, tenureText, type BreakdownKey } from '../../../src-main/locale/churn';
import { bracketed, punctuation } from '../../../src-main/locale/common';
import { channelMessages } from '../../../src-main/locale/analysis';
import { formatRate, periodLabel } from '../metrics/metricsFormat';

/** ECharts' marker of a missing value: a line breaks there instead of dropping to 0. */
export const GAP = '-';

const colors = { churned: '#e5533d', rate: '#f0a020', heat: ['#f1f8f4', '#8fd3ad', '#07a35a'] };
const emptyTitle = (text: string) => ({ show: true, text, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' as const } });

/** Churned people as bars and the churn rate as a line on a percent axis, one category per period. */
export function churnSeriesOption(series: ChurnResult['series'], period: Period): ChartOption {
  const isLong = series.length > 31;
  return {
    color: [colors.churned, colors.rate],
    animation: series.length < 400,
    title: series.length ? { show: false } : emptyTitle(churnText.emptySeries),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [churnText.churned, churnText.churnRate] },
    grid: { left: 56, right: 64, top: 40, bottom: isLong ? 64 : 32 },
    dataZoom: isLong ? [{ type: 'slider', bottom: 8, height: 20 }, { type: 'inside' }] : [],
    xAxis: { type: 'category', data: series.map((r) => periodLabel(r, period)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: churnText.axisPeople, minInterval: 1 },
      { type: 'value', name: churnText.axisRate, min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: churnText.churned, type: 'bar', yAxisIndex: 0, barMaxWidth: 18, data: series.map((r) => r.churned) },
      {
        name: churnText.churnRate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        showSymbol: series.length <= 62,
        data: series.map((r) => (r.churn_rate === null ? GAP : r.churn_rate)),
        tooltip: { valueFormatter: (v) => formatRate(typeof v === 'number' ? v : null) },
      },
    ],
  };
}

/** The Chinese label of a breakdown value. */
export function breakdownLabel(key: BreakdownKey, value: string): string {
  if (key === 'stage') return churnStageText[value as keyof typeof churnStageText] ?? value;
  if (key === 'how') return churnWayText[value as keyof typeof churnWayText] ?? value;
  if (key === 'tenure') return tenureText[value] ?? value;
  if (value === '') return key === 'channel' ? channelMessages.unknownChannel : churnText.noGroup;
  return value;
}

/** Most bars a breakdown chart draws (channels and groups can be many; the rest are in the list). */
export const MAX_BARS = 12;

/** One breakdown as horizontal bars, first value on top, each labelled with its count and share. */
export function breakdownOption(key: BreakdownKey, items: ChurnResult['breakdowns'][BreakdownKey]): ChartOption {
  const shown = items.slice(0, MAX_BARS);
  const total = items.reduce((n, b) => n + b.count, 0);
  return {
    color: [colors.churned],
    animation: false,
    title: total ? { show: false } : emptyTitle(churnText.emptyBreakdown),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', inverse: true, data: shown.map((b) => breakdownLabel(key, b.value)), axisTick: { show: false } },
    series: [
      {
        name: churnText.breakdownCount,
        type: 'bar',
        barMaxWidth: 16,
        data: shown.map((b) => b.count),
        label: { show: total > 0, position: 'right', formatter: (p) => `${p.value}${bracketed(formatRate(shown[p.dataIndex]?.share))}` },
      },
    ],
  };
}

/**
 * Most join weeks the retention heatmap shows at once; more are scrolled with a slider beside it.
 * A year of weeks drawn at once made a 1,566 px canvas whose one draw froze the page for over
 * 100 ms at 100,000 people (issue 17), for rows mostly below the window's fold.
 */
export const RETENTION_ROWS_SHOWN = 20;
/** Height of one join week's row in the heatmap, and of the chart around the rows (axis, scale). */
const RETENTION_ROW_PX = 28;
const RETENTION_CHROME_PX = 110;

/** The heatmap's height for `rows` join weeks: the rows shown at once, at least a card's height. */
export function retentionHeight(rows: number): number {
  return Math.max(260, RETENTION_ROW_PX * Math.min(rows, RETENTION_ROWS_SHOWN) + RETENTION_CHROME_PX);
}

/**
 * Retention as a heatmap: a row per join week (oldest on top), a column per week since join, the
 * cell in percent. Past {@link RETENTION_ROWS_SHOWN} weeks the latest are shown and a slider on the
 * right scrolls to the older ones.
 */
export function retentionOption(cohorts: readonly RetentionCohort[]): ChartOption {
  const weeks = Math.max(0, ...cohorts.map((c) => c.retained.length));
  const cells = cohorts.flatMap((c, y) => c.retained.flatMap((rate, x) => (rate === null ? [] : [[x, y, rate]])));
  const hasLabels = cells.length <= 400;
  const isScrolled = cohorts.length > RETENTION_ROWS_SHOWN;
  return {
    animation: false,
    title: cohorts.length ? { show: false } : emptyTitle(churnText.emptyRetention),
    tooltip: {
      position: 'top',
      formatter: (p) => {
        const [x, y, rate] = (Array.isArray(p) ? p[0]! : p).value as [number, number, number];
        const c = cohorts[y]!;
        return `${escapeHtml(churnText.cohortLabel(c.cohort_week, c.size))}<br/>${churnText.weekOffset(x)}${punctuation.colon}${formatRate(rate)}${bracketed(`${churnText.retainedCount} ${c.counts[x] ?? '-'}`)}`;
      },
    },
    grid: { left: 8, right: isScrolled ? 40 : 16, top: 8, bottom: 64, containLabel: true },
    // A scroll bar more than a zoom: the window keeps its rows, and only the rows in it are drawn.
    dataZoom: isScrolled
      ? [{ type: 'slider', yAxisIndex: 0, right: 8, top: 8, bottom: 64, width: 16, startValue: cohorts.length - RETENTION_ROWS_SHOWN, endValue: cohorts.length - 1, zoomLock: true, brushSelect: false, showDetail: false, showDataShadow: false, filterMode: 'filter' }]
      : [],
    xAxis: { type: 'category', data: Array.from({ length: weeks }, (_, k) => churnText.weekOffset(k)), splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => churnText.cohortLabel(c.cohort_week, c.size)), splitArea: { show: true } },
    visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, formatter: '{value}%', inRange: { color: colors.heat } },
    series: [
      {
        name: churnText.retained,
        type: 'heatmap',
        data: cells,
        ...DRAWN_IN_FRAMES,
        label: { show: hasLabels, formatter: (p) => `${Math.round((p.value as number[])[2]!)}%`, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}

/** Curves drawn at first; the others are in the legend, switched off. */
export const MAX_CURVES_SHOWN = 6;

/** Kaplan–Meier curves as step lines from (0, 100 %), with a dashed line at one half. */
export function survivalOption(curves: readonly SurvivalCurve[]): ChartOption {
  const selected = Object.fromEntries(curves.map((c, i) => [c.label, i < MAX_CURVES_SHOWN]));
  return {
    animation: false,
    title: curves.length ? { show: false } : emptyTitle(churnText.emptySurvival),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => formatRate(typeof v === 'number' ? v * 100 : null),
    },
    legend: { top: 0, type: 'scroll', selected },
    grid: { left: 64, right: 32, top: 40, bottom: 40 },
    xAxis: { type: 'value', name: churnText.survivalAxisDays, nameLocation: 'middle', nameGap: 26, min: 0, minInterval: 1 },
    yAxis: { type: 'value', name: churnText.survivalAxis, nameLocation: 'middle', nameGap: 44, min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: curves.map((c, i) => ({
      name: c.label,
      type: 'line' as const,
      step: 'end' as const,
      showSymbol: false,
      data: [[0, 1], ...c.points.map((p) => [p.day, p.survival])],
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed' as const, color: '#8f959e' }, label: { show: false }, data: [{ yAxis: 0.5 }] } } : {}),
    })),
  };
}
