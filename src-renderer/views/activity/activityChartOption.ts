import type { ActivityCell } from '../../../src-main/contract';
import type { ChartOption } from '../../components/chartTypes';
import { activityText, weekdayText } from '../../../src-main/locale/activity';

/** What the heatmap colours by. */
export type ActivityMetric = 'messages' | 'people';

const hours = Array.from({ length: 24 }, (_, h) => h);

/** The cells worth posting in: the most active people, then the most messages, then the earliest in the week; empty cells never. */
export function topSlots(cells: readonly ActivityCell[], n = 3): ActivityCell[] {
  return cells
    .filter((c) => c.people > 0)
    .sort((a, b) => b.people - a.people || b.messages - a.messages || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, n);
}

/**
 * The week as a heatmap: hours 0–23 across, 周一 … 周日 down (Monday on top, as a calendar reads),
 * coloured by messages or active people on a scale from 0 to the busiest cell.
 */
export function activityHeatmapOption(cells: readonly ActivityCell[], metric: ActivityMetric): ChartOption {
  const max = cells.reduce((m, c) => Math.max(m, c[metric]), 0);
  const byCell = new Map(cells.map((c) => [`${c.weekday}-${c.hour}`, c]));
  return {
    title: max === 0 ? { show: true, text: activityText.empty, left: 'center', top: 'middle', textStyle: { color: '#8f959e', fontSize: 14, fontWeight: 'normal' } } : { show: false },
    tooltip: {
      position: 'top',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const [hour, row] = (item?.data ?? [0, 0]) as [number, number];
        const cell = byCell.get(`${row + 1}-${hour}`);
        return activityText.tooltip(activityText.slot(row + 1, hour), cell?.messages ?? 0, cell?.people ?? 0);
      },
    },
    grid: { left: 56, right: 24, top: 12, bottom: 64 },
    xAxis: { type: 'category', data: hours.map(activityText.hour), splitArea: { show: true }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'category', data: [...weekdayText], inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min: 0,
      // A scale of [0, 0] draws nothing; an empty week keeps a scale of 1.
      max: Math.max(max, 1),
      // No drag handles: their value labels would sit on the hour labels.
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 220,
      text: [String(max), '0'],
      inRange: { color: ['#f2f8f5', '#9fdcbc', '#07a35a', '#03592f'] },
    },
    series: [
      {
        name: activityText.metric[metric],
        type: 'heatmap',
        // [hour, weekday row (0 = 周一), value]
        data: cells.map((c) => [c.hour, c.weekday - 1, c[metric]]),
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        progressive: 0,
      },
    ],
  };
}
