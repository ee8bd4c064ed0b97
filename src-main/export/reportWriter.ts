/**
 * The report workbook's serialiser (DESIGN §7): every value a real cell under its number format
 * (counts, ¥, percent, dates as date serials; rounded, never text), header rows frozen, columns as
 * wide as their text (a CJK character counts double), text a spreadsheet would run as a formula
 * neutralised (contract/spreadsheet.ts), and each chart's PNG beside its tables. CPU-bound: the
 * report worker runs it, never the main process.
 */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../contract/spreadsheet';
import type { ReportDocument, ReportFormat, ReportSheet, ReportValue } from './reportDocument';
import { CHART_HEIGHT, CHART_WIDTH } from './reportCharts';

/** The number format of each cell format. */
export const numberFormats: Record<ReportFormat, string | null> = {
  text: null,
  count: '#,##0',
  decimal: '#,##0.00',
  percent: '0.00%',
  points: '0.00',
  money: '"¥"#,##0.00',
  pvalue: '0.0000',
  date: 'yyyy-mm-dd',
};

/** Rows a chart takes down the sheet (at the default row height of 20 px), a gap included. */
const ROWS_PER_CHART = Math.ceil(CHART_HEIGHT / 20) + 2;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** A value and its format, the cell's own format winning over the column's. */
function resolve(value: ReportValue, columnFormat: ReportFormat): { value: string | number | null; format: ReportFormat } {
  return value !== null && typeof value === 'object' ? value : { value, format: columnFormat };
}

/** What is stored in the cell: numbers rounded to what the format shows (a little more for fractions), dates as UTC-midnight dates (an exact serial day). */
export function cellValue(value: string | number | null, format: ReportFormat): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    switch (format) {
      case 'count':
        return Math.round(value);
      case 'percent':
        return round(value / 100, 6);
      case 'pvalue':
        return round(value, 6);
      case 'decimal':
      case 'money':
      case 'points':
        return round(value, 2);
      default:
        return value;
    }
  }
  if (format === 'date' && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return neutraliseCell(value);
}

/** Columns a text takes in a spreadsheet: CJK and other wide characters count double. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

/** The text a cell shows, for its column's width. */
function shownText(cell: ReturnType<typeof cellValue>, format: ReportFormat): string {
  if (cell === null) return '';
  if (cell instanceof Date) return 'yyyy-mm-dd';
  if (typeof cell !== 'number') return String(cell);
  if (format === 'percent') return `${(cell * 100).toFixed(2)}%`;
  const digits = format === 'count' ? 0 : format === 'pvalue' ? 4 : format === 'text' ? undefined : 2;
  const grouped = cell.toLocaleString('en-US', digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format === 'money' ? `¥${grouped}` : grouped;
}

/** Writes one sheet; returns where its charts go (first column and row, zero-based). */
function writeSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet): { col: number; row: number } {
  const widths: number[] = [];
  const fit = (col: number, text: string) => {
    widths[col] = Math.max(widths[col] ?? MIN_WIDTH, Math.min(MAX_WIDTH, textWidth(text) + 2));
  };
  let r = 1;
  if (sheet.note) {
    ws.getCell(r, 1).value = neutraliseCell(sheet.note);
    ws.getCell(r, 1).font = { italic: true, color: { argb: 'FF666666' } };
    r += 1;
  }
  let frozen = 0;
  for (const table of sheet.tables) {
    const caption = ws.getCell(r, 1);
    caption.value = neutraliseCell(table.caption);
    caption.font = { bold: true, size: 12 };
    r += 1;
    const header = ws.getRow(r);
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = neutraliseCell(c.header);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
      cell.alignment = { vertical: 'middle', wrapText: false };
      fit(i, c.header);
    });
    if (frozen === 0) frozen = r;
    r += 1;
    for (const row of table.rows) {
      const line = ws.getRow(r);
      table.columns.forEach((c, i) => {
        const { value, format } = resolve(row[c.key] ?? null, c.format);
        const stored = cellValue(value, format);
        const cell = line.getCell(i + 1);
        cell.value = stored;
        const numFmt = typeof stored === 'number' || stored instanceof Date ? numberFormats[format] : null;
        if (numFmt) cell.numFmt = numFmt;
        fit(i, shownText(stored, format));
      });
      r += 1;
    }
    r += 1;
  }
  if (frozen > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return { col: widths.length + 1, row: sheet.note ? 1 : 0 };
}

/** Excel's sheet-name rules: at most 31 characters, none of `\ / ? * [ ] :`, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)}(${i})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes the report to xlsx bytes on the calling thread; `images[s][c]` is the PNG of chart c of
 * sheet s, placed to the right of that sheet's tables, one below the other.
 */
export async function writeReport(doc: ReportDocument, images: Uint8Array[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qunxi';
  wb.title = doc.title;
  const taken = new Set<string>();
  doc.sheets.forEach((sheet, s) => {
    const ws = wb.addWorksheet(sheetName(sheet.name, taken));
    const at = writeSheet(ws, sheet);
    (images[s] ?? []).forEach((png, c) => {
      const id = wb.addImage({ buffer: Buffer.from(png.buffer, png.byteOffset, png.byteLength) as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, { tl: { col: at.col, row: at.row + c * ROWS_PER_CHART }, ext: { width: CHART_WIDTH, height: CHART_HEIGHT } });
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
