/**
 * The dates of a report (pure): the report period (the latest full week or month of the data by
 * default), the one before it for 环比, and the trend the metrics sheet shows (the range asked for,
 * at least the last {@link TREND_PERIODS} periods).
 */
import type { DateRange, ReportPeriod } from '../contract';
import { addDays, daysBetween } from '../analysis/base/calendar';
import { latestFullWeek } from '../analysis/decision/growthDecomposition';

/** Periods the metrics sheet and its charts show at least. */
export const TREND_PERIODS = 12;

/** First day of the week (Monday) or month holding `day`. */
export function periodStart(day: string, period: ReportPeriod): string {
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** First day of the period `n` periods after the one starting at `start` (n may be negative). */
export function shiftPeriod(start: string, period: ReportPeriod, n: number): string {
  if (period === 'week') return addDays(start, 7 * n);
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n, 1);
  return d.toISOString().slice(0, 10);
}

/** The latest calendar month that ends on or before `lastDay`. */
export function latestFullMonth(lastDay: string): DateRange {
  const next = addDays(lastDay, 1);
  const end = next.slice(0, 7) !== lastDay.slice(0, 7) ? lastDay : addDays(`${lastDay.slice(0, 7)}-01`, -1);
  return { from: `${end.slice(0, 7)}-01`, to: end };
}

/** The dates of one report. */
export interface ReportDates {
  /** The report period: its key figures make the cover; the analyses cover it. */
  current: DateRange;
  /** The period before, for 环比. */
  previous: DateRange;
  /** What the metrics sheet lists, period by period. */
  trend: DateRange;
}

/**
 * The dates of a report for `period`, asked `from`/`to` (either may be absent) of data whose last
 * day is `lastDay`: the latest full period up to `to` (or the last day), or `from`–`to` itself when
 * that is shorter than a period; the trend runs from `from` (or {@link TREND_PERIODS} periods back)
 * to the report period's end.
 */
export function reportDates(period: ReportPeriod, lastDay: string, from?: string, to?: string): ReportDates {
  const end = to ?? lastDay;
  const full = period === 'week' ? latestFullWeek(end) : latestFullMonth(end);
  const isShort = from !== undefined && from > full.from;
  const current = isShort ? { from, to: end } : full;
  const previous = isShort
    ? { from: addDays(from, -(daysBetween(from, end) + 1)), to: addDays(from, -1) }
    : { from: shiftPeriod(full.from, period, -1), to: addDays(full.from, -1) };
  const trendStart = shiftPeriod(periodStart(current.from, period), period, -(TREND_PERIODS - 1));
  return { current, previous, trend: { from: from !== undefined && from < trendStart ? from : trendStart, to: current.to } };
}
