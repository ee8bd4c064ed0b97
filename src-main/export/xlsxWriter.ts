/**
 * The xlsx serialiser: sheets of plain rows to workbook bytes with exceljs's streaming writer,
 * text that a spreadsheet would run as a formula neutralised by the one neutraliser of every
 * writer (contract/spreadsheet.ts, DESIGN §5). CPU-bound: the app runs it in a worker thread
 * (xlsxWorker.ts), never on the main process's event loop.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ExportSheet } from '../analysis/base/exportSheet';
import { neutraliseCell } from '../contract/spreadsheet';
import { cellValue, FRACTION_FORMAT, numberFormats } from './xlsxCells';

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
    ws.columns = sheet.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width ?? Math.max(c.format === 'datetime' ? 17 : 10, c.header.length * 2 + 2),
      ...(c.format ? { style: { numFmt: numberFormats[c.format] } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.numFmt = 'General'));
    for (const row of sheet.rows) {
      const added = ws.addRow(sheet.columns.map((c) => neutraliseCell(cellValue(row[c.key], c.format))));
      // A fraction in a column that declares no format still shows rounded.
      sheet.columns.forEach((c, i) => {
        const v = row[c.key];
        if (!c.format && typeof v === 'number' && !Number.isInteger(v)) added.getCell(i + 1).numFmt = FRACTION_FORMAT;
      });
      added.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
