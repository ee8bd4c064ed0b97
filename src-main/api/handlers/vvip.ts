import type { VvipDefinition } from '../../contract';
import { exportFile } from '../../export/xlsx';
import { readDefinition, writeDefinition } from '../../db/definitionsStore';
import { featuresTable } from '../../analysis/features/featuresCache';
import { featuresSheet } from '../../analysis/features/featuresGrid';
import type { Sql } from '../../db/projectDb';
import { queryVvip, vvipPeople } from '../../analysis/vvip/vvipQueries';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** The rules a request asks for: the unsaved ones it carries, else the saved ones (or the default). */
async function rulesOf(sql: Sql, unsaved: VvipDefinition | undefined): Promise<VvipDefinition> {
  return unsaved ?? (await readDefinition(sql, 'vvip'));
}

/** VVIP identification (issue 5): the rule grid, the people it matches and their share of GMV. */
export function vvipHandlers(ctx: AppContext): DomainHandlers<'vvip'> {
  return {
    'vvip:get': async () => requireProject(ctx).db.use((sql) => readDefinition(sql, 'vvip')),

    'vvip:save': async (req) => requireProject(ctx).db.use((sql) => writeDefinition(sql, 'vvip', req.vvip)),

    'vvip:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await rulesOf(sql, req.vvip);
        return queryVvip(sql, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }), def.rules);
      }, call);
    },

    'vvip:export': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await rulesOf(sql, req.vvip);
        const table = await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone });
        const people = await vvipPeople(sql, table, def.rules);
        return exportFile({ fileName: `VVIP_${table.asOf}.xlsx`, sheets: [featuresSheet('VVIP', table, people)] }, call, req.format);
      }, call);
    },
  };
}
