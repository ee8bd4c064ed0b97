/**
 * A fast reader of the two big parts of an .xlsx: worksheet rows and the shared-string table.
 * Both are regular, machine-written XML, so complete `<row>` / `<si>` elements are cut out of
 * the decoded text by string search instead of a general SAX parser (exceljs's saxes-based
 * reader was two thirds of a 1M-row import). Text content cannot hold a raw `<`, so element
 * boundaries found by string search are real ones.
 *
 * A row is read by a hand-written scanner for the shapes machine-written sheets use (`<c r="B2"
 * t="s"><v>…</v></c>`); any row with another shape (inline strings, unusual attributes, odd
 * nesting) is read by the regular expressions that define the semantics ({@link regexRow}),
 * so the scanner only ever has to agree with them on the shapes it accepts.
 * Rows come out in batches, one per decoded chunk: an async iteration per row cost more than
 * reading the row.
 */
import type { RawCell } from '../values';
import { cellElements, closesIn, elementBatches, elementText, isSpace, ReadBudgetError, rootPrefix, withoutElements, type ReadBudget } from './xmlElements';

export { ReadBudgetError, type ReadBudget } from './xmlElements';

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

/**
 * The text of an `<si>` or `<is>` element: its `<t>` runs, without phonetic (`<rPh>`) runs.
 * `_xHHHH_` escapes are decoded unless `isEscaped` is false.
 */
function richText(xml: string, p: string, isEscaped = true): string {
  const s = xml.includes(`<${p}rPh`) ? withoutElements(xml, `<${p}rPh`, `</${p}rPh>`) : xml;
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = '';
  for (let run = elementText(s, open, close); run; run = elementText(s, open, close, run.end)) out += s.slice(run.from, run.to);
  return isEscaped ? decodeXmlText(out) : decodeEntities(out);
}

/** Budgets of the shared-string table, which is held in memory whole while the sheets are read. */
export interface SharedStringBudget extends ReadBudget {
  /** Most strings in the table. */
  maxStrings: number;
  /** Most characters of all strings together. */
  maxChars: number;
}

/** Budgets no real workbook comes near, for readers that are given none. */
const UNBUDGETED: SharedStringBudget = { maxElementBytes: 2 ** 31, maxStrings: 2 ** 31, maxChars: 2 ** 53 };

/**
 * The shared-string table of `xl/sharedStrings.xml`, in index order. Throws
 * {@link ReadBudgetError} as soon as it passes a budget, before it takes the memory.
 */
