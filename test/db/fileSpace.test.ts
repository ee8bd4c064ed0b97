/**
 * Space asked back at open (db/fileSpace.ts) once per state of the file. Free blocks that lie
 * before a large table cannot be given back; asked back at every open all the same, the open's
 * checkpoint rewrote the file, so no open found it as its last good copy and each read it whole
 * and copied it again. The files are real: a project whose first table's blocks were freed behind
 * a second, larger one, and the demo's exports imported by the command line.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFingerprint } from '../../src-main/analysis/base/derivedTables';
import { fileBlocks, type FileBlocks } from '../../src-main/db/fileSpace';
import { closeProjectFile, createProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import type { Sql } from '../../src-main/db/projectDb';
import { isSameAsGoodCopy } from '../../src-main/db/projectIntegrity';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';
import { fileSha256 } from '../support/fileHash';

/** Rows of random text: some 40 bytes a row that no compression shrinks much. */
const fill = (table: string, rows: number) =>
  `CREATE TABLE ${table} AS SELECT md5(random()::VARCHAR) || md5(random()::VARCHAR) AS t FROM range(${rows})`;

/** Opens the project (which asks its space back), reads `read` of it and closes it. */
async function readOpened<T>(file: string, read: (sql: Sql) => Promise<T>): Promise<T> {
  const project = await openProjectFile(file);
  try {
    // Unprepared: a use would first make the derived tables, a write of its own.
    return await project.db.useUnprepared(read);
  } finally {
    await closeProjectFile(project);
  }
}

/** Blocks of the project's file, as DuckDB counts them. */
const blocks = (file: string): Promise<FileBlocks> => readOpened(file, fileBlocks);

/** Opens the project and closes it again, as a user who only looks. */
async function openAndClose(file: string): Promise<void> {
  await closeProjectFile(await openProjectFile(file));
}

describe('space asked back at open', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(async () => {
    tmp = tempDir('qunxi-filespace-');
    file = path.join(tmp.dir, 'p.qunxi');
    // `front` (some 4 MB) is written first, `back` (some 12 MB) after it; `front` then goes, and
    // its blocks stay free before `back`, too large to be rewritten for them.
    const project = await createProjectFile(file);
    await project.db.write(async (sql) => {
      await sql.run(fill('front', 100_000));
      await sql.run('CHECKPOINT');
      await sql.run(fill('back', 300_000));
      await sql.run('CHECKPOINT');
      await sql.run('DROP TABLE front');
      await sql.run('CHECKPOINT');
    });
    await closeProjectFile(project);
  }, 60_000);
  afterEach(() => tmp.cleanup());

  it('free blocks that cannot be given back: the file is written by one open only, then found as its last good copy', async () => {
    await openAndClose(file);
    const held = await blocks(file);
    // The case is the one it says: more free blocks than are ever asked back (8), the file as long.
    expect(held.free).toBeGreaterThanOrEqual(8);
    const before = fileSha256(file);
    await openAndClose(file);
    await openAndClose(file);
    expect(fileSha256(file)).toBe(before);
    expect(await isSameAsGoodCopy(file)).toBe(true);
  }, 60_000);

  it('a later change that frees the end of the file is given back at the next open', async () => {
    await openAndClose(file);
    const held = await blocks(file);
    const sizeHeld = statSync(file).size;
    const project = await openProjectFile(file);
    await project.db.write((sql) => sql.run('DROP TABLE back'));
    await closeProjectFile(project);
    await openAndClose(file);
    const after = await blocks(file);
    expect(after.total).toBeLessThan(held.total / 2);
    expect(statSync(file).size).toBeLessThan(sizeHeld / 2);
  }, 60_000);

  it("a project the demo's exports were imported into: every open after the first finds it as its last good copy", async () => {
    const demoDir = path.resolve(__dirname, '../../resources/demo');
    const exports = readdirSync(demoDir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(demoDir, f));
    const imported = path.join(tmp.dir, 'demo.qunxi');
    const run = await runCliIn(tmp.dir, 'import', '--project', imported, ...exports);
    expect(run.code, run.stderr).toBe(0);
    // The import changed the file: the first open reads it whole and keeps it as its last good copy.
    expect(await isSameAsGoodCopy(imported)).toBe(false);
    await openAndClose(imported);
    expect((await blocks(imported)).free).toBeGreaterThanOrEqual(8);
    const after = fileSha256(imported);
    await openAndClose(imported);
    expect(await isSameAsGoodCopy(imported)).toBe(true);
    expect(fileSha256(imported)).toBe(after);
  }, 120_000);
});

