import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { ImportBatchJob } from '../../src-main/contract';
import { tempDir, tempPaths } from '../support/tempDirs';
import { writeLargeXlsx, writeXlsx } from '../import/helpers';

// 导入全部 and the command line's several files (issue 16 item 3): one batch job, each file its own
// all-or-nothing import, one progress over all files, cancel.

const HEADER = ['发送人ID', '发送时间', '消息内容'];
/** The two tests that write and import 70,000 and 120,000 rows: ~20 s each on a quiet machine, several times that on the shared one. */
const LONG_TEST_MS = 300_000;

// The API as the UI calls it, over a context whose project the tests can also read directly.
let tmp: ReturnType<typeof tempDir>;
let ctx: AppContext;
let api: { dir: string; call: ReturnType<typeof inProcessClient> };
beforeEach(async () => {
  tmp = tempDir('qunxi-import-batch-');
  ctx = createContext('test', tempPaths(tmp.dir));
  api = { dir: tmp.dir, call: inProcessClient(createHandlers(ctx)) };
  await must(api.call('project:new', { path: path.join(tmp.dir, 'p.qunxi') }));
});
afterEach(async () => {
  await api.call('project:close', {});
  tmp.cleanup();
});

/** A message export of `rows` distinct messages of sender `who`, written by exceljs. */
async function messageFile(name: string, who: string, rows: number): Promise<string> {
  const data = Array.from({ length: rows }, (_, i) => [who, `2026-09-01 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, `${who}-${i}`]);
  return writeXlsx(path.join(api.dir, name), { Sheet1: [HEADER, ...data] });
}

/**
 * A long message export split over two sheets (聊天记录0, 聊天记录1) by exceljs's streaming writer,
 * whose second sheet is then damaged in the zip (its deflated data made an invalid block): the
 * import reads and writes the first sheet's 70,000 rows (more than one hand-over chunk of 65,536)
 * before it fails, so its failure has rows of its own to roll back.
 */
async function brokenFile(name: string): Promise<string> {
  const file = path.join(api.dir, name);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  for (const [sheet, rows] of [['聊天记录0', 70_000], ['聊天记录1', 10]] as const) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(HEADER).commit();
    for (let i = 0; i < rows; i++) ws.addRow([`broken${i % 50}`, '2026-09-02 10:00:00', `${sheet}-${i}`]).commit();
    ws.commit();
  }
  await wb.commit();
  const bytes = readFileSync(file);
  // The second sheet's entry, by the zip's central directory.
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < bytes.readUInt16LE(eocd + 10); i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === 'xl/worksheets/sheet2.xml') {
      const local = bytes.readUInt32LE(at + 42);
      const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      bytes[dataAt] = 0xff; // a final block of the reserved type 11: inflating it fails
      writeFileSync(file, bytes);
      return file;
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  throw new Error('no second sheet in the written workbook');
}

async function must<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const x = await r;
  if (!x.ok) throw new Error(`${x.error.code}: ${x.error.message}`);
  return x.value;
}

/** Polls a batch to its end, calling `onStatus` with every answer (the start's included). */
async function follow(started: ImportBatchJob, onStatus: (job: ImportBatchJob) => Promise<void> | void = () => undefined): Promise<ImportBatchJob> {
  let job = started;
  for (;;) {
    await onStatus(job);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
    job = await must(api.call('import:batchStatus', { jobId: job.jobId }));
  }
}

/** Messages in the project, all of them or those whose sender starts with `prefix`. */
async function messageCount(prefix = ''): Promise<number> {
  const [row] = await ctx.project!.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM messages WHERE starts_with(sender_id, $p)`, { p: prefix });
  return row!.n;
}

/** A message export of `rows` messages of 50 senders `big0`…, by exceljs's streaming writer. */
function bigFile(name: string, rows: number): Promise<string> {
  return writeLargeXlsx(path.join(api.dir, name), HEADER, rows, (i) => [`big${i % 50}`, '2026-09-03 10:00:00', `m${i}`]);
}

describe('import:startBatch', () => {
  it('imports every file, one import each, with one progress that rises to 1 through the files in order', async () => {
    const files = await Promise.all([1, 2, 3, 4, 5].map((n) => messageFile(`messages-${n}.xlsx`, `wm${n}`, 200 * n)));
    const seen: ImportBatchJob[] = [];
    const started = await must(api.call('import:startBatch', { files: files.map((f) => ({ source: { path: f } })) }));
    const job = await follow(started, (j) => void seen.push(j));

    expect(job.state).toBe('done');
    expect(job.files.map((f) => [f.fileName, f.state, f.result?.rowsAdded])).toEqual([1, 2, 3, 4, 5].map((n) => [`messages-${n}.xlsx`, 'done', 200 * n]));
    const history = await must(api.call('import:history', {}));
    expect(history.map((r) => r.fileName)).toEqual(files.map((f) => path.basename(f)));
    expect(job.fraction).toBe(1);
    expect(job.rowsRead).toBe(3000);
    const fractions = seen.map((j) => j.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const currents = seen.map((j) => j.current);
    expect(currents).toEqual([...currents].sort((a, b) => a - b));
  });

  // Design: a failed file is rolled back alone and the batch goes on with the next (see
  // src-main/import/importBatch.ts: separate exports, one broken file should not cost the others).
  it('a broken third file of five is rolled back alone; the files before and after it are imported', async () => {
    const files = [
      await messageFile('messages-1.xlsx', 'wm1', 100),
      await messageFile('messages-2.xlsx', 'wm2', 200),
      await brokenFile('messages-3.xlsx'),
      await messageFile('messages-4.xlsx', 'wm4', 400),
      await messageFile('messages-5.xlsx', 'wm5', 500),
    ];
    const started = await must(api.call('import:startBatch', { files: files.map((f) => ({ source: { path: f } })) }));
    const job = await follow(started);

    expect(job.state).toBe('failed');
    expect(job.files.map((f) => f.state)).toEqual(['done', 'done', 'failed', 'done', 'done']);
    const broken = job.files[2]!;
    expect(broken.rowsRead).toBeGreaterThan(65_536);
    expect(broken.error?.code).toMatch(/^IMPORT_/);
    expect(broken.error?.message).toContain('messages-3.xlsx');
    const history = await must(api.call('import:history', {}));
    expect(history.map((r) => r.fileName)).toEqual(['messages-1.xlsx', 'messages-2.xlsx', 'messages-4.xlsx', 'messages-5.xlsx']);
    // Nothing of the third file's 70,000 read rows is left: the project holds the other four files' rows alone.
    expect(await messageCount('broken')).toBe(0);
    expect(await messageCount()).toBe(100 + 200 + 400 + 500);
  }, LONG_TEST_MS);

  it('a cancel during the second file keeps the first, rolls the second back and starts none after', async () => {
    const first = await messageFile('messages-1.xlsx', 'wm1', 100);
    const second = await bigFile('messages-2.xlsx', 120_000);
    const third = await messageFile('messages-3.xlsx', 'wm3', 300);
    const started = await must(api.call('import:startBatch', { files: [first, second, third].map((f) => ({ source: { path: f } })) }));
    let isCancelSent = false;
    const job = await follow(started, async (j) => {
      // Once the second file has read past its first hand-over chunk (rows of it are in the project's transaction).
      if (!isCancelSent && j.current === 1 && j.files[1]!.rowsRead > 66_000) {
        isCancelSent = true;
        await must(api.call('import:batchCancel', { jobId: j.jobId }));
      }
    });

    expect(isCancelSent).toBe(true);
    expect(job.state).toBe('cancelled');
    expect(job.files.map((f) => f.state)).toEqual(['done', 'cancelled', 'notStarted']);
    expect(job.files[1]!.error?.code).toBe('IMPORT_CANCELLED');
    const history = await must(api.call('import:history', {}));
    expect(history.map((r) => r.fileName)).toEqual(['messages-1.xlsx']);
    expect(await messageCount('big')).toBe(0);
    expect(await messageCount()).toBe(100);
  }, LONG_TEST_MS);
});