export async function readSharedStrings(xml: AsyncIterable<Buffer>, budget: SharedStringBudget = UNBUDGETED): Promise<string[]> {
  const out: string[] = [];
  let chars = 0;
  for await (const { text, spans, prefix } of elementBatches(xml, 'sst', 'si', budget)) {
    if (out.length + spans.length / 2 > budget.maxStrings) throw new ReadBudgetError('sharedStrings', budget.maxStrings);
    // The common item is one plain run, `<si><t>…</t></si>`: read without a regular expression.
    const plainOpen = `<${prefix}si><${prefix}t>`;
    const plainClose = `</${prefix}t>`;
    for (let k = 0; k < spans.length; k += 2) {
      const start = spans[k]!;
      const end = spans[k + 1]!;
      let item: string | null = null;
      if (text.startsWith(plainOpen, start)) {
        const from = start + plainOpen.length;
        const to = end - plainClose.length;
        if (to >= from && text.startsWith(plainClose, to) && text.indexOf('<', from) === to) item = decodeXmlText(text.slice(from, to));
      }
      item ??= richText(text.slice(start, end), prefix);
      chars += item.length;
      out.push(item);
    }
    if (chars > budget.maxChars) throw new ReadBudgetError('sharedStringChars', budget.maxChars);
  }
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

/**
 * Per-prefix tags of a worksheet for the regular reading. The reading is defined by patterns,
 * searched for by the linear functions of xmlElements.ts: a cell `<c\b([^>]*?)(?:/>|>([\s\S]*?)</c>)`,
 * its value `<v(?:\s[^>]*)?>([\s\S]*?)</v>`, an inline string `<is>([\s\S]*?)</is>`, a rich run `<r[\s>]`.
 */
function sheetPatterns(p: string) {
  return {
    prefix: p,
    cellOpen: `<${p}c`,
    cellClose: `</${p}c>`,
    valueOpen: `<${p}v`,
    valueClose: `</${p}v>`,
    inlineOpen: `<${p}is>`,
    inlineClose: `</${p}is>`,
    run: new RegExp(`<${p}r[\\s>]`),
  };
}
type SheetPatterns = ReturnType<typeof sheetPatterns>;

const ROW_NUMBER = /^<[^>]*?\sr="(\d+)"/;
const CELL_REF = /\sr="([A-Z]+)/;
const CELL_TYPE = /\st="(\w+)"/;

/** A cell's value from its type and the text of its `<v>`, as exceljs's reader gives it with styles ignored. */
function cellValue(type: string, v: string, sharedStrings: string[]): RawCell | undefined {
  switch (type) {
    case 's':
      return sharedStrings[Number(v)] ?? null;
    case 'str':
      // A formula's cached string. Unlike exceljs, `_xHHHH_` escapes (Excel's `_x000D_`) are decoded.
      return decodeXmlText(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return undefined;
    case 'd':
      // An ISO date cell is wall-clock time: without a zone, read it as UTC fields (as
      // values.ts reads Dates), not in the process's zone as `new Date` would.
      return new Date(/T.*(?:Z|[+-]\d\d:?\d\d)$|^[^T]*$/.test(v) ? v : `${v}Z`);
    default: {
      const n = Number(v);
      return Number.isNaN(n) ? decodeXmlText(v) : n;
    }
  }
}

/**
 * The cells of a row's text by the regular expressions: the definition of how a row reads
 * (numbers, strings shared, inline and formula results, booleans; a formula without a cached
 * result and an error cell are empty).
 */
function regexRow(text: string, ps: SheetPatterns, sharedStrings: string[]): RawCell[] {
  const cells: RawCell[] = [];
  let col = -1;
  for (const { attrs, body } of cellElements(text, ps.cellOpen, ps.cellClose)) {
    const ref = CELL_REF.exec(attrs);
    col = ref ? columnOf(ref[1]!) : col + 1;
    if (!body) continue;
    const type = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
    if (type === 'inlineStr') {
      const from = body.indexOf(ps.inlineOpen);
      const to = from < 0 ? -1 : body.indexOf(ps.inlineClose, from + ps.inlineOpen.length);
      const is = to < 0 ? null : body.slice(from + ps.inlineOpen.length, to);
      // exceljs decodes `_xHHHH_` in the runs of an inline rich string but not in a plain `<is><t>`.
      cells[col] = is !== null ? richText(is, ps.prefix, ps.run.test(is)) : null;
      continue;
    }
    const found = elementText(body, ps.valueOpen, ps.valueClose);
    // An empty `<v></v>` (openpyxl's formula without a cached result) holds no value.
    if (!found || found.to === found.from) continue;
    const value = cellValue(type, body.slice(found.from, found.to), sharedStrings);
    if (value !== undefined) cells[col] = value;
  }
  return cells;
}

/**
 * Buffer's own decoders without `toString`'s argument handling, which cost more than the
 * decoding of a short value. Undocumented but long-standing; `toString` stands in without them.
 */
interface BufferSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const hasSlices = typeof (Buffer.prototype as unknown as Partial<BufferSlices>).latin1Slice === 'function' && typeof (Buffer.prototype as unknown as Partial<BufferSlices>).utf8Slice === 'function';

/** The UTF-8 text of `b[from, to)`; `isAsciiOnly` when no byte is ≥ 0x80. */
function textOf(b: Buffer, from: number, to: number, isAsciiOnly: boolean): string {
  if (!hasSlices) return b.toString(isAsciiOnly ? 'latin1' : 'utf8', from, to);
  const slices = b as unknown as BufferSlices;
  return isAsciiOnly ? slices.latin1Slice(from, to) : slices.utf8Slice(from, to);
}

/** Code units of an ASCII string, for comparing with bytes. */
function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Whether `b` holds `pattern` at `at`. */
function bytesAt(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false;
  return true;
}

/** Whether a byte may be part of an attribute name the scanner accepts (letters, digits, `_`, `:`, `-`, `.`). */
function isNameByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}

/** Whether an ASCII byte is white space to `\s` (a byte ≥ 0x80 starts a character the scanner does not judge). */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Byte patterns of a worksheet's tags, for one namespace prefix. */
function bytePatterns(p: string) {
  return {
    cOpen: ascii(`<${p}c`),
    cClose: ascii(`</${p}c>`),
    vOpen: ascii(`<${p}v>`),
    vTag: ascii(`<${p}v`),
    vClose: ascii(`</${p}v>`),
    rowOpen: ascii(`<${p}row r="`),
    rowTag: ascii(`<${p}row`),
    isOpen: ascii(`<${p}is>`),
    isClose: ascii(`</${p}is>`),
    tTag: ascii(`<${p}t`),
    tClose: ascii(`</${p}t>`),
    rowClose: ascii(`</${p}row>`),
  };
}
type BytePatterns = ReturnType<typeof bytePatterns>;

const CHAR_QUOTE = 34;
const CHAR_LT = 60;
const CHAR_GT = 62;
const CHAR_SLASH = 47;
/** What a byte of element text tells the scanner: nothing (0), the text's end (`<`), a byte of a non-ASCII character, or something to decode. */
const TEXT_END = 1;
const TEXT_HIGH = 2;
const TEXT_ESCAPE = 4;
const TEXT_BYTE = (() => {
  const t = new Uint8Array(256);
  t[CHAR_LT] = TEXT_END;
  for (let c = 0x80; c < 256; c++) t[c] = TEXT_HIGH;
  // `&` entities, a CR (end-of-line handling) and `_x` escapes.
  for (const c of [38, 13, 95]) t[c] = TEXT_ESCAPE;
  return t;
})();

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `Number()` of the ASCII text `b[from, to)` when it is plain decimal (`-?\d+(\.\d+)?`, at most
 * 15 digits), else undefined. Exact: an integer below 2^53 divided by a power of ten up to 1e15
 * is correctly rounded, as `Number()` is.
 */
function plainNumber(b: Uint8Array, from: number, to: number): number | undefined {
  let k = from;
  const isNegative = b[k] === 45;
  if (isNegative) k++;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; k < to; k++) {
    const c = b[k]!;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0 && digits > 0) {
      scale = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15 || scale === 0) return undefined;
  const n = scale > 0 ? m / POW10[scale]! : m;
  return isNegative ? -n : n;
}

