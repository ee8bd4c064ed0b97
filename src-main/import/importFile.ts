/**
 * Imports one export file into a project: hashes it while a worker thread parses it into CSV
 * chunks, each written into the project tables as it comes (importWrite.ts), all in one
 * transaction. All or nothing: on any error or cancel the project is exactly as before and the
 * temporary files are gone.
 *
 * The importer's connections skip the project's preparer (ProjectDb.useUnprepared): it rebuilds
 * the analyses' derived tables whenever the data changed, which the import job does once as its
 * last step after all its files (api/handlers/import.ts), not each file (in a 1.2M-row project it
 * put ~0.6 s and its tables' memory into every import, once before it and once after).
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportKind, ImportRecord, TableMapping } from '../contract';
import { reopenProjectDb, reserveFile, type OpenProject } from '../db/projectFile';
import { reclaimFreeSpace } from '../db/fileSpace';
import { findImportByHash } from '../db/importStore';
import { AppError, firstLine, isAppError } from '../contract/appError';
import { checkRegularFile, openRegularFile } from './sourceFile';
import { diskFullError, isDiskFull } from './diskFull';
import { writeImport, isOutOfMemory, type WriteJob } from './importWrite';
import { resolveLimits, type ImportLimits } from './reader/limits';
import type { ChunkSize } from './stagingCsv';
import { cancelledError } from './runWorker';
import { importMessages as text } from '../locale/import';

/** Progress of an import, for a status display. */
export interface ImportProgress {
  /** Reading the file, or writing into the project. */
  phase: 'reading' | 'writing';
  /** Data rows read so far. */
  rowsRead: number;
  /** Share of the file read, 0–1, where known. */
  fraction: number | null;
  /** Kind, once detected. */
  kind: ImportKind | null;
}

/** Options of {@link importFile}. */
export interface ImportOptions {
  /** Folder for the CSV hand-over files. */
  tempDir: string;
  /** Forced kind; detected from the headers otherwise. */
  kind?: ImportKind;
  /** An explicit mapping from the mapping grid or a template; overrides detection (and `kind`). */
  mapping?: TableMapping;
  /** Progress reports. */
  onProgress?: (p: ImportProgress) => void;
  /** Cancels the import; the project stays untouched. */
  signal?: AbortSignal;
  /** Size limits other than the defaults (tests use small ones). */
  limits?: Partial<ImportLimits>;
  /** Chunk size of the hand-over other than the default (tests use small ones, to cross chunk boundaries). */
  chunkSize?: ChunkSize;
}

