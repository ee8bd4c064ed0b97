import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnFilter, MemberRow, MessageRow, ParsedReq, TablePage } from '../../contract';
import { AppError } from '../../contract/appError';
import { scopeMessages } from '../../locale/analysis';
import type { Sql } from '../../db/projectDb';

/** Paging, sorting and filtering of a data grid, as the handler receives it. */
export type GridQuery = ParsedReq<'data:members'>;

type ColumnKind = 'text' | 'time' | 'number';

/** A grid-visible table: its name and the whitelist of its columns. Only these strings reach SQL text. */
export interface TableSpec<R> {
  /** A table name, or a parenthesised subquery with an alias (built from constants only). */
  table: string;
  columns: Record<keyof R & string, ColumnKind>;
  /** Columns that make the order total when sort keys tie; default the table's rowid. */
  tiebreak?: string[];
}

const membersTable: TableSpec<MemberRow> = {
  table: 'memberships',
  columns: {
    group_name: 'text',
    member_id: 'text',
    member_name: 'text',
    member_type: 'text',
    join_time: 'time',
    join_way: 'text',
    inviter: 'text',
    leave_time: 'time',
    leave_way: 'text',
  },
};

const messagesTable: TableSpec<MessageRow> = {
  table: 'messages',
  columns: { sender_id: 'text', sender_name: 'text', group_name: 'text', sent_at: 'time', msg_type: 'text', content: 'text' },
};

const isoDay = /^\d{4}-\d{2}-\d{2}/;

/** Builds a WHERE clause with numbered parameters; `$1` is always the project time zone. */
class Where {
  readonly params: DuckDBValue[];
  private readonly parts: string[] = [];

  constructor(timeZone: string) {
    this.params = [timeZone];
  }

  /** Adds a bound value and returns its placeholder. */
  bind(value: DuckDBValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.parts.push(condition);
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p})`).join(' AND ')}` : '';
  }
}

function unknownColumn(col: string): AppError {
  return new AppError('INVALID_REQUEST', scopeMessages.unknownColumn(col), { column: col });
}

/** The column as the grid shows it: times as local 'YYYY-MM-DD HH:MM:SS'. */
function shownExpr(col: string, kind: ColumnKind): string {
  return kind === 'time' ? `strftime(timezone($1, "${col}"), '%Y-%m-%d %H:%M:%S')` : `"${col}"`;
}

/** What a text filter compares: the shown value as text (numbers as their digits). */
function filterExpr(col: string, kind: ColumnKind): string {
  return kind === 'number' ? `CAST("${col}" AS VARCHAR)` : shownExpr(col, kind);
}

/** The local day of a time column: what a date filter compares. */
function localDayExpr(col: string): string {
  return `CAST(timezone($1, "${col}") AS DATE)`;
}

function dayParam(where: Where, value: string | null | undefined, col: string): string {
  const m = value ? isoDay.exec(value) : null;
  if (!m) throw new AppError('INVALID_REQUEST', scopeMessages.dateFilterNeedsDate(col), { column: col });
  return `CAST(${where.bind(m[0])} AS DATE)`;
}

/** Text filters are case-insensitive like ag-grid's; they match what the grid shows. */
function textCondition(where: Where, expr: string, f: Extract<ColumnFilter, { filterType: 'text' }>): string | null {
  if (f.type === 'blank') return `${expr} IS NULL OR trim(${expr}) = ''`;
  if (f.type === 'notBlank') return `${expr} IS NOT NULL AND trim(${expr}) <> ''`;
  if (f.filter === undefined || f.filter === '') return null;
  const v = `lower(${where.bind(f.filter)})`;
  const x = `lower(${expr})`;
  switch (f.type) {
    case 'contains':
      return `coalesce(contains(${x}, ${v}), false)`;
    case 'notContains':
      return `NOT coalesce(contains(${x}, ${v}), false)`;
    case 'equals':
      return `coalesce(${x} = ${v}, false)`;
    case 'notEqual':
      return `NOT coalesce(${x} = ${v}, false)`;
    case 'startsWith':
      return `coalesce(starts_with(${x}, ${v}), false)`;
    case 'endsWith':
      return `coalesce(suffix(${x}, ${v}), false)`;
  }
}

