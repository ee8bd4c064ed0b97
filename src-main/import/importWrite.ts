/**
 * The write side of an import: inside one transaction on its own connection, the parsing worker
 * runs and each chunk file it finishes is written into the project tables at once (see
 * import/importLoad.ts), so DuckDB's loading, keying and compressing overlap the parse; once the
 * file is read the whole-file rules are applied and the import recorded. Any error or cancel rolls
 * everything back.
 */
import { promises as fs } from 'node:fs';
import type { ImportKind, ImportRecord, TableMapping } from '../contract';
import type { OpenProject } from '../db/projectFile';
import { usualMemoryBytes, type ProjectDb, type Sql } from '../db/projectDb';
import { dropStaging, findImportByHash, importWithReasons, insertImport, nextImportId } from '../db/importStore';
import { beginLoad, loadFile, settleLoad, type Load } from './importLoad';
import { AppError } from '../contract/appError';
import { fieldLabel, kindSpecs } from './kinds';
import { loadPlan } from './kinds/targets';
import type { MaskedPhones, ParseProgress } from './parseFile';
import type { ImportLimits } from './reader/limits';
import { runParseWorker } from './runWorker';
import type { ChunkSize } from './stagingCsv';
import { importMessages as text } from '../locale/import';

/** What the write side needs to know about the import. */
export interface WriteJob {
  filePath: string;
  fileName: string;
  /** Folder for the chunk files (created here, removed by the caller). */
  jobDir: string;
  kind?: ImportKind;
  mapping?: TableMapping;
  limits?: Partial<ImportLimits>;
  chunkSize?: ChunkSize;
  /** Stops the parse: the user's cancel, or the hash finding an earlier import. */
  signal: AbortSignal;
  /** The file's hash and any earlier import of the same bytes, once known. */
  hashed: Promise<{ fileHash: string; earlier: ImportRecord | undefined }>;
  /** Throws IMPORT_CANCELLED once the user cancelled. */
  throwIfCancelled: () => void;
  onReading: (p: ParseProgress) => void;
  onWriting: (rowsRead: number, kind: ImportKind) => void;
}

/** What an identical file's re-import returns: the earlier import, with nothing added this time: every row skipped as the same file. */
export function alreadyImported(earlier: ImportRecord): ImportRecord {
  return { ...earlier, rowsAdded: 0, rowsSkipped: earlier.rowsRead, skippedByReason: [{ reason: 'same_file', count: earlier.rowsRead }] };
}

/** The problem lines of an import: masked phones, kept but never used to match anyone. */
function problemsOf(kind: ImportKind, masked: MaskedPhones): { count: number; lines: string[] } {
  const phone = kindSpecs[kind].fields.find((x) => x.type === 'phone');
  const label = phone ? fieldLabel(kind, phone.id) : '';
  const lines = masked.first.map((r) => text.maskedPhone(r.sheet || null, r.row, label, r.phone));
  return { count: masked.count, lines };
}

/**
 * Runs `fn` in a transaction on the caller's connection; commits unless `fn` throws or answers
 * `commit: false`. The commit waits for the analyses under way (ProjectDb.commitWhenIdle), so none
 * sees the import land halfway through.
 */
