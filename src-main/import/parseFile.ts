/**
 * Parses one export file into CSV chunk files of normalised records (stagingCsv.ts), the
 * hand-over between the parsing worker and the store: each finished chunk is announced at
 * once, so the store loads it while the next one is parsed. Runs inside the worker.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { ImportKind, TableMapping } from '../contract';
import { AppError, firstLine, isAppError } from '../contract/appError';
import { diskFullError, isDiskFull } from './diskFull';
import { kindSpecs } from './kinds';
import { loadPlan } from './kinds/targets';
import { parseExport, type ParseSummary } from './parseExport';
import { resolveLimits, type ImportLimits } from './reader/limits';
import { byteCounter, csvRows, xlsxRows, type RowSource } from './rowSource';
import { sniffFile } from './sniff';
import { StagingCsvWriter, type ChunkSize, type StagingChunk } from './stagingCsv';
import { importMessages as text } from '../locale/import';

/** Progress of a parse. */
export interface ParseProgress {
  /** Data rows read so far. */
  rowsRead: number;
  /** Share of the file's bytes read, 0–1. */
  fraction: number | null;
  /** Kind, once detected. */
  kind: ImportKind | null;
}

/** Rows kept with a masked phone number (which never matches anyone): how many, and the first few. */
export interface MaskedPhones {
  count: number;
  /** The first rows, in file order: sheet (null for CSV), row number and the phone as stored. */
  first: { sheet: string | null; row: number; phone: string }[];
}

/** What a parse found, with the problems of the rows it kept. */
export interface ParseResult extends ParseSummary {
  maskedPhones: MaskedPhones;
}

/** Masked phones listed by name in an import's problems. */
const MASKED_LISTED = 5;

/** A chunk file of one kind's records, ready to load. */
export interface ParsedChunk extends StagingChunk {
  kind: ImportKind;
}

/** Options of {@link parseFileToChunks}. */
export interface ParseFileOptions {
  kind?: ImportKind;
  mapping?: TableMapping;
  timeZone?: string;
  limits?: Partial<ImportLimits>;
  onProgress?: (p: ParseProgress) => void;
  /** Receives each chunk file once written; a returned promise is awaited before parsing on. */
  onChunk: (chunk: ParsedChunk) => void | Promise<void>;
  /** Chunk size other than the default (tests use small ones). */
  chunkSize?: ChunkSize;
}

/** Parses `filePath` into CSV chunk files in `outDir`; throws AppError on any failure the user can act on. */
export async function parseFileToChunks(filePath: string, fileName: string, outDir: string, opts: ParseFileOptions): Promise<ParseResult> {
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
    // 64 KiB reads, as for xlsx parts (reader/zip.ts): larger buffers pile up until a full GC.
    input = createReadStream(filePath, { highWaterMark: 64 * 1024 });
    // pipeline, not pipe: a read error must reach the row loop instead of being dropped.
    const counted = byteCounter((n) => (bytes += n));
    pipeline(input, counted, () => undefined);
    source = csvRows(counted, path.basename(fileName), sniffed, ctx, () => Math.min(1, bytes / size));
  }
  const progress = (rowsRead: number) => opts.onProgress?.({ rowsRead, fraction: source.fraction(), kind });

  let writer: StagingCsvWriter | null = null;
  let phoneField: string | null = null;
  const maskedPhones: MaskedPhones = { count: 0, first: [] };
  /** Places of is_phone_masked, the phone, the sheet and the row in the values of the last keys seen. */
  let at = { keys: null as readonly string[] | null, mask: -1, phone: -1, sheet: -1, row: -1 };
  try {
    const summary = await parseExport(source, {
      fileName,
      isCsv: sniffed.format === 'csv',
      kind: opts.kind,
      mapping: opts.mapping,
      timeZone: opts.timeZone,
      emitValues: (values, keys) => {
        if (keys !== at.keys) at = { keys, mask: keys.indexOf('is_phone_masked'), phone: phoneField ? keys.indexOf(phoneField) : -1, sheet: keys.indexOf('sheet'), row: keys.indexOf('source_row') };
        if (at.mask >= 0 && values[at.mask] === true && maskedPhones.count++ < MASKED_LISTED) {
          maskedPhones.first.push({ sheet: values[at.sheet] as string | null, row: values[at.row] as number, phone: String(values[at.phone]) });
        }
        return writer!.add(values, keys);
      },
      onKind: (k) => {
        kind = k;
        const found = k;
        phoneField = kindSpecs[k].fields.find((x) => x.type === 'phone')?.id ?? null;
        const fields = loadPlan(k).columns.map((c) => c.id);
        writer = new StagingCsvWriter(outDir, fields, (chunk) => opts.onChunk({ ...chunk, kind: found }), opts.chunkSize);
        progress(0);
      },
      onRows: progress,
    });
    await (writer as StagingCsvWriter | null)?.flush();
    opts.onProgress?.({ rowsRead: summary.rowsRead, fraction: 1, kind });
    return { ...summary, maskedPhones };
  } catch (e) {
    input?.destroy();
    if (isAppError(e)) throw e;
    // The chunk files could not be written: the temp folder's disk is full, not the input damaged.
    if (isDiskFull(e)) throw diskFullError(e, fileName, path.dirname(outDir));
    const reason = firstLine(e);
    throw new AppError('IMPORT_FILE_UNREADABLE', text.corrupt(fileName, reason), { file: fileName });
  }
}
