/**
 * Cell values and number formats of the xlsx writers (issue 11 item 13): a figure is written as a
 * number and a day or instant as a date, each under a number format, so a spreadsheet rounds it
 * for display and can still sum, sort and filter it. Pure.
 */
import type { ExportFormat } from '../analysis/base/exportSheet';

/** The number format of each column format (Excel's format codes). */
export const numberFormats: Record<ExportFormat, string> = {
  integer: '#,##0',
  number: '#,##0.00',
  money: '"¥"#,##0.00',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** Format of a number in a column without one: a fraction is shown to 2 decimals, not 16. */
export const FRACTION_FORMAT = '0.00';

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * A local ISO day or time as the Date a spreadsheet shows as that wall-clock time: spreadsheets
 * have no time zone, and exceljs writes a Date by its UTC fields. Null when `text` is not one.
 */
export function localDate(text: string): Date | null {
  const m = LOCAL_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d) ? null : date;
}

/** The value to store for a cell of a column of `format`: numbers and dates as such, anything else as given. */
export function cellValue(value: unknown, format: ExportFormat | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (format === 'date' || format === 'datetime') {
    if (value instanceof Date) return value;
    return typeof value === 'string' ? (localDate(value) ?? value) : value;
  }
  if (format && typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return format === 'percent' ? value / 100 : value;
  }
  return value;
}
