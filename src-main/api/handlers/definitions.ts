import { z } from 'zod';
import { definitionSchemas, type Definitions } from '../../contract';
import { AppError } from '../../contract/appError';
import { boundaryMessages } from '../../locale/errors';
import { readDefinition, writeDefinition, type DefinitionKey } from '../../db/definitionsStore';
import { readPath } from '../../analysis/funnel/pathQueries';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Format marker of a definitions document, so a mapping-templates file is not mistaken for one. */
const DOCUMENT_FORMAT = 'qunxi-definitions';

const documentSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(1),
  definitions: z.object({
    path: definitionSchemas.path.optional(),
    behaviours: definitionSchemas.behaviours.optional(),
    quadrant: definitionSchemas.quadrant.optional(),
    vvip: definitionSchemas.vvip.optional(),
    channelCosts: definitionSchemas.channelCosts.optional(),
    activeBy: definitionSchemas.activeBy.optional(),
    contribution: definitionSchemas.contribution.optional(),
  }),
});

/** Every definition of the open project, saved or default. */
async function allDefinitions(ctx: AppContext): Promise<Definitions> {
  const project = requireProject(ctx);
  return project.db.use(async (sql) => ({
    path: (await readPath(sql)).path,
    behaviours: await readDefinition(sql, 'behaviours'),
    quadrant: await readDefinition(sql, 'quadrant'),
    vvip: await readDefinition(sql, 'vvip'),
    channelCosts: await readDefinition(sql, 'channelCosts'),
    activeBy: await readDefinition(sql, 'activeBy'),
    contribution: await readDefinition(sql, 'contribution'),
  }));
}

/** The definitions as a template: export from one project, import into another. */
export function definitionsHandlers(ctx: AppContext): DomainHandlers<'definitions'> {
  return {
    'definitions:export': async () => {
      const definitions = await allDefinitions(ctx);
      return JSON.stringify({ format: DOCUMENT_FORMAT, version: 1, exportedAt: new Date().toISOString(), definitions }, null, 2);
    },
    'definitions:import': async (req) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(req.content);
      } catch {
        throw new AppError('DEFINITION_INVALID', boundaryMessages.definitionsNotJson);
      }
      const doc = documentSchema.safeParse(parsed);
      if (!doc.success) {
        const issue = doc.error.issues[0];
        throw new AppError('DEFINITION_INVALID', boundaryMessages.notDefinitions(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`));
      }
      const project = requireProject(ctx);
      // All or nothing: a document is applied whole, in one transaction.
      await project.db.transaction(async (sql) => {
        for (const [key, value] of Object.entries(doc.data.definitions)) {
          if (value !== undefined) await writeDefinition(sql, key as DefinitionKey, value as never);
        }
      });
      return allDefinitions(ctx);
    },
  };
}