/** Per project file, the tail of the queue of imports (and removals) waiting to write: one writer at a time. */
const writeQueues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` after the imports and removals of the project queued before it: two write
 * transactions at once could touch the same rows, and DuckDB would refuse the second commit.
 */
export function queueWrite<T>(projectPath: string, fn: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(projectPath) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  const tail = next.catch(() => undefined);
  writeQueues.set(projectPath, tail);
  void tail.then(() => {
    if (writeQueues.get(projectPath) === tail) writeQueues.delete(projectPath);
  });
  return next;
}

/**
 * SHA-256 of a file, read through one reused buffer: a stream's fresh buffer per read is garbage
 * the main thread, which allocates little else, may not collect before the file is read (up to
 * the file's size in memory meanwhile).
 */
async function hashFile(filePath: string, fileName: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(256 * 1024);
  try {
    const fh = await openRegularFile(filePath, fileName);
    try {
      for (;;) {
        if (signal?.aborted) throw cancelledError(fileName);
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        hash.update(buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (signal?.aborted) throw cancelledError(fileName);
    if (isAppError(e)) throw e;
    throw new AppError('IMPORT_FILE_UNREADABLE', text.unreadable(fileName, firstLine(e)), { file: fileName });
  }
  return hash.digest('hex');
}

/** Size of a file in bytes, 0 when it cannot be read. */
async function fileSize(p: string): Promise<number> {
  return (await fs.stat(p).catch(() => null))?.size ?? 0;
}

/** Bytes of the reserve an import holds next to the project: room for DuckDB to shorten the file on a full disk. */
const RESERVE_BYTES = 2 * 1024 * 1024;

/** A reserve file held for one import; `release` removes it (again harmlessly). */
interface Reserve {
  release(): Promise<void>;
}

/**
 * Fills the project's reserve file (see projectFile.ts) for the time of an import. On a disk too
 * full even for that, the import runs without one: it is only what lets a failed import give its
 * space back at once rather than on the next open.
 */
async function holdReserve(project: OpenProject): Promise<Reserve> {
  if (project.db.path === ':memory:') return { release: async () => undefined };
  const file = reserveFile(project.path);
  await fs.writeFile(file, Buffer.alloc(RESERVE_BYTES)).catch(() => fs.rm(file, { force: true }).catch(() => undefined));
  return { release: () => fs.rm(file, { force: true }).catch(() => undefined) };
}

/** Slack over the size before a failed import that counts as "given back" (DuckDB's blocks are 256 KB). */
const SIZE_SLACK = 2 * 1024 * 1024;

/**
 * After a failed import: the blocks DuckDB had written its rows into are free, the file as long
 * as they made it; {@link reclaimFreeSpace} shortens it. On a full disk the reserve goes first
 * (shortening writes a little), and DuckDB may still count blocks it failed to write as used
 * until it reads the file afresh: then the database is opened again and shortened once more.
 */
async function giveBackSpace(project: OpenProject, e: unknown, sizeBefore: number, reserve: Reserve): Promise<void> {
  if (project.db.path === ':memory:') return;
  if (isDiskFull(e)) await reserve.release();
  await reclaimFreeSpace(project.db, { isAfterChange: true });
  if (isDiskFull(e) && (await fileSize(project.path)) > sizeBefore + SIZE_SLACK) {
    await reopenProjectDb(project).catch(() => undefined);
    await reclaimFreeSpace(project.db, { isAfterChange: true });
  }
}

/**
 * Imports an export of any kind (DESIGN §3), detected from its headers or mapped explicitly. Re-importing a file with the same bytes records
 * nothing new and returns the earlier import with `rowsAdded` 0; an overlapping later export
 * adds only the rows the project lacks (and fills in leave times of open membership spells).
 */
export async function importFile(project: OpenProject, source: { path: string; fileName: string }, opts: ImportOptions): Promise<ImportRecord> {
  const { fileName } = source;
  const throwIfCancelled = () => {
    if (opts.signal?.aborted) throw cancelledError(fileName);
  };
  await checkRegularFile(source.path, fileName);
  opts.onProgress?.({ phase: 'reading', rowsRead: 0, fraction: 0, kind: opts.kind ?? null });
  // Hashed meanwhile: the parse stops early when an earlier import has the same bytes (or the hash cannot be taken).
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  const hashed = hashFile(source.path, fileName, opts.signal).then(async (fileHash) => {
    // Only a shortcut: the import looks again in its transaction, so a lookup that fails (say,
    // under the import's memory limit) just does not stop the parse.
    const earlier = await project.db.useUnprepared((sql) => findImportByHash(sql, fileHash)).catch(() => undefined);
    if (earlier) stop.abort();
    return { fileHash, earlier };
  });
  hashed.catch(() => stop.abort());

  const job: WriteJob = {
    filePath: source.path,
    fileName,
    jobDir: path.join(opts.tempDir, `import-${randomUUID()}`),
    kind: opts.kind,
    mapping: opts.mapping,
    limits: opts.limits,
    chunkSize: opts.chunkSize,
    signal,
    hashed,
    throwIfCancelled,
    onReading: (p) => opts.onProgress?.({ phase: 'reading', ...p }),
    onWriting: (rowsRead, kind) => opts.onProgress?.({ phase: 'writing', rowsRead, fraction: 1, kind }),
  };
  const memoryMb = project.db.path === ':memory:' ? null : resolveLimits(opts.limits).dbMemoryMb;
  const writeOnce = async () => {
    try {
      return await writeImport(project, job, memoryMb);
    } catch (e) {
      // The memory limit is this importer's economy, not the user's problem: should DuckDB not
      // manage within it, the import (rolled back) runs again without one.
      if (memoryMb === null || !isOutOfMemory(e)) throw e;
      await fs.rm(job.jobDir, { recursive: true, force: true });
      return writeImport(project, job, null);
    }
  };
  try {
    // One writer per project: the rows go into the project tables while the file is parsed.
    const record = await queueWrite(project.path, async () => {
      const sizeBefore = await fileSize(project.path);
      const reserve = await holdReserve(project);
      try {
        return await writeOnce();
      } catch (e) {
        // Before the next import may start: the failed one's blocks go back to the file system.
        await giveBackSpace(project, e, sizeBefore, reserve);
        throw e;
      } finally {
        await reserve.release();
      }
    }).catch((e: unknown) => {
      if (isOutOfMemory(e)) {
        throw new AppError('IMPORT_TOO_LARGE', text.outOfMemory(fileName), { file: fileName });
      }
      if (isDiskFull(e)) throw diskFullError(e, fileName, path.dirname(project.path));
      throw e;
    });
    // The import is committed (and durable in the WAL) whatever the checkpoint does; a failed
    // checkpoint is retried by the next one or on close, so it does not fail the import.
    await project.db.checkpoint().catch(() => undefined);
    return record;
  } finally {
    await hashed.catch(() => undefined);
    await fs.rm(job.jobDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
