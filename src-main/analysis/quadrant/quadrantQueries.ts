/**
 * The satisfaction × loyalty quadrant (DESIGN §4 Quadrant) over a relation of per-person
 * features (one row per person: pid, name and every FeatureId column — the cached table of
 * featuresCache.ts in the app, a hand-written table in tests).
 *
 * Score mode. Each axis value is Σ weight × normalised feature, where
 * - every empty feature (no purchase → no average order value, no survey → no score) counts as 0
 *   before it is normalised, and booleans count as 0 / 1;
 * - raw: the value itself;
 * - minmax: (v − min) / (max − min) over the people, 0 when max = min (everyone alike);
 * - percentile: the percent rank (rank − 1) / (n − 1) of DuckDB's percent_rank(), ties sharing the
 *   lowest rank, so the lowest value is 0 and the highest 1; 0 for a single person. It is computed
 *   from the count of people per value (rank − 1 = people strictly below), not by sorting everyone.
 * A fixed threshold is the number typed. A percentile threshold p (0–100) is the lowest axis value
 * that has at least p % of the people strictly below it: a person is high when at least p % of
 * the people score lower. Neither quantile_cont nor quantile_disc serves here: when more than half
 * the people tie at 0 (no orders yet, a common case), both put the median at 0 and "≥ 0" would make
 * everyone high; counting the people strictly below keeps a tie block together and puts a block at
 * the bottom low. With no ties this splits like quantile_cont (p = 50 over 1…8 → 5 and up are high).
 * When no value has p % below it (everyone tied, or p = 100) nobody is high and the resolved
 * threshold is null. High means value ≥ threshold; the exact boundary is high.
 *
 * Rule mode. Each type's criteria (analysis/base/criteria.ts) are checked in the order of
 * `types`, the first match wins, and a person no rule matches is unclassified (type index −1).
 * The axis values are computed all the same, for the scatter.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { featureIds, type AxisTerm, type FeatureId, type QuadrantAxis, type QuadrantDefinition, type QuadrantType } from '../../contract';
import { AppError } from '../../contract/appError';
import { criteriaSql } from '../base/criteria';
import { quadrantMessages } from '../../locale/quadrant';
import type { Sql } from '../../db/projectDb';

/** A relation of per-person features and the named parameters its SQL needs. */
export interface FeatureSource {
  /** A table name or a parenthesised SELECT with columns pid, name and the feature ids. */
  relation: string;
  params: Record<string, DuckDBValue>;
}

/** Type index of the unclassified people (rule mode). */
export const UNCLASSIFIED = -1;

/** Rejects definitions the query cannot honour, naming the field (the grids flag the same cells). */
export function checkQuadrant(def: QuadrantDefinition): void {
  const missing = (['loyal', 'needy', 'bargain', 'low'] as const).filter((t) => !def.types.some((x) => x.type === t));
  if (missing.length > 0) throw new AppError('DEFINITION_INVALID', quadrantMessages.missingTypes(missing), { field: 'types' });
  for (const [name, axis] of [['x', def.x], ['y', def.y]] as const) {
    const { kind, value } = axis.threshold;
    if (kind === 'percentile' && (value < 0 || value > 100)) {
      throw new AppError('DEFINITION_INVALID', quadrantMessages.percentileRange(name, value), { field: `${name}.threshold` });
    }
  }
}

const quote = (feature: FeatureId) => `"${feature}"`;
const valueCol = (feature: FeatureId) => `"v_${feature}"`;
/** The CTE of a feature's distinct values with the count of people strictly below each. */
const belowCte = (feature: FeatureId) => `"q_below_${feature}"`;

/**
 * A term's normalised value over `q_values v`, `q_stats s` (n, and min / max of the min-max
 * features) and the feature's `q_below_<feature>` joined on its value (percentile features).
 * The percent rank is (people strictly below) / (n − 1), which is percent_rank() without a sort
 * of every person: the people are grouped by value first.
 */
function normalisedSql(term: AxisTerm): string {
  const v = `v.${valueCol(term.feature)}`;
  const min = `s."min_${term.feature}"`;
  const max = `s."max_${term.feature}"`;
  switch (term.normalise) {
    case 'raw':
      return v;
    case 'minmax':
      return `CASE WHEN ${max} = ${min} THEN CAST(0 AS DOUBLE) ELSE (${v} - ${min}) / (${max} - ${min}) END`;
    case 'percentile':
      return `CASE WHEN s.n <= 1 THEN CAST(0 AS DOUBLE) ELSE CAST(${belowCte(term.feature)}.below AS DOUBLE) / CAST(s.n - 1 AS DOUBLE) END`;
  }
}

