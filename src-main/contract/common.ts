/** What several domains of the contract share: errors, results, scopes, pages and the request fragments behind them. */
import { z } from 'zod';

/** Stable error codes; the UI translates them, the CLI prints the message. */
export const errorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'INTERNAL',
  'PROJECT_NOT_OPEN',
  'PROJECT_NOT_FOUND',
  'PROJECT_EXISTS',
  'PROJECT_LOCKED',
  'PROJECT_NEWER_VERSION',
  'PROJECT_NOT_QUNXI',
  'PROJECT_SAVE_FAILED',
  'PROJECT_DAMAGED',
  'PROJECT_READ_ONLY',
  'IMPORT_FILE_NOT_FOUND',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_UNRECOGNISED',
  'IMPORT_NO_ROWS',
  'IMPORT_BAD_VALUE',
  'IMPORT_CANCELLED',
  'IMPORT_JOB_NOT_FOUND',
  'REPORT_JOB_NOT_FOUND',
  'IMPORT_BUSY',
  'IMPORT_EMPTY_FILE',
  'IMPORT_TRUNCATED',
  'IMPORT_PASSWORD_PROTECTED',
  'IMPORT_NOT_SPREADSHEET',
  'IMPORT_LEGACY_XLS',
  'IMPORT_TOO_LARGE',
  'IMPORT_NOT_FOUND',
  'IMPORT_NOT_A_FILE',
  'IMPORT_PATH_NOT_ALLOWED',
  'DISK_FULL',
  'TEMPLATE_INVALID',
  'TEMPLATE_NOT_FOUND',
  'DEFINITION_INVALID',
  'ANALYSIS_NO_DATA',
  'MODEL_FIT_FAILED',
  'CANCELLED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses the API boundary. */
export interface ApiError {
  /** Stable machine-readable code. */
  code: ErrorCode;
  /** One line for a person, Chinese first, naming file / sheet / row / column where known. */
  message: string;
  /** Structured context (file, sheet, row, column …). */
  details?: Record<string, string | number | null>;
}

/** What every API call returns. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Period a metrics row covers. */
export type Period = 'day' | 'week' | 'month';

/** A page of rows for a virtual-scrolling grid. */
export interface TablePage<R> {
  /** The rows of this page. */
  rows: R[];
  /** Rows matching the filter in all. */
  total: number;
}

/** Where the figures of an analysis come from: the scope and the local-date range (DESIGN §4). */
export interface AnalysisScope {
  /** First local day (ISO date); default the first day with data. */
  from?: string;
  /** Last local day (ISO date), inclusive; default the last day with data. */
  to?: string;
  /** Groups of the scope; absent or empty = every group. */
  groups?: string[];
}

/** A spreadsheet file produced on the Node side, for the renderer to save. */
export interface ExportFile {
  fileName: string;
  /** The file's bytes (xlsx, or CSV when asked for), base64. */
  base64: string;
}

/** The file a list's export writes: xlsx, or CSV of the same rows and headers (one row source, two writers). */
export const exportFormat = z.enum(['xlsx', 'csv']).default('xlsx');
/** The file format of a list's export. */
export type ExportFileFormat = z.infer<typeof exportFormat>;

/** A proportion with its 95% Wilson score interval, all in percent; null when the denominator is 0. */
export interface RateCI {
  rate: number | null;
  low: number | null;
  high: number | null;
}

// ── Request fragments

/** A local day in requests, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A path on this machine in requests. */
export const filePath = z.string().min(1).max(4096);
/** The request of a method that takes nothing. */
export const empty = z.object({}).strict();
/** A name or label the user types. */
export const shortText = z.string().max(200);
/** A {@link Period} in requests. */
export const period = z.enum(['day', 'week', 'month']);

/** The fields of an {@link AnalysisScope}, to spread into a request object. */
export const analysisScope = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  groups: z.array(z.string().max(500)).max(10000).optional(),
};

/** A column filter of the data grids (a subset of ag-grid's filter model). */
export const columnFilterSchema = z.discriminatedUnion('filterType', [
  z.object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(1000).optional(),
  }),
  z.object({
    filterType: z.literal('date'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
    dateFrom: z.string().max(40).nullable().optional(),
    dateTo: z.string().max(40).nullable().optional(),
  }),
  z.object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
    filter: z.number().finite().nullable().optional(),
    filterTo: z.number().finite().nullable().optional(),
  }),
]);
/** A column filter of the data grids. */
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

/** The sort of a data grid: up to eight columns, in order. */
export const gridSort = z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).default([]);
/** The column filters of a data grid, by column id. */
export const gridFilter = z.record(z.string().max(64), columnFilterSchema).default({});

/** Paging, sorting and filtering of a data grid, as requests carry it. */
export const dataQuery = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: gridSort,
  filter: gridFilter,
});
/** Paging, sorting and filtering of a data grid. */
export type DataQuery = z.input<typeof dataQuery>;