/** Text of a `<v>`: the bytes as UTF-8, then by the cell type as {@link cellValue} reads it. */
function byteCellValue(b: Buffer, from: number, to: number, type: number, isAsciiOnly: boolean, hasEscapes: boolean, sharedStrings: string[]): RawCell | undefined {
  if (type === TYPE_SHARED) {
    const i = plainNumber(b, from, to);
    return i === undefined ? cellValue('s', b.toString('utf8', from, to), sharedStrings) : (sharedStrings[i] ?? null);
  }
  if (type === TYPE_NUMBER) {
    const n = plainNumber(b, from, to);
    if (n !== undefined) return n;
  }
  const raw = textOf(b, from, to, isAsciiOnly);
  if (type === TYPE_STRING) return hasEscapes ? decodeXmlText(raw) : raw;
  if (type === TYPE_NUMBER) {
    const n = Number(raw);
    return Number.isNaN(n) ? (hasEscapes ? decodeXmlText(raw) : raw) : n;
  }
  return cellValue(type === TYPE_BOOLEAN ? 'b' : type === TYPE_ERROR ? 'e' : 'd', raw, sharedStrings);
}

const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_STRING = 2;
const TYPE_BOOLEAN = 3;
const TYPE_ERROR = 4;
const TYPE_DATE = 5;
const TYPE_INLINE = 6;
const INLINE_STR = ascii('inlineStr');