/** The axis value expression: Σ weight × normalised feature, weights bound as `$q<axis>_w<i>`. */
function axisSql(name: 'x' | 'y', axis: QuadrantAxis, params: Record<string, DuckDBValue>): string {
  if (axis.terms.length === 0) return 'CAST(0 AS DOUBLE)';
  return axis.terms
    .map((term, i) => {
      params[`q${name}_w${i}`] = term.weight;
      return `CAST($q${name}_w${i} AS DOUBLE) * (${normalisedSql(term)})`;
    })
    .join(' + ');
}

/** Distinct values of a column of `source` with the count of rows strictly below each. */
function belowSql(column: string, source: string): string {
  return `SELECT value, sum(c) OVER (ORDER BY value ROWS UNBOUNDED PRECEDING) - c AS below
    FROM (SELECT ${column} AS value, count(*) AS c FROM ${source} GROUP BY ALL)`;
}

/**
 * The resolved threshold of an axis (see the module comment for percentiles): the typed number,
 * or the lowest axis value with at least p % of the people strictly below it.
 */
function thresholdSql(name: 'x' | 'y', axis: QuadrantAxis, params: Record<string, DuckDBValue>): string {
  params[`q${name}_t`] = axis.threshold.value;
  return axis.threshold.kind === 'fixed'
    ? `CAST($q${name}_t AS DOUBLE)`
    : `(SELECT min(value) FROM (${belowSql(name, 'q_axes')}), q_stats s WHERE below * 100.0 >= CAST($q${name}_t AS DOUBLE) * s.n)`;
}

/** Index of a type in the definition's list. */
const indexOf = (def: QuadrantDefinition, type: QuadrantType) => def.types.findIndex((t) => t.type === type);

/** The type index of a type id ({@link UNCLASSIFIED} for 'unclassified'); refuses a type the definition lacks. */
export function typeIndexOf(def: QuadrantDefinition, type: QuadrantType | 'unclassified'): number {
  if (type === 'unclassified') return UNCLASSIFIED;
  const index = indexOf(def, type);
  if (index < 0) throw new AppError('DEFINITION_INVALID', quadrantMessages.noSuchType(type));
  return index;
}

/** The type index of a person: geometric in score mode, first matching rule in rule mode. */
function typeSql(def: QuadrantDefinition): string {
  if (def.mode === 'rule') return 'rule_type';
  return `CASE WHEN x >= tx AND y >= ty THEN ${indexOf(def, 'loyal')}
               WHEN x >= tx THEN ${indexOf(def, 'needy')}
               WHEN y >= ty THEN ${indexOf(def, 'bargain')}
               ELSE ${indexOf(def, 'low')} END`;
}

/** The rule-mode type index over the features relation `f`. */
function ruleTypeSql(def: QuadrantDefinition): string {
  if (def.mode !== 'rule') return `${UNCLASSIFIED}`;
  const whens = def.types.map((t, i) => `WHEN ${criteriaSql(t.rules, 'f')} THEN ${i}`);
  return `CASE ${whens.join(' ')} ELSE ${UNCLASSIFIED} END`;
}

/** Features the axes and the rules of a definition read, in the contract's order. */
export function usedFeatures(def: QuadrantDefinition): FeatureId[] {
  const used = new Set<FeatureId>([...def.x.terms, ...def.y.terms].map((t) => t.feature));
  if (def.mode === 'rule') for (const t of def.types) for (const r of t.rules) used.add(r.field);
  return featureIds.filter((f) => used.has(f));
}

/** Options of {@link quadrantSql}. */
export interface QuadrantSqlOptions {
  /** Feature columns to carry to the output as they are (the export). */
  features?: FeatureId[];
  /** Keep only the people of this type index. */
  onlyType?: number;
  /** Order the rows by pid (default true). */
  isOrdered?: boolean;
}

/**
 * The SQL of the quadrant: one row per person (pid, name, x, y, type, tx, ty and the requested
 * features), ordered by pid; fills `params` with the numbers it binds.
 */
