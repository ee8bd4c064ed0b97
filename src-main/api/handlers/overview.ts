import { queryOverview } from '../../analysis/overview/overviewQueries';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** The overview page of the open project: the latest week with data, in the project's time zone. */
export function overviewHandlers(ctx: AppContext): DomainHandlers<'overview'> {
  return {
    'overview:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => queryOverview(sql, { groups: req.groups, timeZone: project.timeZone }), call);
    },
  };
}
