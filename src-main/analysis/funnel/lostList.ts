/**
 * The funnel's lost-list grid (funnel:lostPage): the people lost at a step, a page at a time, sorted
 * and filtered on the Node side. A large brand's cohort loses hundreds of thousands of people at a
 * step, too many to send whole, so the list of a step is computed once per state of the data into a
 * table of the derived database (funnelQueries.ts lostSql) and each page reads that table, as the
 * churn list does; funnel:lost and the export read the same table whole.
 */
import type { CustomerPath, LostPerson, ParsedReq, TablePage } from '../../contract';
import { sqlLiteral, type ProjectDb, type Sql } from '../../db/projectDb';
import { queryGrid, type TableSpec } from '../base/dataQueries';
import { DERIVED_DB } from '../base/identity';
import { keptTableName, keptTables, scopeKey } from '../base/keptTables';
import { lostParams, lostSql, lostStages, type LostRequest } from './funnelQueries';

/** Prefix of the kept lost-list tables in the derived database. */
const LIST_PREFIX = 'funnel_lost_';

/** The lists kept at a time: the latest steps and scopes asked for. */
const withKeptTable = keptTables(4);

/** The grid's columns over the kept table `table`: unsorted, by entry time, then the person id, as funnel:lost lists them. */
const lostSpec = (table: string): TableSpec<LostPerson> => ({
  table,
  columns: { pid: 'text', name: 'text', channel: 'text', staff: 'text', entered_at: 'text', last_stage: 'text' },
  tiebreak: ['t0', 'pid'],
});

/** Reads the kept list of the request's step (made on the first ask, per state of the data, scope, window and path) with `read`. */
async function withLostTable<T>(db: ProjectDb, sql: Sql, req: LostRequest, path: CustomerPath, timeZone: string, read: (table: string) => Promise<T>): Promise<T> {
  const stages = lostStages(req, path);
  // Beside the scope, the window and the stages (their names are in the rows).
  const name = `${DERIVED_DB}.${keptTableName(LIST_PREFIX, await scopeKey(sql, req, timeZone, req.windowDays, stages))}`;
  const lastStage = stages[stages.length - 2]!.name;
  const make = (own: Sql) =>
    own.run(`CREATE OR REPLACE TABLE ${name} AS SELECT *, ${sqlLiteral(lastStage)} AS last_stage FROM (${lostSql(stages, req.groups)})`, lostParams(req, timeZone));
  return withKeptTable(db, sql, name, make, read);
}

/** One page of the people lost at the request's step (funnel:lostPage). */
export async function queryLostPage(db: ProjectDb, sql: Sql, req: ParsedReq<'funnel:lostPage'>, path: CustomerPath, timeZone: string): Promise<TablePage<LostPerson>> {
  return withLostTable(db, sql, req, path, timeZone, (table) => queryGrid(sql, lostSpec(table), req, timeZone));
}

/**
 * Everyone lost at the request's step, by entry time then person id (funnel:lost and the export):
 * the rows of {@link queryLost}, read from the list the grid pages through instead of computed again.
 */
export async function queryLostList(db: ProjectDb, sql: Sql, req: LostRequest, path: CustomerPath, timeZone: string): Promise<LostPerson[]> {
  return withLostTable(db, sql, req, path, timeZone, (table) =>
    sql.all<LostPerson>(`SELECT pid, name, channel, staff, entered_at, last_stage FROM ${table} ORDER BY t0, pid`),
  );
}
