/**
 * Streaming row readers for .xlsx and .csv: rows come out one at a time, so memory is bounded
 * by a row (plus the workbook's shared-string table), never by the file.
 */
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

/** Rows of every worksheet of an .xlsx stream. */
export function xlsxRows(input: Readable): RowSource {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Date cells then arrive as serial numbers, which time columns read as serials anyway
    // (with the workbook's 1904 flag); skipping styles halves the parse time.
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const ws of reader) {
      const sheet = (ws as unknown as { name?: string }).name ?? '';
      for await (const row of ws) {
        const values = row.values as RawCell[];
        // exceljs row.values is 1-based: index 0 is always empty.
        yield { sheet, rowNumber: row.number, cells: Array.isArray(values) ? Array.from(values.slice(1)) : [] };
      }
    }
  }
  return {
    rows: rows(),
    isDate1904: () => {
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      return !!props?.model?.date1904;
    },
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
export function csvRows(input: Readable, sheet: string): RowSource {
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
  return { rows: rows(), isDate1904: () => false };
}
