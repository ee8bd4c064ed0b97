import { readAllowNickname, writeAllowNickname } from '../../analysis/base/identity';
import { queryUnmatched } from '../../analysis/base/unmatchedList';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Identity of people across exports (DESIGN §3): rows that matched nobody, and the nickname setting. */
export function identityHandlers(ctx: AppContext): DomainHandlers<'identity'> {
  return {
    'identity:unmatched': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => queryUnmatched(project.db, sql, req, project.timeZone), call);
    },
    'identity:settings': async (req) => {
      const project = requireProject(ctx);
      // A write of the setting waits for the analyses under way: it changes whom their derived tables match.
      return project.db.write(async (sql) => {
        if (req.allowNicknameMatch !== undefined) await writeAllowNickname(sql, req.allowNicknameMatch);
        return { allowNicknameMatch: await readAllowNickname(sql) };
      });
    },
  };
}
