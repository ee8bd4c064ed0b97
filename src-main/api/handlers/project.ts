import path from 'node:path';
import { AppError } from '../../contract/appError';
import { closeProjectFile, copyProjectTo, createProjectFile, openProjectFile, PROJECT_EXT, type OpenProject } from '../../db/projectFile';
import { projectSummary } from '../../db/projectSummary';
import { listProjects, readRecent, touchRecent } from '../../db/recentProjects';
import { requireProject, type AppContext } from '../context';
import { runTempDir } from '../tempFiles';
import type { DomainHandlers, ProjectInfo } from '../../contract';
import { buildDemoProject } from '../../import/demo';
import { projectMessages } from '../../locale/project';
import { shellText } from '../../locale/shell';
import { withDerivedTables } from '../../analysis/base/derivedTables';

/** A file name for a project typed by name: path separators and control characters removed. */
export function projectFileName(name: string): string {
  // Control characters are invalid in file names on every platform the app runs on.
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || shellText.untitled;
  return safe.endsWith(PROJECT_EXT) ? safe : `${safe}${PROJECT_EXT}`;
}

async function closeCurrent(ctx: AppContext): Promise<void> {
  const current = ctx.project;
  ctx.project = null;
  if (current) await closeProjectFile(current);
}

async function adopt(ctx: AppContext, project: OpenProject): Promise<ProjectInfo> {
  ctx.project = project;
  await touchRecent(ctx.paths.configDir, project.path);
  return projectSummary(project);
}

/** Project life cycle: new, open, save as, close, recent list, demo. */
export function projectHandlers(ctx: AppContext): DomainHandlers<'project'> {
  return {
    'project:new': async (req) => {
      if (!req.path && !req.name) throw new AppError('INVALID_REQUEST', projectMessages.needsNameOrPath);
      const target = req.path ? path.resolve(req.path) : path.join(ctx.paths.projectsDir, projectFileName(req.name!));
      const project = await createProjectFile(target, undefined, withDerivedTables);
      await closeCurrent(ctx);
      return adopt(ctx, project);
    },
    'project:open': async (req) => {
      const target = path.resolve(req.path);
      if (ctx.project?.path === target) return projectSummary(ctx.project);
      const project = await openProjectFile(target, withDerivedTables);
      await closeCurrent(ctx);
      return adopt(ctx, project);
    },
    'project:openDemo': async () => {
      const demoPath = path.join(ctx.paths.configDir, `${projectMessages.demoName}${PROJECT_EXT}`);
      if (ctx.project?.path === demoPath) return projectSummary(ctx.project);
      await closeCurrent(ctx);
      const project = await buildDemoProject(demoPath, ctx.paths.demoDir, path.join(runTempDir(ctx.paths.tempDir), 'imports'));
      return adopt(ctx, project);
    },
    'project:current': async () => (ctx.project ? projectSummary(ctx.project) : null),
    'project:saveAs': async (req) => {
      const project = requireProject(ctx);
      const target = path.resolve(req.path.endsWith(PROJECT_EXT) ? req.path : `${req.path}${PROJECT_EXT}`);
      if (target === project.path) return projectSummary(project);
      await copyProjectTo(project, target);
      await closeCurrent(ctx);
      return adopt(ctx, await openProjectFile(target, withDerivedTables));
    },
    'project:close': async () => {
      await closeCurrent(ctx);
      return null;
    },
    'project:recent': async () => readRecent(ctx.paths.configDir),
    'project:list': async () => listProjects(ctx.paths.projectsDir),
  };
}
