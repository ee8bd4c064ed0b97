import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, toApiError } from '../../core/appError';
import { importFile } from '../../core/import/importFile';
import { listImports } from '../../store/importStore';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers, ImportJob } from '../contract';
import { uploadPath } from '../uploads';

interface JobEntry {
  job: ImportJob;
  controller: AbortController;
}

/** Jobs per app context; finished jobs stay queryable for the life of the process. */
const jobsByContext = new WeakMap<AppContext, Map<string, JobEntry>>();

function jobsOf(ctx: AppContext): Map<string, JobEntry> {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) {
    jobs = new Map();
    jobsByContext.set(ctx, jobs);
  }
  return jobs;
}

function snapshot(entry: JobEntry): ImportJob {
  return { ...entry.job };
}

/**
 * Imports as background jobs: start returns at once, status polls, cancel aborts (the project
 * is left untouched). Parsing runs in a worker thread; imports of one project write one at a
 * time (later ones wait in a queue inside the importer).
 */
export function importHandlers(ctx: AppContext): DomainHandlers<'import'> {
  const jobs = jobsOf(ctx);
  const find = (jobId: string): JobEntry => {
    const entry = jobs.get(jobId);
    if (!entry) throw new AppError('IMPORT_JOB_NOT_FOUND', '找不到这个导入任务', { jobId });
    return entry;
  };
  return {
    'import:start': async (req) => {
      const project = requireProject(ctx);
      const source =
        'path' in req.source
          ? { path: path.resolve(req.source.path), fileName: path.basename(req.source.path) }
          : { path: uploadPath(ctx.paths, req.source.uploadId), fileName: path.basename(req.source.name) };
      const entry: JobEntry = {
        controller: new AbortController(),
        job: { jobId: randomUUID(), fileName: source.fileName, state: 'running', phase: 'reading', rowsRead: 0, fraction: 0, kind: req.kind ?? null },
      };
      jobs.set(entry.job.jobId, entry);
      importFile(project, source, {
        tempDir: path.join(ctx.paths.tempDir, 'imports'),
        kind: req.kind,
        signal: entry.controller.signal,
        onProgress: (p) => {
          if (entry.job.state === 'running') Object.assign(entry.job, p);
        },
      }).then(
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
    'import:status': async (req) => snapshot(find(req.jobId)),
    'import:cancel': async (req) => {
      const entry = find(req.jobId);
      if (entry.job.state === 'running') entry.controller.abort();
      return snapshot(entry);
    },
    'import:history': async () => listImports(requireProject(ctx).db),
  };
}