export function quadrantSql(def: QuadrantDefinition, relation: string, params: Record<string, DuckDBValue>, opts: QuadrantSqlOptions = {}): string {
  const terms = [...def.x.terms, ...def.y.terms];
  const valueFeatures = [...new Set(terms.map((t) => t.feature))];
  const minmax = [...new Set(terms.filter((t) => t.normalise === 'minmax').map((t) => t.feature))];
  const percentile = [...new Set(terms.filter((t) => t.normalise === 'percentile').map((t) => t.feature))];
  const carried = opts.features ?? [];
  const values = valueFeatures.map((f) => `coalesce(CAST(f.${quote(f)} AS DOUBLE), CAST(0 AS DOUBLE)) AS ${valueCol(f)}`);
  // Carried as numbers (booleans 0 / 1, decimals as doubles) so every export cell is numeric.
  const carriedCols = carried.map((f) => `CAST(f.${quote(f)} AS DOUBLE) AS ${quote(f)}`);
  const stats = minmax.map((f) => `, min(${valueCol(f)}) AS "min_${f}", max(${valueCol(f)}) AS "max_${f}"`).join('');
  const belowCtes = percentile.map((f) => `,\n${belowCte(f)} AS (${belowSql(valueCol(f), 'q_values')})`).join('');
  // LEFT JOIN, though every value has its row (the CTE groups the same values): DuckDB estimates an
  // inner join of CTEs at 0 rows and built its hash table on the side of every person, with all
  // their columns, instead of the few distinct values: 3–4× the CPU of the whole statement at 100,000.
  const belowJoins = percentile.map((f) => `\n  LEFT JOIN ${belowCte(f)} ON ${belowCte(f)}.value = v.${valueCol(f)}`).join('');
  if (opts.onlyType !== undefined) params.q_type = opts.onlyType;
  const isScore = def.mode === 'score';
  return `
WITH f AS (SELECT * FROM ${relation}),
q_values AS (
  SELECT f.pid, f.name, ${ruleTypeSql(def)} AS rule_type${values.map((v) => `,\n         ${v}`).join('')}${carriedCols.map((c) => `, ${c}`).join('')}
  FROM f
),
q_stats AS (
  SELECT count(*) AS n${stats} FROM q_values
)${belowCtes},
q_axes AS (
  SELECT v.pid, v.name, v.rule_type, CAST(${axisSql('x', def.x, params)} AS DOUBLE) AS x, CAST(${axisSql('y', def.y, params)} AS DOUBLE) AS y${carried.map((f) => `, v.${quote(f)}`).join('')}
  FROM q_values v CROSS JOIN q_stats s${belowJoins}
),
q_thresholds AS (
  SELECT ${isScore ? thresholdSql('x', def.x, params) : 'CAST(NULL AS DOUBLE)'} AS tx, ${isScore ? thresholdSql('y', def.y, params) : 'CAST(NULL AS DOUBLE)'} AS ty
),
q_typed AS (
  SELECT a.*, t.tx, t.ty, CAST(${typeSql(def)} AS INTEGER) AS type FROM q_axes a CROSS JOIN q_thresholds t
)
SELECT a.pid, a.name, a.x, a.y, a.type, a.tx, a.ty${carried.map((f) => `, a.${quote(f)}`).join('')}
FROM q_typed a
${opts.onlyType !== undefined ? 'WHERE a.type = $q_type' : ''}
${opts.isOrdered === false ? '' : 'ORDER BY a.pid'}`;
}

/**
 * Which of `features` have no data among the people of `source`: nobody has a value other than
 * empty or 0 (满意度评分 without an imported survey, 购买次数 without orders, 发言数 without chats).
 */
export async function queryEmptyFeatures(sql: Sql, source: FeatureSource, features: readonly FeatureId[]): Promise<FeatureId[]> {
  if (features.length === 0) return [];
  const has = features.map((f) => `bool_or(coalesce(CAST(${f} AS DOUBLE), 0) <> 0) AS ${f}`).join(', ');
  const row = await sql.one<Record<string, boolean | null>>(`SELECT ${has} FROM ${source.relation}`, source.params);
  return features.filter((f) => !row?.[f]);
}

/**
 * The default definition fitted to the data: score-mode axis terms over empty features are left
 * out, so the default never ranks people by a survey nobody imported. An axis whose every term is
 * empty keeps them (there is nothing better to put there; the view names the empty features).
 * Rule-mode seeds are kept as they are: a rule on an empty feature simply does not hold.
 */
export function fitDefaultToData(def: QuadrantDefinition, emptyFeatures: readonly FeatureId[]): QuadrantDefinition {
  const empty = new Set(emptyFeatures);
  const fit = (axis: QuadrantAxis): QuadrantAxis => {
    const terms = axis.terms.filter((t) => !empty.has(t.feature));
    return terms.length ? { ...axis, terms } : axis;
  };
  return { ...def, x: fit(def.x), y: fit(def.y) };
}

/** One person of a type, as exported: axis values and the features the definition reads. */
export type QuadrantPerson = { pid: string; name: string | null; x: number; y: number } & Partial<Record<FeatureId, number | null>>;

/** The people of one type index (−1: unclassified), with the features the definition reads. */
export async function quadrantPeople(sql: Sql, def: QuadrantDefinition, source: FeatureSource, typeIndex: number): Promise<QuadrantPerson[]> {
  checkQuadrant(def);
  const params: Record<string, DuckDBValue> = { ...source.params };
  const query = quadrantSql(def, source.relation, params, { features: usedFeatures(def), onlyType: typeIndex });
  const rows = await sql.all<Record<string, unknown>>(query, params);
  return rows.map(({ type: _type, tx: _tx, ty: _ty, ...rest }) => rest as QuadrantPerson);
}
