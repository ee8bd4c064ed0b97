import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, toApiError } from '../../contract/appError';
import { importFile } from '../../import/importFile';
import { inspectFile } from '../../import/inspect';
import { kindInfo } from '../../import/kinds';
import { listImports, removeImport } from '../../db/importStore';
import type { OpenProject } from '../../db/projectFile';
import { DEFAULT_TIME_ZONE } from '../../db/schema';
import { fieldsOfMapping, listTemplates, saveTemplate } from '../../import/templateStore';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers, ImportJob, ImportKind, ImportSource, TableMapping } from '../../contract';
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

/** A source as a path on this machine plus the name the user knows it by. */
function resolveSource(ctx: AppContext, source: ImportSource): { path: string; fileName: string } {
  return 'path' in source
    ? { path: path.resolve(source.path), fileName: path.basename(source.path) }
    : { path: uploadPath(ctx.paths, source.uploadId), fileName: path.basename(source.name) };
}

/**
 * The mapping of a saved template whose headers equal the file's (corrections are reused on the
 * next file with the same headers), or undefined: detection then runs as usual. A file that
 * cannot even be inspected is left to the importer, which reports why.
 */
async function templateMappingFor(project: OpenProject, source: { path: string; fileName: string }, kind: ImportKind | undefined): Promise<TableMapping | undefined> {
  const templates = await project.db.use(listTemplates);
  if (templates.length === 0) return undefined;
  try {
    const preview = await inspectFile(source, { kind, timeZone: project.timeZone, templates });
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

/**
 * Imports as background jobs: start returns at once, status polls, cancel aborts (the project
 * is left untouched). Parsing runs in a worker thread; imports of one project write one at a
 * time (later ones wait in a queue inside the importer). Before that, `import:inspect` shows
 * what a file holds and how it would be mapped, reading only the head of the file.
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
      const source = resolveSource(ctx, req.source);
      const kind = req.mapping?.kind ?? req.kind;
      const entry: JobEntry = {
        controller: new AbortController(),
        job: { jobId: randomUUID(), fileName: source.fileName, state: 'running', phase: 'reading', rowsRead: 0, fraction: 0, kind: kind ?? null },
      };
      jobs.set(entry.job.jobId, entry);
      const run = async () => {
        const mapping = req.mapping ?? (await templateMappingFor(project, source, req.kind));
        const result = await importFile(project, source, {
          tempDir: path.join(ctx.paths.tempDir, 'imports'),
          kind: mapping?.kind ?? req.kind,
          mapping,
          signal: entry.controller.signal,
          onProgress: (p) => {
            if (entry.job.state === 'running') Object.assign(entry.job, p);
          },
        });
        if (req.mapping && req.saveTemplateAs) await saveMappingAsTemplate(project, req.mapping, req.saveTemplateAs);
        return result;
      };
      run().then(
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
    'import:inspect': async (req) => {
      const source = resolveSource(ctx, req.source);
      // Without a project there are no templates, and times show in the default zone.
      const project = ctx.project;
      const templates = project ? await project.db.use(listTemplates) : [];
      return inspectFile(source, { kind: req.kind, timeZone: project?.timeZone ?? DEFAULT_TIME_ZONE, templates });
    },
    'import:kinds': async () => kindInfo(),
    'import:remove': async (req) => {
      const project = requireProject(ctx);
      if (!(await listImports(project.db)).some((r) => r.importId === req.importId)) {
        throw new AppError('IMPORT_NOT_FOUND', `没有编号为 ${req.importId} 的导入`, { importId: req.importId });
      }
      await project.db.transaction((sql) => removeImport(sql, req.importId));
      // As after an import: committed whatever the checkpoint does.
      await project.db.checkpoint().catch(() => undefined);
      return listImports(project.db);
    },
  };
}
