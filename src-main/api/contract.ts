/**
 * The one API contract between the renderer and the Node side.
 *
 * Every capability is a `domain:verb` entry of {@link Api}. Electron IPC, the HTTP server of
 * browser mode, the CLI and the tests all serve this same map (see `dispatch.ts`); the
 * renderer imports only the types of this file. Requests are validated at the boundary
 * with the zod schemas of {@link requestSchemas}; errors cross it as {@link Result} data.
 */
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
  'IMPORT_FILE_NOT_FOUND',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_UNRECOGNISED',
  'IMPORT_NO_ROWS',
  'IMPORT_BAD_VALUE',
  'IMPORT_CANCELLED',
  'IMPORT_JOB_NOT_FOUND',
  'IMPORT_BUSY',
  'IMPORT_EMPTY_FILE',
  'IMPORT_TRUNCATED',
  'IMPORT_PASSWORD_PROTECTED',
  'IMPORT_NOT_SPREADSHEET',
  'IMPORT_LEGACY_XLS',
  'IMPORT_TOO_LARGE',
  'IMPORT_NOT_FOUND',
  'TEMPLATE_INVALID',
  'TEMPLATE_NOT_FOUND',
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

/** How the Node side is being served. */
export type AppMode = 'electron' | 'browser' | 'cli' | 'test';

/** Facts about the running app. */
export interface AppInfo {
  /** Package version. */
  version: string;
  /** Transport the renderer is talking through. */
  mode: AppMode;
  /** Folder where new projects are created by name. */
  projectsDir: string;
}

/** A summary of the open project. */
export interface ProjectInfo {
  /** Absolute path of the `.qunxi` file. */
  path: string;
  /** File name without extension. */
  name: string;
  /** Project file format version. */
  formatVersion: number;
  /** IANA time zone all figures are computed in. */
  timeZone: string;
  /** Names of the groups present in the data, sorted. */
  groups: string[];
  /** Row counts of the main tables. */
  counts: { memberships: number; messages: number; people: number };
}

/** An entry of the recent-projects list or of the projects folder. */
export interface ProjectEntry {
  /** Absolute path. */
  path: string;
  /** File name without extension. */
  name: string;
  /** ISO time it was last opened (recent list) or modified (folder listing). */
  at: string;
  /** Whether the file still exists. */
  exists: boolean;
}

/** Kinds of export the importer understands (DESIGN §3). */
export const importKinds = [
  'members',
  'messages',
  'customers',
  'customer_groups',
  'group_stats',
  'contact_stats',
  'churn',
  'orders',
  'official_account',
  'ad_costs',
  'survey',
] as const;
/** One kind of export (DESIGN §3). */
export type ImportKind = (typeof importKinds)[number];

/** One committed import. */
export interface ImportRecord {
  /** Sequence number within the project. */
  importId: number;
  /** File name as the user chose it. */
  fileName: string;
  /** SHA-256 of the file's bytes. */
  fileHash: string;
  /** Detected or chosen kind. */
  kind: ImportKind;
  /** ISO time of the import. */
  importedAt: string;
  /** Data rows read from the file. */
  rowsRead: number;
  /** Rows that were new to the project. */
  rowsAdded: number;
  /** Rows already present (re-import, overlapping export) or without a key. */
  rowsSkipped: number;
  /** Problems found in rows that were still imported (e.g. a masked phone that cannot match), counted. */
  problemCount?: number;
  /** Up to a few problem lines, each naming sheet / row / column. */
  problems?: string[];
}

/** A field a kind of export can carry, for the mapping grid. */
export interface KindField {
  /** Field id (English, as stored). */
  id: string;
  /** Chinese label. */
  label: string;
  /** Whether an import of this kind needs it (for ids: one of the alternatives in `oneOf`). */
  isRequired: boolean;
  /** Value type, for parsing and the preview. */
  type: 'text' | 'time' | 'date' | 'number' | 'money' | 'percent' | 'phone';
}

/** A kind with its Chinese name and fields. */
export interface KindInfo {
  kind: ImportKind;
  label: string;
  fields: KindField[];
}

/** One source column → field decision of a mapping. */
export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  /** Header text as found (for templates, matched by text). */
  header: string;
  /** Target field id, or null to ignore the column. */
  field: string | null;
}

/** A full mapping of a table to a kind: what the mapping grid edits and templates store. */
export interface TableMapping {
  kind: ImportKind;
  /** Sheet the table starts on (continuation sheets name0, name1 … follow it). */
  sheet: string | null;
  /** 1-based row number of the header row. */
  headerRow: number;
  columns: ColumnMapping[];
}

/** A parsed preview cell: the raw text, the value as it would be stored, and a problem if any. */
export interface PreviewCell {
  raw: string | null;
  value: string | number | null;
  problem?: string;
}