async function inTransaction<T>(db: ProjectDb, sql: Sql, fn: () => Promise<{ value: T; commit: boolean }>): Promise<T> {
  await sql.run('BEGIN TRANSACTION');
  try {
    const { value, commit } = await fn();
    if (commit) await db.commitWhenIdle(sql);
    else await sql.run('ROLLBACK');
    return value;
  } catch (e) {
    await sql.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A byte count as DuckDB shows a memory setting (its BytesToHumanReadableString, powers of 1024). */
export function duckdbBytesText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  const parts = [bytes, 0, 0, 0, 0, 0];
  for (let i = 1; i < 6; i++) {
    parts[i] = Math.floor(parts[i - 1]! / 1024);
    parts[i - 1] = parts[i - 1]! % 1024;
  }
  for (let i = 5; i >= 1; i--) {
    if (parts[i]) return `${parts[i]}.${Math.floor((parts[i - 1]! * 10) / 1023)} ${units[i]}`;
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * DuckDB's settings while an import writes, the earlier values restored after:
 * - one thread: the parsing worker keeps a core busy and DuckDB's loading, keying and
 *   compressing take the other; more DuckDB threads only contend with the worker and cost more
 *   CPU in all (1M messages: 2.6 → 2.2 s loading, 0.5 → 0.2 s settling);
 * - a memory limit (`memoryMb` more than DuckDB holds already, none when null): DuckDB otherwise
 *   keeps every block it wrote for the import cached (~100 MB per 1M messages on top of the
 *   process); under the limit it drops them (they are on disk) and spills what it must to
 *   `<project>.tmp`. Only while no analysis runs (ProjectDb.limitMemoryWhileIdle).
 * Both are settings of the database, not of the connection: reads made meanwhile share them.
 * Restoring needs care: in DuckDB 1.5 `RESET memory_limit` restores the setting's value but not
 * the buffer pool's actual limit (every later query stays held to the import's limit and fails
 * as if out of memory), and the value DuckDB shows is rounded, so setting it back would creep
 * down a little with every import. The limit is therefore lowered only while it is the project's
 * usual one (ProjectDb's usualMemoryBytes), which is then SET back to the byte.
 */
async function withImportSettings<T>(project: OpenProject, memoryMb: number | null, fn: () => Promise<T>): Promise<T> {
  const usualMemory = usualMemoryBytes();
  const before = await project.db.useUnprepared(async (sql) => {
    const row = (await sql.one<{ threads: string; memory_limit: string }>(
      `SELECT current_setting('threads')::VARCHAR AS threads, current_setting('memory_limit')::VARCHAR AS memory_limit`,
    ))!;
    const isLimited = memoryMb !== null && row.memory_limit === duckdbBytesText(usualMemory);
    await sql.run('SET threads = 1');
    return { threads: Math.max(1, Number.parseInt(row.threads, 10) || 1), isLimited };
  });
  // Only while no analysis runs: under the import's limit they would fail out of memory.
  if (before.isLimited) await project.db.limitMemoryWhileIdle({ importMb: memoryMb!, usual: `${usualMemory}B` });
  try {
    return await fn();
  } finally {
    await project.db.limitMemoryWhileIdle(null).catch(() => undefined);
    const restore = () =>
      project.db.useUnprepared(async (sql) => {
        await sql.run(`SET threads = ${before.threads}`);
        if (before.isLimited) await sql.run(`SET memory_limit = '${usualMemory}B'`);
      });
    // After the import's connection is closed, so whatever a failed import held is released; tried twice.
    await restore().catch(() => new Promise((r) => setTimeout(r, 50)).then(restore)).catch(() => undefined);
  }
}

/** Whether an error is DuckDB running out of the memory it may use. */
export function isOutOfMemory(e: unknown): boolean {
  return e instanceof Error && !(e instanceof AppError) && /Out of Memory/i.test(e.message);
}

/**
 * Parses and writes one import in a transaction on a connection of its own; returns the
 * committed record, or the earlier import of the same bytes (nothing written). `memoryMb` is
 * DuckDB's memory limit meanwhile (null: none).
 */
export async function writeImport(project: OpenProject, job: WriteJob, memoryMb: number | null): Promise<ImportRecord> {
  return withImportSettings(project, memoryMb, () =>
    project.db.useUnprepared((sql) =>
      inTransaction(project.db, sql, async () => {
        job.throwIfCancelled();
        await fs.mkdir(job.jobDir, { recursive: true });
        const importId = await nextImportId(sql);
        let load: Load | null = null;
        const loadFor = async (kind: ImportKind) => {
          load ??= await beginLoad(sql, loadPlan(kind), importId);
          return load;
        };
        let parsed;
        try {
          parsed = await runParseWorker(
            {
              filePath: job.filePath,
              fileName: job.fileName,
              outDir: job.jobDir,
              kind: job.mapping?.kind ?? job.kind,
              limits: job.limits,
              mapping: job.mapping,
              timeZone: project.timeZone,
              chunkSize: job.chunkSize,
            },
            {
              signal: job.signal,
              onProgress: job.onReading,
              onChunk: async (chunk) => {
                await loadFile(sql, await loadFor(chunk.kind), chunk, project.timeZone);
                await fs.rm(chunk.path, { force: true });
              },
            },
          );
        } catch (e) {
          // A failed hash, or an earlier import of these bytes, decides over what the parse made of them.
          const { earlier } = await job.hashed;
          if (earlier) return { value: alreadyImported(earlier), commit: false };
          throw e;
        }
        const { fileHash, earlier } = await job.hashed;
        // Looked up again in the transaction: an import of the same bytes may have been written while this one waited its turn.
        const again = earlier ?? (await findImportByHash(sql, fileHash));
        if (again) return { value: alreadyImported(again), commit: false };
        job.throwIfCancelled();
        job.onWriting(parsed.rowsRead, parsed.kind);
        const counts = await settleLoad(sql, await loadFor(parsed.kind), parsed.rowsRead);
        job.throwIfCancelled();
        const problems = problemsOf(parsed.kind, parsed.maskedPhones);
        const rec: ImportRecord = {
          importId,
          fileName: job.fileName,
          fileHash,
          kind: parsed.kind,
          importedAt: new Date().toISOString(),
          rowsRead: parsed.rowsRead,
          rowsAdded: counts.added,
          rowsSkipped: counts.skipped,
          problemCount: problems.count,
          problems: problems.lines,
        };
        await insertImport(sql, rec);
        return { value: await importWithReasons(sql, rec), commit: true };
      }).finally(() => dropStaging(sql).catch(() => undefined)),
    ),
  );
}