/** Where {@link inlineText} found the text of an inline string, and what it holds. */
const inline = { from: 0, to: 0, isAsciiOnly: true, hasEscapes: false };

/**
 * Reads the body of an inline-string cell from `at` when it is exactly `<is><t>…</t></is></c>`
 * (the `<t>` may carry attributes): the text's bytes go to {@link inline}; returns the position
 * after `</c>`, or -1 for any other shape.
 */
function inlineText(b: Uint8Array, at: number, end: number, ps: BytePatterns): number {
  if (!bytesAt(b, at, ps.isOpen) || !bytesAt(b, at + ps.isOpen.length, ps.tTag)) return -1;
  let k = at + ps.isOpen.length + ps.tTag.length;
  if (b[k] !== CHAR_GT) {
    // `<t xml:space="preserve">`: white space, then anything but `>`, as `<t(?:\s[^>]*)?>`.
    if (!isAsciiSpace(b[k]!)) return -1;
    while (k < end && b[k] !== CHAR_GT) k++;
    if (b[k - 1] === CHAR_SLASH) return -1;
  }
  const from = k + 1;
  let isAsciiOnly = true;
  let hasEscapes = false;
  for (k = from; k < end; k++) {
    const c = b[k]!;
    if (c === CHAR_LT) break;
    if (c >= 0x80) isAsciiOnly = false;
    else if (c === 38 || c === 13) hasEscapes = true;
  }
  if (!bytesAt(b, k, ps.tClose)) return -1;
  const to = k;
  k += ps.tClose.length;
  if (!bytesAt(b, k, ps.isClose)) return -1;
  k += ps.isClose.length;
  if (!bytesAt(b, k, ps.cClose)) return -1;
  inline.from = from;
  inline.to = to;
  inline.isAsciiOnly = isAsciiOnly;
  inline.hasEscapes = hasEscapes;
  return k + ps.cClose.length;
}

/** The cell type of the attribute value `b[from, to)`; -1 for one the scanner leaves to the regular expressions. */
function typeOf(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  if (n === 0) return -1;
  for (let k = from; k < to; k++) {
    const c = b[k]!;
    // `\w+` only; anything else is CELL_TYPE's business.
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return -1;
  }
  const c0 = b[from];
  if (n === 1) return c0 === 115 ? TYPE_SHARED : c0 === 98 ? TYPE_BOOLEAN : c0 === 101 ? TYPE_ERROR : c0 === 100 ? TYPE_DATE : TYPE_NUMBER;
  if (n === 3 && c0 === 115 && b[from + 1] === 116 && b[from + 2] === 114) return TYPE_STRING;
  if (n === 9 && bytesAt(b, from, INLINE_STR)) return TYPE_INLINE;
  return TYPE_NUMBER;
}

/** Where {@link scanRow} found the row's `</row>`. */
const scanned = { end: 0 };

/**
 * The cells of the row whose content starts at `start`, up to its `</row>` (at `scanned.end`)
 * before `end`, by the scanner; null when the row has a shape the scanner leaves to
 * {@link regexRow}. Accepts cells whose attributes hold at most one `r="…"`
 * (upper-case letters, then digits) and one `t="…"` (word characters, not an inline string),
 * and whose body is empty or has one plain `<v>` (after a formula, say) before `</c>`.
 */
