import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/appError';
import { importBatch, type BatchItem, type BatchState } from '../../src-main/import/importBatch';
import { importFile } from '../../src-main/import/importFile';
import { counts, tempProject, writeLargeXlsx } from './helpers';

let t: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  t = await tempProject();
});
afterEach(() => t.cleanup());

/** A message export of `rows` messages of sender `who`. */
function messages(name: string, who: string, rows: number): Promise<string> {
  return writeLargeXlsx(path.join(t.dir, name), ['发送人ID', '发送时间', '消息内容'], rows, (i) => [who, '2026-09-01 10:00:00', `${who}-${i}`]);
}

/** The file as a batch item imported by the real importer. */
function item(file: string): BatchItem {
  const fileName = path.basename(file);
  return { fileName, path: file, run: (signal, onProgress) => importFile(t.project, { path: file, fileName }, { tempDir: t.tempDir, signal, onProgress }) };
}

describe('importBatch', () => {
  it('reports every change with one share over all files that only rises, reaching 1 with the last', async () => {
    // Sizes far apart, so a share weighed by bytes and one weighed by files would differ.
    const files = [await messages('a.xlsx', 'a', 20_000), await messages('b.xlsx', 'b', 200), await messages('c.xlsx', 'c', 5_000)];
    const events: BatchState[] = [];
    const final = await importBatch(files.map(item), { onChange: (s) => events.push(s) });

    expect(final.state).toBe('done');
    expect(final.files.map((f) => [f.state, f.result?.rowsAdded])).toEqual([['done', 20_000], ['done', 200], ['done', 5_000]]);
    expect((await counts(t.project)).messages).toBe(25_200);
    expect(events.length).toBeGreaterThan(files.length * 2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.fraction).toBeGreaterThanOrEqual(events[i - 1]!.fraction);
    expect(events.at(-1)!.fraction).toBe(1);
    expect(events[0]!.fraction).toBe(0);
    // The first file is most of the bytes: once it is in, most of the bar is full.
    const secondStarts = events.find((e) => e.current === 1)!;
    expect(secondStarts.fraction).toBeGreaterThan(0.6);
    expect(events.map((e) => e.current)).toEqual([...events.map((e) => e.current)].sort((a, b) => a - b));
  });

  it('stops at an error every later file would meet too (a full disk): the rest are not started', async () => {
    const [a, c] = [await messages('a.xlsx', 'a', 10), await messages('c.xlsx', 'c', 10)];
    const full: BatchItem = {
      fileName: 'b.xlsx',
      path: null,
      run: () => Promise.reject(new AppError('DISK_FULL', 'disk full')),
    };
    const final = await importBatch([item(a), full, item(c)]);
    expect(final.state).toBe('failed');
    expect(final.files.map((f) => f.state)).toEqual(['done', 'failed', 'notStarted']);
    expect(final.files[1]!.error?.code).toBe('DISK_FULL');
    expect((await counts(t.project)).imports).toBe(1);
  });

  it('an abort before the batch starts imports nothing and lists every file as not started', async () => {
    const a = await messages('a.xlsx', 'a', 10);
    const aborted = new AbortController();
    aborted.abort();
    const final = await importBatch([item(a)], { signal: aborted.signal });
    expect(final.state).toBe('cancelled');
    expect(final.files.map((f) => f.state)).toEqual(['notStarted']);
    expect((await counts(t.project)).imports).toBe(0);
  });
});
