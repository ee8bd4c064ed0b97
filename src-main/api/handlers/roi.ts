import type { DomainHandlers } from '../../contract';
import { checkDateRange } from '../../analysis/base/analysisBase';
import { ltv } from '../../analysis/decision/ltv';
import { roiMeasured } from '../../analysis/decision/roi';
import { plan } from '../../analysis/decision/roiPlan';
import { savedRoiScenarios } from '../../analysis/decision/savedRoiScenarios';
import { readDefinition } from '../../db/definitionsStore';
import { requireProject, type AppContext, type CallContext } from '../context';

type RoiMethods = 'decision:roi' | 'decision:roiPlan' | 'decision:roiScenarios' | 'decision:saveRoiScenarios' | 'decision:ltv';

/** The `decision:roi*` and `decision:ltv` methods: ROI预测与定价, its saved scenarios, and LTV / CAC. */
export function roiHandlers(ctx: AppContext): Pick<DomainHandlers<'decision'>, RoiMethods> {
  return {
    'decision:roi': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => roiMeasured(sql, req, project.timeZone), call);
    },
    'decision:roiPlan': async (req) => req.scenarios.map(plan),
    'decision:roiScenarios': async () => requireProject(ctx).db.use((sql) => savedRoiScenarios.read(sql)),
    'decision:saveRoiScenarios': async (req) => requireProject(ctx).db.use((sql) => savedRoiScenarios.replace(sql, req.scenarios)),
    'decision:ltv': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => ltv(sql, req, await readDefinition(sql, 'channelCosts'), project.timeZone), call);
    },
  };
}