function scanRow(b: Buffer, start: number, end: number, ps: BytePatterns, sharedStrings: string[]): RawCell[] | null {
  const cells: RawCell[] = [];
  const { cOpen, cClose, vOpen, vTag, vClose, rowClose, rowTag } = ps;
  // Without a namespace prefix (nearly every sheet) the tags are compared byte by byte here:
  // the general pattern comparison was a quarter of the scanner's time.
  const isPlain = cOpen.length === 2;
  let col = -1;
  let i = start;
  for (;;) {
    // The next tag: the row's end, a cell (CELL's `<c\b`: `<col…` is no cell), or something to skip.
    while (i < end && b[i] !== CHAR_LT) i++;
    if (i >= end) return null;
    const next = b[i + 1];
    if (next === CHAR_SLASH && (isPlain ? b[i + 2] === 114 && b[i + 3] === 111 && b[i + 4] === 119 && b[i + 5] === CHAR_GT : bytesAt(b, i, rowClose))) {
      scanned.end = i;
      return cells;
    }
    if (!(isPlain ? next === 99 : bytesAt(b, i, cOpen))) {
      if (bytesAt(b, i, rowTag)) return null;
      i++;
      continue;
    }
    const a0 = i + cOpen.length;
    const after = b[a0]!;
    if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122) || after === 95) {
      i++;
      continue;
    }
    // Attributes, read in one pass: `name="value"` pairs after white space, up to `>` or `/>`.
    // Only the names `r` and `t` matter; anything that is not such a plain sequence (no white
    // space between pairs, a `>` inside a value, single quotes, a name twice) goes to the
    // regular expressions, which the accepted sequences cannot read otherwise: their first
    // `\sr="` and `\st="` are then these attributes.
    let k = a0;
    let gt = -1;
    let isEmpty = false;
    let hasRef = false;
    let type = TYPE_NUMBER;
    let hasType = false;
    for (;;) {
      let c = b[k]!;
      if (c === CHAR_GT) {
        gt = k;
        break;
      }
      if (c === CHAR_SLASH && b[k + 1] === CHAR_GT) {
        gt = k + 1;
        isEmpty = true;
        break;
      }
      if (!isAsciiSpace(c) || k >= end) return null;
      while (isAsciiSpace(b[k]!)) k++;
      c = b[k]!;
      if (c === CHAR_GT || c === CHAR_SLASH) continue;
      const nameStart = k;
      while (isNameByte(b[k]!)) k++;
      if (k === nameStart || b[k] !== 61 || b[k + 1] !== CHAR_QUOTE) return null;
      const isOneLetter = k - nameStart === 1;
      const valueStart = k + 2;
      k = valueStart;
      while (k < end && b[k] !== CHAR_QUOTE && b[k] !== CHAR_GT) k++;
      if (b[k] !== CHAR_QUOTE || k >= end) return null;
      if (isOneLetter && b[nameStart] === 114) {
        // r: the column from its letters (CELL_REF's `[A-Z]+`).
        if (hasRef) return null;
        hasRef = true;
        let n = 0;
        let j = valueStart;
        for (; j < k; j++) {
          const d = b[j]!;
          if (d < 65 || d > 90) break;
          n = n * 26 + (d - 64);
        }
        if (j === valueStart) return null;
        col = n - 1;
      } else if (isOneLetter && b[nameStart] === 116) {
        if (hasType) return null;
        hasType = true;
        type = typeOf(b, valueStart, k);
        if (type < 0) return null;
      }
      k++;
    }
    if (!hasRef) col++;
    if (isEmpty) {
      i = gt + 1;
      continue;
    }
    if (type === TYPE_INLINE) {
      // Only the plain `<is><t>…</t></is>` (exceljs decodes no `_xHHHH_` there); rich text goes the long way.
      const at = inlineText(b, gt + 1, end, ps);
      if (at < 0) return null;
      cells[col] = inline.hasEscapes ? decodeEntities(textOf(b, inline.from, inline.to, inline.isAsciiOnly)) : textOf(b, inline.from, inline.to, inline.isAsciiOnly);
      i = at;
      continue;
    }
    // The common body, `<v>…</v></c>`, straight through.
    if (isPlain ? b[gt + 1] === CHAR_LT && b[gt + 2] === 118 && b[gt + 3] === CHAR_GT : bytesAt(b, gt + 1, vOpen)) {
      const from = gt + 1 + vOpen.length;
      let e = from;
      let flags = 0;
      for (; e < end; e++) {
        const f = TEXT_BYTE[b[e]!]!;
        if (f === 0) continue;
        if (f === TEXT_END) break;
        flags |= f;
      }
      const isClosed = isPlain
        ? b[e] === CHAR_LT && b[e + 1] === CHAR_SLASH && b[e + 2] === 118 && b[e + 3] === CHAR_GT && b[e + 4] === CHAR_LT && b[e + 5] === CHAR_SLASH && b[e + 6] === 99 && b[e + 7] === CHAR_GT
        : bytesAt(b, e, vClose) && bytesAt(b, e + vClose.length, cClose);
      if (isClosed) {
        i = e + vClose.length + cClose.length;
        if (e === from) continue;
        const value = byteCellValue(b, from, e, type, (flags & TEXT_HIGH) === 0, (flags & TEXT_ESCAPE) !== 0, sharedStrings);
        if (value !== undefined) cells[col] = value;
        continue;
      }
    }
    // Any other body: up to the first `</c>`, noting the first `<v>` and where its text ends.
    let vFrom = -1;
    let vTo = -1;
    let cEnd = -1;
    let isAsciiOnly = true;
    let hasEscapes = false;
    for (let k = gt + 1; k < end; k++) {
      if (b[k] !== CHAR_LT) continue;
      if (bytesAt(b, k, cClose)) {
        cEnd = k;
        break;
      }
      if (bytesAt(b, k, rowClose)) return null;
      if (vFrom < 0 && bytesAt(b, k, vTag)) {
        if (!bytesAt(b, k, vOpen)) return null;
        vFrom = k + vOpen.length;
        let e = vFrom;
        for (; e < end; e++) {
          const c = b[e]!;
          if (c === CHAR_LT) break;
          if (c >= 0x80) isAsciiOnly = false;
          // `&` entities, a CR (end-of-line handling) and `_x` escapes need decoding.
          else if (c === 38 || c === 13 || c === 95) hasEscapes = true;
        }
        if (!bytesAt(b, e, vClose)) return null;
        vTo = e;
        k = e + vClose.length - 1;
      }
    }
    if (cEnd < 0) return null;
    i = cEnd + cClose.length;
    if (cEnd === gt + 1 || vFrom < 0 || vTo === vFrom) continue;
    const value = byteCellValue(b, vFrom, vTo, type, isAsciiOnly, hasEscapes, sharedStrings);
    if (value !== undefined) cells[col] = value;
  }
}

