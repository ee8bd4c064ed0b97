/**
 * The customer-360 grid over a computed feature table (featuresCache.ts): pages, sorting and
 * filtering through the data grids' `queryGrid`, and the same rows as an xlsx sheet.
 */
import type { FeatureId, FeatureRow, TablePage } from '../../contract';
import type { ExportColumn, ExportSheet } from '../base/exportSheet';
import { queryGrid, type GridQuery, type TableSpec } from '../base/dataQueries';
import type { FeaturesTable } from './featuresCache';
import type { Sql } from '../../db/projectDb';

/**
 * Chinese headers of the features in exported sheets. The renderer's locale/features.ts holds the
 * same labels for the screens; the Node side may not import the renderer.
 */
export const featureHeaders: Record<FeatureId, string> = {
  purchases: '购买次数',
  gmv: 'GMV',
  aov: '客单价',
  purchase_months_3m: '近3个月有购买的月数',
  days_since_last_purchase: '距上次购买天数',
  repurchase_90d: '90天内复购',
  referrals: '推荐入群人数',
  referrals_bought: '推荐且购买人数',
  messages: '发言数',
  key_behaviours: '关键行为得分',
  tenure_days: '入群天数',
  survey_score: '满意度评分',
};

type Kind = 'text' | 'number';

/** Every column of a feature row in display order, with its kind and Chinese header. */
function featureColumns(table: FeaturesTable): { key: keyof FeatureRow & string; kind: Kind; header: string; width?: number }[] {
  const text = (key: keyof FeatureRow & string, header: string, width?: number) => ({ key, kind: 'text' as const, header, width });
  const num = (key: FeatureId | 'is_member') => ({ key, kind: 'number' as const, header: key === 'is_member' ? '当前在群' : featureHeaders[key] });
  return [
    text('pid', '成员ID', 24),
    text('name', '昵称', 18),
    text('channel', '渠道', 14),
    text('staff', '所属员工', 12),
    text('tags', '标签', 20),
    text('groups', '加入过的群', 24),
    num('is_member'),
    num('purchases'),
    num('gmv'),
    num('aov'),
    text('first_purchase', '首次购买', 20),
    text('last_purchase', '最近购买', 20),
    num('purchase_months_3m'),
    num('days_since_last_purchase'),
    num('repurchase_90d'),
    num('referrals'),
    num('referrals_bought'),
    num('messages'),
    num('key_behaviours'),
    ...table.behaviours.map((b) => ({ key: b.column, kind: 'number' as const, header: `关键行为：${b.name}` })),
    num('tenure_days'),
    num('survey_score'),
  ];
}

/** The grid's view of a feature table: its columns whitelisted; ties broken by GMV, then messages, then id. */
export function featuresSpec(table: FeaturesTable): TableSpec<FeatureRow> {
  const columns = Object.fromEntries(featureColumns(table).map((c) => [c.key, c.kind])) as TableSpec<FeatureRow>['columns'];
  return { table: table.relation, columns, tiebreak: ['gmv DESC', 'messages DESC', 'pid'] };
}

/** A page of the customer-360 grid. */
export function queryFeaturesPage(sql: Sql, table: FeaturesTable, q: GridQuery, timeZone: string): Promise<TablePage<FeatureRow>> {
  return queryGrid(sql, featuresSpec(table), q, timeZone);
}

/** Booleans as 是 / 否 for a sheet. */
export function sheetRow(row: FeatureRow): Record<string, unknown> {
  return { ...row, is_member: row.is_member ? '是' : '否', repurchase_90d: row.repurchase_90d ? '是' : '否' };
}

/** One sheet of feature rows with Chinese headers (formula-looking nicknames are neutralised by the writer). */
export function featuresSheet(name: string, table: FeaturesTable, rows: FeatureRow[]): ExportSheet<Record<string, unknown>> {
  const columns: ExportColumn<Record<string, unknown>>[] = featureColumns(table).map((c) => ({ key: c.key, header: c.header, width: c.width }));
  return { name, columns, rows: rows.map(sheetRow) };
}

/** Every row of the table, filtered and sorted as the grid shows them, for the export. */
export async function allFeatureRows(sql: Sql, table: FeaturesTable, q: Pick<GridQuery, 'sort' | 'filter'>, timeZone: string): Promise<FeatureRow[]> {
  const page = await queryGrid(sql, featuresSpec(table), { ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER }, timeZone);
  return page.rows;
}