/** A table found in a file, with the proposed mapping and a preview of parsed rows. */
export interface TablePreview {
  /** Sheet(s) the table spans. */
  sheets: string[];
  /** Proposed (or template-given) mapping. */
  mapping: TableMapping;
  /** Detection confidence 0–1 of the kind from the headers. */
  confidence: number;
  /** Headers of every column, in order (duplicates kept apart). */
  headers: string[];
  /** First rows parsed with the mapping: one cell per column. */
  rows: { rowNumber: number; cells: PreviewCell[] }[];
  /** Name of the template that supplied the mapping, if one matched these headers. */
  templateName: string | null;
  /** Required fields the mapping lacks (Chinese labels); empty when importable. */
  missing: string[];
}

/** What `import:inspect` finds in a file before anything is written. */
export interface ImportPreview {
  fileName: string;
  /** Every table found (several in one workbook are offered each). */
  tables: TablePreview[];
}

/** A saved column mapping, reused for files with the same headers. */
export interface MappingTemplate {
  id: string;
  name: string;
  kind: ImportKind;
  /** Header texts the template applies to (order-insensitive match). */
  headers: string[];
  /** header text → field id (null = ignore). */
  fields: Record<string, string | null>;
  /** ISO time saved. */
  savedAt: string;
}

/** A row of an import that could not be tied to a person (DESIGN §3 Identity). */
export interface UnmatchedRow {
  kind: ImportKind;
  file_name: string;
  /** 1-based row number in the file, where known. */
  row_number: number | null;
  /** Name / nickname on the row. */
  name: string | null;
  /** Phone as exported (may be masked). */
  phone: string | null;
  /** Why it did not match. */
  reason: string;
}

/** A file to import: a path on this machine, or a file uploaded to the browser-mode server. */
export type ImportSource = { path: string } | { uploadId: string; name: string };

/** State of a running or finished import. */
export interface ImportJob {
  /** Job handle for status and cancel. */
  jobId: string;
  /** File name being imported. */
  fileName: string;
  /** Life cycle of the job. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** What the job is doing now. */
  phase: 'reading' | 'writing' | 'finished';
  /** Data rows read so far. */
  rowsRead: number;
  /** Share of the file read, 0–1, where it can be known. */
  fraction: number | null;
  /** Detected kind, once known. */
  kind: ImportKind | null;
  /** The committed import, when done. */
  result?: ImportRecord;
  /** Why it failed. */
  error?: ApiError;
}

/** Period a metrics row covers. */
export type Period = 'day' | 'week' | 'month';

/** One row of community metrics (DESIGN §4); ids are the DESIGN metric ids. */
export interface MetricsRow {
  /** First day of the period, ISO date. */
  period_start: string;
  /** Last day of the period, ISO date, inclusive. */
  period_end: string;
  /** 社群总人数: members of the scope at the end of the period. */
  total_members: number;
  /** 新增入群人数: distinct people with a join into the scope in the period. */
  new_members: number;
  /** 活跃用户数: distinct members with an active behaviour in the period. */
  active_members: number;
  /** 活跃用户占比 in percent; null when total_members is 0. */
  active_rate: number | null;
  /** 流失用户数: distinct people who left and are not members at the end of the period. */
  churned_members: number;
  /** 转化人数: distinct members with a paid, not fully refunded order in the period. */
  converted_members: number;
  /** 转化率 in percent; null when total_members is 0. */
  conversion_rate: number | null;
  /** 贡献GMV: paid minus refunded of orders paid in the period by people who were members when they paid. */
  gmv: number;
  /** 环比 of converted_members in percent; null when the previous period's figure is 0 or unknown. */
  converted_wow: number | null;
  /** 环比 of gmv in percent; null when the previous period's figure is 0 or unknown. */
  gmv_wow: number | null;
}

/** A row of the members data view: one membership spell. */
export interface MemberRow {
  group_name: string;
  member_id: string;
  member_name: string | null;
  member_type: string | null;
  join_time: string | null;
  join_way: string | null;
  inviter: string | null;
  leave_time: string | null;
  leave_way: string | null;
}

/** A row of the messages data view. */
export interface MessageRow {
  sender_id: string;
  sender_name: string | null;
  group_name: string | null;
  sent_at: string;
  msg_type: string | null;
  content: string | null;
}

/** A page of rows for a virtual-scrolling grid. */
export interface TablePage<R> {
  /** The rows of this page. */
  rows: R[];
  /** Rows matching the filter in all. */
  total: number;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const filePath = z.string().min(1).max(4096);

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
]);
/** A column filter of the data grids. */
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

const dataQuery = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).default([]),
  filter: z.record(z.string().max(64), columnFilterSchema).default({}),
});
/** Paging, sorting and filtering of a data grid. */
export type DataQuery = z.input<typeof dataQuery>;

