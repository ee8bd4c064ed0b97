import type { Api } from '../contract';
import type { AppContext } from '../context';
import { appHandlers } from './app';
import { dataHandlers } from './data';
import { dialogHandlers } from './dialog';
import { identityHandlers } from './identity';
import { importHandlers } from './import';
import { metricsHandlers } from './metrics';
import { projectHandlers } from './project';
import { templateHandlers } from './templates';

/** The whole API, bound to one app context. Every transport serves this map. */
export function createHandlers(ctx: AppContext): Api {
  return {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...importHandlers(ctx),
    ...metricsHandlers(ctx),
    ...dataHandlers(ctx),
    ...dialogHandlers(ctx),
    ...identityHandlers(ctx),
    ...templateHandlers(ctx),
  };
}
