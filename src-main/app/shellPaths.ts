/** The app folders as the desktop shell sees them, in development and when packaged. */
import path from 'node:path';
import type { AppPaths } from '../api/context';
import { projectsFolderIn } from '../api/defaultFolders';

/** What Electron tells us about where things are. */
export interface ShellLocations {
  /** Whether running from a packaged build. */
  isPackaged: boolean;
  /** `app.getAppPath()`: the repository in development, the app archive when packaged. */
  appPath: string;
  /** `process.resourcesPath`: where extra resources live when packaged. */
  resourcesPath: string;
  /** `app.getPath('documents')`. */
  documents: string;
  /** `app.getPath('userData')`. */
  userData: string;
  /** `app.getPath('temp')`. */
  temp: string;
}

/**
 * Projects go to Documents/Qunxi, app state to the user-data folder; the demo exports come
 * from `resources/demo` in the repository or next to the packaged app. Environment overrides
 * (QUNXI_*_DIR) win, so tests and power users can point the app elsewhere.
 */
export function shellPaths(loc: ShellLocations, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AppPaths {
  return {
    projectsDir: env.QUNXI_PROJECTS_DIR ?? projectsFolderIn(loc.documents, platform),
    configDir: env.QUNXI_CONFIG_DIR ?? loc.userData,
    demoDir: env.QUNXI_DEMO_DIR ?? (loc.isPackaged ? path.join(loc.resourcesPath, 'demo') : path.join(loc.appPath, 'resources', 'demo')),
    tempDir: env.QUNXI_TEMP_DIR ?? path.join(loc.temp, 'qunxi'),
  };
}
