import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/appError';
import type { OpenProject } from '../store/projectFile';
import type { AppMode } from './contract';

/** Where the app keeps things on this machine. */
export interface AppPaths {
  /** Folder where projects created by name are stored. */
  projectsDir: string;
  /** Folder for the recent list, the demo project and other app state. */
  configDir: string;
  /** Folder holding the bundled demo exports (`resources/demo`). */
  demoDir: string;
  /** Folder for temporary files (uploads, import staging). */
  tempDir: string;
}

/** Everything the handlers share: the mode, the paths and the one open project. */
export interface AppContext {
  /** How the API is served. */
  mode: AppMode;
  /** App folders. */
  paths: AppPaths;
  /** The open project, if any. */
  project: OpenProject | null;
}

/** The default folders: environment overrides first, then the user's home. */
export function defaultPaths(repoRoot: string, env: NodeJS.ProcessEnv = process.env): AppPaths {
  const home = os.homedir();
  return {
    projectsDir: env.QUNXI_PROJECTS_DIR ?? path.join(home, 'Qunxi'),
    configDir: env.QUNXI_CONFIG_DIR ?? path.join(home, '.config', 'qunxi'),
    demoDir: env.QUNXI_DEMO_DIR ?? path.join(repoRoot, 'resources', 'demo'),
    tempDir: env.QUNXI_TEMP_DIR ?? path.join(os.tmpdir(), 'qunxi'),
  };
}

/** A fresh context with no project open. */
export function createContext(mode: AppMode, paths: AppPaths): AppContext {
  return { mode, paths, project: null };
}

/** The open project, or a PROJECT_NOT_OPEN error. */
export function requireProject(ctx: AppContext): OpenProject {
  if (!ctx.project) throw new AppError('PROJECT_NOT_OPEN', '请先新建或打开一个项目');
  return ctx.project;
}
