import { DERIVED_DB } from '../../src-main/analysis/base/identity';
import type { ProjectDb } from '../../src-main/db/projectDb';

/** The kept tables named `prefix`… of the file's `schema` and of the derived database in memory, by name. */
export function keptTableNames(db: ProjectDb, schema: string, prefix: string): Promise<{ file: string[]; memory: string[] }> {
  return db.use(async (sql) => {
    const names = async (where: string) =>
      (await sql.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE ${where} AND starts_with(table_name, ?) ORDER BY 1`, [prefix])).map((r) => r.name);
    return {
      file: await names(`database_name = current_database() AND schema_name = '${schema}'`),
      memory: await names(`database_name = '${DERIVED_DB}'`),
    };
  });
}
