import { constants } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract/appError';
import { closeProjectFile, copyProjectTo, createProjectFile, openHeldReadOnly, openProjectFile, PROJECT_EXT, type OpenProject } from '../../db/projectFile';
import { recoveredPath, requireBackup } from '../../db/projectIntegrity';
import { projectSummary } from '../../db/projectSummary';
import { projectFileName, projectPathFrom, targetKind } from '../../db/projectTarget';
import { listProjects, readRecent, touchRecent } from '../../db/recentProjects';
import { requireProject, type AppContext } from '../context';
import { runTempDir } from '../tempFiles';
import type { DomainHandlers, ProjectInfo } from '../../contract';
import { buildDemoProject } from '../../import/demo';
import { queueWrite } from '../../import/importFile';
import { mergeProject } from '../../import/mergeProject';
import { writeAnonymizedCopy } from '../../export/anonymizedCopy';
import { exportParquet } from '../../export/parquetExport';
import { projectMessages } from '../../locale/project';
import { projectTargetText } from '../../locale/projectTarget';
import { derivedProgress, withDerivedTables } from '../../analysis/base/derivedTables';

/** The background preparation of each project opened in the app (see {@link prepareInBackground}). */
const preparing = new WeakMap<OpenProject, Promise<void>>();

/**
 * Builds the derived tables of a project just opened in the app at once, in the background, so
 * that the first analysis finds them (it waits for the same build when it comes first). Not in
 * the command line, whose commands run one analysis or none. A failure is left for the first use
 * to meet again and report.
 */
function prepareInBackground(ctx: AppContext, project: OpenProject): void {
  if (ctx.mode === 'cli') return;
  preparing.set(project, project.db.use(async () => undefined).catch(() => undefined));
}

async function closeCurrent(ctx: AppContext): Promise<void> {
  const current = ctx.project;
  ctx.project = null;
  if (!current) return;
  // A read-only project's close does not wait for the uses under way (it has no checkpoint to write).
  await preparing.get(current);
  await closeProjectFile(current);
}

async function adopt(ctx: AppContext, project: OpenProject): Promise<ProjectInfo> {
  ctx.project = project;
  prepareInBackground(ctx, project);
  // A snapshot of a project held elsewhere is no project of the user's to list.
  if (!project.snapshotDir) await touchRecent(ctx.paths.configDir, project.path);
  return projectSummary(project);
}

/** Project life cycle: new, open, save as, close, recent list, demo. */
export function projectHandlers(ctx: AppContext): DomainHandlers<'project'> {
  return {
    'project:new': async (req) => {
      if (!req.path && !req.name) throw new AppError('INVALID_REQUEST', projectMessages.needsNameOrPath);
      const target = req.path ? projectPathFrom(req.path, { appendExt: false }) : path.join(ctx.paths.projectsDir, projectFileName(req.name!));
      const project = await createProjectFile(target, undefined, withDerivedTables);
      await closeCurrent(ctx);
      return adopt(ctx, project);
    },
    'project:open': async (req) => {
      const target = path.resolve(req.path);
      if (ctx.project?.path === target) return projectSummary(ctx.project);
      const project = await openProjectFile(target, withDerivedTables).catch((e: unknown) => {
        // Held by another process: a read-only snapshot when asked for (the UI asks after saying who holds it).
        if (req.readOnly && e instanceof AppError && e.code === 'PROJECT_LOCKED' && e.details?.canOpenReadOnly) {
          return openHeldReadOnly(target, runTempDir(ctx.paths.tempDir), withDerivedTables);
        }
        throw e;
      });
      await closeCurrent(ctx);
      return adopt(ctx, project);
    },
    'project:openBackup': async (req) => {
      const damaged = path.resolve(req.path);
      const backup = await requireBackup(damaged);
      // The last good copy goes to a new file: the damaged one stays as it is, the copy stays a copy.
      const target = await recoveredPath(damaged, PROJECT_EXT);
      await copyFile(backup, target, constants.COPYFILE_EXCL);
      try {
        const project = await openProjectFile(target, withDerivedTables);
        await closeCurrent(ctx);
        return await adopt(ctx, project);
      } catch (e) {
        if (ctx.project?.path !== target) await rm(target, { force: true });
        throw e;
      }
    },
    'project:openDemo': async () => {
      const demoPath = path.join(ctx.paths.configDir, `${projectMessages.demoName}${PROJECT_EXT}`);
      if (ctx.project?.path === demoPath) return projectSummary(ctx.project);
      await closeCurrent(ctx);
      const project = await buildDemoProject(demoPath, ctx.paths.demoDir, path.join(runTempDir(ctx.paths.tempDir), 'imports'));
      return adopt(ctx, project);
    },
    'project:current': async () => (ctx.project ? projectSummary(ctx.project) : null),
    'project:preparation': async () => (ctx.project ? derivedProgress(ctx.project.db) : null),
    'project:saveAs': async (req) => {
      const project = requireProject(ctx);
      const target = projectPathFrom(req.path, { appendExt: true });
      if (target === project.path) return projectSummary(project);
      // Never over another program's file; over a project only once the user said so (Electron's save dialog asks itself).
      const existing = await targetKind(target);
      if (existing === 'other') throw new AppError('PROJECT_NOT_QUNXI', projectTargetText.notProjectNoOverwrite(path.basename(target)), { file: target });
      if (existing === 'project' && !req.overwrite) {
        throw new AppError('PROJECT_EXISTS', projectTargetText.existsConfirm(path.basename(target)), { file: target, needsConfirm: 1 });
      }
      await copyProjectTo(project, target);
      await closeCurrent(ctx);
      return adopt(ctx, await openProjectFile(target, withDerivedTables));
    },
    'project:anonymize': async (req) => {
      const project = requireProject(ctx);
      const target = projectPathFrom(req.path, { appendExt: true });
      const existing = await targetKind(target);
      if (existing === 'other') throw new AppError('PROJECT_NOT_QUNXI', projectTargetText.notProjectNoOverwrite(path.basename(target)), { file: target });
      if (existing === 'project' && !req.overwrite) {
        throw new AppError('PROJECT_EXISTS', projectTargetText.existsConfirm(path.basename(target)), { file: target, needsConfirm: 1 });
      }
      return writeAnonymizedCopy(project, target, { maskGroups: !!req.maskGroups, maskStaff: !!req.maskStaff });
    },
    'project:merge': async (req) => {
      const project = requireProject(ctx);
      // In the importer's queue, as an import: one writer of the project's rows at a time.
      return queueWrite(project.path, () => mergeProject(project, req.path));
    },
    'project:exportParquet': async (req) => {
      const project = requireProject(ctx);
      const folder = path.resolve(req.folder);
      return { folder, tables: await exportParquet(project, folder) };
    },
    'project:close': async () => {
      await closeCurrent(ctx);
      return null;
    },
    'project:recent': async () => readRecent(ctx.paths.configDir),
    'project:list': async () => listProjects(ctx.paths.projectsDir),
  };
}
