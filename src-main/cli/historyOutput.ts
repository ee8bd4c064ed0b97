import type { ImportRecord } from '../contract';
import { csvDocument } from '../contract/spreadsheet';

/** Column order of `imports --format csv`, the {@link ImportRecord} keys. */
export const HISTORY_COLUMNS = ['importId', 'fileName', 'kind', 'importedAt', 'rowsRead', 'rowsAdded', 'rowsSkipped', 'problemCount'] as const;

/** The import history as one JSON array of {@link ImportRecord}s (problems included). */
export function historyToJson(records: ImportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The import history as CSV ({@link csvDocument}): a header row of {@link HISTORY_COLUMNS}, then one row per import. */
export function historyToCsv(records: ImportRecord[]): string {
  return csvDocument(HISTORY_COLUMNS, records.map((r) => HISTORY_COLUMNS.map((c) => (c === 'problemCount' ? (r.problemCount ?? 0) : r[c]))));
}
