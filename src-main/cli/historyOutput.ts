import type { ImportRecord } from '../contract';
import { csvCell } from './output';

/** Column order of `imports --format csv`, the {@link ImportRecord} keys. */
export const HISTORY_COLUMNS = ['importId', 'fileName', 'kind', 'importedAt', 'rowsRead', 'rowsAdded', 'rowsSkipped', 'problemCount'] as const;

/** The import history as one JSON array of {@link ImportRecord}s (problems included). */
export function historyToJson(records: ImportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The import history as CSV: a header row of {@link HISTORY_COLUMNS}, then one row per import. */
export function historyToCsv(records: ImportRecord[]): string {
  const lines = [HISTORY_COLUMNS.join(',')];
  for (const r of records) lines.push(HISTORY_COLUMNS.map((c) => csvCell(c === 'problemCount' ? (r.problemCount ?? 0) : r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
