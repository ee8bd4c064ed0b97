/**
 * Streaming row readers for .xlsx and .csv: rows come out one at a time, so memory is bounded
 * by a row (plus the workbook's shared-string table), never by the file, and nothing is
 * written to disk on the way.
 */
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../contract/appError';
import { formatBytes, formatCount, type ImportLimits } from './reader/limits';
import { ReadBudgetError, readSharedStrings, readSheetRowBatches } from './reader/sheetXml';
import { readWorkbookPart, readWorkbookRels, type WorkbookInfo } from './reader/workbookParts';
import { openZipEntry, ZipDamagedError, ZipSizeLieError, type ZipEntry } from './reader/zip';
import { DELIMITER_LINES, detectDelimiter, isAscii, isUtf8, truncated, type TextEncoding } from './sniff';
import type { RawCell } from './values';
import { importMessages as msg } from '../locale/import';

/** One row of a sheet. */
export interface SourceRow {
  /** Sheet name (the file name for CSV). */
  sheet: string;
  /** Row number as the spreadsheet shows it, 1-based. */
  rowNumber: number;
  /** Cell values, 0-based by column. */
  cells: RawCell[];
}

/** A stream of rows plus what is known about the workbook. */
export interface RowSource {
  /** The rows in file order, in batches (one per chunk read: an async step per row cost more than the row). */
  batches: AsyncIterable<SourceRow[]>;
  /** Whether serial dates count from 1904 (known once the workbook part has been read). */
  isDate1904(): boolean;
  /** Share of the data read so far, 0–1, or null when it cannot be known. */
  fraction(): number | null;
}

/** The rows of a source one by one, for readers of a few rows. */
export async function* eachRow(source: RowSource): AsyncGenerator<SourceRow> {
  for await (const batch of source.batches) yield* batch;
}

/** Counts bytes passing through, for the progress fraction. */
export function byteCounter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onBytes(chunk.length);
      cb(null, chunk);
    },
  });
}

/** Zip part name of a relationship target relative to `xl/`. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** What the readers need besides the bytes. */
export interface ReadContext {
  /** File name for messages. */
  fileName: string;
  /** Size limits. */
  limits: ImportLimits;
}

/** Counts cells against the limit; throws IMPORT_TOO_LARGE naming where the limit was crossed. */
function cellCounter(ctx: ReadContext, isCsv: boolean): (row: SourceRow) => void {
  let cells = 0;
  return (row) => {
    cells += row.cells.length;
    if (cells <= ctx.limits.maxCells) return;
    throw new AppError(
      'IMPORT_TOO_LARGE',
      msg.tooManyCells(ctx.fileName, isCsv ? null : row.sheet, row.rowNumber, formatCount(ctx.limits.maxCells)),
      { file: ctx.fileName, sheet: isCsv ? null : row.sheet, row: row.rowNumber, limit: ctx.limits.maxCells },
    );
  };
}