/** The number in the row's `r="…"`, or NaN. */
function rowNumberOf(b: Buffer, start: number, end: number, rowOpen: Uint8Array): number {
  if (bytesAt(b, start, rowOpen)) {
    // `<row r="123"`: ROW_NUMBER's first possible match, read by hand.
    let n = 0;
    let k = start + rowOpen.length;
    for (let c = b[k]!; c >= 48 && c <= 57; c = b[++k]!) n = n * 10 + (c - 48);
    const digits = k - start - rowOpen.length;
    // Up to 15 digits the sum is exact; longer numbers go to Number() as the regex reading does.
    if (digits > 0 && digits <= 15 && b[k] === CHAR_QUOTE) return n;
  }
  let gt = start;
  while (gt < end && b[gt] !== CHAR_GT) gt++;
  return Number(ROW_NUMBER.exec(b.toString('utf8', start, Math.min(end, gt + 1)))?.[1] ?? Number.NaN);
}

/** The first `<row` start tag (`open`, followed by the end of a tag name) in `b[at, to)`, or -1. */
function rowTagAt(b: Buffer, open: Buffer, at: number, to: number): number {
  for (let i = b.indexOf(open, at); i >= 0 && i < to; i = b.indexOf(open, i + 1)) {
    // `<row` also starts `<rowBreaks`.
    if (endsTagName(b, i + open.length)) return i;
  }
  return -1;
}

