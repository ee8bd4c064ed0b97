import type { DomainHandlers } from '../../contract';
import { runAbtest } from '../../analysis/decision/abtest';
import { communityEffect } from '../../analysis/decision/communityEffect';
import { growthPoints } from '../../analysis/decision/growthPoints';
import { checkDateRange } from '../../analysis/base/analysisBase';
import { deleteAbtest, readSavedAbtests, saveAbtest } from '../../analysis/decision/savedAbtests';
import { requireProject, type AppContext, type CallContext } from '../context';
import { contributionHandlers } from './contribution';
import { lookalikeHandlers } from './lookalike';
import { roiHandlers } from './roi';

/** Decision support (DESIGN §4): the A/B comparison, its saved comparisons, and the community effect. */
export function decisionHandlers(ctx: AppContext): DomainHandlers<'decision'> {
  return {
    ...contributionHandlers(ctx),
    ...lookalikeHandlers(ctx),
    ...roiHandlers(ctx),
    'decision:abtest': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => runAbtest(sql, req, project.timeZone), call);
    },
    'decision:abtests': async () => requireProject(ctx).db.use((sql) => readSavedAbtests(sql)),
    'decision:saveAbtest': async (req) => requireProject(ctx).db.use((sql) => saveAbtest(sql, req)),
    'decision:deleteAbtest': async (req) => requireProject(ctx).db.use((sql) => deleteAbtest(sql, req.id)),
    'decision:communityEffect': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => communityEffect(sql, req.groups, project.timeZone), call);
    },
    'decision:growthPoints': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) => growthPoints(sql, req, project.timeZone), call);
    },
  };
}
