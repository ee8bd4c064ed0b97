/**
 * The list of rows that matched nobody (identity:unmatched, the 匹配 view): the relation of
 * identity.ts `unmatchedSql`, made once per state of the data and language into a table of the
 * derived database, and paged, sorted and filtered from there like the other grids. Made for each
 * page, the relation was computed twice a page (its count and its rows).
 */
import type { TablePage, UnmatchedRow } from '../../contract';
import type { ProjectDb, Sql } from '../../db/projectDb';
import { unmatchedReasons } from '../../locale/analysis';
import { queryGrid, type GridQuery, type TableSpec } from './dataQueries';
import { dataFingerprint } from './derivedTables';
import { DERIVED_DB, unmatchedSql } from './identity';
import { keptTableName, keptTables } from './keptTables';

/** Prefix of the kept unmatched tables in the derived database. */
const LIST_PREFIX = 'unmatched_list_';

/** The kept tables: the current state of the data, in one or two languages. */
const withKeptTable = keptTables(2);

/** The list's columns over the kept table `table`. */
const unmatchedSpec = (table: string): TableSpec<UnmatchedRow> => ({
  table,
  columns: { kind: 'text', file_name: 'text', row_number: 'number', name: 'text', phone: 'text', reason: 'text' },
  // Unsorted, the list reads like the files: by kind, file and row number.
  tiebreak: ['kind', 'file_name', 'row_number NULLS LAST', 'rid'],
});

/** A page of rows that matched nobody, paged, sorted and filtered like the data grids. */
export async function queryUnmatched(db: ProjectDb, sql: Sql, q: GridQuery, timeZone: string): Promise<TablePage<UnmatchedRow>> {
  // The reasons are written in the language of the moment: another language is another table.
  const key = JSON.stringify([await dataFingerprint(sql), unmatchedReasons]);
  const name = `${DERIVED_DB}.${keptTableName(LIST_PREFIX, key)}`;
  const make = (own: Sql) => own.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM ${unmatchedSql()}`);
  return withKeptTable(db, sql, name, make, (table) => queryGrid(sql, unmatchedSpec(table), q, timeZone));
}
