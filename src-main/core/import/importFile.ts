/**
 * Imports one export file into a project: hash, parse in a worker thread into NDJSON, then
 * stage and merge into the project tables in one transaction. All or nothing: on any error or
 * cancel the project is exactly as before and the temporary files are gone.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportKind, ImportRecord, TableMapping } from '../../api/contract';
import type { OpenProject } from '../../store/projectFile';
import type { Sql } from '../../store/projectDb';
import {
  dropStaging,
  findImportByHash,
  insertImport,
  mergeMembers,
  mergeMessages,
  mergedCounts,
  mergeTarget,
  nextImportId,
  stagedProblems,
  stageMembers,
  stageMessages,
  stageRecords,
  type MergeCounts,
} from '../../store/importStore';
import { AppError } from '../appError';
import type { ImportLimits } from './reader/limits';
import { kindSpecs } from './kinds';
import { mergeTargets, stageFields } from './kinds/targets';
import { cancelledError, runParseWorker } from './runWorker';

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
  /** Folder for the NDJSON hand-over file. */
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
}

/** Stages the NDJSON of any kind and merges it into its tables; returns the counts and the problems found. */
async function stageAndMerge(sql: Sql, kind: ImportKind, ndjsonPath: string, timeZone: string, importId: number, rowsRead: number, throwIfCancelled: () => void) {
  const noProblems = { count: 0, lines: [] as string[] };
  if (kind === 'members') {
    await stageMembers(sql, ndjsonPath, timeZone);
    throwIfCancelled();
    return { counts: await mergeMembers(sql, importId, rowsRead), problems: noProblems };
  }
  if (kind === 'messages') {
    await stageMessages(sql, ndjsonPath, timeZone);
    throwIfCancelled();
    return { counts: await mergeMessages(sql, importId, rowsRead), problems: noProblems };
  }
  const spec = kindSpecs[kind];
  await stageRecords(sql, ndjsonPath, timeZone, stageFields(spec));
  throwIfCancelled();
  for (const target of mergeTargets(kind)) await mergeTarget(sql, target, importId);
  const counts: MergeCounts = await mergedCounts(sql, rowsRead);
  const phone = spec.fields.find((x) => x.type === 'phone');
  const problems = await stagedProblems(sql, phone?.id ?? null, phone?.label ?? '');
  return { counts, problems };
}

/** Per project file, the tail of the queue of imports waiting to write: one writer at a time. */
const writeQueues = new Map<string, Promise<unknown>>();

function queueWrite<T>(projectPath: string, fn: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(projectPath) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  const tail = next.catch(() => undefined);
  writeQueues.set(projectPath, tail);
  void tail.then(() => {
    if (writeQueues.get(projectPath) === tail) writeQueues.delete(projectPath);
  });
  return next;
}

/** SHA-256 of a file, streamed. */
async function hashFile(filePath: string, fileName: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024, signal })) hash.update(chunk as Buffer);
  } catch (e) {
    if (signal?.aborted) throw cancelledError(fileName);
    throw new AppError('IMPORT_FILE_UNREADABLE', `无法读取文件“${fileName}”：${(e as Error).message.split('\n')[0]}`, { file: fileName });
  }
  return hash.digest('hex');
}

/** What an identical file's re-import returns: the earlier import, with nothing added this time. */
function alreadyImported(earlier: ImportRecord): ImportRecord {
  return { ...earlier, rowsAdded: 0, rowsSkipped: earlier.rowsRead };
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
  try {
    const stat = await fs.stat(source.path);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    throw new AppError('IMPORT_FILE_NOT_FOUND', `找不到文件“${fileName}”`, { file: fileName });
  }
  opts.onProgress?.({ phase: 'reading', rowsRead: 0, fraction: 0, kind: opts.kind ?? null });
  const fileHash = await hashFile(source.path, fileName, opts.signal);
  const earlier = await project.db.use((sql) => findImportByHash(sql, fileHash));
  if (earlier) return alreadyImported(earlier);

  const jobDir = path.join(opts.tempDir, `import-${randomUUID()}`);
  const ndjsonPath = path.join(jobDir, 'rows.ndjson');
  await fs.mkdir(jobDir, { recursive: true });
  try {
    const summary = await runParseWorker(
      { filePath: source.path, fileName, outPath: ndjsonPath, kind: opts.mapping?.kind ?? opts.kind, limits: opts.limits, mapping: opts.mapping, timeZone: project.timeZone },
      { signal: opts.signal, onProgress: (p) => opts.onProgress?.({ phase: 'reading', ...p }) },
    );
    throwIfCancelled();
    return await queueWrite(project.path, async () => {
      throwIfCancelled();
      opts.onProgress?.({ phase: 'writing', rowsRead: summary.rowsRead, fraction: 1, kind: summary.kind });
      const record = await project.db.transaction(async (sql) => {
        const again = await findImportByHash(sql, fileHash);
        if (again) return alreadyImported(again);
        const importId = await nextImportId(sql);
        const { counts, problems } = await stageAndMerge(sql, summary.kind, ndjsonPath, project.timeZone, importId, summary.rowsRead, throwIfCancelled);
        await dropStaging(sql);
        throwIfCancelled();
        const rec: ImportRecord = {
          importId,
          fileName,
          fileHash,
          kind: summary.kind,
          importedAt: new Date().toISOString(),
          rowsRead: summary.rowsRead,
          rowsAdded: counts.added,
          rowsSkipped: counts.skipped,
          problemCount: problems.count,
          problems: problems.lines,
        };
        await insertImport(sql, rec);
        return rec;
      });
      // The import is committed (and durable in the WAL) whatever the checkpoint does; a failed
      // checkpoint is retried by the next one or on close, so it does not fail the import.
      await project.db.checkpoint().catch(() => undefined);
      return record;
    });
  } finally {
    await fs.rm(jobDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
