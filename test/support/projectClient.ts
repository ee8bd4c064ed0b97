/** The API over a temp project, as the app's handlers answer it in-process. */
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { TempProject } from './projectFixture';
import { tempPaths } from './tempDirs';

/** A typed client of every handler, with `t`'s project open and the app's folders inside its temp folder. */
export function projectClient(t: TempProject) {
  const ctx = createContext('test', tempPaths(t.dir));
  ctx.project = t.project;
  return inProcessClient(createHandlers(ctx));
}
