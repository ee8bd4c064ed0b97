/**
 * Looks at a file before any parser does, so each kind of bad input ends as its own stable
 * error code with a one-line message naming the file: empty, cut short, encrypted, legacy .xls,
 * not a spreadsheet at all, or too large to read safely. Also settles a CSV's text encoding.
 */
import type { ErrorCode } from '../contract';
import { AppError, firstLine } from '../contract/appError';
import { CFB_MAGIC, cfbStreamNames } from './reader/cfb';
import { formatBytes, type ImportLimits } from './reader/limits';
import { openRegularFile } from './sourceFile';
import { readZipDirectory, type ZipEntry } from './reader/zip';
import { importMessages as msg } from '../locale/import';

/** Text encodings a CSV may come in. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What a file turned out to be. */
export type Sniffed =
  | { format: 'xlsx'; entries: ZipEntry[] }
  /** `encoding` null: the sample was plain ASCII, so the first non-ASCII bytes decide. */
  | { format: 'csv'; encoding: TextEncoding | null; bomLength: number };

/** Bytes looked at to recognise a format and a text encoding. */
export const SNIFF_BYTES = 64 * 1024;
/** Most of a CFB container read to find its stream names. */
const CFB_READ_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\x05\x06', 'latin1');

/** Signatures of files people pick by mistake, with what to call them in the message. */
const foreignMagic: { id: keyof typeof msg.foreign; test: (b: Buffer) => boolean }[] = [
  { id: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { id: 'jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { id: 'gif', test: (b) => b.toString('latin1', 0, 4) === 'GIF8' },
  { id: 'webp', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { id: 'bmp', test: (b) => b.toString('latin1', 0, 2) === 'BM' && b.length >= 26 && b.readUInt32LE(14) >= 12 && b.readUInt32LE(14) <= 124 },
  { id: 'heic', test: (b) => b.toString('latin1', 4, 8) === 'ftyp' },
  { id: 'pdf', test: (b) => b.toString('latin1', 0, 5) === '%PDF-' },
  { id: 'rar', test: (b) => b.toString('latin1', 0, 4) === 'Rar!' },
  { id: 'sevenZip', test: (b) => b.subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) },
  { id: 'gzip', test: (b) => b[0] === 0x1f && b[1] === 0x8b },
];

function fail(code: ErrorCode, fileName: string, message: string, details: Record<string, string | number | null> = {}): AppError {
  return new AppError(code, message, { file: fileName, ...details });
}

/** A file that is not a spreadsheet; `what` says what it looks like instead. */
export function notSpreadsheet(fileName: string, what: string): AppError {
  return fail('IMPORT_NOT_SPREADSHEET', fileName, msg.notSpreadsheet(fileName, what));
}

/** A file cut short (an unfinished download or copy). */
export function truncated(fileName: string, detail: string): AppError {
  return fail('IMPORT_TRUNCATED', fileName, msg.truncated(fileName), { detail });
}

/** Checks the zip directory of an xlsx against the format and the size limits. */
export function checkXlsxEntries(entries: ZipEntry[], fileName: string, limits: ImportLimits): void {
  const names = new Set(entries.map((e) => e.path));
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('xl/workbook.bin')
      ? msg.instead.xlsb
      : names.has('word/document.xml')
        ? msg.instead.word
        : names.has('ppt/presentation.xml')
          ? msg.instead.powerpoint
          : msg.instead.zip;
    throw notSpreadsheet(fileName, what);
  }
  if (entries.some((e) => e.isEncrypted)) {
    throw fail('IMPORT_PASSWORD_PROTECTED', fileName, msg.encrypted(fileName));
  }
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw fail(
      'IMPORT_TOO_LARGE',
      fileName,
      msg.unzippedTooLarge(fileName, formatBytes(total), formatBytes(limits.maxUncompressedBytes)),
      { limit: limits.maxUncompressedBytes, size: total },
    );
  }
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      throw fail(
        'IMPORT_TOO_LARGE',
        fileName,
        msg.zipBomb(fileName, e.path, Math.round(ratio), limits.maxCompressionRatio),
        { part: e.path, limit: limits.maxCompressionRatio, ratio: Math.round(ratio) },
      );
    }
  }
}

