import { checkDateRange } from '../../analysis/base/analysisBase';
import { checkChannelCosts, queryAdCosts, queryChannels } from '../../analysis/channels/channelQueries';
import { readDefinition, writeDefinition } from '../../db/definitionsStore';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Channel analysis and its cost table (DESIGN §4 Channel), in the project's time zone. */
export function channelsHandlers(ctx: AppContext): DomainHandlers<'channels'> {
  return {
    'channels:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => {
        const costs = await readDefinition(sql, 'channelCosts');
        return queryChannels(sql, req, req.dimension, costs, project.timeZone);
      }, call);
    },
    'channels:costs': async () => requireProject(ctx).db.use((sql) => readDefinition(sql, 'channelCosts')),
    'channels:saveCosts': async (req) => {
      const project = requireProject(ctx);
      // Checked whole before anything is written: a bad row saves nothing.
      const costs = checkChannelCosts(req.costs);
      return project.db.use((sql) => writeDefinition(sql, 'channelCosts', costs));
    },
    'channels:adCosts': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use((sql) => queryAdCosts(sql, req), call);
    },
  };
}