const empty = z.object({}).strict();

const importSource = z.union([z.object({ path: filePath }), z.object({ uploadId: z.string().min(1).max(100), name: z.string().min(1).max(500) })]);

const tableMapping = z.object({
  kind: z.enum(importKinds),
  sheet: z.string().max(300).nullable(),
  headerRow: z.number().int().min(1),
  columns: z
    .array(z.object({ index: z.number().int().min(0).max(16383), header: z.string().max(2000), field: z.string().max(64).nullable() }))
    .max(16384),
});

/** Request validators, one per method; the keys are the whole API. */
export const requestSchemas = {
  'app:info': empty,
  'project:new': z.object({ path: filePath.optional(), name: z.string().min(1).max(200).optional() }),
  'project:open': z.object({ path: filePath }),
  'project:openDemo': empty,
  'project:current': empty,
  'project:saveAs': z.object({ path: filePath }),
  'project:close': empty,
  'project:recent': empty,
  'project:list': empty,
  'import:start': z.object({
    source: importSource,
    kind: z.enum(importKinds).optional(),
    /** An explicit mapping from the mapping grid; overrides detection. */
    mapping: tableMapping.optional(),
    /** Remember `mapping` as a template under this name. */
    saveTemplateAs: z.string().min(1).max(200).optional(),
  }),
  'import:inspect': z.object({ source: importSource, kind: z.enum(importKinds).optional() }),
  'import:kinds': empty,
  'import:remove': z.object({ importId: z.number().int().min(1) }),
  'import:status': z.object({ jobId: z.string().min(1).max(100) }),
  'import:cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'import:history': empty,
  'metrics:query': z.object({
    period: z.enum(['day', 'week', 'month']),
    from: isoDate.optional(),
    to: isoDate.optional(),
    groups: z.array(z.string().max(500)).max(10000).optional(),
  }),
  'data:members': dataQuery,
  'data:messages': dataQuery,
  'identity:unmatched': dataQuery,
  'identity:settings': z.object({ allowNicknameMatch: z.boolean().optional() }),
  'templates:list': empty,
  'templates:delete': z.object({ id: z.string().min(1).max(100) }),
  /** The templates as a JSON document, for sharing with a team. */
  'templates:export': empty,
  /** Adds the templates of a JSON document made by templates:export. */
  'templates:import': z.object({ content: z.string().max(5_000_000) }),
  // Native dialogs: answered by Electron; in browser mode they resolve to null and the UI uses its own forms.
  'dialog:openProject': empty,
  'dialog:saveProject': z.object({ defaultName: z.string().max(200).optional() }),
  'dialog:importFiles': empty,
} as const;

/** Name of an API method. */
export type Method = keyof typeof requestSchemas;
/** Request type of a method, as a caller writes it (defaults optional). */
export type Req<K extends Method> = z.input<(typeof requestSchemas)[K]>;
/** Request type of a method, as a handler receives it (defaults filled in). */
export type ParsedReq<K extends Method> = z.output<(typeof requestSchemas)[K]>;

/** Response type of every method. */
export interface Responses {
  'app:info': AppInfo;
  'project:new': ProjectInfo;
  'project:open': ProjectInfo;
  'project:openDemo': ProjectInfo;
  'project:current': ProjectInfo | null;
  'project:saveAs': ProjectInfo;
  'project:close': null;
  'project:recent': ProjectEntry[];
  'project:list': ProjectEntry[];
  'import:start': ImportJob;
  'import:status': ImportJob;
  'import:cancel': ImportJob;
  'import:history': ImportRecord[];
  'import:inspect': ImportPreview;
  'import:kinds': KindInfo[];
  'import:remove': ImportRecord[];
  'metrics:query': MetricsRow[];
  'data:members': TablePage<MemberRow>;
  'data:messages': TablePage<MessageRow>;
  'identity:unmatched': TablePage<UnmatchedRow>;
  'identity:settings': { allowNicknameMatch: boolean };
  'templates:list': MappingTemplate[];
  'templates:delete': MappingTemplate[];
  'templates:export': string;
  'templates:import': MappingTemplate[];
  'dialog:openProject': string | null;
  'dialog:saveProject': string | null;
  'dialog:importFiles': string[] | null;
}

/** The whole API as a handler map. */
export type Api = { [K in Method]: (req: ParsedReq<K>) => Promise<Responses[K]> };

/** The handlers of one domain (`project`, `import` …). */
export type DomainHandlers<D extends string> = Pick<Api, Extract<Method, `${D}:${string}`>>;

/** A client of the API, whatever the transport. */
export type ApiClient = <K extends Method>(name: K, req: Req<K>) => Promise<Result<Responses[K]>>;