/** Names a CFB container by its streams: encrypted xlsx, legacy xls, or something else. */
export function classifyCfb(names: string[], fileName: string): AppError {
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) {
    return fail('IMPORT_PASSWORD_PROTECTED', fileName, msg.openPassword(fileName));
  }
  if (names.includes('Workbook') || names.includes('Book') || (names.length === 0 && /\.xls$/i.test(fileName))) {
    return fail('IMPORT_LEGACY_XLS', fileName, msg.legacyXls(fileName));
  }
  if (names.includes('WordDocument')) return notSpreadsheet(fileName, msg.instead.legacyWord);
  return notSpreadsheet(fileName, msg.instead.compound);
}

/** Whether `sample` is valid UTF-8 (a character cut at the end of the sample is allowed). */
export function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether every byte is ASCII. */
export function isAscii(sample: Uint8Array): boolean {
  for (const b of sample) if (b >= 0x80) return false;
  return true;
}

/** Share of control bytes (other than tab, line breaks, form feed and escape) in `sample`; any NUL counts as binary. */
function looksBinary(sample: Buffer): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length * 0.01;
}

/** The text encoding of a CSV sample (its first bytes), or why it is not text. */
export function sniffText(sample: Buffer, fileName: string): Extract<Sniffed, { format: 'csv' }> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { format: 'csv', encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { format: 'csv', encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { format: 'csv', encoding: 'utf-16be', bomLength: 2 };
  if (looksBinary(sample)) throw notSpreadsheet(fileName, msg.instead.binary);
  if (isAscii(sample)) return { format: 'csv', encoding: null, bomLength: 0 };
  if (isUtf8(sample)) return { format: 'csv', encoding: 'utf-8', bomLength: 0 };
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(sample, { stream: true });
  } catch {
    throw notSpreadsheet(fileName, msg.instead.encoding);
  }
  return { format: 'csv', encoding: 'gb18030', bomLength: 0 };
}

/** Counts `sep` in `line` outside double quotes. */
function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let isQuoted = false;
  for (const ch of line) {
    if (ch === '"') isQuoted = !isQuoted;
    else if (ch === sep && !isQuoted) n++;
  }
  return n;
}

/** Lines of CSV text looked at to choose the separator. */
export const DELIMITER_LINES = 10;

/** CSV separators recognised, in order of preference on a tie. */
const SEPARATORS = [',', '\t', ';'] as const;

/**
 * The separator of CSV text: the one the header splits on most. The header may sit below a
 * title row, so the busiest of the first lines is taken as the header.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, DELIMITER_LINES).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    const count = Math.max(0, ...lines.map((l) => countOutsideQuotes(l, sep)));
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

/** Reads the start (and for zips the directory) of a file and says how to read it; throws AppError otherwise. */
export async function sniffFile(filePath: string, fileName: string, limits: ImportLimits): Promise<Sniffed> {
  const fh = await openRegularFile(filePath, fileName);
  try {
    const { size } = await fh.stat();
    if (size === 0) throw fail('IMPORT_EMPTY_FILE', fileName, msg.emptyFile(fileName));
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await fh.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
      const dir = await readZipDirectory(fh, size);
      if (!dir.ok && dir.problem === 'truncated') throw truncated(fileName, dir.detail);
      if (!dir.ok) throw fail('IMPORT_FILE_UNREADABLE', fileName, msg.damaged(fileName, dir.detail), { detail: dir.detail });
      checkXlsxEntries(dir.entries, fileName, limits);
      return { format: 'xlsx', entries: dir.entries };
    }
    if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) throw notSpreadsheet(fileName, msg.instead.emptyZip);
    if (head.subarray(0, 8).equals(CFB_MAGIC)) {
      const whole = Buffer.alloc(Math.min(size, CFB_READ_BYTES));
      await fh.read(whole, 0, whole.length, 0);
      throw classifyCfb(cfbStreamNames(whole), fileName);
    }
    const foreign = foreignMagic.find((m) => m.test(head));
    if (foreign) throw notSpreadsheet(fileName, msg.instead.looksLike(msg.foreign[foreign.id]));
    const text = sniffText(head, fileName);
    // An .xlsx is always a zip; text under that name is a mistake, not a CSV to guess at. (Text
    // named .xls is read as CSV: some tools export tab-separated text with that extension.)
    if (/\.xl[st][xm]$/i.test(fileName)) throw notSpreadsheet(fileName, msg.instead.textAsXlsx);
    return text;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fail('IMPORT_FILE_UNREADABLE', fileName, msg.unreadable(fileName, firstLine(e)));
  } finally {
    await fh.close();
  }
}
