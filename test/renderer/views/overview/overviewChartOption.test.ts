import { describe, expect, it } from 'vitest';
import type { FunnelStage, MetricsRow } from '../../../../src-main/contract';
import { miniFunnelOption, trendChartOption } from '../../../../src-renderer/views/overview/overviewChartOption';

const week = (start: string, total: number, rate: number | null): MetricsRow => ({
  period_start: start,
  period_end: start,
  total_members: total,
  new_members: 0,
  active_members: 0,
  active_rate: rate,
  churned_members: 0,
  converted_members: 0,
  conversion_rate: null,
  gmv: 0,
  converted_wow: null,
  gmv_wow: null,
});

const stage = (id: string, name: string, count: number, step: number | null): FunnelStage => ({
  id,
  name,
  source: 'person_joined',
  count,
  step: { rate: step, low: null, high: null },
  overall: { rate: null, low: null, high: null },
  dropOff: null,
  timeToConvert: null,
});

type Series = { name?: string; type: string; yAxisIndex?: number; data: unknown[]; sort?: string; max?: number };

describe('trendChartOption', () => {
  const rows = [week('2024-01-01', 10, 20), week('2024-01-08', 0, null), week('2024-01-15', 12, 12.5)];

  it('draws members on the people axis and the active rate on the % axis, one category per Monday', () => {
    const option = trendChartOption(rows);
    const series = option.series as Series[];
    expect(series.map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ['社群总人数', 'line', 0],
      ['活跃率', 'line', 1],
    ]);
    expect(series[0]!.data).toEqual([10, 0, 12]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['01-01', '01-08', '01-15']);
  });

  it('breaks the rate line where a week has no members instead of drawing 0', () => {
    expect((trendChartOption(rows).series as Series[])[1]!.data).toEqual([20, '-', 12.5]);
  });
});

describe('miniFunnelOption', () => {
  it('draws one bar per stage in path order, names on the axis so a stage at 0 keeps its label', () => {
    const option = miniFunnelOption([stage('add', '添加客服微信', 30, null), stage('join', '入群', 12, 40), stage('pay', '付费下单', 0, 0)]);
    const [series] = option.series as Series[];
    expect(series!.type).toBe('bar');
    expect(series!.data).toEqual([30, 12, 0]);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['添加客服微信', '入群', '付费下单'] });
    const label = (series as unknown as { label: { formatter: (p: { dataIndex: number }) => string } }).label.formatter;
    expect([0, 1, 2].map((dataIndex) => label({ dataIndex }))).toEqual(['30', '12（40.00%）', '0（0.00%）']);
  });

  it('says so when nobody entered the path', () => {
    expect(miniFunnelOption([]).title).toMatchObject({ show: true, text: '近 4 周没有人进入客户路径' });
  });

  it('shows a stage name that carries markup as text in its tooltip', () => {
    const option = miniFunnelOption([stage('join', '<img src=x onerror=alert(1)>', 30, null), stage('pay', '<b>x</b>', 6, 20)]);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataIndex: 0 })).toBe('&lt;img src=x onerror=alert(1)&gt;：30');
    expect(formatter({ dataIndex: 1 })).toBe('&lt;b&gt;x&lt;/b&gt;：6<br/>上一步转化 20.00%');
  });
});
