/**
 * The churn list grid (churn:events): every churn event of a scope, a page at a time, sorted and
 * filtered on the Node side. A large brand's year has hundreds of thousands of events, so the
 * events of a scope are computed once per state of the data into a table of the derived database;
 * each page reads that table (queryGrid), and so does churn:query (a view asks both at once: each
 * computing the events of its own took the two of them twice the time).
 */
import type { AnalysisScope, ChurnEventRow, TablePage } from '../../contract';
import type { ProjectDb, Sql } from '../../db/projectDb';
import { sqlLiteral } from '../../db/projectDb';
import { DEFAULT_TIME_ZONE, readMeta } from '../../db/schema';
import { churnStageText, churnWayText } from '../../locale/churn';
import { scopeParams } from '../base/analysisBase';
import { queryGrid, type GridQuery, type TableSpec } from '../base/dataQueries';
import { dropOtherStates, isMadeInFile, keptTableName, keptTables, scopeKey } from '../base/keptTables';
import { DERIVED_DB } from '../base/identity';
import { churnEventsSql, type ChurnQuery } from './churnQueries';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';

/** Prefix of the kept event tables in the derived database. */
const LIST_PREFIX = 'churn_list_';

/**
 * Schema of the project file keeping the events of the whole project (no groups, no range: what
 * 流失与留存 opens with) between sessions, in a table named after the data state it was computed
 * from; the first use of a session drops the tables of other states.
 */
export const KEPT_CHURN_SCHEMA = `${KEPT_SCHEMA_PREFIX}_churn`;

/**
 * The version of what an event table holds, part of the key of the table the file keeps: raise it
 * with every change of churnEventsSql's columns or meaning.
 */
const LIST_FORMAT = 1;

/** Scopes whose events are kept at a time: the latest ones asked for. */
const KEPT_SCOPES = 4;

/** Whether the events of `q` are the whole project's, kept in the file of a project that takes writes. */
const isKeptInFile = (db: ProjectDb, q: AnalysisScope) => !q.groups?.length && !q.from && !q.to && !db.isReadOnly;

/** The name of the table of the events of `q` in the current state of the data (in its schema or database). */
async function listName(sql: Sql, q: AnalysisScope, timeZone: string, isInFile: boolean): Promise<string> {
  return keptTableName(LIST_PREFIX, await scopeKey(sql, q, timeZone, ...(isInFile ? [LIST_FORMAT] : [])));
}

/** The kept event tables (the derived database is attached with the project). */
const withKeptTable = keptTables(KEPT_SCOPES, (sql) =>
  dropOtherStates(sql, KEPT_CHURN_SCHEMA, async () => listName(sql, {}, (await readMeta(sql, 'time_zone')) ?? DEFAULT_TIME_ZONE, true)),
);

/**
 * Reads the table of the events of `q` in the current state of the data, made on first use
 * (columns of churnEventsSql with the instant `t`, `left_at` with a space between date and time,
 * as listed); kept for the latest KEPT_SCOPES scopes and never dropped while a request reads it
 * (churn:query runs several statements on it). The whole project's table is kept in the project
 * file ({@link KEPT_CHURN_SCHEMA}), where the next session of the same data finds it; a project
 * open read-only, and every other scope, keep theirs in memory.
 */
export async function withChurnEvents<T>(db: ProjectDb, sql: Sql, q: ChurnQuery, read: (table: string) => Promise<T>): Promise<T> {
  const isInFile = isKeptInFile(db, q);
  const key = await listName(sql, q, q.timeZone, isInFile);
  const name = isInFile ? `${KEPT_CHURN_SCHEMA}.${key}` : `${DERIVED_DB}.${key}`;
  // The ordering columns of the list beside the shown ones: `t` is the instant (churnEventsSql withInstant).
  const make = async (own: Sql) => {
    // Computed by an earlier session of the same data (its name says which), or not yet.
    if (isInFile && (await isMadeInFile(own, KEPT_CHURN_SCHEMA, key))) return;
    await own.run(
      `CREATE OR REPLACE TABLE ${name} AS
       SELECT pid, name, replace(left_at, 'T', ' ') AS left_at, how, group_name, stage, channel, tenure_days, t
       FROM (${churnEventsSql(q.groups, true)})`,
      scopeParams(q, q.timeZone),
    );
  };
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
