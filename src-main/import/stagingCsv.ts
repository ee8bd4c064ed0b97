/**
 * The hand-over from the parsing worker to the store: normalised records written as CSV chunk
 * files, which DuckDB's CSV reader loads while the worker goes on parsing. CSV because DuckDB
 * reads it natively and in parallel; the records are encoded straight into UTF-8 bytes here
 * (JSON.stringify, string joins or DuckDB's appender each cost several times more per value).
 *
 * The dialect, which {@link STAGING_CSV} states for the reader: fields separated by U+001F, records
 * ended by LF, no header; an empty unquoted field is NULL; a field holding a quote, the separator,
 * CR or LF, or an empty string, is quoted with `"` and its quotes doubled. Lone surrogates (which
 * UTF-8 cannot hold) become U+FFFD, as Buffer.from would make them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordValue } from './parseExport';

/** The CSV dialect of the chunk files, for the reader. */
export const STAGING_CSV = {
  /** Field separator: U+001F (unit separator), which text never holds in practice; quoted when it does. */
  delimiter: '\u001f',
  quote: '"',
} as const;

const DELIMITER = 0x1f;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** One chunk file written. */
export interface StagingChunk {
  /** Path of the CSV file. */
  path: string;
  /** Records in it. */
  rows: number;
  /** Bytes of its longest record, so the reader can be told the longest line to expect. */
  maxLineBytes: number;
  /** Sheet of every record in it (a chunk ends where a sheet does); null for CSV. */
  sheet: string | null;
}

/** Where a chunk is cut: whichever comes first. */
export interface ChunkSize {
  rows: number;
  bytes: number;
}

/** Chunk size for the import: small enough to load while the next one is parsed, large enough that a statement per chunk costs nothing. */
export const DEFAULT_CHUNK_SIZE: ChunkSize = { rows: 65_536, bytes: 4 * 1024 * 1024 };

/**
 * Encodes records of known fields into CSV chunk files in `dir`, handing each finished file to
 * `onChunk` (whose promise, if any, is awaited: a slow reader slows the writer).
 */
export class StagingCsvWriter {
  private buf: Buffer;
  private pos = 0;
  private rows = 0;
  private lineStart = 0;
  private maxLine = 0;
  private chunkNo = 0;

  constructor(
    private readonly dir: string,
    /** Record fields in column order. */
    private readonly fields: readonly string[],
    private readonly onChunk: (chunk: StagingChunk) => void | Promise<void>,
    private readonly size: ChunkSize = DEFAULT_CHUNK_SIZE,
  ) {
    this.buf = Buffer.allocUnsafe(size.bytes + 64 * 1024);
  }

  /** Where each field of the file is in the values of records with `keys` (-1: not there), for the last keys seen. */
  private slots: number[] = [];
  private slotsFor: readonly string[] | null = null;
  /** Place of the record's sheet in those values (-1: none), and the sheet of the records held. */
  private sheetSlot = -1;
  private sheet: string | null = null;

  /**
   * Adds a record given as values in the order of `keys` (parseExport's `emitValues`); returns a
   * promise when a chunk was handed over and the hand-over is asynchronous.
   */
  add(values: readonly RecordValue[], keys: readonly string[]): void | Promise<void> {
    if (keys !== this.slotsFor) {
      this.slots = this.fields.map((f) => keys.indexOf(f));
      this.sheetSlot = keys.indexOf('sheet');
      this.slotsFor = keys;
    }
    const sheet = this.sheetSlot < 0 ? null : ((values[this.sheetSlot] as string | null) ?? null);
    if (sheet !== this.sheet) {
      // Each chunk holds one sheet's rows, so the store knows the sheet of every row it skips.
      const handed = this.flush();
      this.sheet = sheet;
      if (handed) return handed.then(() => this.add(values, keys));
    }
    const slots = this.slots;
    for (let f = 0; f < slots.length; f++) {
      if (f > 0) this.byte(DELIMITER);
      const slot = slots[f]!;
      const v = slot < 0 ? null : values[slot];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') this.text(v);
      else if (typeof v === 'number') {
        if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) this.integer(v);
        else this.ascii(String(v));
      } else this.ascii(v ? 'true' : 'false');
    }
    this.byte(LF);
    this.rows++;
    const line = this.pos - this.lineStart;
    if (line > this.maxLine) this.maxLine = line;
    this.lineStart = this.pos;
    if (this.rows >= this.size.rows || this.pos >= this.size.bytes) return this.flush();
  }

  /** Writes the records held so far as a chunk file, if there are any. */
  flush(): void | Promise<void> {
    if (this.rows === 0) return;
    const file = path.join(this.dir, `chunk-${String(++this.chunkNo).padStart(6, '0')}.csv`);
    writeFileSync(file, this.buf.subarray(0, this.pos));
    const chunk: StagingChunk = { path: file, rows: this.rows, maxLineBytes: this.maxLine, sheet: this.sheet };
    this.pos = 0;
    this.rows = 0;
    this.lineStart = 0;
    this.maxLine = 0;
    return this.onChunk(chunk);
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }

  /** A non-negative integer below 2^31 (sequence and row numbers, counts) in decimal, without making a string. */
  private integer(v: number): void {
    this.reserve(10);
    const buf = this.buf;
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    let t = v;
    do {
      buf[--p] = 48 + (t % 10);
      t = Math.floor(t / 10);
    } while (t > 0);
  }

  /** Text known to be ASCII without anything to quote (numbers, booleans). */
  private ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A text field as UTF-8, quoted when it must be. */
  private text(s: string): void {
    const n = s.length;
    // At most 3 bytes per UTF-16 unit; a doubled quote is 2; plus the enclosing quotes.
    this.reserve(3 * n + 2);
    if (n === 0) {
      this.buf[this.pos++] = QUOTE;
      this.buf[this.pos++] = QUOTE;
      return;
    }
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === QUOTE || c === DELIMITER || c === LF || c === CR) {
          this.pos = start;
          this.quoted(s);
          return;
        }
        buf[p++] = c;
      } else {
        p = utf8(buf, p, s, i, c);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) i++;
      }
    }
    this.pos = p;
  }

  private quoted(s: string): void {
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === QUOTE) buf[p++] = QUOTE;
        buf[p++] = c;
      } else {
        p = utf8(buf, p, s, i, c);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) i++;
      }
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Writes the non-ASCII code unit `c` at `s[i]` (with its low surrogate, if it is a high one) as UTF-8; returns the next position. */
function utf8(buf: Buffer, at: number, s: string, i: number, c: number): number {
  let p = at;
  if (c < 0x800) {
    buf[p++] = 0xc0 | (c >> 6);
    buf[p++] = 0x80 | (c & 0x3f);
    return p;
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (c <= 0xdbff && isLowSurrogate(next)) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      buf[p++] = 0xf0 | (cp >> 18);
      buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[p++] = 0x80 | (cp & 0x3f);
      return p;
    }
    // A lone surrogate: U+FFFD.
    buf[p++] = 0xef;
    buf[p++] = 0xbf;
    buf[p++] = 0xbd;
    return p;
  }
  buf[p++] = 0xe0 | (c >> 12);
  buf[p++] = 0x80 | ((c >> 6) & 0x3f);
  buf[p++] = 0x80 | (c & 0x3f);
  return p;
}
