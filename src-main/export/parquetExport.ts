/**
 * 导出 Parquet (DESIGN §7): the project's normalised tables, one `<table>.parquet` per table in a
 * chosen folder, for a team whose data outgrows one laptop (DuckDB, Spark, ClickHouse and the
 * warehouses all read Parquet). Written by DuckDB itself (COPY … (FORMAT parquet)), each file under
 * a hidden name first and renamed when complete, so a folder never holds half a table. The
 * derived tables are not exported: they are rebuilt from these.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, firstLine } from '../contract/appError';
import { sqlIdent, sqlLiteral } from '../db/projectDb';
import type { OpenProject } from '../db/projectFile';
import { sharingText } from '../locale/sharing';

/** Tables exported: the imported data, the import history and the user's definitions. */
export const PARQUET_TABLES = [
  'memberships', 'messages', 'customers', 'customer_groups', 'group_stats', 'contact_stats', 'churn_events', 'orders',
  'order_items', 'official_account_daily', 'ad_costs', 'survey_responses', 'imports', 'definitions', 'meta',
] as const;

/** One exported table. */
export interface ParquetTable {
  table: string;
  /** Absolute path of its .parquet file. */
  file: string;
  rows: number;
}

/** Writes every table of {@link PARQUET_TABLES} as `<folder>/<table>.parquet`. */
export async function exportParquet(project: OpenProject, folder: string, signal?: AbortSignal): Promise<ParquetTable[]> {
  const dir = path.resolve(folder);
  try {
    await fs.mkdir(dir, { recursive: true });
    return await project.db.use(async (sql) => {
      const out: ParquetTable[] = [];
      for (const table of PARQUET_TABLES) {
        const file = path.join(dir, `${table}.parquet`);
        const tmp = path.join(dir, `.${table}.parquet.writing`);
        try {
          // Row order as stored (import order), so two exports of the same data are the same files.
          await sql.run(`COPY (SELECT * FROM ${sqlIdent(table)} ORDER BY rowid) TO ${sqlLiteral(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
          await fs.rename(tmp, file);
        } catch (e) {
          await fs.rm(tmp, { force: true }).catch(() => undefined);
          throw e;
        }
        const row = await sql.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sqlIdent(table)}`);
        out.push({ table, file, rows: Number(row?.n ?? 0) });
      }
      return out;
    }, signal ? { signal } : {});
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('PROJECT_SAVE_FAILED', sharingText.parquetFailed(dir, firstLine(e)), { folder: dir });
  }
}
