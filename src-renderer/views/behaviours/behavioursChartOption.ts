import type { BehaviourResult, Period } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { behavioursText } from '../../../src-main/locale/behaviours';
import { periodLabel } from '../metrics/metricsFormat';

/** What the trend chart counts per period. */
export type BehaviourMeasure = 'people' | 'occurrences';

/**
 * One line per behaviour over the periods: the people who did it (or its occurrences) per period.
 * `names` gives the behaviours' names in the order of the lines; the series carry the periods.
 */
export function behavioursChartOption(series: BehaviourResult['series'], names: { id: string; name: string }[], period: Period, measure: BehaviourMeasure): ChartOption {
  const periods = [...new Map(series.map((r) => [r.period_start, r])).values()].sort((a, b) => a.period_start.localeCompare(b.period_start));
  const index = new Map(periods.map((p, i) => [p.period_start, i]));
  const lines = names.map(({ id, name }) => {
    const data: number[] = periods.map(() => 0);
    for (const r of series) if (r.id === id) data[index.get(r.period_start)!] = r[measure];
    return { name, data };
  });
  const isEmpty = periods.length === 0 || lines.length === 0;
  return {
    animation: periods.length < 400,
    title: isEmpty
      ? { show: true, text: names.length === 0 ? behavioursText.noBehaviours : behavioursText.chartEmpty, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' } }
      : { show: false },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', data: lines.map((l) => l.name) },
    grid: { left: 56, right: 24, top: 40, bottom: periods.length > 31 ? 64 : 32 },
    dataZoom: periods.length > 31 ? [{ type: 'slider', bottom: 8, height: 20 }, { type: 'inside' }] : [],
    xAxis: { type: 'category', data: periods.map((p) => periodLabel(p, period)), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: behavioursText.measure[measure], minInterval: 1 },
    series: lines.map((l) => ({ name: l.name, type: 'line', data: l.data, showSymbol: periods.length <= 62 })),
  };
}
