/**
 * Tables computed from the data and kept in the project file between sessions, in a schema of
 * their own with a table of one row saying what they were computed from (the key). The key is
 * written last, in one statement that replaces the one before: a computation cut short (a cancel,
 * a crash) is never taken for a whole one, and a request looking the key up meanwhile finds the old
 * row or the new one, never none. The derived tables (analysis/base/derivedTables.ts) and the
 * default feature table (analysis/features/featuresCache.ts) are kept this way.
 */
import { sqlIdent, type Sql } from './projectDb';

/** A schema of the project file keeping computed tables, and its table of the key they were computed under. */
export interface KeptSchema {
  schema: string;
  /** The table of one row holding the key (and what else the tables were computed under). */
  stateTable: string;
}

/** What the schema holds: its tables (the key's not among them) and the key's row, null when none is written. */
export async function readKept<S>(sql: Sql, kept: KeptSchema): Promise<{ tables: string[]; state: S | null }> {
  const names = (
    await sql.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?`, [kept.schema])
  ).map((r) => r.name);
  const state = names.includes(kept.stateTable) ? ((await sql.one<S>(`SELECT * FROM ${kept.schema}.${sqlIdent(kept.stateTable)}`)) ?? null) : null;
  return { tables: names.filter((n) => n !== kept.stateTable), state };
}

/**
 * Writes the key's row last (see the file comment): text values as VARCHAR, numbers as INTEGER,
 * then `stampColumn`, when it was written.
 */
export async function writeKeptState(sql: Sql, kept: KeptSchema, row: Record<string, string | number>, stampColumn: string): Promise<void> {
  const columns = Object.entries(row).map(([name, value]) => `CAST(? AS ${typeof value === 'number' ? 'INTEGER' : 'VARCHAR'}) AS ${sqlIdent(name)}`);
  await sql.run(`CREATE OR REPLACE TABLE ${kept.schema}.${sqlIdent(kept.stateTable)} AS SELECT ${columns.join(', ')}, now() AS ${sqlIdent(stampColumn)}`, Object.values(row));
}

/** Whether the project file takes no writes (opened read-only): its kept tables are read, never written. */
export async function isFileReadOnly(sql: Sql): Promise<boolean> {
  return (await sql.one<{ r: boolean }>(`SELECT readonly AS r FROM duckdb_databases() WHERE database_name = current_database()`))?.r ?? true;
}
