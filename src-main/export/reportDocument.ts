/**
 * The report workbook as plain data (DESIGN §7): sheets of tables and charts, built from API answers
 * on the main side (reportSheets.ts), posted to the report worker, which draws the charts and writes
 * the xlsx (reportWriter.ts). Values stay as the API gives them (rates in percent, ISO dates); the
 * writer turns each into a real cell under its number format.
 */

/** How a cell is written: its Excel type and number format. */
export type ReportFormat =
  /** Text (formula-looking text neutralised). */
  | 'text'
  /** A whole count, `#,##0`. */
  | 'count'
  /** A number with two decimals, `#,##0.00`. */
  | 'decimal'
  /** A rate given in percent (12.5 = 12.5%), written as the fraction under `0.00%`. */
  | 'percent'
  /** Percentage points (a difference of two rates), `0.00`. */
  | 'points'
  /** Yuan, `¥#,##0.00`. */
  | 'money'
  /** A p-value, `0.0000`. */
  | 'pvalue'
  /** An ISO local date (YYYY-MM-DD), written as a date serial under `yyyy-mm-dd`. */
  | 'date';

/** A cell value as the API gives it; a cell of its own format where one column mixes kinds (the cover's figures). */
export type ReportValue = string | number | null | { value: string | number | null; format: ReportFormat };

/** One column of a report table. */
export interface ReportColumn {
  /** Key in the row objects. */
  key: string;
  /** Header text, in the report's language. */
  header: string;
  format: ReportFormat;
}

/** One table of a sheet: a caption line, a header row and the rows. */
export interface ReportTable {
  caption: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
}

/** A chart drawn beside the tables: bars or lines over categories, a second axis for rates or money. */
export interface ReportChart {
  title: string;
  kind: 'bar' | 'line';
  /** Bars run sideways (long category names such as channels and stages). */
  isHorizontal?: boolean;
  categories: string[];
  series: { name: string; values: (number | null)[]; kind?: 'bar' | 'line'; onSecondAxis?: boolean }[];
  /** Axis names (left, right). */
  axes?: [string, string?];
}

/** One sheet: its tables one below the other, its charts to their right. */
export interface ReportSheet {
  name: string;
  /** A line above the tables saying what the sheet shows (or why it is empty). */
  note?: string;
  tables: ReportTable[];
  charts: ReportChart[];
}

/** The whole workbook. */
export interface ReportDocument {
  /** Workbook title (file properties). */
  title: string;
  sheets: ReportSheet[];
}
