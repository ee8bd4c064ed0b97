/** The project file: create, open, save as, close, and the lists to pick one from. */
import { z } from 'zod';
import { empty, filePath } from './common';
import { method } from './method';

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
  /** Whether the file is open read-only (it or its folder cannot be written): no imports or edits, Save As works. */
  isReadOnly: boolean;
  /** Who holds the project open elsewhere, when this is a read-only snapshot of it (project:open with readOnly). */
  heldBy?: { user: string; host: string; since: string };
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

/** What an anonymised copy (脱敏副本) replaced. */
export interface AnonymizeResult {
  /** Absolute path of the copy. */
  path: string;
  /** Person names replaced by 成员NNNN. */
  names: number;
  /** Staff names (kept, or 员工NN when masked). */
  staff: number;
  /** Group names (kept, or 群NN when masked). */
  groups: number;
  /** Messages, their content dropped. */
  messages: number;
  /** Key-behaviour rules whose hits the copy keeps. */
  behaviourRules: number;
}

/** What merging another project (合并项目) did. */
export interface MergeResult {
  /** Imports of the other project brought in as imports of this one. */
  imports: number;
  /** Imports skipped because this project already had their file. */
  skippedFiles: number;
  /** Rows added (spells closed and orders updated included). */
  added: number;
  /** Rows of the merged files this project already had (not counted twice). */
  existing: number;
}

/** What a Parquet export (导出 Parquet) wrote. */
export interface ParquetResult {
  /** Absolute path of the folder. */
  folder: string;
  /** One file per table. */
  tables: { table: string; file: string; rows: number }[];
}

/** How far bringing the analyses' derived tables up to date after an open or an import is. */
export interface PreparationProgress {
  /** False while checking whether they are current (a few milliseconds), true once a build runs. */
  isBuilding: boolean;
  /** Steps of the build done, of all. */
  done: number;
  total: number;
}

/** The `project:*` methods. */
export const projectMethods = {
  'project:new': method<ProjectInfo>()(z.object({ path: filePath.optional(), name: z.string().min(1).max(200).optional() })),
  /**
   * Opens a project. One another process holds fails with PROJECT_LOCKED, saying by whom
   * (`details.holderUser`, `holderHost`, `holderSince`) and `details.canOpenReadOnly`; asked again
   * with `readOnly`, it opens a snapshot of it read-only.
   */
  'project:open': method<ProjectInfo>()(z.object({ path: filePath, readOnly: z.boolean().optional() })),
  /** Copies the last good copy of a damaged project (`<path>.bak`) to a new file beside it and opens that; the damaged file stays as it is. */
  'project:openBackup': method<ProjectInfo>()(z.object({ path: filePath })),
  'project:openDemo': method<ProjectInfo>()(empty),
  'project:current': method<ProjectInfo | null>()(empty),
  /** The check or build of the open project's derived tables under way (after an open or an import), or null when none is. */
  'project:preparation': method<PreparationProgress | null>()(empty),
  /**
   * Copies the open project to `path` and switches to the copy. An existing file there that is not a
   * Qunxi project is never replaced (PROJECT_NOT_QUNXI); an existing project only with `overwrite`
   * (PROJECT_EXISTS with `details.needsConfirm` asks the user first).
   */
  'project:saveAs': method<ProjectInfo>()(z.object({ path: filePath, overwrite: z.boolean().optional() })),
  /**
   * Writes an anonymised copy of the open project to `path` (DESIGN §7) and stays on the original.
   * An existing file there is replaced only as for project:saveAs.
   */
  'project:anonymize': method<AnonymizeResult>()(
    z.object({ path: filePath, maskGroups: z.boolean().optional(), maskStaff: z.boolean().optional(), overwrite: z.boolean().optional() }),
  ),
  /** Imports another project's data into the open one under the re-import rules (nothing counted twice). */
  'project:merge': method<MergeResult>()(z.object({ path: filePath })),
  /** Writes the normalised tables as one .parquet file per table into `folder`. */
  'project:exportParquet': method<ParquetResult>()(z.object({ folder: filePath })),
  'project:close': method<null>()(empty),
  'project:recent': method<ProjectEntry[]>()(empty),
  'project:list': method<ProjectEntry[]>()(empty),
};
