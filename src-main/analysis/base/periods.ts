/** Periods in SQL: the day, ISO week or calendar month a local date falls in (DESIGN §4). */
import type { Period } from '../../contract';

/**
 * SQL snippets per period, chosen from a closed set (never from user text):
 * `key` maps a local DATE `d` to the first day of its period, `step` is one period.
 */
export const periodSql: Record<Period, { key: (d: string) => string; step: string }> = {
  day: { key: (d) => d, step: `INTERVAL 1 DAY` },
  // The Monday and the first of the month by subtracting days from the date, not date_trunc (which
  // goes through a TIMESTAMP): a key per message or hit, at L 19M of them, cost 2× (week) and 3.7×
  // (month) the time. `d` must be a DATE.
  week: { key: (d) => `(${d} - CAST(isodow(${d}) - 1 AS INTEGER))`, step: `INTERVAL 7 DAY` },
  month: { key: (d) => `(${d} - CAST(day(${d}) - 1 AS INTEGER))`, step: `INTERVAL 1 MONTH` },
};
