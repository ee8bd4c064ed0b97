import type { ImportRecord, MetricsRow, SkippedRow } from '../contract';
import { csvDocument, csvField } from '../contract/spreadsheet';
import { cliRunText } from '../locale/cli';
import { importKindText } from '../locale/common';
import { skipReasonText } from '../locale/import';

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

/**
 * The summary of a committed import, in the current language: one line of counts, and when rows
 * were skipped, their totals by reason and the command that lists them (`project` as typed).
 */
export function importSummary(r: ImportRecord, project = 'P.qunxi'): string {
  const counts = cliRunText.imported(r.fileName, importKindText[r.kind], r.rowsRead, r.rowsAdded, r.rowsSkipped, r.problemCount ?? 0);
  return [counts, ...skippedSummary(r, project)].join('\n');
}

/**
 * The lines under an import's summary when it skipped rows: the totals by reason, and the command
 * that lists every row (none for a file imported before, whose rows are that import's).
 */
function skippedSummary(r: ImportRecord, project: string): string[] {
  const byReason = (r.skippedByReason ?? []).filter((c) => c.count > 0);
  if (byReason.length === 0) return [];
  const lines = [skipReasonText.totals(byReason.map((c) => skipReasonText.count(skipReasonText.reason[c.reason], c.count)))];
  if (byReason.some((c) => c.reason !== 'same_file' && c.reason !== 'not_recorded')) {
    lines.push(skipReasonText.listHint(`npm run qunxi -- imports --project ${project} skipped ${r.importId}`));
  }
  return lines;
}

/** Columns of `imports skipped --format csv`: the {@link SkippedRow} keys, the reason also in words. */
export const SKIPPED_COLUMNS = ['sheet', 'row', 'reason', 'reason_text', 'detail'] as const;

/** The head of `imports skipped --format csv` ({@link csvDocument}'s BOM and header row); pages follow as {@link skippedCsvLines}. */
export const skippedCsvHead = (): string => csvDocument(SKIPPED_COLUMNS, []);

/** One page of skipped rows as CSV lines of {@link SKIPPED_COLUMNS}, each ended by CRLF. */
export function skippedCsvLines(rows: SkippedRow[]): string {
  return rows.map((r) => `${[r.sheet, r.row, r.reason, skipReasonText.reason[r.reason], r.detail].map(csvField).join(',')}\r\n`).join('');
}
