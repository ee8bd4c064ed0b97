// The funnel chart: one funnel, or one per breakdown value side by side (the largest cohorts).
import type { FunnelResult, FunnelStage } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { funnelText } from '../../../src-main/locale/funnel';
import { punctuation } from '../../../src-main/locale/common';
import { formatCount, formatRate } from '../metrics/metricsFormat';
import { biggestDropOf } from './funnelColumns';
import { escapeHtml } from '../../components/escapeHtml';

/** Most breakdown funnels drawn side by side; the table keeps every value. */
export const MAX_PANELS = 4;

/** One colour per stage, the same in every panel; the biggest drop is drawn in red. */
export const stageColors = ['#2f6fdb', '#07a35a', '#13a8a8', '#f0a020', '#8e5bd8', '#d45d9b', '#5d7a99', '#7fb800'];
export const DROP_COLOR = '#e5533d';

const emptyTitle = (text: string) => ({ show: true, text, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' as const } });

/** The stage's label: name, count and overall rate (the first stage: name and count). */
export function stageLabel(s: FunnelStage, index: number): string {
  return index === 0 ? `${s.name}\n${formatCount(s.count)}` : `${s.name}\n${formatCount(s.count)} · ${formatRate(s.overall.rate)}`;
}

/** The tooltip of a stage, as the HTML ECharts shows (the stage name escaped: it may come from a shared template). */
export function stageTooltip(s: FunnelStage, index: number): string {
  const lines = [`${escapeHtml(s.name)}${punctuation.colon}${formatCount(s.count)}`];
  if (index > 0) lines.push(`${funnelText.col.step.replace(/（.*| \(.*/, '')}${punctuation.colon}${formatRate(s.step.rate)}`, `${funnelText.col.overall.replace(/（.*| \(.*/, '')}${punctuation.colon}${formatRate(s.overall.rate)}`);
  return lines.join('<br/>');
}

function funnelSeries(stages: readonly FunnelStage[], biggest: number | null, box: { left: string; width: string; top: number }, isCompact: boolean) {
  return {
    type: 'funnel' as const,
    left: box.left,
    width: box.width,
    top: box.top,
    bottom: 16,
    sort: 'none' as const,
    gap: 2,
    min: 0,
    minSize: '18%',
    maxSize: '100%',
    label: { show: true, position: 'inside' as const, color: '#fff', fontSize: isCompact ? 11 : 13, lineHeight: isCompact ? 14 : 17 },
    tooltip: { trigger: 'item' as const },
    data: stages.map((s, i) => ({
      name: s.name,
      value: s.count,
      itemStyle: { color: i === biggest ? DROP_COLOR : stageColors[i % stageColors.length] },
      label: { formatter: isCompact ? formatCount(s.count) : stageLabel(s, i) },
      tooltip: { formatter: stageTooltip(s, i) },
    })),
  };
}

/** The chart of a funnel result; an empty result says why instead of drawing nothing. */
export function funnelChartOption(result: FunnelResult | null, emptyText: string | null): ChartOption {
  if (!result || emptyText) return { title: emptyTitle(emptyText ?? funnelText.empty.noData), series: [] };
  if (result.breakdown) {
    const panels = result.breakdown.slice(0, MAX_PANELS);
    const width = 100 / Math.max(1, panels.length);
    return {
      title: panels.map((b, i) => ({
        text: b.value,
        subtext: funnelText.panelSize(formatCount(b.stages[0]?.count ?? 0)),
        left: `${i * width + width / 2}%`,
        textAlign: 'center' as const,
        top: 0,
        textStyle: { fontSize: 13 },
        subtextStyle: { fontSize: 11 },
      })),
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, data: result.stages.map((s) => s.name) },
      series: panels.map((b, i) => ({
        ...funnelSeries(b.stages, biggestDropOf(b.stages), { left: `${i * width + width * 0.08}%`, width: `${width * 0.84}%`, top: 48 }, true),
        name: b.value,
        bottom: 36,
      })),
    };
  }
  return {
    title: { show: false },
    tooltip: { trigger: 'item' },
    series: [{ ...funnelSeries(result.stages, result.biggestDrop, { left: '15%', width: '70%', top: 12 }, false), name: funnelText.chartTitle }],
  };
}
