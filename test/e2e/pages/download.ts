import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { csvCells } from '../../support/csvCells';

/** A file the app handed to the browser. */
export interface Downloaded {
  /** The file name the app suggested. */
  name: string;
  bytes: Buffer;
}

/** Clicks a control that downloads a file and returns the file. */
export async function downloadOf(page: Page, testId: string): Promise<Downloaded> {
  // The Node side writes the whole list first: generous on a loaded machine.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The first sheet of a downloaded xlsx, opened with ExcelJS. */
export async function firstSheet(file: Downloaded): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error(`${file.name} has no sheet`);
  return sheet;
}

/** A sheet's column of cell values below the header row, top first (1-based column). */
export function columnValues(sheet: ExcelJS.Worksheet, column: number): unknown[] {
  const values: unknown[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) values.push(sheet.getRow(r).getCell(column).value);
  return values;
}

/** A sheet's header row as text. */
export function headerRow(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v));
}

/** The xlsx export buttons inside a view or a panel (any button saying 导出 … xlsx). */
export function xlsxButtons(page: Page, testId: string) {
  return page.getByTestId(testId).getByRole('button', { name: /导出.*xlsx/ });
}

/** A downloaded CSV's rows of text, the header row first; throws unless it has the BOM and CRLF line ends every CSV of the app has. */
export function csvRows(file: Downloaded): string[][] {
  const text = file.bytes.toString('utf8');
  if (!text.startsWith('\uFEFF') || !text.endsWith('\r\n')) throw new Error(`${file.name}: no BOM or no CRLF line end`);
  return csvCells(text);
}
