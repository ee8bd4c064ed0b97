import { checkDateRange } from '../../analysis/base/analysisBase';
import { exportLost, queryFunnel, queryLost } from '../../analysis/funnel/funnelQueries';
import { loadPath } from '../../analysis/funnel/pathQueries';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../../contract';
import { exportFile } from '../../export/xlsx';

/** The funnel over the saved customer path (DESIGN §4 Funnel), in the project's time zone. */
export function funnelHandlers(ctx: AppContext): DomainHandlers<'funnel'> {
  return {
    'funnel:query': async (req) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryFunnel(sql, req, await loadPath(sql), project.timeZone));
    },
    'funnel:lost': async (req) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryLost(sql, req, await loadPath(sql), project.timeZone));
    },
    'funnel:exportLost': async (req) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return exportFile(await project.db.use(async (sql) => exportLost(sql, req, await loadPath(sql), project.timeZone)));
    },
  };
}