/**
 * The regular reading of `b[from, to)`: each `</row>` closes the last `<row` before it (after
 * the previous row), read by {@link regexRow}. Returns the last row number. Opening tags are
 * found going forward, so no byte is searched twice however the tags are nested.
 */
function cutRows(b: Buffer, from: number, to: number, open: Buffer, close: Buffer, ps: SheetPatterns, sharedStrings: string[], lastRow: number, rows: SheetRow[]): number {
  let last = lastRow;
  let pos = from;
  let next = rowTagAt(b, open, from, to);
  for (let end = b.indexOf(close, pos); end >= 0 && end < to; end = b.indexOf(close, pos)) {
    let start = -1;
    while (next >= 0 && next < end) {
      start = next;
      next = rowTagAt(b, open, next + open.length, to);
    }
    if (start >= 0) {
      const text = b.toString('utf8', start, end);
      const rowNumber = Number(ROW_NUMBER.exec(text)?.[1] ?? last + 1);
      last = rowNumber;
      rows.push({ rowNumber, cells: regexRow(text, ps, sharedStrings) });
    }
    pos = end + close.length;
  }
  return last;
}

/** Whether the character starting at byte `at` ends a tag name (white space, `>` or `/`). */
function endsTagName(b: Buffer, at: number): boolean {
  const c = b[at];
  if (c === undefined) return false;
  if (c < 0x80) return c === CHAR_GT || c === CHAR_SLASH || isAsciiSpace(c);
  return isSpace(b.toString('utf8', at, Math.min(b.length, at + 4)).charCodeAt(0));
}

/**
 * Rows of a worksheet part in batches, one per chunk of bytes, as exceljs's reader gave them
 * with styles ignored: numbers, strings (shared, inline and formula results), booleans; a
 * formula without a cached result and an error cell are null. Works on the bytes: only the
 * values become strings (`<`, `>` and `"` never occur inside a multi-byte UTF-8 character).
 */
