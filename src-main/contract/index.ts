/**
 * The one API contract between the renderer and the Node side.
 *
 * Every capability is a `domain:verb` entry of {@link Api}. Electron IPC, the HTTP server of
 * browser mode, the CLI and the tests all serve this same map (see `dispatch.ts`); the
 * renderer imports only the types of this file. Requests are validated at the boundary
 * with the zod schemas of {@link contract}; errors cross it as {@link Result} data.
 *
 * Each domain declares its types and its methods, request and response together, in its own
 * file; this one merges them and derives the types every transport and client uses.
 */
import type { z } from 'zod';
import { activityMethods } from './activity';
import { appMethods } from './app';
import { behavioursMethods } from './behaviours';
import { channelsMethods } from './channels';
import { churnMethods } from './churn';
import type { Result } from './common';
import { dataMethods } from './data';
import { decisionMethods } from './decision';
import { definitionsMethods } from './definitions';
import { dialogMethods } from './dialog';
import { featuresMethods } from './features';
import { funnelMethods } from './funnel';
import { identityMethods } from './identity';
import { importMethods } from './import';
import type { ResponseOf } from './method';
import { metricsMethods } from './metrics';
import { overviewMethods } from './overview';
import { pathMethods } from './path';
import { projectMethods } from './project';
import { quadrantMethods } from './quadrant';
import { tableMethods } from './table';
import { reportMethods } from './report';
import { templatesMethods } from './templates';
import { vvipMethods } from './vvip';

export * from './activity';
export * from './app';
export * from './behaviours';
export * from './channels';
export * from './churn';
export * from './contribution';
// The request fragments of common.ts are the domain files' building blocks, not part of the API.
export {
  columnFilterSchema,
  errorCodes,
  type AnalysisScope,
  type ApiError,
  type ColumnFilter,
  type DataQuery,
  type ErrorCode,
  type ExportFile,
  type ExportFileFormat,
  type Period,
  type RateCI,
  type Result,
  type TablePage,
} from './common';
export * from './data';
export * from './decision';
export * from './definitions';
export * from './dialog';
export * from './features';
export * from './funnel';
export * from './identity';
export * from './import';
export * from './method';
export * from './metrics';
export * from './overview';
export * from './path';
export * from './project';
export * from './quadrant';
export * from './table';
export * from './report';
export * from './templates';
export * from './vvip';

/** Every method of the API, request validator and response type; the keys are the whole API. */
export const contract = {
  ...appMethods,
  ...projectMethods,
  ...importMethods,
  ...metricsMethods,
  ...dataMethods,
  ...identityMethods,
  ...templatesMethods,
  ...pathMethods,
  ...funnelMethods,
  ...churnMethods,
  ...channelsMethods,
  ...activityMethods,
  ...overviewMethods,
  ...featuresMethods,
  ...behavioursMethods,
  ...quadrantMethods,
  ...vvipMethods,
  ...tableMethods,
  ...definitionsMethods,
  ...decisionMethods,
  ...dialogMethods,
  ...reportMethods,
};
type Contract = typeof contract;

/** Name of an API method. */
export type Method = keyof Contract;
/** Request type of a method, as a caller writes it (defaults optional). */
export type Req<K extends Method> = z.input<Contract[K]['request']>;
/** Request type of a method, as a handler receives it (defaults filled in). */
export type ParsedReq<K extends Method> = z.output<Contract[K]['request']>;

/** Response type of every method. */
export type Responses = { [K in Method]: ResponseOf<Contract[K]> };

/** The whole API as a handler map. */
export type Api = { [K in Method]: (req: ParsedReq<K>) => Promise<Responses[K]> };

/** The handlers of one domain (`project`, `import` …). */
export type DomainHandlers<D extends string> = Pick<Api, Extract<Method, `${D}:${string}`>>;

/** A client of the API, whatever the transport. */
export type ApiClient = <K extends Method>(name: K, req: Req<K>) => Promise<Result<Responses[K]>>;
