import type { AppContext } from '../context';
import type { DomainHandlers } from '../../contract';
import pkg from '../../../package.json' with { type: 'json' };
import { getLanguage, setLanguage } from '../../locale/language';

/** Facts about the running app. */
export function appHandlers(ctx: AppContext): DomainHandlers<'app'> {
  return {
    'app:info': async () => ({ version: pkg.version, mode: ctx.mode, projectsDir: ctx.paths.projectsDir }),
    // One language for the whole Node side: the app has one user, whose last choice wins.
    'app:setLanguage': async (req) => {
      setLanguage(req.language);
      return { language: getLanguage() };
    },
  };
}
