/**
 * Differential test of Qunxi's xlsx reader (reader/sheetXml.ts through rowSource.xlsxRows)
 * against exceljs's own reader: every fixture must read cell for cell the same, as the importer
 * uses the values. This is the condition for keeping the faster reading path.
 *
 * Both sides go through one normalisation: the importer's `cellText` for every cell, and for a
 * cell exceljs reads as a date (a date-formatted number, or a formula with a date-formatted
 * result) also the importer's `parseTime` with the workbook's 1904 flag, since our reader
 * skips styles and hands such cells over as serial numbers, which time columns convert.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLimits } from '../../src-main/import/reader/limits';
import { eachRow, xlsxRows } from '../../src-main/import/rowSource';
import { sniffFile } from '../../src-main/import/sniff';
import { cellText, parseTime, type RawCell } from '../../src-main/import/values';
import { buildZip } from '../fixtures/bad/builders';
import { writeQuirkWorkbooks, type QuirkFixture } from '../support/xlsxQuirks';

/** Non-empty cells of a workbook: sheet name → `row:col` (both 1-based) → normalised value. */
type Cells = Map<string, Map<string, string>>;
/** Per sheet, the `row:col` keys of cells exceljs reads as dates. */
type DateCells = Map<string, Set<string>>;

/** The kind of a raw value, so a number read as text (or the reverse) shows as a difference. */
function kindOf(v: RawCell): string {
  if (v instanceof Date) return 'date';
  if (v !== null && typeof v === 'object') {
    const o = v as { result?: unknown };
    return 'result' in o ? kindOf(o.result) : 'string';
  }
  return typeof v === 'number' || typeof v === 'boolean' ? typeof v : 'string';
}

/**
 * exceljs reads the error cached by a formula (`<c t="e"><f>1/0</f><v>#DIV/0!</v>`) as the
 * result NaN (an Invalid Date under a date format): no value was ever shown there, and our
 * reader gives none, as it does for a plain error cell.
 */
function isUnreadable(v: RawCell): boolean {
  const r = v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v as { result: unknown }).result : v;
  return (typeof r === 'number' && Number.isNaN(r)) || (r instanceof Date && Number.isNaN(r.getTime()));
}

/**
 * The value as the importer uses it, for either side: `null` where the importer sees nothing,
 * else the kind and the importer's `cellText`. A date cell is a Date (or a formula with a Date
 * result) to exceljs and a serial number to our reader: there the time value the importer's
 * time columns make of it, with the workbook's 1904 flag, decides.
 */
function normalise(v: RawCell, isDate1904: boolean, isDateCell: boolean): string | null {
  if (isUnreadable(v)) return null;
  const text = cellText(v);
  if (text === null) return null;
  if (!isDateCell) return `${kindOf(v)}:${JSON.stringify(text)}`;
  const raw = v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v as { result: RawCell }).result : v;
  const t = parseTime(raw, isDate1904);
  return `time:${t.ok ? t.value : 'unreadable'}`;
}

/** Reads with exceljs's full reader (styles on, so date cells are Dates). */
async function readWithExceljs(file: string): Promise<{ cells: Cells; dates: DateCells; isDate1904: boolean; sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const isDate1904 = !!wb.properties.date1904;
  const cells: Cells = new Map();
  const dates: DateCells = new Map();
  const sheets: string[] = [];
  wb.eachSheet((ws) => {
    const sheet = new Map<string, string>();
    const sheetDates = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged cell other than the top-left one: exceljs shows the master's value, but the
        // file holds nothing there and the importer (like exceljs's streaming reader) sees nothing.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as RawCell;
        const isDate = v instanceof Date || (v !== null && typeof v === 'object' && (v as { result?: unknown }).result instanceof Date);
        const key = `${rowNumber}:${col}`;
        if (isDate) sheetDates.add(key);
        const n = normalise(v, isDate1904, isDate);
        if (n !== null) sheet.set(key, n);
      });
    });
    sheets.push(ws.name);
    cells.set(ws.name, sheet);
    dates.set(ws.name, sheetDates);
  });
  return { cells, dates, isDate1904, sheets };
}

/** Reads with the importer's reader, exactly as parseFile does. */
async function readWithOurs(file: string, dates: DateCells): Promise<{ cells: Cells; isDate1904: boolean; order: string[] }> {
  const limits = resolveLimits();
  const fileName = path.basename(file);
  const sniffed = await sniffFile(file, fileName, limits);
  if (sniffed.format !== 'xlsx') throw new Error(`${fileName} sniffed as ${sniffed.format}`);
  const source = xlsxRows(file, sniffed.entries, { fileName, limits });
  const cells: Cells = new Map();
  const order: string[] = [];
  const raws: { sheet: string; rowNumber: number; cells: RawCell[] }[] = [];
  let last = { sheet: '', row: 0 };
  for await (const row of eachRow(source)) {
    if (row.sheet !== last.sheet) {
      order.push(row.sheet);
      last = { sheet: row.sheet, row: 0 };
    }
    // Rows come in file order, each once.
    expect(row.rowNumber, `${row.sheet} row ${row.rowNumber} after ${last.row}`).toBeGreaterThan(last.row);
    last.row = row.rowNumber;
    raws.push(row);
  }
  // The 1904 flag is known once the workbook part is read; take it as the importer does, per row.
  const isDate1904 = source.isDate1904();
  for (const row of raws) {
    let sheet = cells.get(row.sheet);
    if (!sheet) cells.set(row.sheet, (sheet = new Map()));
    row.cells.forEach((v, i) => {
      const key = `${row.rowNumber}:${i + 1}`;
      const n = normalise(v, isDate1904, dates.get(row.sheet)?.has(key) ?? false);
      if (n !== null) sheet.set(key, n);
    });
  }
  return { cells, isDate1904, order };
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const show = (v: string | undefined) => (v === undefined ? '(empty)' : v.length > 80 ? `${v.slice(0, 60)}…(${v.length} chars)` : v);

/** Every difference, as `sheet!A1 (row r, col c): exceljs … ≠ ours …`. */
function differences(theirs: Cells, ours: Cells): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...theirs.keys(), ...ours.keys()])) {
    const a = theirs.get(sheet) ?? new Map<string, string>();
    const b = ours.get(sheet) ?? new Map<string, string>();
    const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => {
      const [xr, xc] = x.split(':').map(Number);
      const [yr, yc] = y.split(':').map(Number);
      return xr - yr || xc - yc;
    });
    for (const key of keys) {
      if (a.get(key) === b.get(key)) continue;
      const [r, c] = key.split(':').map(Number);
      out.push(`${sheet}!${columnName(c)}${r} (row ${r}, col ${c}): exceljs ${show(a.get(key))} ≠ ours ${show(b.get(key))}`);
    }
  }
  return out;
}

