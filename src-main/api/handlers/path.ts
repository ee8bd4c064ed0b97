import { writeDefinition } from '../../db/definitionsStore';
import { checkedPath, readPath } from '../../analysis/funnel/pathQueries';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** The customer path of the open project (DESIGN §2 step 1): read with the bindable sources, save. */
export function pathHandlers(ctx: AppContext): DomainHandlers<'path'> {
  return {
    'path:get': async () => {
      const { db } = requireProject(ctx);
      return db.use((sql) => readPath(sql));
    },
    'path:save': async (req) => {
      const path = checkedPath(req.path);
      const { db } = requireProject(ctx);
      return db.use(async (sql) => {
        await writeDefinition(sql, 'path', path);
        return readPath(sql);
      });
    },
  };
}
