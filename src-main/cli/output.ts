import type { ImportRecord, MetricsRow } from '../contract';
import { kindSpecs } from '../import/kinds';

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

/** One CSV cell: quoted where it holds a comma, quote or line break; null and undefined are empty. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Metrics as CSV: a header row, then one row per period; an empty rate or 环比 is an empty cell. */
export function metricsToCsv(rows: MetricsRow[]): string {
  const lines = [METRICS_COLUMNS.join(',')];
  for (const r of rows) lines.push(METRICS_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Rows as CSV with the given columns (booleans as true/false, nulls empty, objects as JSON). */
export function rowsToCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => csvCell(v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'number' ? v : String(v));
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The one-line Chinese summary of a committed import. */
export function importSummary(r: ImportRecord): string {
  const problems = r.problemCount ? `，${r.problemCount} 个问题` : '';
  return `已导入 ${r.fileName}（${kindSpecs[r.kind].label}）：读取 ${r.rowsRead} 行，新增 ${r.rowsAdded} 行，跳过 ${r.rowsSkipped} 行${problems}`;
}
