import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/appError';
import { boundaryMessages } from '../locale/errors';
import type { OpenProject } from '../db/projectFile';
import type { AppMode } from '../contract';
import { configFolder, projectsFolder, thisMachine, type Machine } from './defaultFolders';
import { sweepTempDir } from './tempFiles';

/** Where the app keeps things on this machine. */
export interface AppPaths {
  /** Folder where projects created by name are stored. */
  projectsDir: string;
  /** Folder for the recent list, the demo project and other app state. */
  configDir: string;
  /** Folder holding the bundled demo exports (`resources/demo`). */
  demoDir: string;
  /** Folder for temporary files (uploads, import staging); each process works in a folder of its own under it (tempFiles.ts). */
  tempDir: string;
  /** Browser mode: a folder whose files a page may import by path (otherwise only uploads); unset by default. */
  importDir?: string | null;
}

/** Native file dialogs; only the Electron shell has them. */
export interface NativeDialogs {
  /** Asks for a project file to open. */
  openProject(): Promise<string | null>;
  /** Asks where to save a project. */
  saveProject(defaultName?: string): Promise<string | null>;
  /** Asks for export files to import. */
  importFiles(): Promise<string[] | null>;
}

/** Everything the handlers share: the mode, the paths and the one open project. */
export interface AppContext {
  /** How the API is served. */
  mode: AppMode;
  /** App folders. */
  paths: AppPaths;
  /** The open project, if any. */
  project: OpenProject | null;
  /** Native dialogs, where the shell provides them. */
  dialogs: NativeDialogs | null;
}

/**
 * What one call carries besides its request: the transport's cancellation. A handler that runs
 * queries takes it as its second parameter and hands it to `db.use(fn, call)`, so a superseded
 * or abandoned call is interrupted in the database (optional only because the contract's handler
 * type has one parameter; `dispatch` always passes it).
 */
export interface CallContext {
  /** Aborts when the caller no longer wants the answer (a newer request, a closed connection). */
  signal?: AbortSignal;
}

/** The default folders: environment overrides first, then the platform's own places (defaultFolders.ts). */
export function defaultPaths(repoRoot: string, env: NodeJS.ProcessEnv = process.env, machine: Machine = thisMachine(env)): AppPaths {
  return {
    projectsDir: env.QUNXI_PROJECTS_DIR ?? projectsFolder(machine),
    configDir: env.QUNXI_CONFIG_DIR ?? configFolder(machine),
    demoDir: env.QUNXI_DEMO_DIR ?? path.join(repoRoot, 'resources', 'demo'),
    tempDir: env.QUNXI_TEMP_DIR ?? path.join(os.tmpdir(), 'qunxi'),
    importDir: env.QUNXI_IMPORT_DIR ?? null,
  };
}

/**
 * A fresh context with no project open. Starting one removes what killed processes left in the
 * temp folder (uploads and import chunks hold imported data), in the background.
 */
export function createContext(mode: AppMode, paths: AppPaths, dialogs: NativeDialogs | null = null): AppContext {
  void sweepTempDir(paths.tempDir).catch(() => undefined);
  return { mode, paths, project: null, dialogs };
}

/** The open project, or a PROJECT_NOT_OPEN error. */
export function requireProject(ctx: AppContext): OpenProject {
  if (!ctx.project) throw new AppError('PROJECT_NOT_OPEN', boundaryMessages.projectNotOpen);
  return ctx.project;
}
