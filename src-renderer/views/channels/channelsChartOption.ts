import type { ChannelRow } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { channelsText } from '../../../src-main/locale/channels';
import { formatCount, formatRate } from '../metrics/metricsFormat';

const colors = { added: '#2f6fdb', converted: '#07a35a', gain: '#07a35a', loss: '#e5533d' };

/** A centred grey message instead of bare axes. */
const emptyTitle = (text: string, isEmpty: boolean): ChartOption['title'] =>
  isEmpty ? { show: true, text, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' } } : { show: false };

/** Category labels turn when there are many channels, so long names stay readable. */
const categoryAxis = (names: string[]) => ({
  type: 'category' as const,
  data: names,
  axisTick: { alignWithLabel: true },
  axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, width: 110, overflow: 'truncate' as const },
});

/** Added and converted people per channel, side by side, channels in the grid's order. */
export function channelPeopleOption(rows: readonly ChannelRow[]): ChartOption {
  const names = rows.map((r) => r.channel);
  const s = channelsText.series;
  return {
    color: [colors.added, colors.converted],
    title: emptyTitle(channelsText.empty, rows.length === 0),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatCount(typeof v === 'number' ? v : null) },
    legend: { top: 0, data: [s.added, s.converted] },
    grid: { left: 48, right: 16, top: 36, bottom: names.length > 6 ? 72 : 32 },
    xAxis: categoryAxis(names),
    yAxis: { type: 'value', name: channelsText.axisPeople, minInterval: 1 },
    series: [
      { name: s.added, type: 'bar', data: rows.map((r) => r.added), barMaxWidth: 28 },
      { name: s.converted, type: 'bar', data: rows.map((r) => r.converted), barMaxWidth: 28 },
    ],
  };
}

/** ROI (percent) of the channels that have one; gains green, losses red, each bar labelled. */
export function channelRoiOption(rows: readonly ChannelRow[]): ChartOption {
  const withRoi = rows.filter((r): r is ChannelRow & { roi: number } => r.roi !== null);
  return {
    title: emptyTitle(channelsText.roiEmpty, withRoi.length === 0),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatRate(typeof v === 'number' ? v : null) },
    grid: { left: 64, right: 16, top: 24, bottom: withRoi.length > 6 ? 72 : 32 },
    xAxis: categoryAxis(withRoi.map((r) => r.channel)),
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: channelsText.series.roi,
        type: 'bar',
        barMaxWidth: 36,
        data: withRoi.map((r) => ({ value: r.roi, itemStyle: { color: r.roi < 0 ? colors.loss : colors.gain } })),
        label: { show: true, position: 'top', formatter: (p) => formatRate(typeof p.value === 'number' ? p.value : null) },
      },
    ],
  };
}
