import type { MetricsRow, Period } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { t } from '../../../src-main/locale/app';
import { LARGE_BARS } from './metricsChartOption';
import { formatCount, formatMoney, periodLabel } from './metricsFormat';

const colors = { gmv: '#7a5af8', converted: '#07a35a' };

/**
 * The conversion chart, a second chart under the trend so neither needs a third y-axis:
 * GMV as bars on a ¥ axis (left), converted members as a line on a people axis (right).
 */
export function conversionChartOption(rows: readonly MetricsRow[], period: Period): ChartOption {
  const col = t.metrics.col;
  const categories = rows.map((r) => periodLabel(r, period));
  return {
    color: [colors.gmv, colors.converted],
    animation: rows.length < 400,
    title: rows.length ? { show: false } : { show: true, text: t.metrics.empty, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [col.gmv, col.converted_members] },
    grid: { left: 72, right: 56, top: 40, bottom: rows.length > 31 ? 64 : 32 },
    dataZoom: rows.length > 31 ? [{ type: 'slider', bottom: 8, height: 20 }, { type: 'inside' }] : [],
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: t.metrics.axisGmv, min: 0, axisLabel: { formatter: (v: number) => formatMoney(v).replace(/\.00$/, '') } },
      { type: 'value', name: t.metrics.axisMembers, min: 0, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: col.gmv,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 18,
        ...LARGE_BARS,
        data: rows.map((r) => r.gmv),
        tooltip: { valueFormatter: (v) => formatMoney(typeof v === 'number' ? v : null) },
      },
      {
        name: col.converted_members,
        type: 'line',
        yAxisIndex: 1,
        showSymbol: rows.length <= 62,
        data: rows.map((r) => r.converted_members),
        tooltip: { valueFormatter: (v) => formatCount(typeof v === 'number' ? v : null) },
      },
    ],
  };
}
