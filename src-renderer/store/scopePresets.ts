// Date-range presets of the scope bar. Pure: "today" is passed in, so tests pin the calendar.

/** A named range the scope bar offers; 'custom' is whatever the user typed. */
export type ScopePreset = 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth' | 'last7' | 'last30' | 'custom';

/** The presets in the order the bar lists them (custom last). */
export const scopePresets: readonly ScopePreset[] = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'last7', 'last30', 'custom'];

/** Inclusive ISO date bounds. */
export interface DateRange {
  from: string;
  to: string;
}

/** The calendar day of an instant in a time zone, as yyyy-mm-dd (DESIGN §4: figures are in the project's zone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const toUtc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
};

/** The Monday of the week of `iso` (weeks run Monday–Sunday, DESIGN §4). */
function mondayOf(iso: string): string {
  const weekday = (toUtc(iso).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

function monthRange(year: number, month0: number): DateRange {
  const first = new Date(Date.UTC(year, month0, 1));
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  return { from: toIso(first), to: toIso(last) };
}

/** The range of a preset around the day `today` (yyyy-mm-dd); null for 'custom'. */
export function presetRange(preset: ScopePreset, today: string): DateRange | null {
  const d = toUtc(today);
  switch (preset) {
    case 'thisWeek': {
      const from = mondayOf(today);
      return { from, to: addDays(from, 6) };
    }
    case 'lastWeek': {
      const from = addDays(mondayOf(today), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'thisMonth':
      return monthRange(d.getUTCFullYear(), d.getUTCMonth());
    case 'lastMonth':
      return monthRange(d.getUTCFullYear(), d.getUTCMonth() - 1);
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'custom':
      return null;
  }
}