/** Date filters compare local days; inRange includes both ends. */
function dateCondition(where: Where, col: string, f: Extract<ColumnFilter, { filterType: 'date' }>): string {
  const day = localDayExpr(col);
  switch (f.type) {
    case 'blank':
      return `"${col}" IS NULL`;
    case 'notBlank':
      return `"${col}" IS NOT NULL`;
    case 'equals':
      return `${day} = ${dayParam(where, f.dateFrom, col)}`;
    case 'notEqual':
      return `${day} <> ${dayParam(where, f.dateFrom, col)}`;
    case 'lessThan':
      return `${day} < ${dayParam(where, f.dateFrom, col)}`;
    case 'greaterThan':
      return `${day} > ${dayParam(where, f.dateFrom, col)}`;
    case 'inRange':
      return `${day} BETWEEN ${dayParam(where, f.dateFrom, col)} AND ${dayParam(where, f.dateTo, col)}`;
  }
}

/** Number filters compare the value as a number; inRange includes both ends, as ag-grid's does. */
function numberCondition(where: Where, col: string, f: Extract<ColumnFilter, { filterType: 'number' }>): string | null {
  const x = `CAST("${col}" AS DOUBLE)`;
  if (f.type === 'blank') return `"${col}" IS NULL`;
  if (f.type === 'notBlank') return `"${col}" IS NOT NULL`;
  if (f.filter === undefined || f.filter === null) return null;
  const v = where.bind(f.filter);
  switch (f.type) {
    case 'equals':
      return `coalesce(${x} = ${v}, false)`;
    case 'notEqual':
      return `NOT coalesce(${x} = ${v}, false)`;
    case 'lessThan':
      return `coalesce(${x} < ${v}, false)`;
    case 'lessThanOrEqual':
      return `coalesce(${x} <= ${v}, false)`;
    case 'greaterThan':
      return `coalesce(${x} > ${v}, false)`;
    case 'greaterThanOrEqual':
      return `coalesce(${x} >= ${v}, false)`;
    case 'inRange':
      if (f.filterTo === undefined || f.filterTo === null) return null;
      return `coalesce(${x} BETWEEN ${v} AND ${where.bind(f.filterTo)}, false)`;
  }
}

/** A page of any grid-visible table: the paging, sorting and filtering shared by every data grid. */
export async function queryGrid<R>(sql: Sql, spec: TableSpec<R>, q: GridQuery, timeZone: string): Promise<TablePage<R>> {
  const kindOf = (col: string): ColumnKind => {
    if (!Object.prototype.hasOwnProperty.call(spec.columns, col)) throw unknownColumn(col);
    return spec.columns[col as keyof R & string];
  };
  const where = new Where(timeZone);
  // $1 is always bound, and DuckDB refuses a bound parameter the statement never uses.
  if (!Object.values(spec.columns).includes('time')) where.add(`$1 IS NOT NULL`);
  for (const [col, f] of Object.entries(q.filter)) {
    const kind = kindOf(col);
    if (f.filterType === 'date') {
      if (kind !== 'time') throw new AppError('INVALID_REQUEST', scopeMessages.notATimeColumn(col), { column: col });
      where.add(dateCondition(where, col, f));
    } else if (f.filterType === 'number') {
      if (kind !== 'number') throw new AppError('INVALID_REQUEST', scopeMessages.unknownColumn(col), { column: col });
      const cond = numberCondition(where, col, f);
      if (cond) where.add(cond);
    } else {
      const cond = textCondition(where, filterExpr(col, kind), f);
      if (cond) where.add(cond);
    }
  }
  // Times sort by instant; rowid last keeps paging stable when sort keys tie.
  const order = q.sort.map((s) => {
    kindOf(s.colId);
    return `"${s.colId}" ${s.sort === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  order.push(...(spec.tiebreak ?? ['rowid']));
  const select = Object.entries(spec.columns)
    .map(([col, kind]) => `${shownExpr(col, kind as ColumnKind)} AS "${col}"`)
    .join(', ');
  // Counted over the same projection, so the statement uses exactly the parameters bound so far ($1 included).
  const countRow = await sql.one<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT ${select} FROM ${spec.table} ${where.sql})`,
    where.params,
  );
  const limit = where.bind(q.limit);
  const offset = where.bind(q.offset);
  const rows = await sql.all<R>(
    `SELECT ${select} FROM ${spec.table} ${where.sql} ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${offset}`,
    where.params,
  );
  return { rows, total: countRow?.n ?? 0 };
}

/** A page of membership spells for the members grid. */
export function queryMembers(sql: Sql, q: GridQuery, timeZone: string): Promise<TablePage<MemberRow>> {
  return queryGrid(sql, membersTable, q, timeZone);
}

/** A page of messages for the messages grid. */
export function queryMessages(sql: Sql, q: GridQuery, timeZone: string): Promise<TablePage<MessageRow>> {
  return queryGrid(sql, messagesTable, q, timeZone);
}
