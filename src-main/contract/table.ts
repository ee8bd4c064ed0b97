/** Any table the UI shows (every grid's 导出 xlsx), written as a spreadsheet by the Node side's one xlsx writer. */
import { z } from 'zod';
import type { ExportFile } from './common';
import { method } from './method';

/**
 * How a column's cells are stored and shown in a spreadsheet: real numbers and dates under a
 * number format. `percent` takes rates in percent (12.5 = 12.5 %); `date` / `datetime` take
 * local ISO text ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS', with a space or a `T`).
 */
export const exportFormats = ['integer', 'number', 'money', 'percent', 'date', 'datetime'] as const;
/** One of {@link exportFormats}. */
export type ExportFormat = (typeof exportFormats)[number];

/** A cell of a table sent for export. */
export type TableCell = string | number | boolean | null;

/** One column of a table sent for export. */
export interface TableColumn {
  /** Header text in the current language. */
  header: string;
  /** How the cells are written; text when absent. */
  format?: ExportFormat;
}

const cell = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);

export const tableMethods = {
  /** The rows of a grid as an xlsx workbook of one sheet; each row holds one cell per column, in order. */
  'table:xlsx': method<ExportFile>()(
    z.object({
      fileName: z.string().min(1).max(300),
      sheetName: z.string().min(1).max(100),
      columns: z.array(z.object({ header: z.string().max(500), format: z.enum(exportFormats).optional() })).min(1).max(1_000),
      rows: z.array(z.array(cell)).max(1_000_000),
    }),
  ),
};
