/**
 * A sheet of a list's export as CSV (the 导出 CSV of a list whose rows the Node side holds): the
 * same rows and headers the xlsx writer gets, so the two files of one control hold the same list.
 * Written as the grid's own CSV is (contract/spreadsheet.ts): BOM, CRLF, formula-looking text
 * neutralised, figures rounded to 2 decimals, rates in percent. Pure.
 */
import { csvDocument, csvFigure, csvHeader } from '../contract/spreadsheet';
import type { ExportColumn, ExportFormat, ExportSheet } from '../analysis/base/exportSheet';

const isFigure = (f: ExportFormat | undefined) => f === 'number' || f === 'money' || f === 'percent';

/** One cell as the CSV writes it: a figure rounded, a local time as `YYYY-MM-DD HH:MM:SS` (as the xlsx shows it), anything else as the xlsx gets it. */
function csvCell(value: unknown, format: ExportFormat | undefined): unknown {
  if (isFigure(format) && typeof value === 'number' && Number.isFinite(value)) return csvFigure(value);
  if (format === 'datetime' && typeof value === 'string') return value.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ');
  return value;
}

/** The sheet as a CSV document: one header row, then one line per row, columns in the sheet's order. */
export function sheetCsv<R extends Record<string, unknown>>(sheet: ExportSheet<R>): string {
  const columns: readonly ExportColumn<R>[] = sheet.columns;
  const lines = (function* () {
    for (const row of sheet.rows) yield columns.map((c) => csvCell(row[c.key], c.format));
  })();
  return csvDocument(
    columns.map((c) => csvHeader(c.header, c.format)),
    lines,
  );
}
