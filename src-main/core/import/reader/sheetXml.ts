/**
 * A fast reader of the two big parts of an .xlsx: worksheet rows and the shared-string table.
 * Both are regular, machine-written XML, so complete `<row>` / `<si>` elements are cut out of
 * the decoded text and read with a few regular expressions instead of a general SAX parser
 * (exceljs's saxes-based reader was two thirds of a 1M-row import). Text content cannot hold a
 * raw `<`, so element boundaries found by string search are real ones.
 */
import { StringDecoder } from 'node:string_decoder';
import type { RawCell } from '../values';

/** One worksheet row: its 1-based number and its cells, 0-based by column (gaps are holes). */
export interface SheetRow {
  rowNumber: number;
  cells: RawCell[];
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** OOXML's escape of characters XML cannot hold, e.g. `_x000D_` for a carriage return. */
const OOXML_ESCAPE = /_x([0-9A-F]{4})_/g; // upper-case hex only, as exceljs reads them

/**
 * Decodes XML entities of element text, after XML's end-of-line handling (a raw CR LF or CR is
 * a LF to any XML parser, exceljs's included; `&#13;` stays a CR).
 */
function decodeEntities(s: string): string {
  let out = s;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    );
  }
  return out;
}

/** Decodes XML entities and OOXML `_xHHHH_` escapes of string-item text (`<t>` of `<si>` / `<is>`). */
export function decodeXmlText(s: string): string {
  const out = decodeEntities(s);
  return out.includes('_x') ? out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : out;
}

/** The namespace prefix of a part's root element (`x:` for `<x:worksheet>`), or ''. */
function rootPrefix(text: string, root: string): string | null {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>/]`).exec(text);
  return m ? (m[1] ? `${m[1]}:` : '') : null;
}

/**
 * Cuts complete elements named `tag` out of streamed text and hands each one over, from its
 * opening `<tag` to its closing tag. Self-closing elements of that name carry no content and
 * are skipped.
 */
async function* elements(xml: AsyncIterable<Buffer>, root: string, tag: string): AsyncGenerator<{ text: string; prefix: string }> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let prefix: string | null = null;
  let open = '';
  let close = '';
  for await (const chunk of xml) {
    buf += decoder.write(chunk);
    if (prefix === null) {
      prefix = rootPrefix(buf, root);
      if (prefix === null) continue;
      open = `<${prefix}${tag}`;
      close = `</${prefix}${tag}>`;
    }
    let pos = 0;
    for (let end = buf.indexOf(close, pos); end >= 0; end = buf.indexOf(close, pos)) {
      let start = buf.lastIndexOf(open, end);
      // `<row` also starts `<rowBreaks`; `<si` never has a longer sibling, but check alike.
      while (start >= 0 && !/[\s>/]/.test(buf[start + open.length] ?? '')) start = buf.lastIndexOf(open, start - 1);
      if (start >= pos) yield { text: buf.slice(start, end), prefix };
      pos = end + close.length;
    }
    buf = buf.slice(pos);
  }
}

/**
 * The text of an `<si>` or `<is>` element: its `<t>` runs, without phonetic (`<rPh>`) runs.
 * `_xHHHH_` escapes are decoded unless `isEscaped` is false.
 */
function richText(xml: string, p: string, isEscaped = true): string {
  let s = xml;
  if (s.includes(`<${p}rPh`)) s = s.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '');
  const t = new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g');
  let out = '';
  for (let m = t.exec(s); m; m = t.exec(s)) out += m[1];
  return isEscaped ? decodeXmlText(out) : decodeEntities(out);
}

/** The shared-string table of `xl/sharedStrings.xml`, in index order. */
export async function readSharedStrings(xml: AsyncIterable<Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const { text, prefix } of elements(xml, 'sst', 'si')) out.push(richText(text, prefix));
  return out;
}

/** Column number (0-based) of a cell reference such as `AB12`, or -1 without one. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/** Per-prefix regular expressions of a worksheet. */
function sheetPatterns(p: string) {
  return {
    cell: new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g'),
    value: new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`),
    inline: new RegExp(`<${p}is>([\\s\\S]*?)</${p}is>`),
    run: new RegExp(`<${p}r[\\s>]`),
  };
}

const ROW_NUMBER = /^<[^>]*?\sr="(\d+)"/;
const CELL_REF = /\sr="([A-Z]+)/;
const CELL_TYPE = /\st="(\w+)"/;

/**
 * Rows of a worksheet part, as exceljs's reader gave them with styles ignored: numbers,
 * strings (shared, inline and formula results), booleans; a formula without a cached result
 * and an error cell are null.
 */
export async function* readSheetRows(xml: AsyncIterable<Buffer>, sharedStrings: string[]): AsyncGenerator<SheetRow> {
  let patterns: ReturnType<typeof sheetPatterns> | null = null;
  let patternsFor = '';
  let lastRow = 0;
  for await (const { text, prefix } of elements(xml, 'worksheet', 'row')) {
    if (!patterns || patternsFor !== prefix) {
      patterns = sheetPatterns(prefix);
      patternsFor = prefix;
    }
    const rowNumber = Number(ROW_NUMBER.exec(text)?.[1] ?? lastRow + 1);
    lastRow = rowNumber;
    const cells: RawCell[] = [];
    let col = -1;
    const cell = patterns.cell;
    cell.lastIndex = 0;
    for (let m = cell.exec(text); m; m = cell.exec(text)) {
      const attrs = m[1]!;
      const ref = CELL_REF.exec(attrs);
      col = ref ? columnOf(ref[1]!) : col + 1;
      const body = m[2];
      if (!body) continue;
      const type = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
      if (type === 'inlineStr') {
        const is = patterns.inline.exec(body);
        // exceljs decodes `_xHHHH_` in the runs of an inline rich string but not in a plain `<is><t>`.
        cells[col] = is ? richText(is[1]!, prefix, patterns.run.test(is[1]!)) : null;
        continue;
      }
      const v = patterns.value.exec(body)?.[1];
      // An empty `<v></v>` (openpyxl's formula without a cached result) holds no value.
      if (!v) continue;
      switch (type) {
        case 's':
          cells[col] = sharedStrings[Number(v)] ?? null;
          break;
        case 'str':
          // A formula's cached string. Unlike exceljs, `_xHHHH_` escapes (Excel's `_x000D_`) are decoded.
          cells[col] = decodeXmlText(v);
          break;
        case 'b':
          cells[col] = v === '1' || v === 'true';
          break;
        case 'e':
          break;
        case 'd':
          // An ISO date cell is wall-clock time: without a zone, read it as UTC fields (as
          // values.ts reads Dates), not in the process's zone as `new Date` would.
          cells[col] = new Date(/T.*(?:Z|[+-]\d\d:?\d\d)$|^[^T]*$/.test(v) ? v : `${v}Z`);
          break;
        default: {
          const n = Number(v);
          cells[col] = Number.isNaN(n) ? decodeXmlText(v) : n;
        }
      }
    }
    yield { rowNumber, cells };
  }
}
