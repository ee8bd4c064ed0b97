/**
 * Parses one export file into an NDJSON file of normalised records (one JSON object a line),
 * the hand-over format between the parsing worker and the store. Runs inside the worker.
 */
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { ImportKind, TableMapping } from '../../api/contract';
import { AppError, isAppError } from '../appError';
import { parseExport, type ParseSummary } from './parseExport';
import { resolveLimits, type ImportLimits } from './reader/limits';
import { byteCounter, csvRows, xlsxRows, type RowSource } from './rowSource';
import { sniffFile } from './sniff';

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

/** Parses `filePath` into NDJSON at `outPath`; throws AppError on any failure the user can act on. */
export async function parseFileToNdjson(
  filePath: string,
  fileName: string,
  outPath: string,
  opts: { kind?: ImportKind; mapping?: TableMapping; timeZone?: string; onProgress?: (p: ParseProgress) => void; limits?: Partial<ImportLimits> } = {},
): Promise<ParseSummary> {
  const ctx = { fileName, limits: resolveLimits(opts.limits) };
  const sniffed = await sniffFile(filePath, fileName, ctx.limits);
  let bytes = 0;
  let kind: ImportKind | null = null;
  let input: Readable | null = null;
  let source: RowSource;
  if (sniffed.format === 'xlsx') {
    source = xlsxRows(filePath, sniffed.entries, ctx);
  } else {
    const size = (await fs.stat(filePath)).size;
    input = createReadStream(filePath, { highWaterMark: 256 * 1024 });
    // pipeline, not pipe: a read error must reach the row loop instead of being dropped.
    const counted = byteCounter((n) => (bytes += n));
    pipeline(input, counted, () => undefined);
    source = csvRows(counted, path.basename(fileName), sniffed, ctx, () => Math.min(1, bytes / size));
  }
  const progress = (rowsRead: number) => opts.onProgress?.({ rowsRead, fraction: source.fraction(), kind });

  const out = createWriteStream(outPath, { encoding: 'utf8' });
  // A write error (disk full) surfaces at the next flush rather than as an unhandled event.
  let writeError: Error | null = null;
  out.on('error', (e) => (writeError ??= e));
  let batch: string[] = [];
  const flush = async () => {
    if (writeError) throw writeError;
    if (batch.length === 0) return;
    const text = batch.join('\n') + '\n';
    batch = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    const summary = await parseExport(source, {
      fileName,
      isCsv: sniffed.format === 'csv',
      kind: opts.kind,
      mapping: opts.mapping,
      timeZone: opts.timeZone,
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
