/** Periods in SQL: the day, ISO week or calendar month a local date falls in (DESIGN §4). */
import type { Period } from '../../contract';

/**
 * SQL snippets per period, chosen from a closed set (never from user text):
 * `key` maps a local DATE `d` to the first day of its period, `step` is one period.
 */
export const periodSql: Record<Period, { key: (d: string) => string; step: string }> = {
  day: { key: (d) => d, step: `INTERVAL 1 DAY` },
  week: { key: (d) => `CAST(date_trunc('week', ${d}) AS DATE)`, step: `INTERVAL 7 DAY` },
  month: { key: (d) => `CAST(date_trunc('month', ${d}) AS DATE)`, step: `INTERVAL 1 MONTH` },
};
