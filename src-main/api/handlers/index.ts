import type { Api } from '../../contract';
import { inProcessClient } from '../dispatch';
import type { AppContext } from '../context';
import { appHandlers } from './app';
import { pathHandlers } from './path';
import { funnelHandlers } from './funnel';
import { churnHandlers } from './churn';
import { channelsHandlers } from './channels';
import { activityHandlers } from './activity';
import { overviewHandlers } from './overview';
import { featuresHandlers } from './features';
import { behavioursHandlers } from './behaviours';
import { quadrantHandlers } from './quadrant';
import { vvipHandlers } from './vvip';
import { tableHandlers } from './table';
import { definitionsHandlers } from './definitions';
import { decisionHandlers } from './decision';
import { dataHandlers } from './data';
import { dialogHandlers } from './dialog';
import { identityHandlers } from './identity';
import { importHandlers } from './import';
import { metricsHandlers } from './metrics';
import { projectHandlers } from './project';
import { templateHandlers } from './templates';
import { reportHandlers } from './report';

/** The whole API, bound to one app context. Every transport serves this map. */
export function createHandlers(ctx: AppContext): Api {
  const api: Api = {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...importHandlers(ctx),
    ...metricsHandlers(ctx),
    ...dataHandlers(ctx),
    ...dialogHandlers(ctx),
    ...identityHandlers(ctx),
    ...templateHandlers(ctx),
    ...pathHandlers(ctx),
    ...funnelHandlers(ctx),
    ...churnHandlers(ctx),
    ...channelsHandlers(ctx),
    ...activityHandlers(ctx),
    ...overviewHandlers(ctx),
    ...featuresHandlers(ctx),
    ...behavioursHandlers(ctx),
    ...quadrantHandlers(ctx),
    ...vvipHandlers(ctx),
    ...tableHandlers(ctx),
    ...definitionsHandlers(ctx),
    ...decisionHandlers(ctx),
    // The report asks the other analyses through the same dispatch as every transport.
    ...reportHandlers(ctx, (name, req, call) => inProcessClient(api)(name, req, call)),
  };
  return api;
}
