import type { QuadrantDefinition } from '../../contract';
import { exportFile } from '../../export/xlsx';
import { sheetOf, type ExportColumn } from '../../analysis/base/exportSheet';
import { readSavedDefinition, writeDefinition } from '../../db/definitionsStore';
import { defaultDefinitions } from '../../db/definitionDefaults';
import type { Sql } from '../../db/projectDb';
import { featuresTable } from '../../analysis/features/featuresCache';
import { featureFormat } from '../../analysis/features/featuresGrid';
import { checkQuadrant, fitDefaultToData, quadrantPeople, queryEmptyFeatures, typeIndexOf, usedFeatures } from '../../analysis/quadrant/quadrantQueries';
import { queryQuadrant, queryQuadrantPeople } from '../../analysis/quadrant/quadrantResult';
import { requireProject, type AppContext, type CallContext } from '../context';
import type { DomainHandlers } from '../../contract';
import { featureLabels, featuresText } from '../../locale/features';
import { quadrantMessages, quadrantText } from '../../locale/quadrant';

/**
 * The saved definition, else the default fitted to the features that have data in the project
 * (issue 11 item 8; over every group, so the default does not change with the scope).
 */
async function savedOrFitted(sql: Sql, timeZone: string): Promise<QuadrantDefinition> {
  const saved = await readSavedDefinition(sql, 'quadrant');
  if (saved) return saved;
  const def = defaultDefinitions().quadrant;
  return fitDefaultToData(def, await queryEmptyFeatures(sql, await featuresTable(sql, { timeZone }), usedFeatures(def)));
}

/** The definition a request asks for: the unsaved one it carries, else {@link savedOrFitted}. */
async function definitionOf(sql: Sql, unsaved: QuadrantDefinition | undefined, timeZone: string): Promise<QuadrantDefinition> {
  return unsaved ?? (await savedOrFitted(sql, timeZone));
}

/** The satisfaction × loyalty quadrant (DESIGN §4 Quadrant): its definition, its figures and scatter, and the people of a type. */
export function quadrantHandlers(ctx: AppContext): DomainHandlers<'quadrant'> {
  return {
    'quadrant:get': async () => {
      const project = requireProject(ctx);
      return project.db.use((sql) => savedOrFitted(sql, project.timeZone));
    },

    'quadrant:save': async (req) => {
      checkQuadrant(req.quadrant);
      return requireProject(ctx).db.use((sql) => writeDefinition(sql, 'quadrant', req.quadrant));
    },

    'quadrant:query': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await definitionOf(sql, req.quadrant, project.timeZone);
        return queryQuadrant(project.db, sql, def, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }));
      }, call);
    },

    'quadrant:people': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await definitionOf(sql, req.quadrant, project.timeZone);
        return queryQuadrantPeople(project.db, sql, def, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }), req.type, req);
      }, call);
    },

    'quadrant:export': async (req, call?: CallContext) => {
      const project = requireProject(ctx);
      return project.db.use(async (sql) => {
        const def = await definitionOf(sql, req.quadrant, project.timeZone);
        const index = typeIndexOf(def, req.type);
        const entry = index >= 0 ? def.types[index]! : null;
        const label = entry?.label ?? quadrantText.unclassified;
        const people = await quadrantPeople(sql, def, await featuresTable(sql, { groups: req.groups, timeZone: project.timeZone }), index);
        const features = usedFeatures(def);
        const rows = people.map((p) => ({
          ...p,
          type_label: label,
          strategy: entry?.strategy ?? '',
          ...(p.repurchase_90d === undefined ? {} : { repurchase_90d: p.repurchase_90d === null ? null : p.repurchase_90d ? featuresText.yes : featuresText.no }),
        }));
        const columns: ExportColumn<(typeof rows)[number]>[] = [
          { key: 'pid', header: quadrantText.listColumns.pid, width: 24 },
          { key: 'name', header: quadrantText.listColumns.name, width: 18 },
          { key: 'x', header: quadrantText.listColumns.x, width: 10, format: 'number' },
          { key: 'y', header: quadrantText.listColumns.y, width: 10, format: 'number' },
          { key: 'type_label', header: quadrantMessages.typeColumn, width: 10 },
          { key: 'strategy', header: quadrantText.strategy, width: 40 },
          ...features.map((f) => ({ key: f, header: featureLabels[f], format: featureFormat(f) })),
        ];
        // The label is the user's text: keep it out of the file name's forbidden characters.
        return exportFile({ fileName: quadrantMessages.exportFile(label.replace(/[\\/:*?"<>|]/g, '_')), sheets: [sheetOf({ name: label, columns, rows })] }, call, req.format);
      }, call);
    },
  };
}
