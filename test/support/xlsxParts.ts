/**
 * An xlsx opened without exceljs (an independent reader for what our writers produce): the zip's
 * central directory read by hand, entries inflated with node's zlib, and the few parts a test
 * checks (sheet names, cells, number formats, panes, drawings, images) picked out of the XML.
 */
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip file by name (stored or deflated, as every xlsx writer emits). */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** One cell as written: its type attribute, style index, formula (if any) and value text. */
export interface XmlCell {
  ref: string;
  /** The `t` attribute: absent / `n` for numbers, `s` shared string, `inlineStr`, `str`, `b`. */
  type: string | null;
  style: number;
  formula: string | null;
  /** The number, or the string (shared strings resolved). */
  value: string | null;
}

/** One worksheet: its name, XML, cells by reference and the media of its drawing. */
export interface XmlSheet {
  name: string;
  xml: string;
  cells: Map<string, XmlCell>;
  /** Media files its drawing places (paths inside the zip). */
  images: string[];
}

/** An opened workbook. */
export interface XlsxParts {
  files: Map<string, Buffer>;
  sheets: XmlSheet[];
  /** The number format code of each cell style index. */
  formatOf(style: number): string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;
const text = (xml: string) => decode([...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Relationship targets of a part by id. */
function relsOf(files: Map<string, Buffer>, part: string): Map<string, string> {
  const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
  const xml = files.get(relsPath)?.toString('utf8') ?? '';
  return new Map([...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, resolveTarget(part, attr(m[0], 'Target')!)]));
}

/** Built-in number formats a writer may refer to by id alone. */
const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy' };

/** Opens an xlsx's bytes. */
export function readXlsxParts(bytes: Buffer): XlsxParts {
  const files = unzip(bytes);
  const read = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => text(m[1]!));
  const styles = read('xl/styles.xml');
  const numFmts = new Map([...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), decode(attr(m[0], 'formatCode') ?? '')]));
  const cellXfs = styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '';
  const xfFormats = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => Number(attr(m[0], 'numFmtId') ?? 0));
  const workbookRels = relsOf(files, 'xl/workbook.xml');
  const sheets = [...read('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m): XmlSheet => {
    const part = workbookRels.get(attr(m[0], 'r:id')!)!;
    const xml = read(part);
    const cells = new Map<string, XmlCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c${c[1]}>`;
      const inner = c[2] ?? '';
      const type = attr(tag, 't');
      const raw = inner.match(/<v>([\s\S]*?)<\/v>/)?.[1] ?? null;
      const value = type === 's' && raw !== null ? shared[Number(raw)]! : type === 'inlineStr' ? text(inner) : raw === null ? null : decode(raw);
      cells.set(attr(tag, 'r')!, { ref: attr(tag, 'r')!, type, style: Number(attr(tag, 's') ?? 0), formula: inner.match(/<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/)?.[0] ?? null, value });
    }
    const sheetRels = relsOf(files, part);
    const drawingId = xml.match(/<drawing\b[^>]*>/)?.[0];
    const drawing = drawingId ? sheetRels.get(attr(drawingId, 'r:id')!) : undefined;
    const images = drawing ? [...relsOf(files, drawing).values()].filter((p) => p.startsWith('xl/media/')) : [];
    return { name: decode(attr(m[0], 'name')!), xml, cells, images };
  });
  return {
    files,
    sheets,
    formatOf: (style) => {
      const id = xfFormats[style] ?? 0;
      return numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`;
    },
  };
}
