import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, toApiError } from '../../contract/appError';
import { boundaryMessages } from '../../locale/errors';
import { importFile, queueWrite, type ImportProgress } from '../../import/importFile';
import { importBatch, initialBatchState, type BatchItem } from '../../import/importBatch';
import { runInspectWorker } from '../../import/runWorker';
import { checkRegularFile } from '../../import/sourceFile';
import { querySkipped } from '../../import/skippedRows';
import { derivedProgress } from '../../analysis/base/derivedTables';
import { featuresTable } from '../../analysis/features/featuresCache';
import { withChurnEvents } from '../../analysis/churn/churnList';
import { stageSourceInfo } from '../../analysis/funnel/pathQueries';
import { keepDefaultSegmentCounts } from '../../analysis/decision/growthDecomposition';
import { keepDefaultChannels } from '../../analysis/channels/channelQueries';
import { kindInfo } from '../../import/kinds';
import { listImports, removeImport } from '../../db/importStore';
import type { OpenProject } from '../../db/projectFile';
import type { Sql } from '../../db/projectDb';
import { DEFAULT_TIME_ZONE } from '../../db/schema';
import { fieldsOfMapping, listTemplates, saveTemplate } from '../../import/templateStore';
import { reclaimFreeSpace } from '../../db/fileSpace';
import { requireProject, type AppContext, type CallContext } from '../context';
import { jobStore } from '../jobStore';
import type { DomainHandlers, ImportBatchJob, ImportJob, ImportKind, ImportPreview, ImportRecord, ImportSource, ImportStartRequest, TableMapping } from '../../contract';
import { runTempDir } from '../tempFiles';
import { removeUpload, uploadPath } from '../uploads';

interface JobEntry {
  job: ImportJob;
  controller: AbortController;
  /** The project it imports into. */
  project: OpenProject;
}

interface BatchEntry {
  job: ImportBatchJob;
  controller: AbortController;
}

/** Jobs per app context; finished jobs stay queryable for the life of the process. */
const jobsOf = jobStore<JobEntry>();
const batchesOf = jobStore<BatchEntry>();

/** A job as it stands; while preparing, its share is that of the derived tables' statements done. */
function snapshot(entry: JobEntry): ImportJob {
  const progress = entry.job.phase === 'preparing' ? derivedProgress(entry.project.db) : null;
  return progress?.isBuilding ? { ...entry.job, fraction: progress.done / progress.total } : { ...entry.job };
}

/**
 * A source as a path on this machine plus the name the user knows it by. In browser mode a page
 * may name only its uploads or files in the configured import folder: any path would let it read
 * the server's files (`/etc/passwd` came back as rows). Whether it is a regular file is checked
 * by whoever opens it (a FIFO would hold a thread of the file pool forever).
 */
async function resolveSource(ctx: AppContext, source: ImportSource): Promise<{ path: string; fileName: string }> {
  const resolved =
    'path' in source
      ? { path: path.resolve(source.path), fileName: path.basename(source.path) }
      : { path: uploadPath(ctx.paths, source.uploadId), fileName: path.basename(source.name) };
  if (ctx.mode === 'browser' && 'path' in source) resolved.path = await insideImportFolder(ctx.paths.importDir ?? null, resolved.path, resolved.fileName);
  return resolved;
}

/** The real path of `file` when it lies in `folder` (links resolved, so none leads out of it); IMPORT_PATH_NOT_ALLOWED otherwise. */
async function insideImportFolder(folder: string | null, file: string, fileName: string): Promise<string> {
  const refused = new AppError('IMPORT_PATH_NOT_ALLOWED', boundaryMessages.pathNotAllowed(fileName), { file: fileName });
  if (!folder) throw refused;
  const [root, real] = await Promise.all([fs.realpath(folder), fs.realpath(file)]).catch(() => {
    throw new AppError('IMPORT_FILE_NOT_FOUND', boundaryMessages.fileNotFound(fileName), { file: fileName });
  });
  const rel = path.relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) throw refused;
  return real;
}

/**
 * Inspects a file in the worker (never in this process, which serves the UI), with the project's
 * templates and time zone; anything but a regular file is refused before a worker starts.
 */
async function inspectInWorker(ctx: AppContext, source: { path: string; fileName: string }, kind: ImportKind | undefined, signal?: AbortSignal): Promise<ImportPreview> {
  await checkRegularFile(source.path, source.fileName);
  // Without a project there are no templates, and times show in the default zone.
  const project = ctx.project;
  const templates = project ? await project.db.use(listTemplates) : [];
  return runInspectWorker({ filePath: source.path, fileName: source.fileName, kind, timeZone: project?.timeZone ?? DEFAULT_TIME_ZONE, templates }, { signal });
}

/**
 * The mapping of a saved template whose headers equal the file's (corrections are reused on the
 * next file with the same headers), or undefined: detection then runs as usual. A file that
 * cannot even be inspected is left to the importer, which reports why.
 */
