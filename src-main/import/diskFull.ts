/**
 * A full disk, said as such: what is full and where, instead of DuckDB's "IO Error … No space
 * left on device" as an internal error, or a full temp folder blamed on the input file.
 */
import path from 'node:path';
import { AppError, isAppError } from '../contract/appError';
import { importMessages as text } from '../locale/import';

/** Node's codes for a write refused for want of space (ENOSPC) or quota (EDQUOT). */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** Whether an error (Node's, DuckDB's, or already a DISK_FULL) says a disk or quota is full. */
export function isDiskFull(e: unknown): boolean {
  if (isAppError(e)) return e.code === 'DISK_FULL';
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FULL_CODES.has(code)) return true;
  return e instanceof Error && /No space left on device|Disk quota exceeded/i.test(e.message);
}

/** The file DuckDB says it could not write (`Could not write file "…"`), or null. */
function fileInMessage(e: unknown): string | null {
  const m = e instanceof Error ? /"([^"]+)"/.exec(e.message) : null;
  return m ? m[1]! : null;
}

/**
 * DISK_FULL naming the folder that is full: the folder of the file the error names (the project
 * file, its `.tmp` spill folder), else `folder` (where the caller was writing); `fileName` is
 * the import that could not finish.
 */
export function diskFullError(e: unknown, fileName: string, folder: string): AppError {
  if (isAppError(e) && e.code === 'DISK_FULL') return e;
  const written = fileInMessage(e) ?? (e as { path?: unknown } | null)?.path;
  const where = typeof written === 'string' ? path.dirname(written) : folder;
  return new AppError('DISK_FULL', text.diskFull(where, fileName), {
    file: fileName,
    folder: where,
  });
}
