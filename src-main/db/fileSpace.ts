/**
 * Giving a project file back the space an import no longer uses. DuckDB writes a large import's
 * rows into the file before it commits them (optimistic writing, which lets it compress while the
 * file is still being read); a failed import leaves those blocks free but the file as long, and
 * removing an import frees its blocks the same way. DuckDB 1.5 truncates the free blocks at the
 * end of its file, but only at a checkpoint that writes something, and only when nothing after
 * them is in use: the small tables an import rewrote at its commit (its record in `imports`) sit
 * after its rows, so those are rewritten first, which puts them in the first free blocks.
 * Measured on DuckDB 1.5.6: without this a failed 600k-row import left 22 MB for 2 MB of data.
 */
import { sqlIdent, type ProjectDb, type Sql } from './projectDb';

/** Blocks of the file as DuckDB counts them. */
interface FileBlocks {
  blockSize: number;
  total: number;
  used: number;
  free: number;
}

async function fileBlocks(sql: Sql): Promise<FileBlocks> {
  const row = await sql.one<{ block_size: number; total: number; used: number; free: number }>(
    `SELECT block_size::INTEGER AS block_size, total_blocks::INTEGER AS total, used_blocks::INTEGER AS used, free_blocks::INTEGER AS free FROM pragma_database_size() WHERE database_name = current_database()`,
  );
  return { blockSize: Number(row?.block_size ?? 0), total: Number(row?.total ?? 0), used: Number(row?.used ?? 0), free: Number(row?.free ?? 0) };
}

/**
 * Tables of the file with data past `fromBlock` and at most `maxBlocks` blocks in all: worth
 * rewriting. Of the main schema only: the derived tables kept in the file (analysis/base) are
 * rebuilt whole by their owner, never rewritten here.
 */
async function tablesPast(sql: Sql, fromBlock: number, maxBlocks: number): Promise<string[]> {
  const tables = await sql.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary`,
  );
  const out: string[] = [];
  for (const { name } of tables) {
    const row = await sql.one<{ last: number | null; blocks: number }>(
      `SELECT max(block_id)::INTEGER AS last, count(DISTINCT block_id)::INTEGER AS blocks FROM pragma_storage_info(?) WHERE block_id >= 0`,
      [name],
    );
    if (row?.last != null && Number(row.last) >= fromBlock && Number(row.blocks) <= maxBlocks) out.push(name);
  }
  return out;
}

/** Writes a table's rows anew, in one transaction: the old row groups go, the new ones take the first free blocks at the next checkpoint. */
async function rewriteTable(sql: Sql, table: string): Promise<void> {
  const t = sqlIdent(table);
  await sql.run('BEGIN TRANSACTION');
  try {
    // In rowid order: rows of one import keep the file's order (importLoad.ts relies on it).
    await sql.run(`CREATE OR REPLACE TEMP TABLE qunxi_rewrite AS SELECT * FROM ${t} ORDER BY rowid`);
    await sql.run(`DELETE FROM ${t}`);
    await sql.run(`INSERT INTO ${t} SELECT * FROM qunxi_rewrite`);
    await sql.run(`DROP TABLE qunxi_rewrite`);
    await sql.run('COMMIT');
  } catch (e) {
    await sql.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A change that is undone at once, so the next checkpoint has something to write (an empty one does nothing, truncation included). */
async function touch(sql: Sql): Promise<void> {
  await sql.run(`INSERT INTO meta (key, value) VALUES ('qunxi_reclaim', '') ON CONFLICT DO NOTHING`);
  await sql.run(`DELETE FROM meta WHERE key = 'qunxi_reclaim'`);
}

/** Free blocks (of 256 KB) worth giving back: DuckDB keeps a couple free in the normal course. */
const MIN_FREE_BLOCKS = 8;

/**
 * Tables of at most this many blocks (of 256 KB) are always rewritten to free the end of the
 * file; bigger ones only when that frees at least twice their size.
 */
const SMALL_TABLE_BLOCKS = 16;

/**
 * Shortens the project file by the free blocks at its end, as far as rewriting small tables and
 * a few checkpoints allow; free blocks between used ones stay for later imports to reuse. Needs
 * no other transaction to be running (a checkpoint fails then): returns false without an error
 * when it could not run, for the next occasion (the next import, removal or open) to try again.
 */
export async function reclaimFreeSpace(db: ProjectDb): Promise<boolean> {
  if (db.isReadOnly || db.path === ':memory:') return true;
  try {
    // With no analysis under way: rewriting a table renumbers its rows, which the derived tables refer to.
    return await db.write(async (sql) => {
      for (let round = 0; round < 3; round++) {
        const before = await fileBlocks(sql);
        if (before.free < MIN_FREE_BLOCKS) return true;
        const worthRewriting = Math.max(SMALL_TABLE_BLOCKS, Math.floor(before.free / 2));
        for (const table of await tablesPast(sql, before.used, worthRewriting)) await rewriteTable(sql, table);
        await touch(sql);
        await sql.run('CHECKPOINT');
        const after = await fileBlocks(sql);
        if (after.total >= before.total && round > 0) break;
      }
      return true;
    });
  } catch {
    return false;
  }
}