async function templateMappingFor(ctx: AppContext, project: OpenProject, source: { path: string; fileName: string }, kind: ImportKind | undefined, signal: AbortSignal): Promise<TableMapping | undefined> {
  const templates = await project.db.use(listTemplates);
  if (templates.length === 0) return undefined;
  try {
    const preview = await inspectInWorker(ctx, source, kind, signal);
    return preview.tables.find((t) => t.templateName !== null)?.mapping;
  } catch {
    return undefined;
  }
}

/** Saves the mapping an import used as a template under `name` (replacing one of the same name and kind). */
async function saveMappingAsTemplate(project: OpenProject, mapping: TableMapping, name: string): Promise<void> {
  const headers = [...mapping.columns].sort((a, b) => a.index - b.index).map((c) => c.header);
  await project.db.use((sql) => saveTemplate(sql, { name, kind: mapping.kind, headers, fields: fieldsOfMapping(mapping, headers) }));
  await project.db.checkpoint().catch(() => undefined);
}

/** An upload is imported once (the page uploads again for another try): it goes when its import ends, whatever the end. */
async function dropUpload(ctx: AppContext, source: ImportSource): Promise<void> {
  if ('uploadId' in source) await removeUpload(ctx.paths, source.uploadId).catch(() => undefined);
}

/**
 * Imports one requested file: with the mapping of a saved template whose headers match when the
 * request gives none, saving the request's mapping as a template when it asks to.
 */
