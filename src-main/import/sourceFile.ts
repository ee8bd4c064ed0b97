/**
 * The file an import reads must be a regular file: opening a named pipe (FIFO) waits for a
 * writer forever, holding one of the few threads of Node's file pool (five such requests hung
 * the browser-mode server), and a device or a folder is no export either. Checked before any
 * reader opens the path; the sniffer checks again on the handle it reads (fstat), so a path
 * swapped in between is caught too.
 */
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import { AppError } from '../contract/appError';
import { importMessages as text } from '../locale/import';

/** What a non-regular file is, for the message. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return text.special.directory;
  if (s.isFIFO()) return text.special.fifo;
  if (s.isSocket()) return text.special.socket;
  if (s.isCharacterDevice() || s.isBlockDevice()) return text.special.device;
  return text.special.other;
}

/** The error for a path that is not a regular file. */
export function notARegularFile(fileName: string, s: Stats): AppError {
  return new AppError('IMPORT_NOT_A_FILE', text.notRegular(fileName, kindOf(s)), { file: fileName });
}

/** Throws IMPORT_FILE_NOT_FOUND or IMPORT_NOT_A_FILE unless `filePath` (links followed) is a regular file. */
export async function checkRegularFile(filePath: string, fileName: string): Promise<void> {
  let s: Stats;
  try {
    s = await fs.stat(filePath);
  } catch {
    throw new AppError('IMPORT_FILE_NOT_FOUND', text.fileNotFound(fileName), { file: fileName });
  }
  if (!s.isFile()) throw notARegularFile(fileName, s);
}

/**
 * Opens a file for reading without waiting on a FIFO (O_NONBLOCK, where the platform has it:
 * Windows has no FIFOs to wait on), then refuses anything but a regular file by its handle.
 */
export async function openRegularFile(filePath: string, fileName: string): Promise<fs.FileHandle> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch {
    throw new AppError('IMPORT_FILE_NOT_FOUND', text.fileNotFound(fileName), { file: fileName });
  }
  const s = await fh.stat().catch(async (e: unknown) => {
    await fh.close();
    throw e;
  });
  if (!s.isFile()) {
    await fh.close();
    throw notARegularFile(fileName, s);
  }
  return fh;
}
