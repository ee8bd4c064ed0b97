import type { DomainHandlers, LookalikePerson } from '../../contract';
import { AppError } from '../../contract/appError';
import { lookalikeFit, runLookalike } from '../../analysis/decision/lookalike';
import { deleteTag, isCustomerTag, readSavedTags, saveTag, tagChoices } from '../../analysis/decision/savedTags';
import { sheetOf } from '../../analysis/base/exportSheet';
import { exportFile } from '../../export/xlsx';
import { lookalikeText } from '../../locale/lookalike';
import { requireProject, type AppContext, type CallContext } from '../context';

type LookalikeMethods = 'decision:lookalike' | 'decision:lookalikeExport' | 'decision:saveLookalikeTag' | 'decision:savedTags' | 'decision:deleteTag' | 'decision:tags';

/** The `decision:lookalike*` methods, the saved tags and the tag choices. */
export function lookalikeHandlers(ctx: AppContext): Pick<DomainHandlers<'decision'>, LookalikeMethods> {
  return {
    'decision:lookalike': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use((sql) => runLookalike(sql, req, project.timeZone), call);
    },
    'decision:lookalikeExport': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const { result, people } = await lookalikeFit(sql, req, project.timeZone);
        const c = lookalikeText.cols;
        const keys = ['rank', 'pid', 'name', 'channel', 'staff', 'groups', 'probability', 'percentile'] as const satisfies readonly (keyof LookalikePerson)[];
        const sheet = sheetOf<LookalikePerson>({
          name: lookalikeText.sheetName,
          columns: keys.map((key) => ({ key, header: c[key], width: key === 'pid' || key === 'groups' ? 24 : 12 })),
          rows: await people(sql, 0, req.top),
        });
        return exportFile({ fileName: `${lookalikeText.sheetName}_${result.asOf}_seed${result.seed}.xlsx`, sheets: [sheet] }, call, req.format);
      }, call);
    },
    'decision:saveLookalikeTag': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        if (await isCustomerTag(sql, req.name)) throw new AppError('INVALID_REQUEST', lookalikeText.errors.tagInUse(req.name));
        const { result, people } = await lookalikeFit(sql, req, project.timeZone);
        const top = await people(sql, 0, req.top ?? 100);
        const labels = result.coefficients.map((c) => c.label);
        return saveTag(sql, { name: req.name, pids: top.map((p) => p.pid), note: lookalikeText.tagNote(result.seed, labels, top.length) });
      }, call);
    },
    'decision:savedTags': async () => requireProject(ctx).db.use((sql) => readSavedTags(sql)),
    'decision:deleteTag': async (req) => requireProject(ctx).db.use((sql) => deleteTag(sql, req.name)),
    'decision:tags': async (req, call?: CallContext) => requireProject(ctx).db.use((sql) => tagChoices(sql, req.groups), call),
  };
}
