// Plain descriptions of grid columns and server-side pages. Views build these with pure
// functions; only DataGrid.tsx turns them into ag-grid definitions.
import type { ReactNode } from 'react';
import type { ColumnFilter, DataQuery, ExportFormat } from '../../src-main/contract';

/** One choice of a {@link GridColumn.select} cell. */
export interface SelectOption {
  value: string;
  label: string;
}

/** One column of a DataGrid. */
export interface GridColumn<R> {
  /** Row field shown; also the ag-grid col-id (so e2e tests find cells by metric id). */
  field: keyof R & string;
  /** Chinese header. */
  headerName: string;
  /** Tooltip of the header (the full text where the header is cut). */
  headerTooltip?: string;
  /** Server-side or client-side filter kind; none when absent. */
  filter?: 'text' | 'date' | 'number';
  /** Sortable (default true). */
  sortable?: boolean;
  /** Display text of a value. */
  format?: (value: R[keyof R], row: R) => string;
  /** Right-aligned numeric column. */
  isNumeric?: boolean;
  width?: number;
  flex?: number;
  /** Pinned to the left edge. */
  isPinned?: boolean;
  /** A problem to flag on a cell (red background, text as tooltip); falsy when the cell is fine. */
  problem?: (row: R) => string | null | undefined;
  /** Makes the cell a drop-down editor of the row's value. */
  select?: { options: SelectOption[]; value: (row: R) => string; onChange: (row: R, value: string) => void; testId?: string };
  /** Custom cell content (buttons); replaces `format`. */
  render?: (row: R) => ReactNode;
  /** How the 导出 xlsx writes the column; by default read from the values and what they show (components/gridExport.ts); 'text' = as shown. */
  exportFormat?: ExportFormat | 'text';
}

/**
 * Fetches one block of rows for the infinite row model. `signal` comes only with the warm-up's
 * first page (DataGrid.tsx), which it aborts; a failure of that page is not reported (the visit
 * reports its own).
 */
export type PageLoader<R> = (query: Required<Pick<DataQuery, 'offset' | 'limit' | 'sort' | 'filter'>>, signal?: AbortSignal) => Promise<{ rows: R[]; total: number } | null>;

export type { ColumnFilter };

/** Height in px of a small grid that shows all of its few rows (header and rows of the theme), capped at `max`. */
export const gridHeight = (rows: number, max: number): number => Math.min(max, 52 + 42 * Math.max(rows, 2));
