/** Importing exported files: kinds, mappings, previews and the import jobs. */
import { z } from 'zod';
import { empty, filePath, type ApiError, type TablePage } from './common';
import { importKinds } from './ids';
import { method } from './method';

export { importKinds };
/** One kind of export (DESIGN §3). */
export type ImportKind = (typeof importKinds)[number];

/** Why a data row of a file added nothing (DESIGN §3 re-import rules). */
export const skipReasons = ['known', 'duplicate', 'missing_key', 'same_file', 'not_recorded'] as const;
/**
 * - known: the project already had the row (an earlier import, an overlapping export);
 * - duplicate: an earlier row of the same file has the same key;
 * - missing_key: the row lacks the values that identify it (group and member, sender and time, a key column);
 * - same_file: a file with the same bytes was imported before, so nothing of it was read into the project;
 * - not_recorded: skipped by an import made before skipped rows were recorded (or by 合并项目), not listed.
 */
export type SkipReason = (typeof skipReasons)[number];

/** How many rows an import skipped for one reason. */
export interface SkipCount {
  reason: SkipReason;
  count: number;
}

/** One data row an import skipped, where it stands in the file and why. */
export interface SkippedRow {
  /** Sheet of the row; null for CSV. */
  sheet: string | null;
  /** 1-based row number in that sheet (or file). */
  row: number;
  reason: SkipReason;
  /** What the reason refers to, for a person: the missing key fields, the import that already had the row, the row it repeats. */
  detail: string | null;
}

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
  /** Rows already present (re-import, overlapping export), repeated within the file, or without a key: the rows `import:skipped` lists. */
  rowsSkipped: number;
  /** `rowsSkipped` by reason, largest first. */
  skippedByReason?: SkipCount[];
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
  /** What the job is doing now ('preparing': bringing the analyses' derived tables up to the new data). */
  phase: 'reading' | 'writing' | 'preparing' | 'finished';
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

/** Where one file of a several-file import stands ('notStarted': the import ended before its turn). */
export type ImportBatchFileState = 'waiting' | ImportJob['state'] | 'notStarted';

/** One file of a several-file import. */
export interface ImportBatchFile {
  /** File name as the user knows it. */
  fileName: string;
  state: ImportBatchFileState;
  /** What the file's import is doing now. */
  phase: ImportJob['phase'];
  /** Data rows of this file read so far. */
  rowsRead: number;
  /** Share of this file read, 0–1, where it can be known. */
  fraction: number | null;
  /** Detected kind, once known. */
  kind: ImportKind | null;
  /** The committed import, when done. */
  result?: ImportRecord;
  /** Why it failed (or was cancelled). */
  error?: ApiError;
}

/** State of a several-file import: the files one after another, each its own all-or-nothing import. */
export interface ImportBatchJob {
  /** Job handle for status and cancel. */
  jobId: string;
  /** 'done': every file imported; 'failed': one or more failed (the others may be imported); 'cancelled': stopped by the user. */
  state: ImportJob['state'];
  /** What the file in progress is doing ('preparing' once every file is in). */
  phase: ImportJob['phase'];
  /** 0-based index of the file in progress (of the last one handled, once finished). */
  current: number;
  /** Share of all files' bytes read, 0–1; never falls. */
  fraction: number;
  /** Data rows read over all files so far. */
  rowsRead: number;
  /** Every file, in import order. */
  files: ImportBatchFile[];
}

const importSource = z.union([z.object({ path: filePath }), z.object({ uploadId: z.string().min(1).max(100), name: z.string().min(1).max(500) })]);

const tableMapping = z.object({
  kind: z.enum(importKinds),
  sheet: z.string().max(300).nullable(),
  headerRow: z.number().int().min(1),
  columns: z
    .array(z.object({ index: z.number().int().min(0).max(16383), header: z.string().max(2000), field: z.string().max(64).nullable() }))
    .max(16384),
});

const importStartRequest = z.object({
  source: importSource,
  kind: z.enum(importKinds).optional(),
  /** An explicit mapping from the mapping grid; overrides detection. */
  mapping: tableMapping.optional(),
  /** Remember `mapping` as a template under this name. */
  saveTemplateAs: z.string().min(1).max(200).optional(),
});

/** What `import:start` takes: one file, with its kind or mapping. */
export type ImportStartRequest = z.infer<typeof importStartRequest>;

/** The `import:*` methods. */
export const importMethods = {
  'import:start': method<ImportJob>()(importStartRequest),
  /** Imports several files one after another (see ImportBatchJob); each item is what `import:start` takes. */
  'import:startBatch': method<ImportBatchJob>()(z.object({ files: z.array(importStartRequest).min(1).max(1000) })),
  'import:batchStatus': method<ImportBatchJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  'import:batchCancel': method<ImportBatchJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  'import:inspect': method<ImportPreview>()(z.object({ source: importSource, kind: z.enum(importKinds).optional() })),
  'import:kinds': method<KindInfo[]>()(empty),
  'import:remove': method<ImportRecord[]>()(z.object({ importId: z.number().int().min(1) })),
  'import:status': method<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  'import:cancel': method<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  'import:history': method<ImportRecord[]>()(empty),
  /** A page of the rows an import skipped, in file order, each with its reason. */
  'import:skipped': method<TablePage<SkippedRow>>()(
    z.object({ importId: z.number().int().min(1), offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }),
  ),
};
