import { queryActivity } from '../../analysis/activity/activityQueries';
import { checkDateRange } from '../../analysis/base/analysisBase';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Activity by local weekday × hour (DESIGN §2), in the project's time zone. */
export function activityHandlers(ctx: AppContext): DomainHandlers<'activity'> {
  return {
    'activity:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) => queryActivity(sql, req, project.timeZone), call);
    },
  };
}
