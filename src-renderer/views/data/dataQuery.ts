import type { ColumnFilter, DataQuery } from '../../../src-main/contract';

/** The sort entries ag-grid hands to a datasource. */
export interface GridSortItem {
  colId: string;
  sort: 'asc' | 'desc' | null;
}

const textTypes = new Set(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']);
const dateTypes = new Set(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']);
const numberTypes = new Set(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** One ag-grid filter model entry as the API accepts it, or null when the API cannot express it. */
export function toColumnFilter(model: unknown): ColumnFilter | null {
  if (!model || typeof model !== 'object') return null;
  const m = model as Record<string, unknown>;
  const type = str(m.type);
  if (!type) return null;
  if (m.filterType === 'text' && textTypes.has(type)) {
    const filter = str(m.filter);
    if (type !== 'blank' && type !== 'notBlank' && !filter) return null;
    return { filterType: 'text', type: type as Extract<ColumnFilter, { filterType: 'text' }>['type'], ...(filter ? { filter: filter.slice(0, 1000) } : {}) };
  }
  if (m.filterType === 'date' && dateTypes.has(type)) {
    const dateFrom = str(m.dateFrom) ?? null;
    const dateTo = str(m.dateTo) ?? null;
    if (type !== 'blank' && type !== 'notBlank' && !dateFrom) return null;
    return { filterType: 'date', type: type as Extract<ColumnFilter, { filterType: 'date' }>['type'], dateFrom, dateTo };
  }
  if (m.filterType === 'number' && numberTypes.has(type)) {
    const filter = num(m.filter);
    const filterTo = num(m.filterTo);
    if (type !== 'blank' && type !== 'notBlank' && (filter === null || (type === 'inRange' && filterTo === null))) return null;
    return { filterType: 'number', type: type as Extract<ColumnFilter, { filterType: 'number' }>['type'], filter, filterTo };
  }
  return null;
}

/** Turns an infinite-row-model block request into a `data:*` query. */
export function toDataQuery(
  startRow: number,
  endRow: number,
  sortModel: readonly GridSortItem[],
  filterModel: Record<string, unknown> | null | undefined,
): Required<Pick<DataQuery, 'offset' | 'limit' | 'sort' | 'filter'>> {
  const sort = sortModel
    .filter((s): s is { colId: string; sort: 'asc' | 'desc' } => s.sort === 'asc' || s.sort === 'desc')
    .slice(0, 8)
    .map((s) => ({ colId: s.colId, sort: s.sort }));
  const filter: Record<string, ColumnFilter> = {};
  for (const [colId, model] of Object.entries(filterModel ?? {})) {
    const f = toColumnFilter(model);
    if (f) filter[colId] = f;
  }
  return { offset: Math.max(0, startRow), limit: Math.min(5000, Math.max(1, endRow - startRow)), sort, filter };
}
