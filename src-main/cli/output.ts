import type { ImportRecord, MetricsRow } from '../contract';
import { csvDocument } from '../contract/spreadsheet';
import { cliRunText } from '../locale/cli';
import { importKindText } from '../locale/common';

/** Column order of the metrics output, the DESIGN §4 ids. */
export const METRICS_COLUMNS = [
  'period_start',
  'period_end',
  'total_members',
  'new_members',
  'active_members',
  'active_rate',
  'churned_members',
  'converted_members',
  'conversion_rate',
  'gmv',
  'converted_wow',
  'gmv_wow',
] as const;

/** Metrics as one JSON array, keys in {@link METRICS_COLUMNS} order. */
export function metricsToJson(rows: MetricsRow[]): string {
  const ordered = rows.map((r) => Object.fromEntries(METRICS_COLUMNS.map((c) => [c, r[c]])));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Metrics as CSV ({@link csvDocument}: BOM, CRLF, formulas neutralised): a header row, then one row per period; an empty rate or 环比 is an empty cell. */
export function metricsToCsv(rows: MetricsRow[]): string {
  return csvDocument(METRICS_COLUMNS, rows.map((r) => METRICS_COLUMNS.map((c) => r[c])));
}

/** Rows as CSV with the given columns (booleans as true/false, nulls empty, objects as JSON). */
export function rowsToCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return csvDocument(columns, rows.map((r) => columns.map((c) => r[c])));
}

/** The one-line summary of a committed import, in the current language. */
export function importSummary(r: ImportRecord): string {
  return cliRunText.imported(r.fileName, importKindText[r.kind], r.rowsRead, r.rowsAdded, r.rowsSkipped, r.problemCount ?? 0);
}
