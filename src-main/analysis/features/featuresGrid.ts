/**
 * The customer-360 grid over a computed feature table (featuresCache.ts): pages, sorting and
 * filtering through the data grids' `queryGrid`, and the same rows as an xlsx sheet.
 */
import type { FeatureId, FeatureRow, TablePage } from '../../contract';
import type { ExportColumn, ExportFormat, ExportSheet } from '../base/exportSheet';
import { queryGrid, type GridQuery, type TableSpec } from '../base/dataQueries';
import { FEATURES_ORDER, type FeaturesTable } from './featuresCache';
import type { Sql } from '../../db/projectDb';
import { featureLabels, featuresText } from '../../locale/features';


type Kind = 'text' | 'number';

/** How a feature's figures are written to a sheet: money in ¥, scores to 2 decimals, counts whole; 90天内复购 is 是 / 否 text. */
export function featureFormat(id: FeatureId): ExportFormat | undefined {
  if (id === 'gmv' || id === 'aov') return 'money';
  if (id === 'key_behaviours' || id === 'survey_score') return 'number';
  return id === 'repurchase_90d' ? undefined : 'integer';
}

/** Sheet formats of the customer-360 columns that are not features. */
const otherFormats: Partial<Record<string, ExportFormat>> = { first_purchase: 'datetime', last_purchase: 'datetime' };

/** Every column of a feature row in display order, with its kind and header in the current language. */
function featureColumns(table: FeaturesTable): { key: keyof FeatureRow & string; kind: Kind; header: string; width?: number }[] {
  const text = (key: keyof FeatureRow & string, header: string, width?: number) => ({ key, kind: 'text' as const, header, width });
  const num = (key: FeatureId | 'is_member') => ({ key, kind: 'number' as const, header: key === 'is_member' ? c.is_member : featureLabels[key] });
  const c = featuresText.columns;
  return [
    text('pid', c.pid, 24),
    text('name', c.name, 18),
    text('channel', c.channel, 14),
    text('staff', c.staff, 12),
    text('tags', c.tags, 20),
    text('groups', c.groups, 24),
    num('is_member'),
    num('purchases'),
    num('gmv'),
    num('aov'),
    text('first_purchase', c.first_purchase, 20),
    text('last_purchase', c.last_purchase, 20),
    num('purchase_months_3m'),
    num('days_since_last_purchase'),
    num('repurchase_90d'),
    num('referrals'),
    num('referrals_bought'),
    num('messages'),
    num('key_behaviours'),
    ...table.behaviours.map((b) => ({ key: b.column, kind: 'number' as const, header: featuresText.keyBehaviour(b.name) })),
    num('tenure_days'),
    num('survey_score'),
  ];
}

/** The grid's view of a feature table: its columns whitelisted; ties broken as the table is stored (GMV, then messages, then id). */
export function featuresSpec(table: FeaturesTable): TableSpec<FeatureRow> {
  const columns = Object.fromEntries(featureColumns(table).map((c) => [c.key, c.kind])) as TableSpec<FeatureRow>['columns'];
  return { table: table.relation, columns, tiebreak: [...FEATURES_ORDER] };
}

/** A page of the customer-360 grid. */
export function queryFeaturesPage(sql: Sql, table: FeaturesTable, q: GridQuery, timeZone: string): Promise<TablePage<FeatureRow>> {
  return queryGrid(sql, featuresSpec(table), q, timeZone);
}

/** Booleans as 是 / 否 (Yes / No) for a sheet. */
export function sheetRow(row: FeatureRow): Record<string, unknown> {
  const { yes, no } = featuresText;
  return { ...row, is_member: row.is_member ? yes : no, repurchase_90d: row.repurchase_90d ? yes : no };
}

/** One sheet of feature rows with headers in the current language (formula-looking nicknames are neutralised by the writer). */
export function featuresSheet(name: string, table: FeaturesTable, rows: FeatureRow[]): ExportSheet<Record<string, unknown>> {
  const behaviourColumns = new Set<string>(table.behaviours.map((b) => b.column));
  const formatOf = (key: string): ExportFormat | undefined =>
    behaviourColumns.has(key) ? 'integer' : key in featureLabels ? featureFormat(key as FeatureId) : otherFormats[key];
  const columns: ExportColumn<Record<string, unknown>>[] = featureColumns(table).map((c) => ({ key: c.key, header: c.header, width: c.width, format: formatOf(c.key) }));
  return { name, columns, rows: rows.map(sheetRow) };
}

/** Every row of the table, filtered and sorted as the grid shows them, for the export. */
export async function allFeatureRows(sql: Sql, table: FeaturesTable, q: Pick<GridQuery, 'sort' | 'filter'>, timeZone: string): Promise<FeatureRow[]> {
  const page = await queryGrid(sql, featuresSpec(table), { ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER }, timeZone);
  return page.rows;
}