async function importRequested(
  ctx: AppContext,
  project: OpenProject,
  source: { path: string; fileName: string },
  req: ImportStartRequest,
  signal: AbortSignal,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportRecord> {
  const mapping = req.mapping ?? (await templateMappingFor(ctx, project, source, req.kind, signal));
  const result = await importFile(project, source, {
    tempDir: path.join(runTempDir(ctx.paths.tempDir), 'imports'),
    kind: mapping?.kind ?? req.kind,
    mapping,
    signal,
    onProgress,
  });
  if (req.mapping && req.saveTemplateAs) await saveMappingAsTemplate(project, req.mapping, req.saveTemplateAs);
  return result;
}

/**
 * The tables an import's last step keeps in the project file after the derived tables (see
 * prepareAfter below), each made unless the file keeps it already: the default feature table,
 * 流失与留存's list of the whole project, what each path source holds, 增长点's segment counts and
 * 渠道's people rows.
 */
export async function makeKeptTables(project: OpenProject, sql: Sql): Promise<void> {
  await featuresTable(sql, { timeZone: project.timeZone });
  await withChurnEvents(project.db, sql, { timeZone: project.timeZone }, async () => undefined);
  await stageSourceInfo(sql);
  await keepDefaultSegmentCounts(sql, project.timeZone);
  await keepDefaultChannels(sql, project.timeZone);
}

/**
 * Imports as background jobs: start returns at once, status polls, cancel aborts (the project
 * is left untouched). `import:startBatch` imports several files one after another as one job
 * (import/importBatch.ts: each file its own all-or-nothing import, one progress over all).
 * Parsing runs in a worker thread; imports of one project write one at a time (later ones wait
 * in a queue inside the importer). Before that, `import:inspect` shows what a file holds and how
 * it would be mapped, reading only the head of the file.
 */
export function importHandlers(ctx: AppContext): DomainHandlers<'import'> {
  const jobs = jobsOf(ctx);
  const batches = batchesOf(ctx);
  const find = <E>(store: Map<string, E>, jobId: string): E => {
    const entry = store.get(jobId);
    if (!entry) throw new AppError('IMPORT_JOB_NOT_FOUND', boundaryMessages.importJobNotFound, { jobId });
    return entry;
  };
  /**
   * The analyses' derived tables follow the new data now, as the job's last step and under its
   * progress, rather than in the first view opened after (or, in the command line, the next
   * command's open): kept in the project file, they are then found current by every later open.
   * Once, after the last import running (each build reads every message). A cancel meanwhile
   * stops the build and leaves the imports committed; the first use builds the tables then. The
   * default feature table of 客户360, 四象限, VVIP and 相似人群 follows them the same way (kept in
   * the file too, featuresCache.ts, with the saved key-behaviour rules' hits it counts), and so do
   * 流失与留存's list of the whole project (churn/churnList.ts), what each source of a customer path
   * holds (funnel/pathQueries.ts), 增长点's segment counts (decision/growthDecomposition.ts) and 渠道's
   * people rows (channels/channelQueries.ts), their share then unknown.
   */
  const prepareAfter = async (self: JobEntry | BatchEntry, project: OpenProject, showPreparing: () => void): Promise<void> => {
    const isLast = ![...jobs.values(), ...batches.values()].some((other) => other !== self && other.job.state === 'running');
    if (!isLast || self.job.state !== 'running' || self.controller.signal.aborted) return;
    showPreparing();
    await project.db
      .use(
        (sql) => makeKeptTables(project, sql),
        { signal: self.controller.signal, cancelsPreparation: true },
      )
      .catch(() => undefined);
    // Free blocks the import left between used ones are asked back now, once (fileSpace.ts): asked
    // at the next open instead, that open wrote to the file, and the one after read it whole again.
    await reclaimFreeSpace(project.db, { isAfterChange: true });
  };
  return {
    'import:start': async (req) => {
      const project = requireProject(ctx);
      project.db.assertWritable();
      const source = await resolveSource(ctx, req.source);
      const kind = req.mapping?.kind ?? req.kind;
      const entry: JobEntry = {
        controller: new AbortController(),
        project,
        job: { jobId: randomUUID(), fileName: source.fileName, state: 'running', phase: 'reading', rowsRead: 0, fraction: 0, kind: kind ?? null },
      };
      jobs.set(entry.job.jobId, entry);
      const run = async () => {
        const result = await importRequested(ctx, project, source, req, entry.controller.signal, (p) => {
          if (entry.job.state === 'running') Object.assign(entry.job, p);
        });
        await prepareAfter(entry, project, () => Object.assign(entry.job, { phase: 'preparing', fraction: null }));
        return result;
      };
      const done = run().finally(() => dropUpload(ctx, req.source));
      done.then(
        (result) => {
          entry.job = { ...entry.job, state: 'done', phase: 'finished', fraction: 1, rowsRead: result.rowsRead, kind: result.kind, result };
        },
        (e: unknown) => {
          const error = toApiError(e);
          const state = error.code === 'IMPORT_CANCELLED' ? 'cancelled' : 'failed';
          entry.job = { ...entry.job, state, phase: 'finished', error };
        },
      );
      return snapshot(entry);
    },
    'import:status': async (req) => snapshot(find(jobs, req.jobId)),
    'import:cancel': async (req) => {
      const entry = find(jobs, req.jobId);
      if (entry.job.state === 'running') entry.controller.abort();
      return snapshot(entry);
    },
    'import:startBatch': async (req) => {
      const project = requireProject(ctx);
      project.db.assertWritable();
      // Every source is checked before anything starts: a path browser mode may not read refuses the whole request.
      const sources = await Promise.all(req.files.map((f) => resolveSource(ctx, f.source)));
      const jobId = randomUUID();
      const items: BatchItem[] = req.files.map((f, i) => ({
        fileName: sources[i]!.fileName,
        path: sources[i]!.path,
        run: (signal, onProgress) => importRequested(ctx, project, sources[i]!, f, signal, onProgress).finally(() => dropUpload(ctx, f.source)),
      }));
      const entry: BatchEntry = {
        controller: new AbortController(),
        job: { jobId, ...initialBatchState(items) },
      };
      batches.set(jobId, entry);
      const run = async () => {
        const final = await importBatch(items, {
          signal: entry.controller.signal,
          // The final state waits for the preparing below: the job stays running until the analyses can use the data.
          onChange: (s) => {
            if (s.state === 'running') entry.job = { jobId, ...s };
          },
        });
        await Promise.all(req.files.map((f, i) => (final.files[i]!.state === 'notStarted' ? dropUpload(ctx, f.source) : undefined)));
        if (final.files.some((f) => f.state === 'done')) await prepareAfter(entry, project, () => (entry.job = { jobId, ...final, state: 'running', phase: 'preparing' }));
        entry.job = { jobId, ...final };
      };
      void run().catch((e: unknown) => {
        entry.job = { ...entry.job, state: 'failed', phase: 'finished', files: entry.job.files.map((f) => (f.state === 'running' ? { ...f, state: 'failed', error: toApiError(e) } : f)) };
      });
      return structuredClone(entry.job);
    },
    'import:batchStatus': async (req) => structuredClone(find(batches, req.jobId).job),
    'import:batchCancel': async (req) => {
      const entry = find(batches, req.jobId);
      if (entry.job.state === 'running') entry.controller.abort();
      return structuredClone(entry.job);
    },
    'import:history': async () => listImports(requireProject(ctx).db),
    'import:skipped': async (req, call?: CallContext) => requireProject(ctx).db.use((sql) => querySkipped(sql, req), call),
    'import:inspect': async (req, call?: CallContext) => inspectInWorker(ctx, await resolveSource(ctx, req.source), req.kind, call?.signal),
    'import:kinds': async () => kindInfo(),
    'import:remove': async (req) => {
      const project = requireProject(ctx);
      if (!(await listImports(project.db)).some((r) => r.importId === req.importId)) {
        throw new AppError('IMPORT_NOT_FOUND', boundaryMessages.importNotFound(req.importId), { importId: req.importId });
      }
      // In the importer's queue: an import writing meanwhile could touch the same rows (and a
      // checkpoint fails while its transaction is open).
      await queueWrite(project.path, async () => {
        await project.db.transaction((sql) => removeImport(sql, req.importId));
        // As after an import: committed whatever the checkpoint does. The file then gives back the
        // space the import took (else the next import, removal or open tries again).
        await project.db.checkpoint().catch(() => undefined);
        await reclaimFreeSpace(project.db, { isAfterChange: true });
      });
      return listImports(project.db);
    },
  };
}
