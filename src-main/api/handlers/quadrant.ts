import type { QuadrantDefinition } from '../../contract';
import { AppError } from '../../contract/appError';
import { exportFile } from '../../export/xlsx';
import { sheetOf, type ExportColumn } from '../../analysis/base/exportSheet';
import { readDefinition, writeDefinition } from '../../db/definitionsStore';
import type { Sql } from '../../db/projectDb';
import { featuresTable } from '../../analysis/features/featuresCache';
import { featureHeaders } from '../../analysis/features/featuresGrid';
import { checkQuadrant, quadrantPeople, queryQuadrant, UNCLASSIFIED, usedFeatures } from '../../analysis/quadrant/quadrantQueries';
import { requireProject, type AppContext } from '../context';
import type { DomainHandlers } from '../../contract';

const UNCLASSIFIED_LABEL = '未分类';

/** The definition a request asks for: the unsaved one it carries, else the saved one (or the default). */
async function definitionOf(sql: Sql, unsaved: QuadrantDefinition | undefined): Promise<QuadrantDefinition> {
  return unsaved ?? (await readDefinition(sql, 'quadrant'));
}

/** The satisfaction × loyalty quadrant (DESIGN §4 Quadrant): its definition, the points and the people of a type. */
export function quadrantHandlers(ctx: AppContext): DomainHandlers<'quadrant'> {
  return {
    'quadrant:get': async () => requireProject(ctx).db.use((sql) => readDefinition(sql, 'quadrant')),

    'quadrant:save': async (req) => {
      checkQuadrant(req.quadrant);
      return requireProject(ctx).db.use((sql) => writeDefinition(sql, 'quadrant', req.quadrant));
    },

    'quadrant:query': async (req) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await definitionOf(sql, req.quadrant);
        return queryQuadrant(sql, def, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }));
      });
    },

    'quadrant:export': async (req) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await definitionOf(sql, req.quadrant);
        const index = req.type === 'unclassified' ? UNCLASSIFIED : def.types.findIndex((t) => t.type === req.type);
        if (req.type !== 'unclassified' && index < 0) throw new AppError('DEFINITION_INVALID', `四象限定义中没有类型 ${req.type}`);
        const entry = index >= 0 ? def.types[index]! : null;
        const label = entry?.label ?? UNCLASSIFIED_LABEL;
        const people = await quadrantPeople(sql, def, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }), index);
        const features = usedFeatures(def);
        const rows = people.map((p) => ({
          ...p,
          type_label: label,
          strategy: entry?.strategy ?? '',
          ...(p.repurchase_90d === undefined ? {} : { repurchase_90d: p.repurchase_90d === null ? null : p.repurchase_90d ? '是' : '否' }),
        }));
        const columns: ExportColumn<(typeof rows)[number]>[] = [
          { key: 'pid', header: '成员ID', width: 24 },
          { key: 'name', header: '昵称', width: 18 },
          { key: 'x', header: '满意度', width: 10 },
          { key: 'y', header: '忠诚度', width: 10 },
          { key: 'type_label', header: '类型', width: 10 },
          { key: 'strategy', header: '运营策略', width: 40 },
          ...features.map((f) => ({ key: f, header: featureHeaders[f] })),
        ];
        // The label is the user's text: keep it out of the file name's forbidden characters.
        return exportFile({ fileName: `四象限_${label.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`, sheets: [sheetOf({ name: label, columns, rows })] });
      });
    },
  };
}
