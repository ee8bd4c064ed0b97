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
  /**
   * Copies the open project to `path` and switches to the copy. An existing file there that is not a
   * Qunxi project is never replaced (PROJECT_NOT_QUNXI); an existing project only with `overwrite`
   * (PROJECT_EXISTS with `details.needsConfirm` asks the user first).
   */
  'project:saveAs': method<ProjectInfo>()(z.object({ path: filePath, overwrite: z.boolean().optional() })),
  'project:close': method<null>()(empty),
  'project:recent': method<ProjectEntry[]>()(empty),
  'project:list': method<ProjectEntry[]>()(empty),
};
