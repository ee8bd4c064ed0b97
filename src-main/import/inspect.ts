/**
 * What a file holds before anything is imported (DESIGN §3): every table in it, the kind and
 * column mapping proposed for each (or given by a saved template with the same headers), and the
 * first rows parsed with that mapping, each cell with its problem if any, for the mapping grid.
 * Reads only the head of each sheet, so it answers at once even for a million-row export.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ColumnMapping, ImportKind, ImportPreview, MappingTemplate, PreviewCell, TableMapping, TablePreview } from '../contract';
import { headerSetKey, mappingFromTemplate } from './templateStore';
import { AppError, firstLine, isAppError } from '../contract/appError';
import { chooseHeader, HEADER_SCAN_ROWS, missingFields } from './headers';
import { fieldSpec, type FieldType } from './kinds';
import { isContinuation } from './parseExport';
import { resolveLimits, type ImportLimits } from './reader/limits';
import { csvRows, eachRow, xlsxHeads, type ReadContext, type SheetHead, type SourceRow } from './rowSource';
import { sniffFile } from './sniff';
import { cellText, cleanText, parseDateOnly, parseMoney, parseNumber, parsePercent, parsePhone, parseTime, type NumberParse, type RawCell } from './values';
import { importMessages as text } from '../locale/import';
import { part } from '../locale/language';

/** Data rows parsed for the preview of each table. */
export const PREVIEW_ROWS = 20;
/** Rows read from the top of a sheet: the header scan plus the preview. */
const HEAD_ROWS = HEADER_SCAN_ROWS + PREVIEW_ROWS;

/** Options of {@link inspectFile}. */
export interface InspectOptions {
  /** Forced kind; every kind is considered otherwise. */
  kind?: ImportKind;
  /** Project time zone: epoch instants are shown as its wall-clock time. */
  timeZone: string;
  /** Saved templates; one whose header set equals a table's headers supplies its mapping. */
  templates: MappingTemplate[];
  /** Size limits other than the defaults (tests use small ones). */
  limits?: Partial<ImportLimits>;
}

/** The head of every sheet of a file, plus the workbook's date system. */
interface FileHead {
  sheets: SheetHead[];
  isDate1904: boolean;
  isCsv: boolean;
}

/** The first rows of a CSV file. */
async function csvHead(filePath: string, ctx: ReadContext, format: { encoding: Parameters<typeof csvRows>[2]['encoding']; bomLength: number }): Promise<FileHead> {
  const { fileName } = ctx;
  const input = createReadStream(filePath, { highWaterMark: 64 * 1024 });
  const source = csvRows(input, path.basename(fileName), format, ctx);
  const rows: SourceRow[] = [];
  try {
    for await (const row of eachRow(source)) {
      rows.push(row);
      if (rows.length >= HEAD_ROWS) break;
    }
  } finally {
    input.destroy();
  }
  return { sheets: [{ name: path.basename(fileName), rows }], isDate1904: false, isCsv: true };
}

async function readHead(filePath: string, ctx: ReadContext): Promise<FileHead> {
  const { fileName } = ctx;
  const sniffed = await sniffFile(filePath, fileName, ctx.limits);
  try {
    if (sniffed.format === 'csv') return await csvHead(filePath, ctx, sniffed);
    return { ...(await xlsxHeads(filePath, sniffed.entries, ctx, HEAD_ROWS)), isCsv: false };
  } catch (e) {
    if (isAppError(e)) throw e;
    const reason = firstLine(e);
    throw new AppError('IMPORT_FILE_UNREADABLE', text.corrupt(fileName, reason), { file: fileName });
  }
}

const TOTAL_ROW = /^(合计|总计)[:：]?$/;

