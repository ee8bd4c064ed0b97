import type { ExportColumn } from '../analysis/base/exportSheet';

/** A row as it crosses to the xlsx worker: a plain object, structured-cloned. */
export type XlsxRow = Record<string, unknown>;

/**
 * What the main side posts the xlsx worker, in order: per sheet its head, then its rows in
 * batches (so no single copy holds the main thread long), then `end` for the whole workbook.
 */
export type XlsxMainMessage =
  | { type: 'sheet'; name: string; columns: ExportColumn<XlsxRow>[] }
  | { type: 'rows'; rows: XlsxRow[] }
  | { type: 'end' };

/** What the xlsx worker posts back: the workbook's bytes (transferred), or why it failed. */
export type XlsxWorkerMessage = { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };
