/**
 * Where a new project or a Save As may write (issue 12 item 5): only `.qunxi` names every platform
 * accepts, never over a file that is not a Qunxi project. The path rules are pure and take the path
 * module, so tests check them with `path.win32` (drive letters, backslashes) on any machine.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/appError';
import { isSafeFileName, safeFileName } from '../contract/fileName';
import { projectTargetText } from '../locale/projectTarget';
import { PROJECT_EXT } from './projectFile';
import { ProjectDb } from './projectDb';
import { APP_MARKER, readMeta } from './schema';

/** The path functions used: `node:path` here, `path.win32` / `path.posix` in tests. */
export type PathApi = Pick<typeof path, 'resolve' | 'basename'>;

const hasProjectExt = (name: string) => name.toLowerCase().endsWith(PROJECT_EXT);

/**
 * The absolute project file a typed path names. Its name must end in `.qunxi` (with `appendExt`,
 * Save As's habit, a name without it gets it) and be one Windows accepts: `..` or `CON.qunxi` are
 * refused, not turned into something else.
 */
export function projectPathFrom(input: string, { appendExt }: { appendExt: boolean }, p: PathApi = path): string {
  let abs = p.resolve(input.trim());
  if (!hasProjectExt(p.basename(abs))) {
    if (!appendExt) throw new AppError('INVALID_REQUEST', projectTargetText.notQunxiName(p.basename(abs)), { file: abs });
    abs = `${abs}${PROJECT_EXT}`;
  }
  const name = p.basename(abs);
  if (!isSafeFileName(name) || !safeFileName(name.slice(0, -PROJECT_EXT.length))) {
    throw new AppError('INVALID_REQUEST', projectTargetText.badName(name), { file: abs });
  }
  return abs;
}

/** A project's name as the app shows it: the file name without `.qunxi` in any case (Windows keeps `复盘.QUNXI` as typed). */
export function projectNameOf(file: string, p: PathApi = path): string {
  const name = p.basename(file);
  return hasProjectExt(name) ? name.slice(0, -PROJECT_EXT.length) : name;
}

/** The file name of a project created by name: the name made safe (characters Windows forbids become `_`), `.qunxi` added. */
export function projectFileName(name: string): string {
  const safe = safeFileName(name);
  const stem = hasProjectExt(safe) ? safe.slice(0, -PROJECT_EXT.length) : safe;
  if (!safeFileName(stem)) throw new AppError('INVALID_REQUEST', projectTargetText.badName(name));
  return safeFileName(`${stem}${PROJECT_EXT}`);
}

/** What is at a path a project would be written to; `held`: a database another program has open. */
export type TargetKind = 'none' | 'project' | 'held' | 'other';

/** DuckDB's words when another process holds the file. */
const HELD_ELSEWHERE = /Could not set lock on file/i;

/**
 * Whether a path is free, holds a Qunxi project (which Save As may replace once the user agreed),
 * a database another program holds open, or anything else — a folder, an unreadable file, another program's file — which is never
 * overwritten. Reads only: a foreign file is left byte for byte as it was.
 */
export async function targetKind(abs: string): Promise<TargetKind> {
  let isFile: boolean;
  try {
    isFile = (await fs.stat(abs)).isFile();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'other';
  }
  if (!isFile) return 'other';
  const head = Buffer.alloc(16);
  try {
    const fh = await fs.open(abs, 'r');
    try {
      await fh.read(head, 0, 16, 0);
    } finally {
      await fh.close();
    }
  } catch {
    return 'other';
  }
  if (head.subarray(8, 12).toString('latin1') !== 'DUCK') return 'other';
  let db: ProjectDb;
  try {
    db = await ProjectDb.open(abs, { readOnly: true });
  } catch (e) {
    // Open in another program: the save's own lock check refuses it with PROJECT_LOCKED.
    return e instanceof Error && HELD_ELSEWHERE.test(e.message) ? 'held' : 'other';
  }
  try {
    const app = await db.use((sql) => readMeta(sql, 'app')).catch(() => undefined);
    return app === APP_MARKER ? 'project' : 'other';
  } finally {
    await db.close();
  }
}
