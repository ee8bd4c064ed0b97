import { checkDateRange } from '../../analysis/base/analysisBase';
import { exportLost, queryFunnel } from '../../analysis/funnel/funnelQueries';
import { loadPath } from '../../analysis/funnel/pathQueries';
import { queryLostList, queryLostPage } from '../../analysis/funnel/lostList';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';
import { exportFile } from '../../export/xlsx';

/** The funnel over the saved customer path (DESIGN §4 Funnel), in the project's time zone. */
export function funnelHandlers(ctx: AppContext): DomainHandlers<'funnel'> {
  return {
    'funnel:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryFunnel(sql, req, await loadPath(sql), project.timeZone), call);
    },
    'funnel:lost': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryLostList(project.db, sql, req, await loadPath(sql), project.timeZone), call);
    },
    'funnel:lostPage': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryLostPage(project.db, sql, req, await loadPath(sql), project.timeZone), call);
    },
    'funnel:exportLost': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      const lost = await project.db.use(async (sql) => {
        const path = await loadPath(sql);
        return exportLost(await queryLostList(project.db, sql, req, path, project.timeZone), req, path);
      }, call);
      return exportFile(lost, call, req.format);
    },
  };
}
