/**
 * Spreadsheets the app writes for the user (people lists, the customer-360 table). Serialising
 * 100,000 rows takes exceljs seconds of CPU, which on the main process would stall every other
 * call (and, in the app, the window): so the writer (xlsxWriter.ts) runs in a worker thread, fed
 * the sheets as plain data in batches, and hands back the bytes.
 */
import type { Worker } from 'node:worker_threads';
import type { ExportFile, ExportFileFormat } from '../contract';
import { AppError } from '../contract/appError';
import { safeFileName } from '../contract/fileName';
import { boundaryMessages } from '../locale/errors';
import type { ExportSheet, SheetExport } from '../analysis/base/exportSheet';
import { cancelledError } from '../db/cancellation';
import { findWorkerScript, startModuleWorker } from '../import/moduleWorker';
import type { XlsxMainMessage, XlsxRow, XlsxWorkerMessage } from './xlsxWorkerProtocol';
import { workerResult } from './workerResult';
import { sheetCsv } from './sheetCsv';

/** Rows per message to the worker: each copy holds the main thread a few milliseconds at most. */
const ROWS_PER_MESSAGE = 2_000;

/** Options of {@link writeXlsxInWorker}. */
export interface XlsxWriteOptions {
  /** Aborting it stops the worker; the write fails with CANCELLED. */
  signal?: AbortSignal;
  /** The worker script (tests); by default the one next to this module. */
  workerFile?: string;
}

/** The xlsx worker script: the TypeScript source under tsx / vitest, or the app build's `xlsxWorker.js`. */
export function resolveXlsxWorkerFile(from: string = import.meta.url): string {
  const found = findWorkerScript(from, 'xlsxWorker.ts', 'xlsxWorker.js');
  if (!found) throw new AppError('INTERNAL', boundaryMessages.workerMissing.xlsx(from));
  return found;
}

/** Lets the event loop run other work between two batches. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The rows of an iterable in batches of {@link ROWS_PER_MESSAGE}. */
function* batches(rows: Iterable<XlsxRow>): Generator<XlsxRow[]> {
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) yield rows.slice(i, i + ROWS_PER_MESSAGE) as XlsxRow[];
    return;
  }
  let batch: XlsxRow[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_MESSAGE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Posts the sheets to the worker, one batch per turn of the event loop; stops once `isStopped()`. */
async function postSheets(worker: Worker, sheets: ExportSheet<XlsxRow>[], isStopped: () => boolean): Promise<void> {
  const post = (m: XlsxMainMessage) => worker.postMessage(m);
  for (const sheet of sheets) {
    post({ type: 'sheet', name: sheet.name, columns: sheet.columns });
    for (const rows of batches(sheet.rows)) {
      if (isStopped()) return;
      post({ type: 'rows', rows });
      await yieldToLoop();
    }
  }
  if (!isStopped()) post({ type: 'end' });
}

/** Writes the sheets to xlsx bytes in a worker thread; rejects with CANCELLED when `signal` aborts. */
export function writeXlsxInWorker(sheets: ExportSheet<XlsxRow>[], options: XlsxWriteOptions = {}): Promise<Buffer> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());
  let worker: Worker;
  try {
    worker = startModuleWorker(options.workerFile ?? resolveXlsxWorkerFile());
  } catch (e) {
    return Promise.reject(e instanceof AppError ? e : new AppError('INTERNAL', boundaryMessages.xlsxWorkerStart(e instanceof Error ? e.message : String(e))));
  }
  const { promise, isSettled, fail } = workerResult<XlsxWorkerMessage, Buffer>(
    worker,
    {
      onMessage: (m) => (m.type === 'done' ? { ok: true, value: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) } : { ok: false, message: m.message }),
      failed: boundaryMessages.xlsxWriteFailed,
      threadError: boundaryMessages.xlsxWorkerError,
      exited: boundaryMessages.xlsxWorkerExit,
    },
    signal,
  );
  postSheets(worker, sheets, isSettled).catch((e: unknown) => fail(new AppError('INTERNAL', boundaryMessages.xlsxPostFailed(e instanceof Error ? e.message : String(e)))));
  return promise;
}

/**
 * An analysis's export as an {@link ExportFile} for the renderer to save: xlsx written off the main
 * thread, or the same rows and headers as CSV (a list's export has one sheet; CSV has room for one).
 * Its suggested name is one every platform accepts (a stage or type label may hold `/` or `:`).
 */
export async function exportFile({ fileName, sheets }: SheetExport, options: XlsxWriteOptions = {}, format: ExportFileFormat = 'xlsx'): Promise<ExportFile> {
  if (format === 'csv') {
    const [sheet] = sheets;
    if (!sheet || sheets.length > 1) throw new AppError('INTERNAL', boundaryMessages.csvOneSheet(sheets.length));
    if (options.signal?.aborted) throw cancelledError();
    const csvName = `${fileName.replace(/\.xlsx$/i, '')}.csv`;
    return { fileName: safeFileName(csvName, 'Qunxi.csv'), base64: Buffer.from(sheetCsv(sheet), 'utf8').toString('base64') };
  }
  const bytes = await writeXlsxInWorker(sheets, options);
  return { fileName: safeFileName(fileName, 'Qunxi.xlsx'), base64: bytes.toString('base64') };
}
