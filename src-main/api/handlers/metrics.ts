import { AppError } from '../../core/appError';
import { isCalendarDate } from '../../core/metrics/calendar';
import { queryMetrics } from '../../store/metricsQueries';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../contract';

/** Community metrics of the open project (DESIGN §4), in the project's time zone. */
export function metricsHandlers(ctx: AppContext): DomainHandlers<'metrics'> {
  return {
    'metrics:query': async (req) => {
      const project = requireProject(ctx);
      for (const [field, value] of [['from', req.from], ['to', req.to]] as const) {
        if (value !== undefined && !isCalendarDate(value)) throw new AppError('INVALID_REQUEST', `${field} 不是有效日期：${value}`, { field });
      }
      if (req.from && req.to && req.from > req.to) {
        throw new AppError('INVALID_REQUEST', `开始日期 ${req.from} 晚于结束日期 ${req.to}`, { from: req.from, to: req.to });
      }
      return project.db.use((sql) =>
        queryMetrics(sql, { period: req.period, from: req.from, to: req.to, groups: req.groups, timeZone: project.timeZone }),
      );
    },
  };
}
