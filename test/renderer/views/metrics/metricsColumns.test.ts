import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../../src-main/contract';
import { metricsColumns } from '../../../../src-renderer/views/metrics/metricsColumns';
import { formatGrowth, formatMoney, formatRate, periodLabel } from '../../../../src-renderer/views/metrics/metricsFormat';

const row: MetricsRow = {
  period_start: '2024-03-04',
  period_end: '2024-03-10',
  total_members: 1234,
  new_members: 10,
  active_members: 5,
  active_rate: null,
  churned_members: 2,
  converted_members: 3,
  conversion_rate: null,
  gmv: 1234567.5,
  converted_wow: null,
  gmv_wow: null,
};

const cell = (field: string, r: MetricsRow, period: 'day' | 'week' | 'month' = 'day') => {
  const col = metricsColumns(period).find((c) => c.field === field);
  if (!col?.format) throw new Error(`no formatter for ${field}`);
  return col.format(r[col.field], r);
};

describe('metricsColumns', () => {
  it('uses the metric ids as column ids, in DESIGN order after the period', () => {
    expect(metricsColumns('day').map((c) => c.field)).toEqual([
      'period_start',
      'total_members',
      'new_members',
      'active_members',
      'active_rate',
      'churned_members',
      'converted_members',
      'conversion_rate',
      'converted_wow',
      'gmv',
      'gmv_wow',
    ]);
  });

  it('labels the conversion columns in Chinese', () => {
    const header = (f: string) => metricsColumns('week').find((c) => c.field === f)?.headerName;
    expect(['converted_members', 'conversion_rate', 'gmv', 'converted_wow', 'gmv_wow'].map(header)).toEqual([
      '转化人数',
      '转化率',
      '贡献GMV',
      '转化人数环比',
      'GMV环比',
    ]);
  });

  it('shows the conversion rate as a percent with 2 decimals, "-" without members', () => {
    expect(cell('conversion_rate', row)).toBe('-');
    expect(cell('conversion_rate', { ...row, conversion_rate: 100 / 3 })).toBe('33.33%');
    expect(cell('converted_members', row)).toBe('3');
  });

  it('shows GMV in yuan with thousands separators and 2 decimals', () => {
    expect(cell('gmv', row)).toBe('¥1,234,567.50');
    expect(cell('gmv', { ...row, gmv: 0 })).toBe('¥0.00');
    expect(cell('gmv', { ...row, gmv: 0.1 + 0.2 })).toBe('¥0.30');
    expect(formatMoney(-12.5)).toBe('-¥12.50');
    expect(formatMoney(null)).toBe('-');
  });

  it('shows 环比 as a signed percent, "-" when there is nothing to compare with', () => {
    expect(cell('converted_wow', row)).toBe('-');
    expect(cell('gmv_wow', row)).toBe('-');
    expect(cell('converted_wow', { ...row, converted_wow: 50 })).toBe('+50.00%');
    expect(cell('gmv_wow', { ...row, gmv_wow: -100 / 3 })).toBe('-33.33%');
    expect(formatGrowth(0)).toBe('0.00%');
    expect(formatGrowth(-0.001)).toBe('0.00%'); // never '-0.00%'
    expect(formatGrowth(Number.POSITIVE_INFINITY)).toBe('-');
  });

  it('shows an active rate without a denominator as "-"', () => {
    expect(cell('active_rate', row)).toBe('-');
  });

  it('shows an active rate as a percent with 2 decimals', () => {
    expect(cell('active_rate', { ...row, active_rate: 12.3456 })).toBe('12.35%');
    expect(cell('active_rate', { ...row, active_rate: 0 })).toBe('0.00%');
  });

  it('names the new-members column after the period', () => {
    const header = (p: 'day' | 'week' | 'month') => metricsColumns(p).find((c) => c.field === 'new_members')?.headerName;
    expect(header('day')).toBe('当日新增入群');
    expect(header('week')).toBe('当周新增入群');
    expect(header('month')).toBe('当月新增入群');
  });

  it('labels weeks by their first and last day and months by yyyy-MM', () => {
    expect(cell('period_start', row, 'week')).toBe('2024-03-04 ~ 03-10');
    expect(periodLabel({ period_start: '2024-03-01', period_end: '2024-03-31' }, 'month')).toBe('2024-03');
    expect(periodLabel({ period_start: '2024-03-01', period_end: '2024-03-01' }, 'day')).toBe('2024-03-01');
  });

  it('formats counts with thousands separators', () => {
    expect(cell('total_members', row)).toBe('1,234');
  });

  it('never prints Infinity or NaN as a rate', () => {
    expect(formatRate(Number.POSITIVE_INFINITY)).toBe('-');
    expect(formatRate(Number.NaN)).toBe('-');
  });
});
