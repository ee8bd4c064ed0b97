/**
 * Streaming row readers for .xlsx and .csv: rows come out one at a time, so memory is bounded
 * by a row (plus the workbook's shared-string table), never by the file, and nothing is
 * written to disk on the way.
 */
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { RawCell } from './values';

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
  /** The rows in file order. */
  rows: AsyncIterable<SourceRow>;
  /** Whether serial dates count from 1904 (known once the workbook part has been read). */
  isDate1904(): boolean;
  /** Share of the data read so far, 0–1, or null when it cannot be known. */
  fraction(): number | null;
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

/** An entry of the zip's central directory, as unzipper's random-access reader gives it. */
interface ZipEntry {
  path: string;
  uncompressedSize: number;
  stream(): Readable;
}

/** unzipper's random-access API (unzipper ships no types). */
interface Unzipper {
  Open: { file(path: string): Promise<{ files: ZipEntry[] }> };
}

/**
 * The parts of exceljs's streaming WorkbookReader used here. Its own `parse()` reads the zip
 * front to back, spilling any worksheet that precedes the workbook part to a temp file, and it
 * sometimes loses the last entries of the zip under load ("reading 'sheets' of undefined").
 * Reading the central directory and feeding the parts in dependency order avoids both, and lets
 * the fraction follow the worksheet bytes.
 */
interface WorkbookReaderParts {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/** unzipper as exceljs itself resolves it, so both read zips the same way. */
function loadUnzipper(): Unzipper {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('exceljs'))('unzipper') as Unzipper;
}

/** Zip part name of a relationship target relative to `xl/`. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Rows of every worksheet of an .xlsx file, in workbook order. */
export function xlsxRows(filePath: string): RowSource {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Date cells then arrive as serial numbers, which time columns read as serials anyway
    // (with the workbook's 1904 flag); skipping styles halves the parse time.
    styles: 'ignore',
    worksheets: 'emit',
  });
  const parts = reader as unknown as WorkbookReaderParts;
  let sheetBytes = 0;
  let bytesRead = 0;
  async function* rows(): AsyncGenerator<SourceRow> {
    const { files } = await loadUnzipper().Open.file(filePath);
    const byName = new Map(files.map((f) => [f.path, f]));
    const workbook = byName.get('xl/workbook.xml');
    if (!workbook) throw new Error('not a workbook: xl/workbook.xml missing');
    await parts._parseWorkbook(workbook.stream());
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (rels) await parts._parseRels(rels.stream());
    const shared = byName.get('xl/sharedStrings.xml');
    if (shared) for await (const _ of parts._parseSharedStrings(shared.stream()));
    else parts.sharedStrings = [];
    const sheets = (parts.model?.sheets ?? [])
      .map((s) => {
        const target = parts.workbookRels?.find((r) => r.Id === s.rId)?.Target;
        return { name: s.name, entry: target ? byName.get(partName(target)) : undefined };
      })
      .filter((s): s is { name: string; entry: ZipEntry } => !!s.entry);
    sheetBytes = sheets.reduce((n, s) => n + s.entry.uncompressedSize, 0);
    for (const { name, entry } of sheets) {
      const sheetNo = /sheet(\d+)\.xml$/.exec(entry.path)?.[1] ?? '0';
      const xml = entry.stream().pipe(byteCounter((n) => (bytesRead += n)));
      for (const { value: ws } of parts._parseWorksheet(xml, sheetNo)) {
        for await (const row of ws) {
          const values = row.values as RawCell[];
          // exceljs row.values is 1-based: index 0 is always empty.
          yield { sheet: name, rowNumber: row.number, cells: Array.isArray(values) ? Array.from(values.slice(1)) : [] };
        }
      }
    }
  }
  return {
    rows: rows(),
    isDate1904: () => !!parts.properties?.model?.date1904,
    fraction: () => (sheetBytes > 0 ? Math.min(1, bytesRead / sheetBytes) : null),
  };
}

/** Whether a buffer looks like valid UTF-8 (a cut multi-byte character at the end is allowed). */
function isUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

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

  /** Feeds text; returns the records completed by it. */
  push(text: string): string[][] {
    const out: string[][] = [];
    if (this.sep === null) {
      const firstLine = text.split(/\r?\n/, 1)[0];
      const tabs = firstLine.split('\t').length;
      const commas = firstLine.split(',').length;
      this.sep = tabs > commas ? '\t' : ',';
    }
    const sep = this.sep;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.isQuoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the chunk end may be the first half of "": decide on the next chunk.
            this.isQuoted = false;
            this.wasQuote = true;
          } else {
            this.isQuoted = false;
          }
        } else {
          this.field += ch;
        }
        continue;
      }
      if (this.wasQuote) {
        this.wasQuote = false;
        if (ch === '"') {
          this.field += '"';
          this.isQuoted = true;
          continue;
        }
      }
      if (ch === '"' && this.field === '') this.isQuoted = true;
      else if (ch === sep) {
        this.record.push(this.field);
        this.field = '';
      } else if (ch === '\n') {
        this.record.push(this.field.endsWith('\r') ? this.field.slice(0, -1) : this.field);
        out.push(this.record);
        this.record = [];
        this.field = '';
      } else this.field += ch;
    }
    return out;
  }

  /** Flushes the last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.field === '' && this.record.length === 0) return [];
    this.record.push(this.field.endsWith('\r') ? this.field.slice(0, -1) : this.field);
    const last = this.record;
    this.record = [];
    this.field = '';
    return [last];
  }
}

/** Rows of a CSV stream in UTF-8 (with or without BOM) or, when not valid UTF-8, GB18030. */
export function csvRows(input: Readable, sheet: string, fraction: () => number | null = () => null): RowSource {
  async function* rows(): AsyncGenerator<SourceRow> {
    const parser = new CsvParser();
    let decode: ((b: Buffer) => string) | null = null;
    let rowNumber = 0;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (!decode) {
        if (isUtf8(chunk)) {
          const d = new StringDecoder('utf8');
          decode = (b) => d.write(b);
        } else {
          const d = new TextDecoder('gb18030');
          decode = (b) => d.decode(b, { stream: true });
        }
      }
      let text = decode(chunk);
      if (rowNumber === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      for (const cells of parser.push(text)) yield { sheet, rowNumber: ++rowNumber, cells };
    }
    for (const cells of parser.end()) yield { sheet, rowNumber: ++rowNumber, cells };
  }
  return { rows: rows(), isDate1904: () => false, fraction };
}
