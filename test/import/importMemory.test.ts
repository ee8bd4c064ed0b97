/**
 * The import's DuckDB settings (importWrite.ts): one thread and a memory limit while it writes.
 * An import that runs out of the limit must roll back as if it never ran, the database's own
 * settings must come back exactly (DuckDB 1.5's RESET leaves the buffer pool at the import's
 * limit, and its shown value is rounded), and the import must then succeed without the limit.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile';
import { duckdbBytesText, isOutOfMemory, writeImport, type WriteJob } from '../../src-main/import/importWrite';
import { counts, tempProject } from './helpers';

let env: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  env = await tempProject();
});
afterEach(async () => env.cleanup());

/** A message export as CSV, big enough that DuckDB cannot write it within 8 MB. */
async function messagesCsv(rows: number): Promise<string> {
  const lines = ['发送人,发送人ID,群名称,发送时间,消息类型,消息内容'];
  for (let i = 0; i < rows; i++) {
    lines.push(`用户${i % 500},wm${i % 500},群${i % 7},2026-09-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,text,消息${i}`);
  }
  const file = path.join(env.dir, '聊天记录.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function settings() {
  const [row] = await env.project.db.all<{ memory_limit: string; threads: string }>(
    `SELECT current_setting('memory_limit')::VARCHAR AS memory_limit, current_setting('threads')::VARCHAR AS threads`,
  );
  return row;
}

/** A query that needs far more than 8 MB: it fails while DuckDB's buffer pool is still held to an import's limit. */
const bigGrouping = `SELECT count(*)::INTEGER AS n FROM (SELECT md5(i::VARCHAR) AS k FROM range(2000000) r(i) GROUP BY k)`;

function job(file: string, signal = new AbortController().signal): WriteJob {
  return {
    filePath: file,
    fileName: path.basename(file),
    jobDir: path.join(env.tempDir, 'job'),
    signal,
    hashed: Promise.resolve({ fileHash: 'x'.repeat(64), earlier: undefined }),
    throwIfCancelled: () => undefined,
    onReading: () => undefined,
    onWriting: () => undefined,
  };
}

describe("an import's DuckDB memory limit", () => {
  it('an import that runs out of it rolls back and leaves the settings exactly as they were', async () => {
    const file = await messagesCsv(40_000);
    const before = await settings();
    const e = await writeImport(env.project, job(file), 8).catch((x: unknown) => x);
    expect(isOutOfMemory(e)).toBe(true);
    expect(await counts(env.project)).toEqual({ memberships: 0, messages: 0, imports: 0 });
    expect(await settings()).toEqual(before);
    expect((await env.project.db.all<{ n: number }>(bigGrouping))[0]!.n).toBe(2_000_000);
    // The database takes the same import afterwards.
    const rec = await writeImport(env.project, job(file), null);
    expect(rec).toMatchObject({ rowsRead: 40_000, rowsAdded: 40_000 });
  });

  it('an import that does not manage within the limit is run again without one, and lands whole', async () => {
    const file = await messagesCsv(40_000);
    const before = await settings();
    const phases: string[] = [];
    const rec = await importFile(
      env.project,
      { path: file, fileName: path.basename(file) },
      { tempDir: env.tempDir, limits: { dbMemoryMb: 8 }, onProgress: (p) => phases.push(`${p.phase}:${p.rowsRead > 0 ? 'rows' : 0}`) },
    );
    expect(rec).toMatchObject({ rowsRead: 40_000, rowsAdded: 40_000 });
    expect(await counts(env.project)).toEqual({ memberships: 0, messages: 40_000, imports: 1 });
    // Read twice: rows were read, then reading started over.
    expect(phases.join(' ')).toMatch(/reading:rows.*reading:0.*reading:rows.*writing/);
    expect(await settings()).toEqual(before);
  });

  it('imports leave the limit and the threads as they were, to the byte, however many run', async () => {
    const file = await messagesCsv(2_000);
    const before = await settings();
    for (let i = 0; i < 3; i++) {
      await writeFile(file, `\n`, { flag: 'a' }); // new bytes each time, so each is a new import
      await importFile(env.project, { path: file, fileName: path.basename(file) }, { tempDir: env.tempDir });
    }
    expect(await settings()).toEqual(before);
    expect((await env.project.db.all<{ n: number }>(bigGrouping))[0]!.n).toBe(2_000_000);
  });

  it('shows byte counts as DuckDB shows its memory setting', async () => {
    // The project is this test's own, so its limit need not be put back.
    for (const bytes of [20_221_211_443, 5 * 1024 ** 3 + 123, 128_000_000, 96 * 1024 * 1024]) {
      const shown = await env.project.db.use(async (sql) => {
        await sql.run(`SET memory_limit = '${bytes}B'`);
        return (await sql.one<{ m: string }>(`SELECT current_setting('memory_limit')::VARCHAR AS m`))!.m;
      });
      expect(duckdbBytesText(bytes), String(bytes)).toBe(shown);
    }
  });
});