/** Turns what inflating and reading a part can throw into the importer's codes. */
function zipReadError(e: unknown, fileName: string, part: string): unknown {
  if (e instanceof ReadBudgetError) return budgetError(e, fileName, part);
  if (e instanceof ZipSizeLieError) {
    return new AppError('IMPORT_TOO_LARGE', msg.sizeLie(fileName, e.entry.path, formatBytes(e.entry.uncompressedSize)), {
      file: fileName,
      part: e.entry.path,
    });
  }
  if (e instanceof ZipDamagedError) {
    return new AppError('IMPORT_FILE_UNREADABLE', msg.damaged(fileName, msg.partCutShort(e.entry.path, formatCount(e.inflated), formatCount(e.entry.uncompressedSize))), {
      file: fileName,
      part: e.entry.path,
    });
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return truncated(fileName, e instanceof Error ? e.message : String(e));
  if (code === 'Z_DATA_ERROR') return new AppError('IMPORT_FILE_UNREADABLE', msg.damaged(fileName, e instanceof Error ? e.message : String(e)), { file: fileName, part });
  return e;
}

/** What passing a reading budget means for the user: the file is too large (or built to look so). */
function budgetError(e: ReadBudgetError, fileName: string, part: string): AppError {
  const details = { file: fileName, part, limit: e.limit };
  if (e.what === 'element') {
    return new AppError('IMPORT_TOO_LARGE', msg.elementTooLarge(fileName, part, part === 'xl/sharedStrings.xml', formatBytes(e.limit)), details);
  }
  const message = e.what === 'sharedStrings' ? msg.tooManyStrings(fileName, formatCount(e.limit)) : msg.stringsTooLong(fileName, formatCount(e.limit));
  return new AppError('IMPORT_TOO_LARGE', message, details);
}

/** A workbook's parts as the row readers need them: the workbook part, its sheets in order with their parts, the shared strings. */
interface OpenedWorkbook {
  workbook: WorkbookInfo;
  sheets: { name: string; entry: ZipEntry }[];
  sharedStrings: string[];
}

/**
 * Reads the workbook part, its relationships and the shared-string table (within the budgets of
 * `ctx.limits`), the parts every sheet needs; `onPart` hears which part is being read.
 */
async function openWorkbook(filePath: string, entries: ZipEntry[], ctx: ReadContext, onPart: (part: string) => void): Promise<OpenedWorkbook> {
  const byName = new Map(entries.map((f) => [f.path, f]));
  onPart('xl/workbook.xml');
  const workbook = await readWorkbookPart(await openZipEntry(filePath, byName.get('xl/workbook.xml')!));
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  onPart('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? await readWorkbookRels(await openZipEntry(filePath, relsEntry)) : [];
  const shared = byName.get('xl/sharedStrings.xml');
  onPart('xl/sharedStrings.xml');
  const { maxElementBytes, maxSharedStrings: maxStrings, maxSharedStringChars: maxChars } = ctx.limits;
  const sharedStrings = shared ? await readSharedStrings(await openZipEntry(filePath, shared), { maxElementBytes, maxStrings, maxChars }) : [];
  const sheets = workbook.sheets
    .map((s) => {
      const target = rels.find((r) => r.Id === s.rId)?.Target;
      return { name: s.name, entry: target ? byName.get(partName(target)) : undefined };
    })
    .filter((s): s is { name: string; entry: ZipEntry } => !!s.entry);
  return { workbook, sheets, sharedStrings };
}

/** The first rows of one sheet. */
export interface SheetHead {
  name: string;
  rows: SourceRow[];
}

/**
 * The first `maxRows` rows of every worksheet of an .xlsx file, in workbook order: each sheet's
 * part is dropped after its first rows, so the cost does not grow with the length of the sheets
 * (the shared-string table is still read whole, within its budgets).
 */
export async function xlsxHeads(filePath: string, entries: ZipEntry[], ctx: ReadContext, maxRows: number): Promise<{ sheets: SheetHead[]; isDate1904: boolean }> {
  let part = '';
  try {
    const opened = await openWorkbook(filePath, entries, ctx, (p) => (part = p));
    const sheets: SheetHead[] = [];
    for (const { name, entry } of opened.sheets) {
      part = entry.path;
      const rows: SourceRow[] = [];
      const xml = await openZipEntry(filePath, entry);
      try {
        for await (const batch of readSheetRowBatches(xml, opened.sharedStrings, ctx.limits)) {
          for (const row of batch) if (rows.length < maxRows) rows.push({ sheet: name, rowNumber: row.rowNumber, cells: row.cells });
          if (rows.length >= maxRows) break;
        }
      } finally {
        xml.destroy();
      }
      sheets.push({ name, rows });
    }
    return { sheets, isDate1904: opened.workbook.isDate1904 };
  } catch (e) {
    throw zipReadError(e, ctx.fileName, part);
  }
}

/**
 * Rows of every worksheet of an .xlsx file, in workbook order, from its checked zip directory.
 * The parts are read in dependency order (workbook, relationships, shared strings, sheets),
 * each from its own directory entry (sizes checked before inflating, see sniff.ts), so the
 * fraction follows the worksheet bytes. The workbook part and its relationships go through
 * exceljs's parsers (reader/workbookParts.ts); worksheets and shared strings through
 * reader/sheetXml.ts, which is several times faster than exceljs's SAX reader on those
 * regular parts.
 */
export function xlsxRows(filePath: string, entries: ZipEntry[], ctx: ReadContext): RowSource {
  const count = cellCounter(ctx, false);
  let workbook: WorkbookInfo | null = null;
  let sheetBytes = 0;
  let bytesRead = 0;
  async function* batches(): AsyncGenerator<SourceRow[]> {
    let part = '';
    try {
      const opened = await openWorkbook(filePath, entries, ctx, (p) => (part = p));
      workbook = opened.workbook;
      sheetBytes = opened.sheets.reduce((n, s) => n + s.entry.uncompressedSize, 0);
      for (const { name, entry } of opened.sheets) {
        part = entry.path;
        const xml = await openZipEntry(filePath, entry, (n) => (bytesRead += n));
        for await (const rows of readSheetRowBatches(xml, opened.sharedStrings, ctx.limits)) {
          // The reader's rows become source rows in place: one object a row, not two.
          const out = rows as SourceRow[];
          for (const row of out) {
            row.sheet = name;
            count(row);
          }
          yield out;
        }
      }
    } catch (e) {
      throw zipReadError(e, ctx.fileName, part);
    }
  }
  return {
    batches: batches(),
    isDate1904: () => !!(workbook as WorkbookInfo | null)?.isDate1904,
    fraction: () => (sheetBytes > 0 ? Math.min(1, bytesRead / sheetBytes) : null),
  };
}

const QUOTE = 34;
const LINE_FEED = 10;

/** Splits CSV text into records; quotes may hold separators and line breaks. */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private isQuoted = false;
  private wasQuote = false;
  private sep: string | null;

  constructor(sep: string | null = null) {
    this.sep = sep;
  }

  /** Text held back until enough lines are in to pick the separator. */
  private head = '';
  /** Characters of the completed fields of the record under way. */
  private recordChars = 0;

  /** Size of the record under way, in characters plus one per field: what is held until its line ends. */
  pendingSize(): number {
    return this.head.length + this.recordChars + this.record.length + this.field.length;
  }

  /** Feeds text; returns the records completed by it. */
  push(input: string): string[][] {
    let text = input;
    if (this.sep === null) {
      // The separator is chosen from the first lines (the header may sit below a title row).
      this.head += text;
      if (this.head.split('\n', DELIMITER_LINES + 1).length <= DELIMITER_LINES && this.head.length < 64 * 1024) return [];
      this.sep = detectDelimiter(this.head);
      text = this.head;
      this.head = '';
    }
    const out: string[][] = [];
    const sep = this.sep.charCodeAt(0);
    const n = text.length;
    // Characters are added to the field as runs (`text.slice(from, i)`) at its boundaries, not
    // one by one: a string grown a character at a time took some 30 bytes a character until
    // flattened (a 40 MB line took 700 MB).
    let from = 0;
    let i = 0;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (this.isQuoted) {
        if (ch !== QUOTE) {
          i++;
          continue;
        }
        this.field += text.slice(from, i);
        if (text.charCodeAt(i + 1) === QUOTE) {
          this.field += '"';
          i += 2;
        } else {
          // A quote at the chunk end may be the first half of "": decide on the next chunk.
          if (i + 1 === n) this.wasQuote = true;
          this.isQuoted = false;
          i++;
        }
        from = i;
        continue;
      }
      if (this.wasQuote) {
        this.wasQuote = false;
        if (ch === QUOTE) {
          this.field += '"';
          this.isQuoted = true;
          from = ++i;
          continue;
        }
      }
      if (ch === QUOTE && i === from && this.field === '') {
        this.isQuoted = true;
        from = ++i;
      } else if (ch === sep) {
        this.field += text.slice(from, i);
        this.recordChars += this.field.length;
        this.record.push(this.field);
        this.field = '';
        from = ++i;
      } else if (ch === LINE_FEED) {
        this.field += text.slice(from, i);
        this.record.push(this.field.endsWith('\r') ? this.field.slice(0, -1) : this.field);
        out.push(this.record);
        this.record = [];
        this.recordChars = 0;
        this.field = '';
        from = ++i;
      } else i++;
    }
    if (from < n) this.field += text.slice(from, n);
    return out;
  }

  /** Flushes the last record when the file does not end with a line break. */
  end(): string[][] {
    let held: string[][] = [];
    if (this.sep === null) {
      this.sep = detectDelimiter(this.head);
      held = this.push(this.head);
      this.head = '';
    }
    if (this.field === '' && this.record.length === 0) return held;
    this.record.push(this.field.endsWith('\r') ? this.field.slice(0, -1) : this.field);
    const last = this.record;
    this.record = [];
    this.recordChars = 0;
    this.field = '';
    return [...held, last];
  }
}

