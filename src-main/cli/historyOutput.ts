import type { ImportRecord } from '../api/contract';

/** Column order of `imports --format csv`, the {@link ImportRecord} keys. */
export const HISTORY_COLUMNS = ['importId', 'fileName', 'kind', 'importedAt', 'rowsRead', 'rowsAdded', 'rowsSkipped', 'problemCount'] as const;

/** The import history as one JSON array of {@link ImportRecord}s (problems included). */
export function historyToJson(records: ImportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The import history as CSV: a header row of {@link HISTORY_COLUMNS}, then one row per import. */
export function historyToCsv(records: ImportRecord[]): string {
  const lines = [HISTORY_COLUMNS.join(',')];
  for (const r of records) lines.push(HISTORY_COLUMNS.map((c) => csvCell(c === 'problemCount' ? (r.problemCount ?? 0) : r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The one-line Chinese summary of a committed import. */
export function importSummary(r: ImportRecord, kindLabel: string = r.kind): string {
  const problems = r.problemCount ? `，${r.problemCount} 个问题` : '';
  return `已导入 ${r.fileName}（${kindLabel}）：读取 ${r.rowsRead} 行，新增 ${r.rowsAdded} 行，跳过 ${r.rowsSkipped} 行${problems}`;
}
