// A grid's rows as the spreadsheet its 导出 control writes (issue 11 item 15): the same columns and
// text as on screen, figures and days kept as real numbers and dates for xlsx. Pure.
import type { ExportFormat, TableCell, TableColumn } from '../../src-main/contract';
import { csvDocument, csvFigure, csvHeader } from '../../src-main/contract/spreadsheet';
import type { GridColumn } from './gridTypes';

/** A grid's columns and rows as a table for `table:xlsx` and for CSV. */
export interface GridTable {
  columns: TableColumn[];
  /** One cell per column, in order: numbers and ISO days as such where the column has a format, else the text shown. */
  rows: TableCell[][];
  /** The CSV's cells: figures as numbers rounded to 2 decimals (rates in percent), the rest as shown. */
  csv: (string | number | null)[][];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The text a column shows for a row's value (its `format`, else the value itself). */
function shown<R>(c: GridColumn<R>, row: R): string {
  const value = row[c.field];
  if (c.format) return c.format(value, row);
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/**
 * How a column is written to xlsx, read from what it shows: a numeric column shown with % is a
 * rate (values in percent), with ¥ money, whole values counts, others decimals; a text column of
 * ISO days or times holds dates. Undefined: text as shown.
 */
export function inferFormat<R>(c: GridColumn<R>, rows: readonly R[]): ExportFormat | undefined {
  if (c.exportFormat) return c.exportFormat === 'text' ? undefined : c.exportFormat;
  const values = rows.map((r) => r[c.field]).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return undefined;
  if (c.isNumeric && values.every((v) => typeof v === 'number')) {
    const sample = rows.find((r) => typeof r[c.field] === 'number');
    const text = sample === undefined ? '' : shown(c, sample);
    if (/%\s*$/.test(text)) return 'percent';
    if (text.includes('¥')) return 'money';
    return (values as number[]).every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  }
  if (values.every((v) => typeof v === 'string' && DAY.test(v))) return 'date';
  if (values.every((v) => typeof v === 'string' && (TIME.test(v) || DAY.test(v)))) return 'datetime';
  return undefined;
}

const isFigure = (f: ExportFormat | undefined) => f === 'integer' || f === 'number' || f === 'money' || f === 'percent';

/** The columns that carry data (not only buttons). */
const dataColumns = <R>(columns: readonly GridColumn<R>[], rows: readonly R[]) =>
  columns.filter((c) => !(c.render && !c.format) || rows.some((r) => r[c.field] !== undefined && r[c.field] !== null));

/** A grid's rows as a table to export. */
export function gridTable<R>(columns: readonly GridColumn<R>[], rows: readonly R[]): GridTable {
  const kept = dataColumns(columns, rows);
  const formats = kept.map((c) => inferFormat(c, rows));
  return {
    columns: kept.map((c, i) => ({ header: c.headerName, ...(formats[i] ? { format: formats[i] } : {}) })),
    rows: rows.map((r) =>
      kept.map((c, i) => {
        const v = r[c.field];
        if (formats[i] && (typeof v === 'number' || typeof v === 'string')) return v;
        if (formats[i] && (v === null || v === undefined)) return null;
        return shown(c, r);
      }),
    ),
    csv: rows.map((r) =>
      kept.map((c, i) => {
        const v = r[c.field];
        // A number stays a number, so a negative change is not taken for a formula and neutralised to text.
        if (isFigure(formats[i])) return typeof v === 'number' ? csvFigure(v) : null;
        return shown(c, r);
      }),
    ),
  };
}

/** The table as CSV (BOM, CRLF, formula-looking text neutralised); a rate's header says it is in percent. */
export function gridCsv(table: GridTable): string {
  return csvDocument(
    table.columns.map((c) => csvHeader(c.header, c.format)),
    table.csv,
  );
}
