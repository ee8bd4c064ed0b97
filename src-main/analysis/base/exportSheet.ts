/**
 * A table as an analysis hands it over for export: plain data (sheets of columns and rows) that the
 * writers of export/ turn into bytes, so an analysis never serialises anything itself.
 */
import type { ExportFormat } from '../../contract/table';

/** One column of an exported sheet. */
export interface ExportColumn<R> {
  /** Key in the row objects. */
  key: keyof R & string;
  /** Header text (Chinese). */
  header: string;
  /** Column width in characters. */
  width?: number;
  /** How the cells are stored and shown; text (as given) when absent. */
  format?: ExportFormat;
}

/** How a column's cells are written (contract/table.ts): real numbers and dates under a number format (issue 11 item 13). */
export type { ExportFormat };

/** One sheet to export. */
export interface ExportSheet<R> {
  name: string;
  columns: ExportColumn<R>[];
  rows: Iterable<R>;
}

/** A whole export: the file name offered to the user and its sheets. */
export interface SheetExport {
  fileName: string;
  sheets: ExportSheet<Record<string, unknown>>[];
}

/** A sheet of typed rows as a {@link SheetExport} sheet (the writers read rows by column key). */
export function sheetOf<R extends object>(sheet: ExportSheet<R>): ExportSheet<Record<string, unknown>> {
  return sheet as unknown as ExportSheet<Record<string, unknown>>;
}
