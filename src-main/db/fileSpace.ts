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
export interface FileBlocks {
  blockSize: number;
  total: number;
  used: number;
  free: number;
}

/** The open database's blocks, as DuckDB counts them (`pragma_database_size`). */
export async function fileBlocks(sql: Sql): Promise<FileBlocks> {
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

/**
 * Key in `meta` of the file's blocks (`total:free`) when its space was last asked back. Free
 * blocks between used ones stay free until an import reuses them: the demo project keeps 18 of its
 * 64, a project of 100,000 people 100 of 567 after one more import. Asked back at every open all
 * the same, the checkpoint rewrote the file: no open found it as its last good copy, so each one
 * read the file whole and copied it again (at 100,000 people 760–890 ms an open against 140–175).
 */
const TRIED_KEY = 'qunxi_reclaim_tried';

/**
 * Free blocks the checkpoint of {@link markTried}'s own row may move: a file whose count differs
 * by no more has not changed since. It moved two (the demo, 100,000 people after an import); four
 * leave a margin, 1 MB at most not given back. The mark is of the blocks after space was asked
 * back, not before: the checkpoint after an import's last step moved nine.
 */
const MARK_SLACK_BLOCKS = 4;

/**
 * Keeps the blocks space is asked back at: the change that gives the checkpoint something to
 * write (an empty one does nothing, truncation included).
 */
async function markTried(sql: Sql, b: FileBlocks): Promise<void> {
  await sql.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${TRIED_KEY}', ?)`, [`${b.total}:${b.free}`]);
}

/** Whether space was last asked back at these blocks: the same length, the same free blocks give or take the mark's own. */
async function isTried(sql: Sql, b: FileBlocks): Promise<boolean> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM meta WHERE key = '${TRIED_KEY}'`);
  const [total, free] = (row?.value ?? '').split(':').map(Number);
  return total === b.total && free !== undefined && Math.abs(free - b.free) <= MARK_SLACK_BLOCKS;
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
 * a few checkpoints allow; free blocks between used ones stay for later imports to reuse. At an
 * open, once per state of the file ({@link TRIED_KEY}); `isAfterChange` (an import, a failed one,
 * a removal), whatever the state: a file DuckDB reads afresh after a full disk counts its blocks
 * as before, with more to give back. Needs no other transaction to be running (a checkpoint
 * fails then): returns false without an error when it could not run, for the next occasion (the
 * next import, removal or open) to try again.
 */
export async function reclaimFreeSpace(db: ProjectDb, options: { isAfterChange?: boolean } = {}): Promise<boolean> {
  if (db.isReadOnly || db.path === ':memory:') return true;
  try {
    // With no analysis under way: rewriting a table renumbers its rows, which the derived tables refer to.
    return await db.write(async (sql) => {
      let after: FileBlocks | null = null;
      for (let round = 0; round < 3; round++) {
        const before = await fileBlocks(sql);
        if (before.free < MIN_FREE_BLOCKS) break;
        // The file as it was when its space was last asked back: the same rewrites and checkpoints
        // would give nothing again (and finding the tables to rewrite reads every table's storage).
        if (round === 0 && !options.isAfterChange && (await isTried(sql, before))) break;
        const worthRewriting = Math.max(SMALL_TABLE_BLOCKS, Math.floor(before.free / 2));
        const tables = await tablesPast(sql, before.used, worthRewriting);
        for (const table of tables) await rewriteTable(sql, table);
        await markTried(sql, before);
        await sql.run('CHECKPOINT');
        after = await fileBlocks(sql);
        if (after.total >= before.total && round > 0) break;
      }
      // The blocks as the checkpoints left them, which the mark's own next checkpoint moves by no more than its slack.
      if (after) await markTried(sql, after);
      return true;
    });
  } catch {
    return false;
  }
}
