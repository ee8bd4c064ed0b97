import { checkDateRange } from '../../analysis/base/analysisBase';
import { CHURN_LIST_LIMIT, churnEventsExport, queryChurn, queryRetention, querySurvival } from '../../analysis/churn/churnQueries';
import { queryChurnEventsPage, withChurnEvents } from '../../analysis/churn/churnList';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';
import { exportFile } from '../../export/xlsx';

/** Churn, retention cohorts and membership survival of the open project (DESIGN §4 Churn). */
export function churnHandlers(ctx: AppContext): DomainHandlers<'churn'> {
  return {
    'churn:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      const q = { from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone };
      // The scope's events table is the list grid's too (churn:events, asked at the same time).
      return project.db.use((sql) => withChurnEvents(project.db, sql, q, (events) => queryChurn(sql, q, req.period, req.listAll ? null : (req.listLimit ?? CHURN_LIST_LIMIT), events)), call);
    },
    'churn:events': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      const q = { from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone };
      return project.db.use((sql) => queryChurnEventsPage(project.db, sql, q, req), call);
    },
    'churn:retention': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) => queryRetention(sql, { from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone }), call);
    },
    'churn:survival': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) => querySurvival(sql, { from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone }, req.by), call);
    },
    'churn:export': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      const q = { from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone };
      // The list's rows as the grid shows them (its sort and filters), so both files hold what is seen.
      const all = { sort: req.sort, filter: req.filter, offset: 0, limit: Number.MAX_SAFE_INTEGER };
      const events = await project.db.use(async (sql) => churnEventsExport(q, (await queryChurnEventsPage(project.db, sql, q, all)).rows), call);
      return exportFile(events, call, req.format);
    },
  };
}
