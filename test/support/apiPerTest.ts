import { afterEach, beforeEach } from 'vitest';
import { createContext, type AppContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { tempDir, tempPaths } from './tempDirs';

/** A temp folder and the in-process API over its app folders, fresh for each test. */
export interface ApiPerTest {
  /** The test's temp folder. */
  readonly dir: string;
  /** The API as the UI calls it (real handlers, real DuckDB). */
  readonly call: ReturnType<typeof inProcessClient>;
  /** The handlers' context: the open project's database, for what no method shows. */
  readonly ctx: AppContext;
}

/**
 * Sets up, for each test of the calling `describe`, a temp folder and an API client over it; after
 * each, closes the open project and removes the folder. Read `dir` and `call` inside the tests.
 */
export function apiPerTest(): ApiPerTest {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let call: ReturnType<typeof inProcessClient> | undefined;
  let ctx: AppContext | undefined;
  beforeEach(() => {
    tmp = tempDir();
    ctx = createContext('test', tempPaths(tmp.dir));
    call = inProcessClient(createHandlers(ctx));
  });
  afterEach(async () => {
    await call?.('project:close', {});
    tmp?.cleanup();
  });
  return {
    get dir() {
      if (!tmp) throw new Error('apiPerTest: read dir inside a test');
      return tmp.dir;
    },
    get call() {
      if (!call) throw new Error('apiPerTest: read call inside a test');
      return call;
    },
    get ctx() {
      if (!ctx) throw new Error('apiPerTest: read ctx inside a test');
      return ctx;
    },
  };
}
