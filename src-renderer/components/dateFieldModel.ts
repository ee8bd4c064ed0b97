// The date field's rules as plain functions: reading a typed date, checking it against a range,
// and laying out a month Monday first. Dates are ISO calendar days (yyyy-MM-dd), no time zone.

/** One day cell of a month grid. */
export interface DayCell {
  /** The day as yyyy-MM-dd. */
  iso: string;
  /** Day of the month, 1–31. */
  day: number;
  /** Whether the day belongs to the month shown (not a neighbour filling the first or last week). */
  isInMonth: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyy-MM-dd of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar day a user typed, as yyyy-MM-dd, or null when it is not one. Accepts the ISO form
 * and the usual Chinese spreadsheet ways of writing it (2026/9/1, 2026.9.1, 2026年9月1日), each
 * checked to be a real day (no 2026-02-30).
 */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

/** Why a typed date cannot be taken: not a date, or outside [min, max]; null when fine or empty. */
export type DateProblem = 'format' | 'beforeMin' | 'afterMax';

/** Checks the text of a date field; an empty field is no problem (no bound). */
export function dateProblem(text: string, min?: string, max?: string): DateProblem | null {
  if (text.trim() === '') return null;
  const iso = parseDate(text);
  if (iso === null) return 'format';
  if (min && iso < min) return 'beforeMin';
  if (max && iso > max) return 'afterMax';
  return null;
}

/** Year and month (1–12) of a yyyy-MM-dd. */
export function monthOf(iso: string): { year: number; month: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** The month `delta` months from a year and month. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The day `delta` days from a yyyy-MM-dd. */
export function shiftDay(iso: string, delta: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + delta));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A month as weeks of seven days, Monday first (the Chinese week, as the metrics' weeks run). */
export function monthGrid(year: number, month: number): DayCell[][] {
  const first = isoDate(year, month, 1);
  // getUTCDay: 0 = Sunday; days to step back to reach the Monday on or before the 1st.
  const back = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const start = shiftDay(first, -back);
  const weeks = Math.ceil((back + daysInMonth(year, month)) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const iso = shiftDay(start, w * 7 + d);
      return { iso, day: Number(iso.slice(8, 10)), isInMonth: monthOf(iso).month === month };
    }),
  );
}
