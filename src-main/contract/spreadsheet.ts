/**
 * The cells of every spreadsheet the app writes (xlsx exports, the CLI's and the renderer's CSV):
 * text a spreadsheet would run as a formula is neutralised (DESIGN §5), and CSV is laid out so
 * Excel on Windows opens it right (issue 19). Pure and import-free, so the renderer imports it too.
 */

/** Text starting like a formula (`=`, `+`, `-`, `@`), or with a tab / carriage return that can hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as written: finite numbers, booleans and dates stay themselves; formula-looking text gets a leading apostrophe, so it shows and never runs. */
export function neutraliseCell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'bigint') return Number(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: the neutralised cell as text, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: unknown): string {
  const cell = neutraliseCell(value);
  const text = cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A column's CSV header: a rate's says its figures are in percent (a CSV has no number format to show it). */
export function csvHeader(header: string, format: string | undefined): string {
  return format === 'percent' ? `${header} (%)` : header;
}

/** A figure as a CSV writes it: rounded to 2 decimals, as the grid shows it (a CSV has no number format to round it). */
export function csvFigure(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A CSV document of a header row and data rows: a UTF-8 BOM first, so Excel on a Chinese Windows
 * reads UTF-8 rather than GBK, and CRLF line ends, as RFC 4180 and Excel expect.
 */
export function csvDocument(header: readonly unknown[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