/**
 * Differences kept on purpose, each at one fixture cell (and checked to still occur, so the
 * list cannot go stale): a formula's cached string (`t="str"`) with an `_xHHHH_` escape. Excel
 * writes a CR in a formula result as `_x000D_`; exceljs leaves the escape in the text, our
 * reader decodes it (test/import/reader.test.ts asks for that). The one place this reads
 * user text differently is exceljs's own streaming writer without shared strings, which writes
 * every string as `t="str"` without escaping a literal `_x000D_`. And an ISO date cell, below.
 */
const KNOWN: { fixture: string; cell: string }[] = [
  { fixture: 'streaming writer, inline strings', cell: '内联!C2' },
  { fixture: 'hand-written parts', cell: '手写!B7' },
  // An ISO date cell (`t="d"`, which openpyxl can write): exceljs parses it as a float (2026),
  // our reader as the date it is.
  { fixture: 'hand-written parts', cell: '手写!B8' },
];

interface Fixture {
  name: string;
  file: string;
  isDate1904?: boolean;
}

const sampleDirs = [path.resolve(__dirname, '../../../shared/samples'), path.resolve(__dirname, '../../resources/demo')];
const shipped: Fixture[] = sampleDirs.flatMap((dir) => {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.xlsx'));
  } catch {
    // The shared samples are not in every checkout; the demo files are.
  }
  return names.map((n) => ({ name: `${path.basename(dir)}/${n}`, file: path.join(dir, n) }));
});

let tmp = '';
let generated: QuirkFixture[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'qunxi-reader-diff-'));
  generated = await writeQuirkWorkbooks(tmp, buildZip);
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function compare(f: Fixture): Promise<void> {
  const theirs = await readWithExceljs(f.file);
  const ours = await readWithOurs(f.file, theirs.dates);
  expect(ours.isDate1904, `${f.name}: 1904 flag`).toBe(theirs.isDate1904);
  if (f.isDate1904 !== undefined) expect(theirs.isDate1904, `${f.name}: fixture's 1904 flag`).toBe(f.isDate1904);
  const known = KNOWN.filter((k) => k.fixture === f.name);
  const all = differences(theirs.cells, ours.cells);
  for (const k of known) expect(all.some((d) => d.startsWith(`${k.cell} `)), `${f.name}: known difference at ${k.cell} still occurs`).toBe(true);
  const diffs = all.filter((d) => !known.some((k) => d.startsWith(`${k.cell} `)));
  if (diffs.length) {
    throw new Error(`${f.name}: ${diffs.length} cell(s) read differently from exceljs; first ones:\n  ${diffs.slice(0, 25).join('\n  ')}`);
  }
  // Same sheets in the same order (those with any cell; an empty sheet yields no rows).
  const nonEmpty = theirs.sheets.filter((s) => (theirs.cells.get(s)?.size ?? 0) > 0);
  expect(ours.order.filter((s) => (ours.cells.get(s)?.size ?? 0) > 0), `${f.name}: sheets`).toEqual(nonEmpty);
  expect([...theirs.cells.values()].reduce((n, s) => n + s.size, 0), `${f.name}: some cells read`).toBeGreaterThan(0);
}

describe('our xlsx reader against exceljs', () => {
  it('has the shipped samples to compare', () => {
    expect(shipped.some((f) => f.name.startsWith('demo/'))).toBe(true);
  });

  it.each(shipped.map((f) => [f.name, f] as const))('reads %s cell for cell like exceljs', async (_name, f) => {
    await compare(f);
  });

  it('reads every generated quirk workbook cell for cell like exceljs', async () => {
    expect(generated.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const f of generated) {
      try {
        await compare(f);
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });

  it('reads an ISO date cell as its wall clock in any process time zone', async () => {
    const f = generated.find((g) => g.name === 'hand-written parts')!;
    const ours = await readWithOurs(f.file, new Map());
    expect(ours.cells.get('手写')!.get('8:2')).toBe('date:"2026-09-01 08:30:15"');
  });

  it('tells a date cell apart from the same serial as a number only through exceljs, and agrees on its time', async () => {
    const f = generated.find((g) => g.isDate1904)!;
    const theirs = await readWithExceljs(f.file);
    const sheet = theirs.cells.get('1904')!;
    // 2026-09-01 08:30:15 written as a date cell in a 1904 workbook reads back as that wall clock.
    expect(sheet.get('2:3')).toBe('time:2026-09-01 08:30:15');
    expect(theirs.dates.get('1904')!.has('2:3')).toBe(true);
  });
});