/** Header texts of a header row: trimmed, blanks as '', trailing blank columns dropped. */
function headerTexts(cells: RawCell[]): string[] {
  const texts = Array.from(cells, (c) => cleanText(c) ?? '');
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

/** Local wall-clock text of an ISO instant in a time zone. */
function wallInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Problem texts by value type (shown in the grid), in the current language. */
const problemOf = part(text, 'problem') satisfies Record<Exclude<FieldType, 'text' | 'phone'>, string>;

function fromNumber(raw: string | null, p: NumberParse, problem: string): PreviewCell {
  return p.ok ? { raw, value: p.value } : { raw, value: null, problem };
}

/** One cell parsed as the field's type would store it (pure). */
export function previewCell(cell: RawCell, type: FieldType | null, ctx: { isDate1904: boolean; timeZone: string }): PreviewCell {
  const raw = cellText(cell);
  switch (type) {
    case null:
    case 'text':
      return { raw, value: cleanText(cell) };
    case 'time': {
      const t = parseTime(cell, ctx.isDate1904);
      if (!t.ok) return { raw, value: null, problem: problemOf.time };
      return { raw, value: t.value !== null && t.value.endsWith('Z') ? wallInZone(t.value, ctx.timeZone) : t.value };
    }
    case 'date': {
      const d = parseDateOnly(cell, ctx.isDate1904, ctx.timeZone);
      return d.ok ? { raw, value: d.value } : { raw, value: null, problem: problemOf.date };
    }
    case 'number':
      return fromNumber(raw, parseNumber(cell), problemOf.number);
    case 'money':
      return fromNumber(raw, parseMoney(cell), problemOf.money);
    case 'percent':
      return fromNumber(raw, parsePercent(cell), problemOf.percent);
    case 'phone': {
      const p = parsePhone(cell);
      if (!p) return { raw, value: null };
      return p.isMasked ? { raw, value: p.phone, problem: problemOf.maskedPhone } : { raw, value: p.phone };
    }
  }
}

/** The data rows below a header: blanks, 合计 rows and repeated headers left out, at most {@link PREVIEW_ROWS}. */
function dataRows(rows: SourceRow[], headers: string[]): SourceRow[] {
  const headerText = headers.join('\u0001');
  const out: SourceRow[] = [];
  for (const r of rows) {
    const texts = Array.from(r.cells, (c) => cleanText(c) ?? '');
    const first = texts.find((t) => t !== '');
    if (first === undefined || TOTAL_ROW.test(first)) continue;
    if (headerTexts(r.cells).join('\u0001') === headerText) continue;
    out.push(r);
    if (out.length >= PREVIEW_ROWS) break;
  }
  return out;
}

/** A table found on a sheet before its mapping is settled. */
interface FoundTable {
  sheets: string[];
  headerIndex: number;
  headers: string[];
  head: SheetHead;
  mapping: TableMapping;
  confidence: number;
  template: MappingTemplate | null;
  /** Whether the header was recognised (by a template or as a kind with every required field). */
  isRecognised: boolean;
}

/** The template whose header set equals one of the first rows of a sheet, with that row. */
function templateFor(head: SheetHead, templates: MappingTemplate[], kind: ImportKind | undefined): { template: MappingTemplate; rowIndex: number } | null {
  const candidates = templates.filter((t) => !kind || t.kind === kind);
  if (candidates.length === 0) return null;
  const byKey = new Map<string, MappingTemplate>();
  // Newest first wins when two templates share a header set.
  for (const t of [...candidates].sort((a, b) => b.savedAt.localeCompare(a.savedAt))) if (!byKey.has(headerSetKey(t.headers))) byKey.set(headerSetKey(t.headers), t);
  for (let i = 0; i < Math.min(head.rows.length, HEADER_SCAN_ROWS); i++) {
    const t = byKey.get(headerSetKey(headerTexts(head.rows[i].cells)));
    if (t) return { template: t, rowIndex: i };
  }
  return null;
}

/** The table on one sheet: a template's match, the detected header, or (for mapping by hand) the widest early row. */
function findTable(head: SheetHead, isCsv: boolean, opts: InspectOptions): FoundTable | null {
  if (!head.rows.some((r) => r.cells.some((c) => cleanText(c) !== null))) return null;
  const sheet = isCsv ? null : head.name;
  const byTemplate = templateFor(head, opts.templates, opts.kind);
  if (byTemplate) {
    const headers = headerTexts(head.rows[byTemplate.rowIndex].cells);
    const base: TableMapping = { kind: byTemplate.template.kind, sheet, headerRow: head.rows[byTemplate.rowIndex].rowNumber, columns: [] };
    const mapping = mappingFromTemplate({ mapping: base, headers }, byTemplate.template);
    return { sheets: [head.name], headerIndex: byTemplate.rowIndex, headers, head, mapping, confidence: 1, template: byTemplate.template, isRecognised: true };
  }
  const choice = chooseHeader(
    head.rows.map((r) => r.cells),
    opts.kind,
  );
  let headerIndex: number;
  let headers: string[];
  let columns: ColumnMapping[];
  let kind: ImportKind;
  if (choice) {
    headerIndex = choice.rowIndex;
    headers = headerTexts(choice.cells);
    const fieldAt = new Map<number, string>();
    for (const [field, cols] of Object.entries(choice.allColumns)) for (const c of cols) fieldAt.set(c, field);
    columns = headers.map((header, index) => ({ index, header, field: fieldAt.get(index) ?? null }));
    kind = choice.kind;
  } else {
    // Nothing recognised: offer the row with the most filled cells as the header, mapped to nothing.
    const scan = head.rows.slice(0, HEADER_SCAN_ROWS);
    const filled = scan.map((r) => r.cells.filter((c) => cleanText(c) !== null).length);
    headerIndex = filled.indexOf(Math.max(...filled));
    headers = headerTexts(scan[headerIndex].cells);
    columns = headers.map((header, index) => ({ index, header, field: null }));
    kind = opts.kind ?? 'members';
  }
  const mapping: TableMapping = { kind, sheet, headerRow: head.rows[headerIndex].rowNumber, columns };
  return { sheets: [head.name], headerIndex, headers, head, mapping, confidence: choice?.confidence ?? 0, template: null, isRecognised: !!choice && choice.missing.length === 0 };
}

/** The preview of a found table: its first data rows parsed with the mapping. */
function toPreview(t: FoundTable, ctx: { isDate1904: boolean; timeZone: string }): TablePreview {
  const types = t.headers.map((_, i) => {
    const field = t.mapping.columns.find((c) => c.index === i)?.field ?? null;
    return field === null ? null : (fieldSpec(t.mapping.kind, field)?.type ?? 'text');
  });
  const rows = dataRows(t.head.rows.slice(t.headerIndex + 1), t.headers).map((r) => ({
    rowNumber: r.rowNumber,
    cells: t.headers.map((_, i) => previewCell(r.cells[i], types[i], ctx)),
  }));
  const mapped = t.mapping.columns.flatMap((c) => (c.field === null ? [] : [c.field]));
  return {
    sheets: t.sheets,
    mapping: t.mapping,
    confidence: t.confidence,
    headers: t.headers,
    rows,
    templateName: t.template?.name ?? null,
    missing: missingFields(t.mapping.kind, mapped),
  };
}

/**
 * Inspects a file: every table with its proposed (or template-given) mapping and a parsed
 * preview. Continuation sheets of a split export (name0, name1 …) join the table of the first.
 * Throws the reader's AppErrors for files that cannot be read at all.
 */
export async function inspectFile(source: { path: string; fileName: string }, opts: InspectOptions): Promise<ImportPreview> {
  const head = await readHead(source.path, { fileName: source.fileName, limits: resolveLimits(opts.limits) });
  const tables: FoundTable[] = [];
  for (const sheet of head.sheets) {
    const found = findTable(sheet, head.isCsv, opts);
    const last = tables.at(-1);
    // name1 after name0 continues the table unless it starts a different recognised one (Sheet1, Sheet2 …).
    if (last && isContinuation(last.sheets.at(-1)!, sheet.name) && (!found?.isRecognised || headerSetKey(found.headers) === headerSetKey(last.headers))) {
      last.sheets.push(sheet.name);
      continue;
    }
    if (found) tables.push(found);
  }
  if (tables.length === 0) {
    throw new AppError('IMPORT_NO_ROWS', text.empty(source.fileName), { file: source.fileName });
  }
  const ctx = { isDate1904: head.isDate1904, timeZone: opts.timeZone };
  return { fileName: source.fileName, tables: tables.map((t) => toPreview(t, ctx)) };
}
