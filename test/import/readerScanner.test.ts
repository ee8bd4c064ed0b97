/**
 * The worksheet reader's byte scanner against its definition: the regular-expression reading
 * of reader/sheetXml.ts (the one the exceljs differential test holds to exceljs). Wherever the
 * scanner reads a row at all it must read it as the regular expressions do, and the whole
 * reader must cut and read a sheet as the plain text reading did, however the bytes arrive.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRowByRegex, readRowByScanner, readSheetRowBatches, type SheetRow } from '../../src-main/import/reader/sheetXml';
import { prng } from '../../bench/generate';

const shared = ['群名称', '小美', ' 空格 ', 'a&b'];

/** A cell in one of the shapes writers emit, or a malformed one, at column `col` (1-based). */
function randomCell(rand: () => number, p: string, col: number, row: number): string {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ref = pick([` r="${colName(col)}${row}"`, '', ` r="${colName(col).toLowerCase()}${row}"`, ` r=""`, ` r='${colName(col)}${row}'`]);
  const style = pick(['', '', ' s="3"', ' s="12"', '  s="1"\n', ' xr="x"', ' ht="1"']);
  const text = pick(['小美🌸', 'text', '2026-09-01 08:00:00', 'a &amp; b', '&lt;x&gt;', '&#23458;', 'line\r\nnext', 'a_x000D_b', '_x', '  ', '', '用户𠮷', 'x"y']);
  const num = pick(['42', '-0', '0', '007', '1.50', '46266.5', '1E3', '1e-7', '123456789012345678', '9007199254740993', '.5', '5.', '-', ' 12', 'abc', '0x1F', 'Infinity', '12.345678901234567']);
  const v = (body: string) => `<${p}v>${body}</${p}v>`;
  switch (Math.floor(rand() * 14)) {
    case 0:
      return `<${p}c${ref}${style} t="s">${v(pick(['0', '1', '2', '3', '9', '01', '1.0', '']))}</${p}c>`;
    case 1:
      return `<${p}c${ref}${style} t="str">${v(text)}</${p}c>`;
    case 2:
      return `<${p}c${ref}${style} t="str"><${p}f>A1</${p}f>${v(text)}</${p}c>`;
    case 3:
      return `<${p}c${ref}${style}>${v(num)}</${p}c>`;
    case 4:
      return `<${p}c${ref}${style} t="n">${v(num)}</${p}c>`;
    case 5:
      return `<${p}c${ref}${style} t="b">${v(pick(['1', '0', 'true', 'TRUE']))}</${p}c>`;
    case 6:
      return `<${p}c${ref}${style} t="e">${v('#N/A')}</${p}c>`;
    case 7:
      return `<${p}c${ref}${style} t="d">${v(pick(['2026-09-01T08:30:15', '2026-09-01', '2026-09-01T08:30:15Z', 'x']))}</${p}c>`;
    case 8:
      return `<${p}c${ref}${style} t="inlineStr"><${p}is><${p}t${pick(['', ' xml:space="preserve"', '/'])}>${text}</${p}t></${p}is></${p}c>`;
    case 9:
      return `<${p}c${ref}${style} t="inlineStr"><${p}is><${p}r><${p}t>${text}</${p}t></${p}r><${p}rPh><${p}t>ショウ</${p}t></${p}rPh></${p}is></${p}c>`;
    case 10:
      return `<${p}c${ref}${style}${pick(['/', ''])}>`.replace(/>$/, pick(['/>', '></c>', `></${p}c>`]));
    case 11:
      return `<${p}c${ref}${style} t="${pick(['str', 's', 'inlineStr', 'x-y', ''])}"><${p}f>B1</${p}f><${p}v/></${p}c>`;
    case 12:
      return `<${p}c${ref}${style} t="str"><${p}v xml:space="preserve">${text}</${p}v></${p}c>`;
    default:
      return `<${p}c${ref}${style} t="str">${v(`<![CDATA[${text}]]>`)}</${p}c>`;
  }
}

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function randomRow(rand: () => number, p: string, row: number): string {
  const cells = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, i) => randomCell(rand, p, 1 + i + Math.floor(rand() * 2), row));
  const attrs = rand() < 0.8 ? ` r="${row}"` : rand() < 0.5 ? ` spans="1:6" r="${row}"` : '';
  return `<${p}row${attrs}>${cells.join(rand() < 0.1 ? ' ' : '')}</${p}row>`;
}

