import { queryMembers, queryMessages } from '../../analysis/base/dataQueries';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Pages of raw rows for the data grids (ag-grid's infinite row model). */
export function dataHandlers(ctx: AppContext): DomainHandlers<'data'> {
  return {
    'data:members': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => queryMembers(sql, req, project.timeZone), call);
    },
    'data:messages': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => queryMessages(sql, req, project.timeZone), call);
    },
  };
}
