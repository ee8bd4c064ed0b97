import { checkDateRange } from '../../analysis/base/analysisBase';
import { featuresTable } from '../../analysis/features/featuresCache';
import { allFeatureRows, featuresSheet, queryFeaturesPage } from '../../analysis/features/featuresGrid';
import { featuresText } from '../../locale/features';
import { exportFile } from '../../export/xlsx';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** The customer-360 grid (issue 5): every person's features, paged from a cached table, and its export. */
export function featuresHandlers(ctx: AppContext): DomainHandlers<'features'> {
  return {
    'features:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange({ to: req.asOf });
      return project.db.use(async (sql) => {
        const table = await featuresTable(sql, { groups: req.groups, asOf: req.asOf, timeZone: project.timeZone });
        const page = await queryFeaturesPage(sql, table, req, project.timeZone);
        return { ...page, behaviours: table.behaviours.map(({ id, name }) => ({ id, name })), asOf: table.asOf };
      }, call);
    },

    'features:export': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const table = await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone });
        const rows = await allFeatureRows(sql, table, req, project.timeZone);
        return exportFile({ fileName: `${featuresText.title}_${table.asOf}.xlsx`, sheets: [featuresSheet(featuresText.title, table, rows)] }, call, req.format);
      }, call);
    },
  };
}
