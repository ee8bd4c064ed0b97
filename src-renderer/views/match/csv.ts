// CSV for spreadsheets: formula-looking text neutralised (DESIGN §5), UTF-8 with a BOM so
// Excel on a Chinese Windows reads it as UTF-8 rather than GBK.

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet will show, never run: formula-looking text gets a leading quote. */
export function neutralise(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field, quoted when it holds a separator, a quote or a line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document (CRLF line ends, BOM first) of a header row and data rows. */
export function toCsv(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const lines = [headers, ...rows.map((r) => r.map(neutralise))].map((r) => r.map((v) => field(String(v ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
