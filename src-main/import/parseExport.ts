/**
 * Turns the rows of an export into normalised records: finds the header (below title rows
 * too), detects the kind, maps columns and normalises values, all driven by the kind registry;
 * or follows an explicit mapping from the mapping grid. Pure over a row stream; the worker
 * wires it to files.
 */
import type { ImportKind, TableMapping } from '../contract';
import { AppError } from '../contract/appError';
import { importMessages as text } from '../locale/import';
import { importKindText, punctuation } from '../locale/common';
import { chooseHeader, fieldLabel, headerCells, HEADER_SCAN_ROWS, missingFields, type Field, type HeaderChoice } from './headers';
import { CONTENT_NFKC, kindSpecs, type FieldSpec } from './kinds';
import { contentNfkc } from '../db/messageText';
import type { RowSource, SourceRow } from './rowSource';
import { cellText, cleanText, parseDateOnly, parseMoney, parseNumber, parsePercent, parsePhone, parseTime, type NumberParse, type RawCell } from './values';

/** A value of a normalised record: text, a time (wall-clock text or ISO instant), a day, a number, a flag or a JSON object's text. */
export type RecordValue = string | number | boolean | null;

/**
 * A normalised record, one per data row, with every field of its kind by id. Phone fields add
 * `is_phone_masked`, messages `content_nfkc` (their content in NFKC where it differs); a kind's
 * rest field holds a JSON object of header → number.
 */
export interface ParsedRecord {
  /** Data-row sequence number within the file, from 1. */
  seq: number;
  /** Sheet the row came from; null for CSV. */
  sheet: string | null;
  /** 1-based row number in that sheet. */
  source_row: number;
  [field: string]: RecordValue;
}

/** What a parse found. */
export interface ParseSummary {
  /** The kind parsed. */
  kind: ImportKind;
  /** Share of the kind's known columns found in the header, 0–1. */
  confidence: number;
  /** Data rows read. */
  rowsRead: number;
}

/** Options of {@link parseExport}. */
export interface ParseOptions {
  /** File name for messages. */
  fileName: string;
  /** Whether the source is a CSV file (no sheet names in messages). */
  isCsv: boolean;
  /** Forced kind; detected from the headers when absent. */
  kind?: ImportKind;
  /** An explicit mapping (from the mapping grid or a template): overrides detection entirely. */
  mapping?: TableMapping;
  /** Project time zone, for days of epoch instants. */
  timeZone?: string;
  /** Receives each record, in file order; a returned promise is awaited, so a slow writer slows the reader. */
  emit?: (record: ParsedRecord) => void | Promise<void>;
  /**
   * Receives each record instead of `emit` as its values, in the order of `keys` (the keys the
   * record would have, the same array for every row of a header): the importer's fast path,
   * which spares building an object a row (adding a record's keys one by one, by name, was most
   * of the normalising cost). The array is the callee's to keep.
   */
  emitValues?: (values: RecordValue[], keys: readonly string[]) => void | Promise<void>;
  /** Called once the kind is known. */
  onKind?: (kind: ImportKind, confidence: number) => void;
  /** Called every {@link PROGRESS_EVERY} rows with the count so far. */
  onRows?: (rowsRead: number) => void;
}

/** Rows between progress reports. */
export const PROGRESS_EVERY = 5000;

const TOTAL_ROW = /^(合计|总计|合计：|总计：|合计:|总计:)$/;

function where(opts: ParseOptions, sheet: string, rowNumber?: number, column?: string): string {
  return text.where(opts.fileName, opts.isCsv ? null : sheet, rowNumber, column);
}

/** The header in force for a sheet. */
interface SheetHeader {
  kind: ImportKind;
  /** Field → its columns. */
  columns: Record<Field, number[]>;
  labels: string[];
  /** Text of the header row as it stands in the sheet, to skip repeats of it. */
  text: string;
  /** Sheet the header row was found on. */
  sheet: string;
}

/** Whether `next` continues `prev` in an export split over sheets: same name, next number. */
export function isContinuation(prev: string, next: string): boolean {
  const a = /^(.*?)(\d+)$/.exec(prev);
  const b = /^(.*?)(\d+)$/.exec(next);
  return !!a && !!b && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1;
}

function rowText(cells: RawCell[]): string {
  return Array.from(cells, (c) => cleanText(c) ?? '').join('\u0001');
}

