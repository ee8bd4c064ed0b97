/**
 * Parses one export file into an NDJSON file of normalised records (one JSON object a line),
 * the hand-over format between the parsing worker and the store. Runs inside the worker.
 */
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ImportKind } from '../../api/contract';
import { AppError, isAppError } from '../appError';
import { parseExport, type ParseSummary } from './parseExport';
import { byteCounter, csvRows, xlsxRows, type RowSource } from './rowSource';

/** Progress of a parse. */
export interface ParseProgress {
  /** Data rows read so far. */
  rowsRead: number;
  /** Share of the file's bytes read, 0–1. */
  fraction: number | null;
  /** Kind, once detected. */
  kind: ImportKind | null;
}

/** Records buffered before one write to the NDJSON file. */
const WRITE_BATCH = 2000;

type Format = 'xlsx' | 'csv' | 'xls';

async function sniff(filePath: string, fileName: string): Promise<Format> {
  const fh = await fs.open(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'xls';
    if (/\.xlsx?$|\.xlsm$/i.test(fileName)) return 'xlsx';
    return 'csv';
  } finally {
    await fh.close();
  }
}

/** Parses `filePath` into NDJSON at `outPath`; throws AppError on any failure the user can act on. */
export async function parseFileToNdjson(
  filePath: string,
  fileName: string,
  outPath: string,
  opts: { kind?: ImportKind; onProgress?: (p: ParseProgress) => void } = {},
): Promise<ParseSummary> {
  let size: number;
  try {
    size = (await fs.stat(filePath)).size;
  } catch {
    throw new AppError('IMPORT_FILE_NOT_FOUND', `找不到文件“${fileName}”`, { file: fileName });
  }
  const format = await sniff(filePath, fileName).catch(() => {
    throw new AppError('IMPORT_FILE_UNREADABLE', `无法读取文件“${fileName}”`, { file: fileName });
  });
  if (format === 'xls') {
    throw new AppError('IMPORT_FILE_UNREADABLE', `“${fileName}”是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入`, { file: fileName });
  }
  let bytes = 0;
  let kind: ImportKind | null = null;
  let input: Readable | null = null;
  let source: RowSource;
  if (format === 'xlsx') {
    source = xlsxRows(filePath);
  } else {
    input = createReadStream(filePath, { highWaterMark: 256 * 1024 });
    source = csvRows(input.pipe(byteCounter((n) => (bytes += n))), path.basename(fileName), () => (size > 0 ? Math.min(1, bytes / size) : null));
  }
  const progress = (rowsRead: number) => opts.onProgress?.({ rowsRead, fraction: source.fraction(), kind });

  const out = createWriteStream(outPath, { encoding: 'utf8' });
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const text = batch.join('\n') + '\n';
    batch = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    const summary = await parseExport(source, {
      fileName,
      isCsv: format === 'csv',
      kind: opts.kind,
      emit: (record) => {
        batch.push(JSON.stringify(record));
        return batch.length >= WRITE_BATCH ? flush() : undefined;
      },
      onKind: (k) => {
        kind = k;
        progress(0);
      },
      onRows: progress,
    });
    await flush();
    out.end();
    await once(out, 'finish');
    opts.onProgress?.({ rowsRead: summary.rowsRead, fraction: 1, kind });
    return summary;
  } catch (e) {
    out.destroy();
    input?.destroy();
    if (isAppError(e)) throw e;
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new AppError('IMPORT_FILE_UNREADABLE', `无法读取“${fileName}”：文件已损坏或不是 Excel/CSV 文件（${reason}）`, { file: fileName });
  }
}
