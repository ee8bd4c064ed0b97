/**
 * The report workbook off the main thread: the document (built from API answers on the main side)
 * goes to a worker that draws the charts and writes the xlsx (reportWorker.ts), reporting how far it
 * is; aborting the signal ends the worker at once.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../contract/appError';
import { cancelledError } from '../db/cancellation';
import { findWorkerScript, startModuleWorker } from '../import/moduleWorker';
import { reportText } from '../locale/report';
import type { ReportDocument } from './reportDocument';
import type { ReportMainMessage, ReportWorkerMessage } from './reportWorkerProtocol';
import { workerResult } from './workerResult';

/** How far the worker is: drawing chart `done` of `total`, or writing the workbook. */
export type ReportWorkerProgress = { stage: 'charts' | 'writing'; done: number; total: number };

/** Options of {@link writeReportInWorker}. */
export interface ReportWriteOptions {
  /** Aborting it stops the worker; the write fails with CANCELLED. */
  signal?: AbortSignal;
  /** Called as the charts are drawn and the workbook written. */
  onProgress?: (p: ReportWorkerProgress) => void;
  /** The worker script (tests); by default the one next to this module. */
  workerFile?: string;
}

/** The report worker script: the TypeScript source under tsx / vitest, or the build's `reportWorker.js`. */
export function resolveReportWorkerFile(from: string = import.meta.url): string {
  const found = findWorkerScript(from, 'reportWorker.ts', 'reportWorker.js');
  if (!found) throw new AppError('INTERNAL', reportText.worker.missing(from));
  return found;
}

/** Writes the report to xlsx bytes in a worker thread; rejects with CANCELLED when `signal` aborts. */
export function writeReportInWorker(doc: ReportDocument, options: ReportWriteOptions = {}): Promise<Buffer> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());
  let worker: Worker;
  try {
    worker = startModuleWorker(options.workerFile ?? resolveReportWorkerFile());
  } catch (e) {
    return Promise.reject(e instanceof AppError ? e : new AppError('INTERNAL', reportText.worker.start(e instanceof Error ? e.message : String(e))));
  }
  const { promise } = workerResult<ReportWorkerMessage, Buffer>(
    worker,
    {
      onMessage: (m) => {
        if (m.type === 'progress') return void options.onProgress?.({ stage: m.stage, done: m.done, total: m.total });
        return m.type === 'done' ? { ok: true, value: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) } : { ok: false, message: m.message };
      },
      failed: reportText.worker.failed,
      threadError: reportText.worker.error,
      exited: reportText.worker.exit,
    },
    signal,
  );
  worker.postMessage({ type: 'write', doc } satisfies ReportMainMessage);
  return promise;
}