/**
 * A decoder for CSV bytes. With `encoding` null (the sniffed sample was ASCII) bytes pass as
 * ASCII until the first chunk with other bytes, which decides between UTF-8 and GB18030.
 */
function csvDecoder(encoding: TextEncoding | null): (chunk: Buffer) => string {
  let decoder: InstanceType<typeof TextDecoder> | null = encoding ? new TextDecoder(encoding) : null;
  return (chunk) => {
    if (!decoder) {
      if (isAscii(chunk)) return chunk.toString('latin1');
      decoder = new TextDecoder(isUtf8(chunk) ? 'utf-8' : 'gb18030');
    }
    return decoder.decode(chunk, { stream: true });
  };
}

/** How a CSV stream is read, as sniff.ts found it. */
export interface CsvFormat {
  /** Text encoding; null when only ASCII was seen so far. */
  encoding: TextEncoding | null;
  /** Bytes of byte-order mark at the start of the stream. */
  bomLength: number;
}

/** Rows of a CSV stream in UTF-8 (with or without BOM), GB18030 or UTF-16 with BOM; separator `,`, tab or `;`. */
export function csvRows(input: Readable, sheet: string, format: CsvFormat, ctx: ReadContext, fraction: () => number | null = () => null): RowSource {
  const count = cellCounter(ctx, true);
  async function* batches(): AsyncGenerator<SourceRow[]> {
    const parser = new CsvParser();
    const decode = csvDecoder(format.encoding);
    let skip = format.bomLength;
    let rowNumber = 0;
    for await (const raw of input as AsyncIterable<Buffer>) {
      let chunk = raw;
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        chunk = chunk.subarray(cut);
        skip -= cut;
      }
      let text = decode(chunk);
      // A UTF-8 BOM the sniffer did not strip is still not part of the header.
      if (rowNumber === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text === '') continue;
      const batch = parser.push(text).map((cells) => ({ sheet, rowNumber: ++rowNumber, cells }));
      batch.forEach(count);
      // One line is held whole until it ends: a line longer than any real row is refused, not held.
      if (parser.pendingSize() > ctx.limits.maxElementBytes) {
        throw new AppError('IMPORT_TOO_LARGE', msg.lineTooLong(ctx.fileName, rowNumber + 1, formatBytes(ctx.limits.maxElementBytes)), {
          file: ctx.fileName,
          row: rowNumber + 1,
          limit: ctx.limits.maxElementBytes,
        });
      }
      if (batch.length > 0) yield batch;
    }
    const last = parser.end().map((cells) => ({ sheet, rowNumber: ++rowNumber, cells }));
    last.forEach(count);
    if (last.length > 0) yield last;
  }
  return { batches: batches(), isDate1904: () => false, fraction };
}