/** The reading before the scanner: whole text decoded, each `</row>` closing the last `<row` before it, rows by regular expressions. */
function textReading(xml: string, p: string): SheetRow[] {
  const out: SheetRow[] = [];
  const open = `<${p}row`;
  const close = `</${p}row>`;
  let pos = 0;
  let last = 0;
  for (let end = xml.indexOf(close, pos); end >= 0; end = xml.indexOf(close, pos)) {
    let start = xml.lastIndexOf(open, end);
    while (start >= 0 && !/[\s>/]/.test(xml[start + open.length] ?? '')) start = xml.lastIndexOf(open, start - 1);
    if (start >= pos) {
      const text = xml.slice(start, end);
      const rowNumber = Number(/^<[^>]*?\sr="(\d+)"/.exec(text)?.[1] ?? last + 1);
      last = rowNumber;
      out.push({ rowNumber, cells: readRowByRegex(text, shared, p) });
    }
    pos = end + close.length;
  }
  return out;
}

async function scannerReading(xml: string, chunk: number): Promise<SheetRow[]> {
  const bytes = Buffer.from(xml, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out: SheetRow[] = [];
  for await (const rows of readSheetRowBatches(Readable.from(chunks), shared)) out.push(...rows);
  return out;
}

const sheet = (rows: string, p: string) =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${rows}</${p}sheetData><${p}rowBreaks count="0"/></${p}worksheet>`;

/** Cells as comparable values: holes stay holes, -0 stays -0, NaN stays NaN. */
const plain = (cells: unknown[] | null) => (cells === null ? null : Array.from(cells, (c) => (c instanceof Date ? `date:${c.getTime()}` : Object.is(c, -0) ? '-0' : c)));

describe('the worksheet byte scanner', () => {
  it('reads every row it accepts exactly as the regular expressions do', () => {
    const rand = prng(20260901);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const p = rand() < 0.2 ? 'x:' : '';
      const row = randomRow(rand, p, i + 1);
      const byScanner = readRowByScanner(row, shared, p);
      if (byScanner === null) continue;
      accepted++;
      expect(plain(byScanner), row).toEqual(plain(readRowByRegex(row, shared, p)));
    }
    // The shapes writers emit are the scanner's: most rows never reach the regular expressions.
    expect(accepted).toBeGreaterThan(200);
  });

  it('accepts the plain shapes of exceljs, openpyxl and Excel', () => {
    const rows = [
      '<c r="A2" t="str"><v>用户1638</v></c><c r="B2" s="1" t="s"><v>1</v></c><c r="C2"><v>46266.5</v></c>',
      '<c r="A1" t="inlineStr"><is><t>&#23458;&#25143;</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c>',
      '<c r="A3" s="2"/><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1</f><v>x</v></c>',
    ];
    for (const r of rows) {
      const got = readRowByScanner(`<row>${r}</row>`, shared);
      expect(got, r).not.toBeNull();
      expect(plain(got)).toEqual(plain(readRowByRegex(`<row>${r}</row>`, shared)));
    }
  });

  it('reads whole sheets as the text reading did, with odd rows and in any chunking', async () => {
    const rand = prng(7);
    for (const p of ['', 'x:']) {
      const odd = [`<${p}row r="90"/>`, `<${p}row r="91"/></${p}row>`, `<${p}row r="92"><${p}row r="93"><${p}c r="A93" t="s"><${p}v>1</${p}v></${p}c></${p}row>`, `<${p}rowBreaks/>`, `<${p}row r="123456789012345678"><${p}c t="s"><${p}v>0</${p}v></${p}c></${p}row>`];
      const rows = Array.from({ length: 300 }, (_, i) => (i % 37 === 5 ? odd[(i / 37) | 0] ?? randomRow(rand, p, i + 1) : randomRow(rand, p, i + 1))).join('');
      const xml = sheet(rows, p);
      const expected = textReading(xml, p).map((r) => ({ rowNumber: r.rowNumber, cells: plain(r.cells) }));
      for (const chunk of [1, 3, 64, 1000, xml.length]) {
        const got = (await scannerReading(xml, chunk)).map((r) => ({ rowNumber: r.rowNumber, cells: plain(r.cells) }));
        expect(got, `${p || 'no prefix'}, chunks of ${chunk}`).toEqual(expected);
      }
    }
  });
});
