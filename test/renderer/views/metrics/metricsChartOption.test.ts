import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../../src-main/contract';
import { GAP, metricsChartOption } from '../../../../src-renderer/views/metrics/metricsChartOption';

const day = (d: string, total: number, rate: number | null): MetricsRow => ({
  period_start: d,
  period_end: d,
  total_members: total,
  new_members: 3,
  active_members: 1,
  active_rate: rate,
  churned_members: 1,
  converted_members: 0,
  conversion_rate: rate === null ? null : 0,
  gmv: 0,
  converted_wow: null,
  gmv_wow: null,
});

const rows = [day('2024-03-01', 10, 10), day('2024-03-02', 0, null), day('2024-03-03', 12, 25.5)];

type Series = { name: string; type: string; yAxisIndex: number; data: unknown[]; connectNulls?: boolean };
const seriesOf = (o: ReturnType<typeof metricsChartOption>) => o.series as Series[];

describe('metricsChartOption', () => {
  it('draws total members as a line, joins and churn as bars, the rate as a line', () => {
    const series = seriesOf(metricsChartOption(rows, 'day'));
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['社群总人数', 'line'],
      ['当日新增入群', 'bar'],
      ['流失用户数', 'bar'],
      ['活跃用户占比', 'line'],
    ]);
  });

  it('puts the active rate on a second, percent y-axis and the counts on the first', () => {
    const option = metricsChartOption(rows, 'day');
    const series = seriesOf(option);
    expect(series.map((s) => s.yAxisIndex)).toEqual([0, 0, 0, 1]);
    const yAxis = option.yAxis as { type: string; axisLabel?: { formatter?: string } }[];
    expect(yAxis).toHaveLength(2);
    expect(yAxis[1].axisLabel?.formatter).toBe('{value}%');
  });

  it('leaves a gap in the rate line where the rate is empty, instead of drawing 0', () => {
    const rate = seriesOf(metricsChartOption(rows, 'day'))[3];
    expect(rate.data).toEqual([10, GAP, 25.5]);
    expect(rate.connectNulls).toBe(false);
  });

  it('has one category per period, labelled like the grid', () => {
    const option = metricsChartOption([{ ...day('2024-03-04', 1, 1), period_end: '2024-03-10' }], 'week');
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024-03-04 ~ 03-10']);
    expect(seriesOf(option)[1].name).toBe('当周新增入群');
  });

  it('keeps the counts as plain numbers', () => {
    const series = seriesOf(metricsChartOption(rows, 'day'));
    expect(series[0].data).toEqual([10, 0, 12]);
    expect(series[1].data).toEqual([3, 3, 3]);
  });

  it('says there is no data when the scope has no periods, and says nothing otherwise', () => {
    expect(metricsChartOption([], 'day').title).toMatchObject({ show: true, text: '所选范围内没有数据' });
    expect(metricsChartOption(rows, 'day').title).toMatchObject({ show: false });
  });
});

describe('metricsChartOption at a year of days', () => {
  const year = Array.from({ length: 365 }, (_, i) => day(new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), i, 10));
  type Bar = { type: string; large?: boolean; largeThreshold?: number; data: unknown[] };

  it('draws the bars in large mode past a quarter of days, one by one below', () => {
    const bars = (o: ReturnType<typeof metricsChartOption>) => (o.series as Bar[]).filter((s) => s.type === 'bar');
    const isLarge = (s: Bar) => Boolean(s.large) && s.data.length >= (s.largeThreshold ?? 400);
    expect(bars(metricsChartOption(year, 'day')).map(isLarge)).toEqual([true, true]);
    expect(bars(metricsChartOption(year.slice(0, 31), 'day')).map(isLarge)).toEqual([false, false]);
  });
});
