import type { DomainHandlers } from '../../contract';
import { contribution } from '../../analysis/decision/contribution';
import { readDefinition, writeDefinition } from '../../db/definitionsStore';
import { requireProject, type AppContext, type CallContext } from '../context';

/** The `decision:contribution*` methods: 贡献度 and its saved definition. */
export function contributionHandlers(ctx: AppContext): Pick<DomainHandlers<'decision'>, 'decision:contribution' | 'decision:contributionDefinition' | 'decision:saveContribution'> {
  return {
    'decision:contribution': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const definition = req.definition ?? (await readDefinition(sql, 'contribution'));
        return contribution(sql, { groups: req.groups, by: req.by ?? definition.by, definition }, project.timeZone);
      }, call);
    },
    'decision:contributionDefinition': async () => requireProject(ctx).db.use((sql) => readDefinition(sql, 'contribution')),
    'decision:saveContribution': async (req) => requireProject(ctx).db.use((sql) => writeDefinition(sql, 'contribution', req.definition)),
  };
}