/** Field → columns of an explicit mapping; refuses fields the kind does not have and unmet required groups. */
function mappedColumns(mapping: TableMapping, opts: ParseOptions): Record<Field, number[]> {
  const spec = kindSpecs[mapping.kind];
  const columns: Record<Field, number[]> = {};
  for (const c of mapping.columns) {
    if (c.field === null) continue;
    if (!spec.fields.some((x) => x.id === c.field)) {
      throw new AppError('TEMPLATE_INVALID', text.fieldNotInKind(c.field, importKindText[mapping.kind]), { file: opts.fileName, field: c.field });
    }
    (columns[c.field] ??= []).push(c.index);
  }
  const missing = missingFields(mapping.kind, Object.keys(columns));
  if (missing.length > 0) {
    throw new AppError('IMPORT_UNRECOGNISED', text.mappingMissing(missing), { file: opts.fileName, missing: missing.join(punctuation.list) });
  }
  return columns;
}

/** Parses a row stream into records of one kind; throws AppError with file / sheet / row / column. */
export async function parseExport(source: RowSource, opts: ParseOptions): Promise<ParseSummary> {
  const mapping = opts.mapping;
  let kind: ImportKind | undefined = mapping?.kind ?? opts.kind;
  const mapped = mapping ? mappedColumns(mapping, opts) : null;
  let isHeaderFound = false;
  let confidence = 0;
  let rowsRead = 0;
  let firstFailure: { sheet: string; choice: HeaderChoice | null } | null = null;

  let sheet: string | null = null;
  let pending: SourceRow[] = [];
  let header: SheetHeader | null = null;
  let lastHeader: SheetHeader | null = null;
  /** With a mapping: the sheets read so far (the mapped one, then its continuations), and the row above the header. */
  let mappedSheet: string | null = null;
  let above: RawCell[] | undefined;

  const found = (h: SheetHeader, share: number) => {
    header = h;
    lastHeader = h;
    if (!isHeaderFound) {
      isHeaderFound = true;
      confidence = share;
      opts.onKind?.(h.kind, share);
    }
  };

  const decideHeader = () => {
    const choice = chooseHeader(
      pending.map((r) => r.cells),
      kind,
    );
    if (!choice || choice.missing.length > 0) {
      // A split export's later sheet (name0 → name1) may carry no header: it continues the last one.
      if (lastHeader && isContinuation(lastHeader.sheet, sheet ?? '')) {
        header = lastHeader;
        return pending;
      }
      if (!firstFailure || (choice?.score ?? 0) > (firstFailure.choice?.score ?? 0)) firstFailure = { sheet: sheet ?? '', choice };
      return [];
    }
    kind = choice.kind;
    const labels = Array.from(choice.cells, (c) => cleanText(c) ?? '');
    found({ kind, columns: choice.allColumns, labels, text: rowText(pending[choice.rowIndex].cells), sheet: sheet ?? '' }, choice.confidence);
    return pending.slice(choice.rowIndex + 1);
  };

  const badValue = (row: SourceRow, col: number, field: FieldSpec, what: string): AppError => {
    const column = header!.labels[col] || fieldLabel(kind!, field.id);
    const value = cellText(row.cells[col]) ?? '';
    return new AppError('IMPORT_BAD_VALUE', text.badValue(where(opts, row.sheet, row.rowNumber, column), value.slice(0, 40), what), {
      file: opts.fileName,
      sheet: opts.isCsv ? null : row.sheet,
      row: row.rowNumber,
      column,
      value: value.slice(0, 200),
    });
  };

  const numberParsers: Partial<Record<FieldSpec['type'], (v: RawCell) => NumberParse>> = { number: parseNumber, money: parseMoney, percent: parsePercent };

  /** How one header's rows become records, worked out once instead of per row. */
  interface RecordPlan {
    /** Its kind's fields with their columns and their place in the values. */
    fields: { field: FieldSpec; cols: number[]; isRest: boolean; slot: number }[];
    /** The record's keys in value order: seq, sheet, source_row, the fields, is_phone_masked for a kind with a phone, content_nfkc for messages. */
    keys: string[];
    /** Place of is_phone_masked, or -1. */
    maskSlot: number;
    /** Places of the id and of the unionid that stands in for a blank one (members, messages), or -1. */
    idSlot: number;
    unionSlot: number;
    /** Places of a message's content and of its NFKC form (db/messageText.ts), or -1. */
    contentSlot: number;
    nfkcSlot: number;
  }
  const plans = new Map<SheetHeader, RecordPlan>();
  const planOf = (h: SheetHeader) => {
    let plan = plans.get(h);
    if (!plan) {
      const spec = kindSpecs[h.kind];
      const keys = ['seq', 'sheet', 'source_row'];
      const fields = spec.fields.map((field) => ({ field, cols: h.columns[field.id] ?? [], isRest: field.id === spec.restField, slot: keys.push(field.id) - 1 }));
      const maskSlot = spec.fields.some((x) => x.type === 'phone') ? keys.push('is_phone_masked') - 1 : -1;
      const nfkcSlot = h.kind === 'messages' ? keys.push(CONTENT_NFKC) - 1 : -1;
      const id = h.kind === 'members' ? 'member_id' : h.kind === 'messages' ? 'sender_id' : null;
      plan = {
        fields, keys, maskSlot, idSlot: id ? keys.indexOf(id) : -1, unionSlot: id ? keys.indexOf('unionid') : -1,
        contentSlot: nfkcSlot >= 0 ? keys.indexOf('content') : -1, nfkcSlot,
      };
      plans.set(h, plan);
    }
    return plan;
  };

  /** The values of one data row's record, in the order of its plan's keys. */
  const toValues = (row: SourceRow, h: SheetHeader, plan: RecordPlan): RecordValue[] => {
    const values = new Array<RecordValue>(plan.keys.length).fill(null);
    values[0] = rowsRead;
    values[1] = opts.isCsv ? null : row.sheet;
    values[2] = row.rowNumber;
    for (const { field, cols, isRest, slot } of plan.fields) {
      if (isRest) {
        // Every unmapped column with a number in it, by header (e.g. 公众号 follows per source).
        const rest: Record<string, number> = {};
        for (const col of cols) {
          const p = parseNumber(row.cells[col]);
          if (p.ok && p.value !== null) // eslint-disable-next-line no-restricted-syntax -- a stored key of the project's data (a nameless column), not UI text
          rest[h.labels[col] || `列${col + 1}`] = p.value;
        }
        values[slot] = Object.keys(rest).length ? JSON.stringify(rest) : null;
        continue;
      }
      const col = cols[0];
      const raw = col === undefined ? null : row.cells[col];
      switch (field.type) {
        case 'text': {
          if (cols.length <= 1) {
            values[slot] = col === undefined ? null : cleanText(raw);
            break;
          }
          // Duplicated headers (two 分销员 columns) keep both values, each once.
          const found = [...new Set(cols.map((c) => cleanText(row.cells[c])).filter((v): v is string => v !== null))];
          // eslint-disable-next-line no-restricted-syntax -- the stored value's separator (data the analyses read), not UI text
          values[slot] = found.length ? found.join('、') : null;
          break;
        }
        case 'time': {
          const p = parseTime(raw, source.isDate1904());
          if (!p.ok) throw badValue(row, col!, field, text.valueKind.time);
          values[slot] = p.value;
          break;
        }
        case 'date': {
          const p = parseDateOnly(raw, source.isDate1904(), opts.timeZone);
          if (!p.ok) throw badValue(row, col!, field, text.valueKind.date);
          values[slot] = p.value;
          break;
        }
        case 'phone': {
          const p = parsePhone(raw);
          values[slot] = p?.phone ?? null;
          values[plan.maskSlot] = p?.isMasked ?? null;
          break;
        }
        default: {
          const p = numberParsers[field.type]!(raw);
          if (!p.ok) throw badValue(row, col!, field, field.type === 'money' ? text.valueKind.money : field.type === 'percent' ? text.valueKind.percent : text.valueKind.number);
          values[slot] = p.value;
        }
      }
    }
    if (plan.nfkcSlot >= 0) {
      const content = values[plan.contentSlot];
      values[plan.nfkcSlot] = contentNfkc(typeof content === 'string' ? content : null);
    }
    // No id column, or a blank id: the unionid identifies the person instead.
    if (plan.idSlot >= 0 && values[plan.idSlot] === null) values[plan.idSlot] = plan.unionSlot >= 0 ? values[plan.unionSlot]! : null;
    return values;
  };

  /** Hands one data row's record over, as values or as an object. */
  const emitRow = (row: SourceRow, h: SheetHeader): void | Promise<void> => {
    const plan = planOf(h);
    const values = toValues(row, h, plan);
    if (opts.emitValues) return opts.emitValues(values, plan.keys);
    const rec = {} as ParsedRecord;
    for (let i = 0; i < values.length; i++) rec[plan.keys[i]!] = values[i]!;
    return opts.emit?.(rec);
  };

  /** Handles one row; returns a promise only when the writer needs awaiting (most rows need none). */
  const handle = (row: SourceRow): void | Promise<void> => {
    const h = header as SheetHeader | null;
    if (!h) return;
    const cells = row.cells;
    let first = 0;
    let firstText: string | null = null;
    for (; first < cells.length; first++) {
      firstText = cleanText(cells[first]);
      if (firstText !== null) break;
    }
    if (firstText === null) return; // a blank row
    if (firstText.length <= 3 && TOTAL_ROW.test(firstText)) return;
    // A repeated header row (exports split over sheets or pasted together): compared in full only
    // when its first cell sits where the header's text has it (its rowText begins with `first` empty cells).
    if (h.text.startsWith(firstText, first) && rowText(cells) === h.text) return;
    rowsRead++;
    const written = emitRow(row, h);
    // Most emits only buffer; awaiting only real promises keeps the per-row cost low.
    if (written) return written.then(progress);
    progress();
  };
  const progress = () => {
    if (rowsRead % PROGRESS_EVERY === 0) opts.onRows?.(rowsRead);
  };

  /**
   * With a mapping, the head of a continuation sheet, held until its repeated header is found (it
   * and the title rows above it are no data, as detection finds them: the same file gives the same
   * rows whether its mapping was detected or given) or ruled out within the rows searched for one.
   */
  let continuing: SourceRow[] | null = null;
  const flushContinuing = async () => {
    const rows = continuing ?? [];
    continuing = null;
    for (const r of rows) await handle(r);
  };
  const holdContinuing = async (row: SourceRow) => {
    const held = continuing!;
    held.push(row);
    if (rowText(row.cells) === lastHeader!.text) continuing = null;
    else if (held.length >= HEADER_SCAN_ROWS) await flushContinuing();
  };

  /** With a mapping: the mapped sheet (first sheet when none is named) and its continuations only; the header at the given row. */
  const handleMapped = async (row: SourceRow) => {
    const wanted = mapping!.sheet;
    if (mappedSheet === null) {
      if (!opts.isCsv && wanted !== null && row.sheet !== wanted) return;
      mappedSheet = row.sheet;
    }
    if (row.sheet !== mappedSheet) {
      await flushContinuing();
      if (!isContinuation(mappedSheet, row.sheet)) return;
      mappedSheet = row.sheet;
      if (lastHeader) continuing = [];
    }
    if (continuing) return holdContinuing(row);
    if (!lastHeader) {
      if (row.rowNumber < mapping!.headerRow) {
        above = row.cells;
        return;
      }
      const cells = row.rowNumber === mapping!.headerRow ? headerCells(row.cells, above) : [];
      const labels = Array.from(cells, (c) => cleanText(c) ?? '');
      found({ kind: mapping!.kind, columns: mapped!, labels, text: rowText(row.cells), sheet: row.sheet }, 1);
      if (row.rowNumber === mapping!.headerRow) return;
    }
    await handle(row);
  };

  for await (const batch of source.batches) {
    for (const row of batch) {
      if (mapping) {
        if (lastHeader && row.sheet === mappedSheet && !continuing) {
          // Past the header of the mapped sheet: straight to the row (what handleMapped would do).
          const written = handle(row);
          if (written) await written;
        } else {
          await handleMapped(row);
        }
        continue;
      }
      if (row.sheet !== sheet) {
        if (sheet !== null) for (const r of pending.length && !header ? decideHeader() : []) await handle(r);
        pending = [];
        sheet = row.sheet;
        header = null;
      }
      if (header) {
        const written = handle(row);
        if (written) await written;
        continue;
      }
      pending.push(row);
      if (pending.length >= HEADER_SCAN_ROWS) {
        for (const r of decideHeader()) await handle(r);
        pending = [];
      }
    }
  }
  if (!mapping && sheet !== null && !header) for (const r of decideHeader()) await handle(r);
  if (mapping) await flushContinuing();

  if (!isHeaderFound || !kind) {
    if (mapping) {
      throw new AppError('IMPORT_UNRECOGNISED', text.noHeaderRow(where(opts, mapping.sheet ?? ''), mapping.headerRow), {
        file: opts.fileName,
        sheet: mapping.sheet,
      });
    }
    const failure = firstFailure as { sheet: string; choice: HeaderChoice | null } | null;
    const missing = failure?.choice?.missing ?? [];
    const label = failure?.choice ? importKindText[failure.choice.kind] : '';
    const why = missing.length ? text.looksLikeMissing(label, missing) : text.noKnownHeader((Object.keys(kindSpecs) as ImportKind[]).map((k) => importKindText[k]));
    throw new AppError('IMPORT_UNRECOGNISED', text.unrecognised(where(opts, failure?.sheet ?? ''), why), {
      file: opts.fileName,
      sheet: opts.isCsv ? null : (failure?.sheet ?? null),
      missing: missing.join(punctuation.list) || null,
    });
  }
  if (rowsRead === 0) {
    throw new AppError('IMPORT_NO_ROWS', text.headerNoRows(opts.fileName), { file: opts.fileName });
  }
  return { kind, confidence, rowsRead };
}

/** Chinese label of a field, re-exported for messages elsewhere. */
export { fieldLabel };
