/**
 * Turns the rows of an export into normalised records: finds the header (below title rows
 * too), detects the kind, maps columns and normalises values. Pure over a row stream; the
 * worker wires it to files.
 */
import type { ImportKind } from '../../api/contract';
import { AppError } from '../appError';
import { chooseHeader, fieldLabels, HEADER_SCAN_ROWS, type ColumnMap, type Field, type HeaderChoice } from './headers';
import type { RowSource, SourceRow } from './rowSource';
import { cellText, cleanText, parseTime, type RawCell } from './values';

/** A normalised member row: one membership spell. Times are wall-clock text or ISO instants. */
export interface MemberRecord {
  seq: number;
  group_name: string | null;
  member_id: string | null;
  member_name: string | null;
  member_type: string | null;
  join_time: string | null;
  join_way: string | null;
  inviter: string | null;
  leave_time: string | null;
  leave_way: string | null;
}

/** A normalised message row. */
export interface MessageRecord {
  seq: number;
  sender_id: string | null;
  sender_name: string | null;
  group_name: string | null;
  sent_at: string | null;
  msg_type: string | null;
  content: string | null;
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
  /** Receives each record, in file order; a returned promise is awaited, so a slow writer slows the reader. */
  emit: (record: MemberRecord | MessageRecord) => void | Promise<void>;
  /** Called once the kind is known. */
  onKind?: (kind: ImportKind, confidence: number) => void;
  /** Called every {@link PROGRESS_EVERY} rows with the count so far. */
  onRows?: (rowsRead: number) => void;
}

/** Rows between progress reports. */
export const PROGRESS_EVERY = 5000;

const TOTAL_ROW = /^(合计|总计|总计：|合计：)$/;

function where(opts: ParseOptions, sheet: string, rowNumber?: number, column?: string): string {
  let s = `“${opts.fileName}”`;
  if (!opts.isCsv) s += `工作表“${sheet}”`;
  if (rowNumber !== undefined) s += `第 ${rowNumber} 行`;
  if (column !== undefined) s += `“${column}”列`;
  return s;
}

/** The header in force for a sheet. */
interface SheetHeader {
  columns: ColumnMap;
  labels: string[];
  text: string;
  /** Sheet the header row was found on. */
  sheet: string;
}

/** Whether `next` continues `prev` in an export split over sheets: same name, next number. */
function isContinuation(prev: string, next: string): boolean {
  const a = /^(.*?)(\d+)$/.exec(prev);
  const b = /^(.*?)(\d+)$/.exec(next);
  return !!a && !!b && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1;
}

function rowText(cells: RawCell[]): string {
  return Array.from(cells, (c) => cleanText(c) ?? '').join('\u0001');
}

/** Parses a row stream into records of one kind; throws AppError with file / sheet / row / column. */
export async function parseExport(source: RowSource, opts: ParseOptions): Promise<ParseSummary> {
  let kind: ImportKind | undefined = opts.kind;
  let isHeaderFound = false;
  let confidence = 0;
  let rowsRead = 0;
  let firstFailure: { sheet: string; choice: HeaderChoice | null } | null = null;

  let sheet: string | null = null;
  let pending: SourceRow[] = [];
  let header: SheetHeader | null = null;
  let lastHeader: SheetHeader | null = null;

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
    if (!isHeaderFound) {
      isHeaderFound = true;
      confidence = choice.confidence;
      opts.onKind?.(kind, confidence);
    }
    const headerCells = pending[choice.rowIndex].cells;
    const labels = Array.from(headerCells, (c) => cleanText(c) ?? '');
    header = { columns: choice.columns, labels, text: rowText(headerCells), sheet: sheet ?? '' };
    lastHeader = header;
    return pending.slice(choice.rowIndex + 1);
  };

  const handle = async (row: SourceRow) => {
    if (!header || !kind) return;
    const first = row.cells.findIndex((c) => cleanText(c) !== null);
    if (first < 0) return; // a blank row
    const firstText = cleanText(row.cells[first])!;
    if (TOTAL_ROW.test(firstText)) return;
    // A repeated header row (exports split over sheets or pasted together): compared in full only when its first cell matches.
    if (firstText === header.labels[first] && rowText(row.cells) === header.text) return;
    const cols = header.columns;
    const text = (f: Field) => (cols[f] === undefined ? null : cleanText(row.cells[cols[f]!]));
    const time = (f: Field) => {
      const col = cols[f];
      if (col === undefined) return null;
      const parsed = parseTime(row.cells[col], source.isDate1904());
      if (parsed.ok) return parsed.value;
      const column = header!.labels[col] || fieldLabels[f];
      const value = cellText(row.cells[col]) ?? '';
      throw new AppError('IMPORT_BAD_VALUE', `${where(opts, row.sheet, row.rowNumber, column)}的值“${value.slice(0, 40)}”不是可识别的日期时间`, {
        file: opts.fileName,
        sheet: opts.isCsv ? null : row.sheet,
        row: row.rowNumber,
        column,
        value: value.slice(0, 200),
      });
    };
    rowsRead++;
    let written: void | Promise<void>;
    if (kind === 'members') {
      written = opts.emit({
        seq: rowsRead,
        group_name: text('group_name'),
        // No id column, or a blank id: the unionid identifies the person instead.
        member_id: text('member_id') ?? text('unionid'),
        member_name: text('member_name'),
        member_type: text('member_type'),
        join_time: time('join_time'),
        join_way: text('join_way'),
        inviter: text('inviter'),
        leave_time: time('leave_time'),
        leave_way: text('leave_way'),
      } satisfies MemberRecord);
    } else {
      written = opts.emit({
        seq: rowsRead,
        sender_id: text('sender_id') ?? text('unionid'),
        sender_name: text('sender_name'),
        group_name: text('group_name'),
        sent_at: time('sent_at'),
        msg_type: text('msg_type'),
        content: text('content'),
      } satisfies MessageRecord);
    }
    // Most emits only buffer; awaiting only real promises keeps the per-row cost low.
    if (written) await written;
    if (rowsRead % PROGRESS_EVERY === 0) opts.onRows?.(rowsRead);
  };

  const flushPending = async () => {
    if (!header) for (const r of decideHeader()) await handle(r);
    pending = [];
  };

  for await (const row of source.rows) {
    if (row.sheet !== sheet) {
      if (sheet !== null) await flushPending();
      sheet = row.sheet;
      header = null;
    }
    if (header) {
      await handle(row);
      continue;
    }
    pending.push(row);
    if (pending.length >= HEADER_SCAN_ROWS) await flushPending();
  }
  if (sheet !== null) await flushPending();

  if (!isHeaderFound || !kind) {
    const failure = firstFailure as { sheet: string; choice: HeaderChoice | null } | null;
    const missing = failure?.choice?.missing ?? [];
    const why = missing.length
      ? `缺少“${missing.join('”“')}”列`
      : '没有找到群成员表头（需要“群名称”“成员ID”等列）或聊天记录表头（需要“发送时间”“发送人ID”等列）';
    throw new AppError('IMPORT_UNRECOGNISED', `无法识别${where(opts, failure?.sheet ?? '')}的内容：${why}`, {
      file: opts.fileName,
      sheet: opts.isCsv ? null : (failure?.sheet ?? null),
      missing: missing.join('、') || null,
    });
  }
  if (rowsRead === 0) {
    throw new AppError('IMPORT_NO_ROWS', `“${opts.fileName}”中找到了表头，但没有数据行`, { file: opts.fileName });
  }
  return { kind, confidence, rowsRead };
}
