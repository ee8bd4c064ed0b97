import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../../src-main/contract';
import { conversionChartOption } from '../../../../src-renderer/views/metrics/conversionChartOption';

const week = (start: string, end: string, converted: number, gmv: number): MetricsRow => ({
  period_start: start,
  period_end: end,
  total_members: 10,
  new_members: 0,
  active_members: 0,
  active_rate: 0,
  churned_members: 0,
  converted_members: converted,
  conversion_rate: converted * 10,
  gmv,
  converted_wow: null,
  gmv_wow: null,
});

const rows = [week('2024-01-01', '2024-01-07', 3, 270), week('2024-01-08', '2024-01-14', 0, 0), week('2024-01-15', '2024-01-21', 2, 1234.5)];

type Series = { name: string; type: string; yAxisIndex: number; data: unknown[]; tooltip?: { valueFormatter?: (v: unknown) => string } };
const seriesOf = (o: ReturnType<typeof conversionChartOption>) => o.series as Series[];

describe('conversionChartOption', () => {
  it('draws GMV as bars on a yuan axis and converted members as a line on a people axis', () => {
    const option = conversionChartOption(rows, 'week');
    expect(seriesOf(option).map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ['贡献GMV', 'bar', 0],
      ['转化人数', 'line', 1],
    ]);
    const yAxis = option.yAxis as { name: string; axisLabel?: { formatter?: (v: number) => string } }[];
    expect(yAxis.map((a) => a.name)).toEqual(['GMV (元)', '人数']);
    expect(yAxis[0].axisLabel?.formatter?.(20000)).toBe('¥20,000');
  });

  it('plots the numbers as they are, with one category per period labelled like the grid', () => {
    const option = conversionChartOption(rows, 'week');
    expect(seriesOf(option)[0].data).toEqual([270, 0, 1234.5]);
    expect(seriesOf(option)[1].data).toEqual([3, 0, 2]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01-01 ~ 01-07', '2024-01-08 ~ 01-14', '2024-01-15 ~ 01-21']);
  });

  it('shows GMV in the tooltip as yuan', () => {
    expect(seriesOf(conversionChartOption(rows, 'week'))[0].tooltip?.valueFormatter?.(1234.5)).toBe('¥1,234.50');
  });

  it('says there is no data when there are no periods', () => {
    expect(conversionChartOption([], 'day').title).toMatchObject({ show: true, text: '所选范围内没有数据' });
  });
});
