import { checkDateRange } from '../../analysis/base/analysisBase';
import { queryMetrics } from '../../analysis/metrics/metricsQueries';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Community metrics of the open project (DESIGN §4), in the project's time zone. */
export function metricsHandlers(ctx: AppContext): DomainHandlers<'metrics'> {
  return {
    'metrics:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) =>
        queryMetrics(sql, { period: req.period, from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone }),
        call,
      );
    },
  };
}
