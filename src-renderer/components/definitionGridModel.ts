// The pure parts of the definitions grid: turning typed or pasted text into values, pasting a
// tab-separated block from Excel, and row moves. DefinitionGrid.tsx wires them to ag-grid.
import { definitionGridText as gridText, punctuation } from '../../src-main/locale/common';
import type { DefinitionColumn } from './definitionGridTypes';

/** A cell value of a definitions grid. */
export type CellValue = string | number | boolean | string[] | null;

/** The result of parsing one cell's text: a value, or why it cannot be one. */
export type Parsed = { ok: true; value: CellValue } | { ok: false; reason: string };

// eslint-disable-next-line no-restricted-syntax -- recognition vocabulary of pasted cells (是/否 in any UI language), not UI text
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是', '对', '启用', '✓', '√', 'x', '开']);
// eslint-disable-next-line no-restricted-syntax -- recognition vocabulary of pasted cells, not UI text
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否', '不', '停用', '', '关']);

/**
 * Parses the text of one cell for a column, the way a spreadsheet user types or pastes it:
 * numbers may carry thousands separators, ¥/￥ or a trailing %; booleans accept 是/否, true/false,
 * 1/0 and ✓; choices accept the label or the value; several choices are separated by 、 , ， ; or |.
 */
export function parseCell<R>(column: DefinitionColumn<R>, text: string): Parsed {
  const raw = text.trim();
  switch (column.type) {
    case 'text':
      return { ok: true, value: raw };
    case 'number': {
      if (raw === '') return { ok: false, reason: gridText.columnNeedsNumber(column.headerName) };
      const cleaned = raw.replace(/[,，\s¥￥]/g, '').replace(/%$/, '');
      const n = Number(cleaned);
      return Number.isFinite(n) && cleaned !== '' ? { ok: true, value: n } : { ok: false, reason: gridText.notNumber(raw) };
    }
    case 'boolean': {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: gridText.notBoolean(raw) };
    }
    case 'select': {
      const option = (column.options ?? []).find((o) => o.value === raw || o.label === raw);
      return option ? { ok: true, value: option.value } : { ok: false, reason: gridText.notOption(raw, column.headerName) };
    }
    case 'multiselect': {
      const parts = raw.split(/[、,，;；|]/).map((p) => p.trim()).filter(Boolean);
      const values: string[] = [];
      for (const part of parts) {
        const option = (column.options ?? []).find((o) => o.value === part || o.label === part);
        // Choices come from the data, which may not hold a type yet: unknown ones are kept as typed.
        values.push(option ? option.value : part);
      }
      return { ok: true, value: [...new Set(values)] };
    }
  }
}

/** A cell's value as text, as it is copied or shown (labels for choices). */
export function cellText<R>(column: DefinitionColumn<R>, row: R): string {
  if (column.format) return column.format(row);
  const value = row[column.field] as unknown as CellValue;
  if (value === null || value === undefined) return '';
  if (column.type === 'boolean') return value ? '✓' : '';
  const label = (v: string) => (column.options ?? []).find((o) => o.value === v)?.label ?? v;
  if (column.type === 'select') return label(String(value));
  if (Array.isArray(value)) return value.map(label).join(punctuation.list);
  return String(value);
}

/** Splits clipboard text from Excel / WPS into rows of cells (tab-separated, quoted cells may hold line breaks). */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') inQuotes = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** What a paste did: the new rows and the cells it could not take, each named by row and column. */
export interface PasteResult<R> {
  rows: R[];
  problems: string[];
  /** Cells written. */
  written: number;
}

/**
 * Pastes a block of text at (rowIndex, field): cell by cell to the right over the editable
 * columns and downwards, adding rows (from `newRow`) past the end up to `maxRows`. Cells that do
 * not parse are left as they were and reported; read-only columns are skipped.
 */
export function applyPaste<R>(
  rows: R[],
  columns: DefinitionColumn<R>[],
  rowIndex: number,
  field: string,
  text: string,
  newRow: () => R,
  maxRows = Infinity,
): PasteResult<R> {
  const block = splitTsv(text);
  const editable = columns.filter((c) => !c.isReadOnly);
  const start = editable.findIndex((c) => c.field === field);
  if (start < 0 || block.length === 0) return { rows, problems: [], written: 0 };
  const next = rows.slice();
  const problems: string[] = [];
  let written = 0;
  block.forEach((cells, i) => {
    const r = rowIndex + i;
    if (r >= maxRows) {
      if (i === block.length - 1 || r === maxRows) problems.push(gridText.tooManyRows(maxRows));
      return;
    }
    while (next.length <= r) next.push(newRow());
    let row = { ...next[r]! };
    cells.forEach((text, j) => {
      const column = editable[start + j];
      if (!column) return;
      const parsed = parseCell(column, text);
      if (!parsed.ok) {
        problems.push(gridText.cellProblem(r + 1, column.headerName, parsed.reason));
        return;
      }
      row = { ...row, [column.field]: parsed.value };
      written++;
    });
    next[r] = row;
  });
  return { rows: next, problems: [...new Set(problems)], written };
}

/** The rows with row `index` moved by `delta` (−1 up, +1 down); unchanged at the edges. */
export function moveRow<R>(rows: R[], index: number, delta: number): R[] {
  const target = index + delta;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return rows;
  const next = rows.slice();
  const [row] = next.splice(index, 1);
  next.splice(target, 0, row!);
  return next;
}

/** Every validation problem of the rows, as lines naming row and column. */
export function validationProblems<R>(rows: R[], columns: DefinitionColumn<R>[]): string[] {
  const lines: string[] = [];
  rows.forEach((row, i) => {
    for (const c of columns) {
      const problem = c.validate?.(row, rows);
      if (problem) lines.push(gridText.cellProblem(i + 1, c.headerName, problem));
    }
  });
  return lines;
}
