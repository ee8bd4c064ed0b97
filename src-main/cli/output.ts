import type { ImportKind, ImportRecord, MetricsRow } from '../api/contract';

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

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Metrics as CSV: a header row, then one row per period; an empty rate or 环比 is an empty cell. */
export function metricsToCsv(rows: MetricsRow[]): string {
  const lines = [METRICS_COLUMNS.join(',')];
  for (const r of rows) lines.push(METRICS_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

const kindLabels: Record<ImportKind, string> = {
  members: '群成员',
  messages: '聊天记录',
  customers: '客户列表',
  customer_groups: '客户群列表',
  group_stats: '群统计',
  contact_stats: '联系客户统计',
  churn: '流失客户',
  orders: '订单',
  official_account: '公众号用户分析',
  ad_costs: '渠道投放',
  survey: '满意度问卷',
};

/** The one-line Chinese summary of a committed import. */
export function importSummary(r: ImportRecord): string {
  return `已导入 ${r.fileName}（${kindLabels[r.kind]}）：读取 ${r.rowsRead} 行，新增 ${r.rowsAdded} 行，跳过 ${r.rowsSkipped} 行`;
}
