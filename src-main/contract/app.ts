/** Facts about the running app. */
import { empty } from './common';
import { method } from './method';

/** How the Node side is being served. */
export type AppMode = 'electron' | 'browser' | 'cli' | 'test';

/** Facts about the running app. */
export interface AppInfo {
  /** Package version. */
  version: string;
  /** Transport the renderer is talking through. */
  mode: AppMode;
  /** Folder where new projects are created by name. */
  projectsDir: string;
}

/** The `app:*` methods. */
export const appMethods = {
  'app:info': method<AppInfo>()(empty),
};
