import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../../contract';
import { deleteTemplate, listTemplates, saveTemplate, templatesFromDocument, templatesToDocument } from '../../import/templateStore';

/**
 * Mapping templates of the open project: list, delete, and export / import as a JSON document
 * so a team can share its corrected mappings. Importing replaces templates of the same name and kind.
 */
export function templateHandlers(ctx: AppContext): DomainHandlers<'templates'> {
  return {
    'templates:list': async () => requireProject(ctx).db.use(listTemplates),
    'templates:delete': async (req) => {
      const { db } = requireProject(ctx);
      await db.use((sql) => deleteTemplate(sql, req.id));
      await db.checkpoint().catch(() => undefined);
      return db.use(listTemplates);
    },
    'templates:export': async () => templatesToDocument(await requireProject(ctx).db.use(listTemplates)),
    'templates:import': async (req) => {
      const { db } = requireProject(ctx);
      // Validated in full before anything is written: a bad document adds nothing.
      const incoming = templatesFromDocument(req.content);
      await db.transaction(async (sql) => {
        for (const t of incoming) await saveTemplate(sql, t);
      });
      await db.checkpoint().catch(() => undefined);
      return db.use(listTemplates);
    },
  };
}
