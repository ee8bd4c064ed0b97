/**
 * A hand-written per-person features table for the quadrant tests: the scoring and the rules are
 * checked against feature values chosen to hit each boundary exactly, apart from how the features
 * themselves are computed (featuresQueries has its own tests).
 */
import { featureIds, type FeatureId, type QuadrantDefinition, type QuadrantPersonRow, type QuadrantResult } from '../../../src-main/contract';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { typeIndexOf } from '../../../src-main/analysis/quadrant/quadrantQueries';
import type { GridQuery } from '../../../src-main/analysis/base/dataQueries';
import { queryQuadrant, queryQuadrantPeople } from '../../../src-main/analysis/quadrant/quadrantResult';

/** One person: pid, name and the features the case needs (the rest empty or 0 as the real table has them). */
export type FeaturePerson = { pid: string; name?: string | null } & Partial<Record<FeatureId, number | boolean | null>>;

/** Column types as featuresSql produces them. */
const columnTypes: Record<FeatureId, string> = {
  purchases: 'INTEGER',
  gmv: 'DOUBLE',
  aov: 'DOUBLE',
  purchase_months_3m: 'INTEGER',
  days_since_last_purchase: 'INTEGER',
  repurchase_90d: 'BOOLEAN',
  referrals: 'INTEGER',
  referrals_bought: 'INTEGER',
  messages: 'INTEGER',
  key_behaviours: 'DOUBLE',
  tenure_days: 'INTEGER',
  survey_score: 'DOUBLE',
};

/** Counts are 0 when absent; the nullable features (aov, recency, tenure, survey) stay empty. */
const zeroDefaults: Partial<Record<FeatureId, number | boolean>> = {
  purchases: 0,
  gmv: 0,
  purchase_months_3m: 0,
  repurchase_90d: false,
  referrals: 0,
  referrals_bought: 0,
  messages: 0,
  key_behaviours: 0,
};

/** An in-memory database holding `person_features` with these people. */
export async function featuresDb(people: FeaturePerson[]): Promise<ProjectDb> {
  const db = await ProjectDb.open(':memory:');
  await db.use(async (sql) => {
    await sql.run(`CREATE TABLE person_features (pid VARCHAR, name VARCHAR, ${featureIds.map((f) => `"${f}" ${columnTypes[f]}`).join(', ')})`);
    for (const p of people) {
      const values = featureIds.map((f) => (p[f] === undefined ? (zeroDefaults[f] ?? null) : p[f]));
      await sql.run(`INSERT INTO person_features VALUES (${['?', '?', ...featureIds.map(() => '?')].join(', ')})`, [p.pid, p.name === undefined ? p.pid : p.name, ...values]);
    }
  });
  return db;
}

/** The whole people list: every person of the scope, as one page in pid order. */
export const everyone: GridQuery = { offset: 0, limit: 5000, sort: [], filter: {} };

/** The quadrant of the table under `def`, with every person as quadrant:people lists them (columnar, pid order; type as its index, −1 unclassified). */
export type QuadrantOutcome = QuadrantResult & { pids: string[]; names: (string | null)[]; x: number[]; y: number[]; type: number[] };

/** The quadrant of the table under `def`: quadrant:query's answer and everyone's values and types. */
export function quadrantOf(db: ProjectDb, def: QuadrantDefinition): Promise<QuadrantOutcome> {
  const source = { relation: 'person_features', params: {} };
  return db.use(async (sql) => {
    const result = await queryQuadrant(db, sql, def, source);
    const rows: QuadrantPersonRow[] = (await queryQuadrantPeople(db, sql, def, source, undefined, everyone)).rows;
    return {
      ...result,
      pids: rows.map((r) => r.pid),
      names: rows.map((r) => r.name),
      x: rows.map((r) => r.x),
      y: rows.map((r) => r.y),
      type: rows.map((r) => typeIndexOf(def, r.type)),
    };
  });
}

/** Each person's type id (or 'unclassified') by pid. */
export function typesByPid(result: QuadrantOutcome, def: QuadrantDefinition): Record<string, string> {
  return Object.fromEntries(result.pids.map((pid, i) => [pid, result.type[i]! < 0 ? 'unclassified' : def.types[result.type[i]!]!.type]));
}

/** Each person's [x, y] by pid. */
export function pointsByPid(result: QuadrantOutcome): Record<string, [number, number]> {
  return Object.fromEntries(result.pids.map((pid, i) => [pid, [result.x[i]!, result.y[i]!]]));
}

/** The default definition with other axes (and score mode). */
export function scoreDefinition(x: QuadrantDefinition['x'], y: QuadrantDefinition['y']): QuadrantDefinition {
  return { ...defaultQuadrant(), mode: 'score', x, y };
}
