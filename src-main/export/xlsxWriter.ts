/**
 * The xlsx serialiser: sheets of plain rows to workbook bytes with exceljs's streaming writer,
 * text that a spreadsheet would run as a formula neutralised (DESIGN §5). CPU-bound: the app
 * runs it in a worker thread (xlsxWorker.ts), never on the main process's event loop.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ExportSheet } from '../analysis/base/exportSheet';

/** Text starting like a formula (`=`, `+`, `-`, `@`, or a tab / carriage return that hides one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as written: formula-looking text gets a leading apostrophe, so it shows and never runs. */
export function neutraliseCell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'bigint') return Number(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Writes the sheets to xlsx bytes, on the calling thread. */
export async function writeXlsx(sheets: ExportSheet<Record<string, unknown>>[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
    ws.columns = sheet.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      ws.addRow(sheet.columns.map((c) => neutraliseCell(row[c.key]))).commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
