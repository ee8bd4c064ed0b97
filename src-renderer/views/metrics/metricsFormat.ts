import type { MetricsRow, Period } from '../../../src-main/api/contract';

/** A rate in percent with 2 decimals, or '-' when it has no denominator. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? '-' : `${rate.toFixed(2)}%`;
}

/** A count with thousands separators. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '-' : n.toLocaleString('zh-CN');
}

/** The label of a period row: the day, `start ~ end` for weeks, `yyyy-MM` for months. */
export function periodLabel(row: Pick<MetricsRow, 'period_start' | 'period_end'>, period: Period): string {
  if (period === 'day') return row.period_start;
  if (period === 'month') return row.period_start.slice(0, 7);
  return `${row.period_start} ~ ${row.period_end.slice(5)}`;
}
