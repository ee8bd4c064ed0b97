import type { AppContext } from '../context';
import type { DomainHandlers } from '../../contract';
import pkg from '../../../package.json' with { type: 'json' };

/** Facts about the running app. */
export function appHandlers(ctx: AppContext): DomainHandlers<'app'> {
  return {
    'app:info': async () => ({ version: pkg.version, mode: ctx.mode, projectsDir: ctx.paths.projectsDir }),
  };
}