/**
 * The derived tables refer to the imported rows by rowid, and a rewrite of a table to free the
 * end of the file may give its rows new ones. They are kept against a fingerprint of each source
 * table's row count and highest rowid (analysis/base/derivedTables.ts), so a rewrite must either
 * keep every row's rowid or move that fingerprint: else the kept tables would name other rows and
 * every figure built on them would be wrong, silently. The messages here span three of DuckDB's
 * row groups (122,880 rows each), so the rewrite's insert could run in parallel.
 */
describe("a rewrite to free the file's end, under the derived tables' fingerprint", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('qunxi-filespace-rowids-');
  });
  afterEach(() => tmp.cleanup());

  /** Each message's rowid with its key, in rowid order, as one hash; the fingerprint; the messages' count, highest rowid and last block; the file's blocks. */
  async function rowState(sql: Sql) {
    const rows = await sql.one<{ h: string }>(`SELECT md5(string_agg(rowid || '=' || row_key, ',' ORDER BY rowid)) AS h FROM messages`);
    const fingerprint = await dataFingerprint(sql);
    const counts = await sql.one<{ rows: number; top: number }>(`SELECT count(*)::INTEGER AS rows, max(rowid)::INTEGER AS top FROM messages`);
    const last = await sql.one<{ last: number }>(`SELECT max(block_id)::INTEGER AS last FROM pragma_storage_info('messages') WHERE block_id >= 0`);
    return { rowsHash: rows!.h, fingerprint, rows: Number(counts!.rows), top: Number(counts!.top), lastBlock: Number(last!.last), blocks: await fileBlocks(sql) };
  }

  /**
   * A project whose 300,000 messages lie after the free blocks a dropped table left; `deleteEvery`
   * removes about one message in n first (by a hash of its key), leaving gaps in the rowids.
   * Answers the state before an open.
   */
  async function messagesPastFreeBlocks(file: string, deleteEvery: number | null) {
    const project = await createProjectFile(file);
    try {
      return await project.db.write(async (sql) => {
        await sql.run(fill('front', 600_000));
        await sql.run('CHECKPOINT');
        await sql.run(
          `INSERT INTO messages (row_key, sender_id, sent_at, import_id)
           SELECT 'k' || i, 's' || (i % 997), TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(i), 1 FROM range(300000) t(i)`,
        );
        if (deleteEvery) await sql.run(`DELETE FROM messages WHERE hash(row_key) % ${deleteEvery} = 0`);
        await sql.run('CHECKPOINT');
        await sql.run('DROP TABLE front');
        await sql.run('CHECKPOINT');
        return rowState(sql);
      });
    } finally {
      await closeProjectFile(project);
    }
  }

  it('keeps every message at its rowid when none was removed, and the fingerprint with them', async () => {
    const file = path.join(tmp.dir, 'whole.qunxi');
    const before = await messagesPastFreeBlocks(file, null);
    expect(before.rows).toBe(300_000);
    const after = await readOpened(file, rowState);
    // The case is the one it says: the messages were rewritten into the freed blocks, the file given back.
    expect(after.lastBlock).toBeLessThan(before.lastBlock);
    expect(after.blocks.total).toBeLessThan(before.blocks.total);
    expect(after.rowsHash).toBe(before.rowsHash);
    expect(after.fingerprint).toBe(before.fingerprint);
  }, 120_000);

  it('moves the fingerprint when it renumbers messages after gaps', async () => {
    const file = path.join(tmp.dir, 'gaps.qunxi');
    const before = await messagesPastFreeBlocks(file, 5);
    // Gaps: fewer messages than their highest rowid says.
    expect(before.top).toBeGreaterThan(before.rows - 1);
    const after = await readOpened(file, rowState);
    expect(after.lastBlock).toBeLessThan(before.lastBlock);
    expect(after.rows).toBe(before.rows);
    // Renumbered: the messages now sit at rowids 0 to n − 1, and the fingerprint says so.
    expect(after.rowsHash).not.toBe(before.rowsHash);
    expect(after.top).toBe(after.rows - 1);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  }, 120_000);
});
