import type { ReportDocument } from './reportDocument';

/** What the main side posts the report worker: the whole document (a few hundred rows at most; structured-cloned). */
export type ReportMainMessage = { type: 'write'; doc: ReportDocument };

/** What the report worker posts back: progress over the charts and the writing, then the bytes (transferred), or why it failed. */
export type ReportWorkerMessage =
  | { type: 'progress'; stage: 'charts' | 'writing'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string };
