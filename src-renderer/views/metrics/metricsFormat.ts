import type { MetricsRow, Period } from '../../../src-main/contract';

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

/** Made on first use, not as the module loads: main.tsx sets up ICU's locale data in a task of its own meanwhile. */
let yuan: Intl.NumberFormat | undefined;

/** An amount in yuan: `¥1,234.50`; '-' when missing. */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '-';
  // Cents first, so 0.005 float noise never shows as a wrong cent and -0 never shows as '-¥0.00'.
  const cents = Math.round(amount * 100);
  yuan ??= new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${cents < 0 ? '-' : ''}¥${yuan.format(Math.abs(cents) / 100)}`;
}

/** A growth rate (环比) in percent with its sign and 2 decimals: `+12.50%`, `-3.00%`, `0.00%`; '-' when empty. */
export function formatGrowth(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '-';
  const shown = rate.toFixed(2);
  if (Number(shown) === 0) return '0.00%';
  return `${rate > 0 ? '+' : ''}${shown}%`;
}