export async function* readSheetRowBatches(xml: AsyncIterable<Buffer>, sharedStrings: string[], budget: ReadBudget = UNBUDGETED): AsyncGenerator<SheetRow[]> {
  let prefix: string | null = null;
  let head = '';
  let patterns: SheetPatterns | null = null;
  let bytes: BytePatterns | null = null;
  let open = Buffer.alloc(0);
  let close = Buffer.alloc(0);
  let lastRow = 0;
  // The part of the last chunk after its last complete row waits at the start of `work`, where
  // the next chunk is appended: one buffer for the whole part instead of one a chunk (the
  // allocations, not the copying, cost: they grew the process's memory).
  let work = Buffer.allocUnsafe(256 * 1024);
  let leftLength = 0;
  // A row longer than `work` instead waits as a list of chunks, joined once when its `</row>`
  // comes: growing `work` for it copied it over and over.
  let long: Buffer[] = [];
  let longBytes = 0;
  let isRootless = false;
  for await (const chunk of xml) {
    if (isRootless) continue;
    let b: Buffer;
    if (long.length > 0) {
      long.push(chunk);
      longBytes += chunk.length;
      if (!closesIn(long[long.length - 2]!, chunk, close)) {
        if (longBytes > budget.maxElementBytes) throw new ReadBudgetError('element', budget.maxElementBytes);
        continue;
      }
      b = Buffer.concat(long, longBytes);
      long = [];
      longBytes = 0;
    } else {
      const size = leftLength + chunk.length;
      if (size > work.length) {
        const grown = Buffer.allocUnsafe(Math.max(size, 2 * work.length));
        work.copy(grown, 0, 0, leftLength);
        work = grown;
      }
      chunk.copy(work, leftLength);
      b = work.subarray(0, size);
      const before = leftLength;
      leftLength = 0;
      if (prefix === null) {
        // The root element's prefix, from the text so far (it is near the start).
        head = b.toString('utf8', 0, Math.min(b.length, 64 * 1024));
        prefix = rootPrefix(head, 'worksheet');
        if (prefix === null) {
          // A part whose root is not near its start holds no rows: drain it.
          if (size >= 64 * 1024) isRootless = true;
          leftLength = isRootless ? 0 : size;
          continue;
        }
        patterns = sheetPatterns(prefix);
        bytes = bytePatterns(prefix);
        open = Buffer.from(`<${prefix}row`, 'latin1');
        close = Buffer.from(`</${prefix}row>`, 'latin1');
      }
      // Complete rows only: up to the last `</row>`; the rest waits for the next chunk. The bytes
      // before this chunk hold none (but may hold the first part of one).
      if (b.indexOf(close, Math.max(0, before - close.length + 1)) < 0) {
        if (size > budget.maxElementBytes) throw new ReadBudgetError('element', budget.maxElementBytes);
        if (size > LONG_ROW_BYTES) {
          long = [Buffer.from(b)];
          longBytes = size;
        } else leftLength = size;
        continue;
      }
    }
    const size = b.length;
    // There is one among the new bytes, so this scans only those.
    const limit = b.lastIndexOf(close) + close.length;
    const rows: SheetRow[] = [];
    const ps = bytes!;
    let pos = 0;
    while (pos < limit) {
      // The next `<row` start tag.
      let s = pos;
      while (s < limit && !(b[s] === CHAR_LT && bytesAt(b, s, ps.rowTag) && endsTagName(b, s + ps.rowTag.length))) s++;
      if (s >= limit) break;
      let gt = s + ps.rowTag.length;
      while (gt < limit && b[gt] !== CHAR_GT) gt++;
      const isEmptyRow = b[gt - 1] === CHAR_SLASH;
      const cells = isEmptyRow || gt >= limit ? null : scanRow(b, gt + 1, limit, ps, sharedStrings);
      if (cells) {
        const n = rowNumberOf(b, s, gt + 1, ps.rowOpen);
        const rowNumber = Number.isNaN(n) ? lastRow + 1 : n;
        lastRow = rowNumber;
        rows.push({ rowNumber, cells });
        pos = scanned.end + close.length;
        continue;
      }
      // Anything else (a row the scanner leaves to the regular expressions, an empty `<row/>`,
      // odd nesting): the rest of the complete part is cut as the regular reading cuts it.
      lastRow = cutRows(b, pos, limit, open, close, patterns!, sharedStrings, lastRow, rows);
      pos = limit;
    }
    // Overlapping copy when `b` is `work`: Buffer#copy moves like memmove.
    leftLength = size - limit;
    if (leftLength > work.length) work = Buffer.allocUnsafe(leftLength);
    b.copy(work, 0, limit, size);
    if (rows.length > 0) yield rows;
  }
}

/** Bytes of an unfinished row beyond which it waits as a list of chunks rather than in the reader's one buffer. */
const LONG_ROW_BYTES = 1024 * 1024;

/** Rows of a worksheet part one by one (see {@link readSheetRowBatches}). */
export async function* readSheetRows(xml: AsyncIterable<Buffer>, sharedStrings: string[]): AsyncGenerator<SheetRow> {
  for await (const rows of readSheetRowBatches(xml, sharedStrings)) yield* rows;
}

/** The regular-expression reading of one row, `<row …>…</row>`, for tests that hold the scanner to it. */
export function readRowByRegex(rowXml: string, sharedStrings: string[], prefix = ''): RawCell[] {
  const close = `</${prefix}row>`;
  return regexRow(rowXml.endsWith(close) ? rowXml.slice(0, -close.length) : rowXml, sheetPatterns(prefix), sharedStrings);
}

/** The scanner's reading of one row, `<row …>…</row>`, or null where it leaves the row to the regular expressions. */
export function readRowByScanner(rowXml: string, sharedStrings: string[], prefix = ''): RawCell[] | null {
  const b = Buffer.from(rowXml, 'utf8');
  return scanRow(b, b.indexOf('>') + 1, b.length, bytePatterns(prefix), sharedStrings);
}
