/**
 * The hand-over from the parsing worker to the store: records encoded by StagingCsvWriter and
 * read back by DuckDB exactly as importLoad.ts reads them, whatever text they hold.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../src-main/import/parseExport';
import { StagingCsvWriter, type StagingChunk } from '../../src-main/import/stagingCsv';
import { beginLoad, loadFile, type LoadPlan } from '../../src-main/import/importLoad';
import { tempProject } from './helpers';

let env: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  env = await tempProject();
  await mkdir(env.tempDir, { recursive: true });
});
afterEach(async () => env.cleanup());

const plan: LoadPlan = {
  mode: 'staged',
  columns: [
    { id: 'seq', type: 'bigint' },
    { id: 'source_row', type: 'integer' },
    { id: 'name', type: 'text' },
    { id: 'amount', type: 'number' },
    { id: 'is_phone_masked', type: 'boolean' },
  ],
  targets: [],
};

/** Writes records through the writer and loads every chunk as the import does; returns the rows read back in order. */
async function roundTrip(records: ParsedRecord[], size = { rows: 3, bytes: 1024 * 1024 }): Promise<{ rows: Record<string, unknown>[]; chunks: StagingChunk[] }> {
  const chunks: StagingChunk[] = [];
  const writer = new StagingCsvWriter(env.tempDir, ['seq', 'source_row', 'name', 'amount', 'is_phone_masked'], (c) => void chunks.push(c), size);
  const keys = ['seq', 'sheet', 'source_row', 'name', 'amount', 'is_phone_masked'];
  for (const r of records) await writer.add(keys.map((k) => r[k] ?? null), keys);
  await writer.flush();
  const rows = await env.project.db.use(async (sql) => {
    const load = await beginLoad(sql, plan, 1);
    for (const c of chunks) await loadFile(sql, load, c, 'Asia/Shanghai');
    return sql.all(`SELECT seq::INTEGER AS seq, source_row, name, amount, is_phone_masked FROM stage_raw ORDER BY seq`);
  });
  return { rows, chunks };
}

const record = (seq: number, name: string | null, amount: number | null = null, masked: boolean | null = null): ParsedRecord => ({
  seq,
  sheet: 's',
  source_row: seq + 1,
  name,
  amount,
  is_phone_masked: masked,
});

describe('the CSV hand-over', () => {
  it('keeps every text as it was: quotes, separators, line breaks, empty text apart from none, emoji and rare characters', async () => {
    const texts = ['plain', 'a "quoted" word', '"', '""', 'x\u001fy', 'line\nbreak', 'cr\rhere', 'crlf\r\n', '', ' ', 'trailing "', '小美🌸𠮷', '\u001f', 'a,b;c\td', '\\N', 'NULL', '-0'];
    const { rows } = await roundTrip(texts.map((t, i) => record(i + 1, t)));
    expect(rows.map((r) => r.name)).toEqual(texts);
    const none = await roundTrip([record(1, null), record(2, '')]);
    expect(none.rows.map((r) => r.name)).toEqual([null, '']);
  });

  it('writes a lone surrogate as U+FFFD, as Buffer.from would', async () => {
    const { rows } = await roundTrip([record(1, 'a\ud800b'), record(2, 'c\udc00'), record(3, '\ud83d')]);
    expect(rows.map((r) => r.name)).toEqual([Buffer.from('a\ud800b').toString(), Buffer.from('c\udc00').toString(), Buffer.from('\ud83d').toString()]);
  });

  it('keeps numbers and flags, the large, the negative and the fractional', async () => {
    const amounts = [0, -0, 1, -17.5, 3.14159, 1e-7, 123456789012345, 2 ** 31, 2 ** 31 - 1, 9007199254740991, 1e21];
    const { rows } = await roundTrip(amounts.map((a, i) => record(i + 1, 'x', a, i % 3 === 0 ? true : i % 3 === 1 ? false : null)));
    expect(rows.map((r) => r.amount)).toEqual(amounts.map((a) => (Object.is(a, -0) ? 0 : a)));
    expect(rows.map((r) => r.is_phone_masked)).toEqual(amounts.map((_, i) => (i % 3 === 0 ? true : i % 3 === 1 ? false : null)));
    expect(rows.map((r) => r.source_row)).toEqual(amounts.map((_, i) => i + 2));
  });

  it('cuts chunks by rows or by bytes, whichever comes first, and states each one’s longest line', async () => {
    const long = '长'.repeat(2000);
    const records = [record(1, 'a'), record(2, long), record(3, 'b'), record(4, 'c'), record(5, long)];
    const { rows, chunks } = await roundTrip(records, { rows: 2, bytes: 4000 });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chunks.map((c) => c.rows)).toEqual([2, 2, 1]);
    for (const c of chunks) {
      const lines = (await readFile(c.path)).toString('utf8').split('\n').slice(0, -1);
      expect(c.maxLineBytes).toBe(Math.max(...lines.map((l) => Buffer.byteLength(l) + 1)));
    }
    // A line longer than DuckDB's default limit of 2 MB still loads.
    const huge = 'x'.repeat(3 * 1024 * 1024);
    expect((await roundTrip([record(1, huge)])).rows[0]!.name).toBe(huge);
  });
});
