import { describe, expect, it } from 'vitest';
import type { BehaviourResult, LiftRow } from '../../../../src-main/contract';
import { behavioursChartOption } from '../../../../src-renderer/views/behaviours/behavioursChartOption';
import { formatInterval, formatLift, liftColumns } from '../../../../src-renderer/views/behaviours/liftColumns';

const series: BehaviourResult['series'] = [
  { id: 'ck', period_start: '2024-01-01', period_end: '2024-01-07', people: 3, occurrences: 4 },
  { id: 'ck', period_start: '2024-01-08', period_end: '2024-01-14', people: 0, occurrences: 0 },
  { id: 'win', period_start: '2024-01-01', period_end: '2024-01-07', people: 2, occurrences: 7 },
  { id: 'win', period_start: '2024-01-08', period_end: '2024-01-14', people: 1, occurrences: 4 },
];
const names = [
  { id: 'ck', name: '打卡' },
  { id: 'win', name: '投票' },
];

describe('behavioursChartOption', () => {
  it('draws one line per behaviour over the weeks, of people or occurrences', () => {
    const people = behavioursChartOption(series, names, 'week', 'people');
    expect(people.xAxis).toMatchObject({ data: ['2024-01-01 ~ 01-07', '2024-01-08 ~ 01-14'] });
    expect(people.series).toEqual([
      expect.objectContaining({ name: '打卡', type: 'line', data: [3, 0] }),
      expect.objectContaining({ name: '投票', type: 'line', data: [2, 1] }),
    ]);
    expect(people.yAxis).toMatchObject({ name: '人数' });
    const occ = behavioursChartOption(series, names, 'week', 'occurrences');
    expect((occ.series as { data: number[] }[]).map((s) => s.data)).toEqual([
      [4, 0],
      [7, 4],
    ]);
  });

  it('says so when there is nothing to draw', () => {
    expect(behavioursChartOption([], names, 'day', 'people').title).toMatchObject({ show: true, text: '范围内没有数据' });
    expect(behavioursChartOption([], [], 'day', 'people').title).toMatchObject({ show: true, text: '没有启用的关键行为' });
  });
});

describe('lift table', () => {
  const row: LiftRow = {
    id: 'ck',
    name: '打卡',
    doers: 4,
    doers_converted: 3,
    doers_rate: 75,
    others: 4,
    others_converted: 1,
    others_rate: 25,
    lift: 3,
    lift_low: 0.501284,
    lift_high: 17.953883,
  };

  it('shows rates in percent, the lift with ×, its interval, and - for empty values', () => {
    const columns = liftColumns();
    const cell = (field: string, r = row) => {
      const c = columns.find((x) => x.field === field)!;
      return c.format ? c.format(r[c.field], r) : String(r[c.field]);
    };
    expect(columns.map((c) => c.headerName)).toEqual(['行为', '做过人数', '做过·转化', '做过转化率', '未做过人数', '未做过·转化', '未做过转化率', '提升倍数', '95% 区间']);
    expect(cell('doers_rate')).toBe('75.00%');
    expect(cell('lift')).toBe('3.00×');
    expect(cell('lift_low')).toBe('0.50 – 17.95');
    const empty = { ...row, doers: 0, doers_converted: 0, doers_rate: null, lift: null, lift_low: null, lift_high: null };
    expect(cell('doers_rate', empty)).toBe('-');
    expect(cell('lift', empty)).toBe('-');
    expect(cell('lift_low', empty)).toBe('-');
    expect(formatLift(0)).toBe('0.00×');
    expect(formatInterval({ lift_low: 1, lift_high: 1 })).toBe('1.00 – 1.00');
  });
});
