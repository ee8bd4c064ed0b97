import { AppError } from '../../contract/appError';
import { boundaryMessages } from '../../locale/errors';
import { defaultBehaviours } from '../../db/definitionDefaults';
import { checkDateRange } from '../../analysis/base/analysisBase';
import {
  behaviourErrors,
  queryBehaviourCounts,
  queryBehaviourLift,
  queryBehaviourSeries,
  queryMsgTypes,
  readActiveBy,
  readUsableBehaviours,
} from '../../analysis/behaviours/behaviourQueries';
import { readDefinition, writeDefinition } from '../../db/definitionsStore';
import type { Sql } from '../../db/projectDb';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers, KeyBehaviour } from '../../contract';

/** Refuses a rule list the analyses could not use: two rows with one id, or a regular expression RE2 rejects. */
async function checkBehaviours(sql: Sql, behaviours: KeyBehaviour[]): Promise<void> {
  const seen = new Set<string>();
  for (const b of behaviours) {
    if (seen.has(b.id)) throw new AppError('DEFINITION_INVALID', boundaryMessages.duplicateBehaviour(b.id), { id: b.id });
    seen.add(b.id);
  }
  const errors = await behaviourErrors(sql, behaviours);
  for (const [i, message] of errors) {
    throw new AppError('DEFINITION_INVALID', boundaryMessages.badBehaviour(behaviours[i]!.name, message), { row: i + 1 });
  }
}

/** Key behaviours (DESIGN §4): the rule grid, its live counts, the analysis, and the active-member setting. */
export function behavioursHandlers(ctx: AppContext): DomainHandlers<'behaviours'> {
  /** An analysis of the saved rules (the usable ones) over the range `req` gives, which is checked first. */
  const analysis = <T>(req: { from?: string; to?: string }, call: CallContext | undefined, fn: (sql: Sql, behaviours: KeyBehaviour[], timeZone: string) => Promise<T>): Promise<T> => {
    const project = requireProject(ctx);
    checkDateRange(req);
    return project.db.use(async (sql) => fn(sql, await readUsableBehaviours(sql), project.timeZone), call);
  };
  return {
    'behaviours:get': async () => requireProject(ctx).db.use((sql) => readDefinition(sql, 'behaviours')),
    'behaviours:save': async (req) =>
      requireProject(ctx).db.use(async (sql) => {
        await checkBehaviours(sql, req.behaviours);
        return writeDefinition(sql, 'behaviours', req.behaviours);
      }),
    'behaviours:counts': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      checkDateRange(req);
      return project.db.use(async (sql) => queryBehaviourCounts(sql, req.behaviours ?? (await readDefinition(sql, 'behaviours')), req, project.timeZone), call);
    },
    'behaviours:query': (req, call?: CallContext) =>
      analysis(req, call, async (sql, behaviours, timeZone) => ({
        series: await queryBehaviourSeries(sql, behaviours, req, timeZone),
        lift: await queryBehaviourLift(sql, behaviours, req, timeZone),
      })),
    'behaviours:series': (req, call?: CallContext) =>
      analysis(req, call, async (sql, behaviours, timeZone) => ({
        series: await queryBehaviourSeries(sql, behaviours, req, timeZone),
        behaviours: behaviours.filter((b) => b.enabled).map(({ id, name }) => ({ id, name })),
      })),
    'behaviours:lift': (req, call?: CallContext) => analysis(req, call, (sql, behaviours, timeZone) => queryBehaviourLift(sql, behaviours, req, timeZone)),
    'behaviours:activeBy': async (req) =>
      requireProject(ctx).db.use(async (sql) => ({
        activeBy: req.activeBy ? await writeDefinition(sql, 'activeBy', req.activeBy) : await readActiveBy(sql),
      })),
    'behaviours:msgTypes': async (_req, call?: CallContext) => requireProject(ctx).db.use((sql) => queryMsgTypes(sql), call),
    'behaviours:defaults': async () => defaultBehaviours(),
  };
}
