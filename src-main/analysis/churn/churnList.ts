/**
 * The churn list grid (churn:events): every churn event of a scope, a page at a time, sorted and
 * filtered on the Node side. A large brand's year has hundreds of thousands of events, so the
 * events of a scope are computed once per state of the data into a table of the derived database;
 * each page reads that table (queryGrid), and so does churn:query (a view asks both at once: each
 * computing the events of its own took the two of them twice the time).
 */
import type { ChurnEventRow, TablePage } from '../../contract';
import type { ProjectDb, Sql } from '../../db/projectDb';
import { sqlLiteral } from '../../db/projectDb';
import { churnStageText, churnWayText } from '../../locale/churn';
import { scopeParams } from '../base/analysisBase';
import { queryGrid, type GridQuery, type TableSpec } from '../base/dataQueries';
import { keptTableName, keptTables, scopeKey } from '../base/keptTables';
import { DERIVED_DB } from '../base/identity';
import { churnEventsSql, type ChurnQuery } from './churnQueries';

/** Prefix of the kept event tables in the derived database. */
const LIST_PREFIX = 'churn_list_';

/** Scopes whose events are kept at a time: the latest ones asked for. */
const KEPT_SCOPES = 4;

/** The kept event tables (the derived database is attached with the project). */
const withKeptTable = keptTables(KEPT_SCOPES);

/**
 * Reads the table of the events of `q` in the current state of the data, made on first use
 * (columns of churnEventsSql with the instant `t`, `left_at` with a space between date and time,
 * as listed); kept for the latest KEPT_SCOPES scopes and never dropped while a request reads it
 * (churn:query runs several statements on it).
 */
export async function withChurnEvents<T>(db: ProjectDb, sql: Sql, q: ChurnQuery, read: (table: string) => Promise<T>): Promise<T> {
  const name = `${DERIVED_DB}.${keptTableName(LIST_PREFIX, await scopeKey(sql, q, q.timeZone))}`;
  // The ordering columns of the list beside the shown ones: `t` is the instant (churnEventsSql withInstant).
  const make = (own: Sql) =>
    own.run(
      `CREATE OR REPLACE TABLE ${name} AS
       SELECT pid, name, replace(left_at, 'T', ' ') AS left_at, how, group_name, stage, channel, tenure_days, t
       FROM (${churnEventsSql(q.groups, true)})`,
      scopeParams(q, q.timeZone),
    );
  return withKeptTable(db, sql, name, make, read);
}

/** A CASE expression giving the label of each value of `col` (labels are the locale's, quoted). */
function labelExpr(col: string, labels: Record<string, string>): string {
  return `CASE ${col} ${Object.entries(labels)
    .map(([value, label]) => `WHEN ${sqlLiteral(value)} THEN ${sqlLiteral(label)}`)
    .join(' ')} END`;
}

/** One page of the churn events of `q`: oldest first unless sorted, ties in the list's order. */
export async function queryChurnEventsPage(db: ProjectDb, sql: Sql, q: ChurnQuery, page: GridQuery): Promise<TablePage<ChurnEventRow>> {
  return withChurnEvents(db, sql, q, (table) => queryGrid(sql, eventsSpec(table), page, q.timeZone));
}

/** The list's table over the kept events `table`: labels beside the codes, ties in the list's order. */
function eventsSpec(table: string): TableSpec<ChurnEventRow> {
  return {
    table: `(SELECT *, ${labelExpr('how', { ...churnWayText })} AS how_text, ${labelExpr('stage', { ...churnStageText })} AS stage_text FROM ${table}) e`,
    columns: {
      left_at: 'text',
      name: 'text',
      how: 'text',
      how_text: 'text',
      group_name: 'text',
      stage: 'text',
      stage_text: 'text',
      channel: 'text',
      tenure_days: 'number',
      pid: 'text',
    },
    tiebreak: ['t', 'how', 'pid NULLS LAST', 'name', 'group_name'],
  };
}
