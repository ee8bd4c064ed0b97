/**
 * The quadrant as the view, the report and the CLI read it: the figures and a scatter sized by the
 * screen (quadrant:query), and the people a page at a time (quadrant:people).
 *
 * Both read one table of everyone's axis values and type (quadrantSql), made on first use and kept
 * for the latest few definitions: 100,000 people take a good part of a second to score, and the
 * people list asks for a page on every scroll, sort and filter. The table is named after the
 * feature relation and the parts of the definition that place people (not the labels nor the
 * strategies, which the user types without moving anyone); a feature relation's name must stand for
 * its content, as the feature cache's tables do (featuresCache.ts names them after their inputs).
 * Nothing of the answer grows with the people beyond QUADRANT_POINTS_LIMIT: issue 16 (1,000,000
 * people drawn under a second, the peak memory) and issue 17 (the first visit at 100,000).
 */
import {
  featureIds,
  QUADRANT_POINTS_LIMIT,
  type QuadrantDefinition,
  type QuadrantDensity,
  type QuadrantPersonRow,
  type QuadrantPoints,
  type QuadrantResult,
  type QuadrantType,
  type TablePage,
} from '../../contract';
import type { ProjectDb, Sql } from '../../db/projectDb';
import { quadrantText } from '../../locale/quadrant';
import { queryGrid, type GridQuery, type TableSpec } from '../base/dataQueries';
import { keptTableName, keptTables } from '../base/keptTables';
import { checkQuadrant, quadrantSql, queryEmptyFeatures, typeIndexOf, UNCLASSIFIED, type FeatureSource } from './quadrantQueries';

/** The in-memory database attached to a project's DuckDB instance that holds the kept tables. */
const QUADRANT_DB = 'qx_quadrant';

/** Definitions whose tables are kept at a time: the latest ones asked for (one being edited, one saved). */
const KEPT_TABLES = 2;

/**
 * Bins per axis of the density. The scatter is 420 px high (QuadrantView), about 330 px of plot
 * between the legend and the x axis's name, and about 600 px wide beside the editors: 64 × 40 bins
 * make cells of some 9 × 8 px, the size of the largest dot a bin draws, so neighbouring bins touch
 * without hiding each other and a type's region reads as a surface. At most 2,560 bins per type.
 */
export const X_BINS = 64;
export const Y_BINS = 40;

/**
 * The kept typed tables, in their in-memory database. READ_WRITE spelled out: in a project open
 * read-only an attached database is read-only by default.
 */
const withKeptTable = keptTables(KEPT_TABLES, (sql) => sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${QUADRANT_DB} (READ_WRITE)`));

/** The name of the table of `def` over `source`: the relation and what places people. */
function tableName(def: QuadrantDefinition, source: FeatureSource): string {
  const placing = { mode: def.mode, x: def.x, y: def.y, types: def.types.map((t) => ({ type: t.type, rules: def.mode === 'rule' ? t.rules : [] })) };
  const key = JSON.stringify([source.relation, source.params, placing], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return `${QUADRANT_DB}.${keptTableName('typed_', key)}`;
}

/**
 * Reads the table of everyone's pid, name, x, y, type (index) and the resolved thresholds tx, ty
 * under `def`, made on first use; kept for the latest KEPT_TABLES definitions, and never dropped
 * while a request reads it (a page of the list can outlive two newer edits of the definition).
 */
async function withTypedTable<T>(db: ProjectDb, sql: Sql, def: QuadrantDefinition, source: FeatureSource, read: (table: string) => Promise<T>): Promise<T> {
  checkQuadrant(def);
  const name = tableName(def, source);
  const make = (own: Sql) => {
    const params = { ...source.params };
    const query = quadrantSql(def, source.relation, params, { isOrdered: false });
    return own.run(`CREATE OR REPLACE TABLE ${name} AS SELECT pid, name, x, y, type, tx, ty FROM (${query})`, params);
  };
  return withKeptTable(db, sql, name, make, read);
}

/** Options of {@link queryQuadrant}. */
export interface QuadrantOptions {
  /** Scope people up to which the scatter is the points themselves (default QUADRANT_POINTS_LIMIT). */
  pointsLimit?: number;
}

interface Summary {
  n: number;
  tx: number | null;
  ty: number | null;
  below_x: number;
  below_y: number;
  x0: number | null;
  x1: number | null;
  y0: number | null;
  y1: number | null;
}

/** The quadrant of the people of `source` under `def`: counts, thresholds, and the points or their density. */
export async function queryQuadrant(db: ProjectDb, sql: Sql, def: QuadrantDefinition, source: FeatureSource, opts: QuadrantOptions = {}): Promise<QuadrantResult> {
  return withTypedTable(db, sql, def, source, (table) => answer(sql, def, source, table, opts));
}

/** {@link queryQuadrant} over the made table. */
async function answer(sql: Sql, def: QuadrantDefinition, source: FeatureSource, table: string, opts: QuadrantOptions): Promise<QuadrantResult> {
  const s = (await sql.one<Summary>(
    `SELECT CAST(count(*) AS INTEGER) AS n, any_value(tx) AS tx, any_value(ty) AS ty,
            CAST(count(*) FILTER (WHERE x < tx) AS INTEGER) AS below_x, CAST(count(*) FILTER (WHERE y < ty) AS INTEGER) AS below_y,
            min(x) AS x0, max(x) AS x1, min(y) AS y0, max(y) AS y1
     FROM ${table}`,
  ))!;
  const tally = new Map((await sql.all<{ type: number; n: number }>(`SELECT type, CAST(count(*) AS INTEGER) AS n FROM ${table} GROUP BY type`)).map((r) => [r.type, r.n]));
  const share = (count: number) => (s.n === 0 ? null : (count * 100) / s.n);
  const counts: QuadrantResult['counts'] = def.types.map((t, i) => ({ type: t.type, label: t.label, count: tally.get(i) ?? 0, share: share(tally.get(i) ?? 0) }));
  const unclassified = tally.get(UNCLASSIFIED) ?? 0;
  counts.push({ type: 'unclassified', label: quadrantText.unclassified, count: unclassified, share: share(unclassified) });
  const resolved = (axis: QuadrantDefinition['x'], value: number | null): number | null => {
    if (def.mode === 'rule') return null;
    return axis.threshold.kind === 'fixed' ? axis.threshold.value : value;
  };
  const [thresholdX, thresholdY] = [resolved(def.x, s.tx), resolved(def.y, s.ty)];
  const scatter = s.n <= (opts.pointsLimit ?? QUADRANT_POINTS_LIMIT) ? await points(sql, table) : await density(sql, table, s);
  return {
    thresholdX,
    thresholdY,
    total: s.n,
    belowX: thresholdX === null ? null : s.below_x,
    belowY: thresholdY === null ? null : s.below_y,
    counts,
    emptyFeatures: await queryEmptyFeatures(sql, source, featureIds),
    scatter,
  };
}

/** Everyone as a point, in pid order. */
async function points(sql: Sql, table: string): Promise<QuadrantPoints> {
  const c = await sql.columns(`SELECT pid, name, x, y, type FROM ${table} ORDER BY pid`);
  return { kind: 'points', pids: c.pid as string[], names: c.name as (string | null)[], x: c.x as number[], y: c.y as number[], type: c.type as number[] };
}

/** The bins of an axis from its range: everyone in bin 0 when all are alike. */
function binsOf(min: number, max: number, count: number): QuadrantDensity['xBins'] {
  return { min, step: max > min ? (max - min) / count : 1, count };
}

/** Everyone counted per type and bin (see {@link X_BINS}), each bin at its people's mean position. */
async function density(sql: Sql, table: string, s: Summary): Promise<QuadrantDensity> {
  const xBins = binsOf(s.x0!, s.x1!, X_BINS);
  const yBins = binsOf(s.y0!, s.y1!, Y_BINS);
  // The maximum lands one past the last bin: it belongs to the last.
  const bin = (v: string, b: string, n: number) => `least(${n - 1}, CAST(floor((${v} - $${b}_min) / $${b}_step) AS INTEGER))`;
  const c = await sql.columns(
    `SELECT type, bin_x, bin_y, CAST(count(*) AS INTEGER) AS n, avg(x) AS mx, avg(y) AS my
     FROM (SELECT type, x, y, ${bin('x', 'x', X_BINS)} AS bin_x, ${bin('y', 'y', Y_BINS)} AS bin_y FROM ${table})
     GROUP BY type, bin_x, bin_y ORDER BY type, bin_x, bin_y`,
    { x_min: xBins.min, x_step: xBins.step, y_min: yBins.min, y_step: yBins.step },
  );
  return {
    kind: 'density',
    xBins,
    yBins,
    bx: c.bin_x as number[],
    by: c.bin_y as number[],
    type: c.type as number[],
    count: c.n as number[],
    x: c.mx as number[],
    y: c.my as number[],
  };
}

/** A page of the people of a type (everyone when `type` is absent), sorted and filtered as the grid asks; pid order by default. */
export async function queryQuadrantPeople(
  db: ProjectDb,
  sql: Sql,
  def: QuadrantDefinition,
  source: FeatureSource,
  type: QuadrantType | 'unclassified' | undefined,
  page: GridQuery,
): Promise<TablePage<QuadrantPersonRow>> {
  // Only constants reach the text: type ids of the contract's enum and an index the definition gives.
  const typeId = `CASE type ${def.types.map((t, i) => `WHEN ${i} THEN '${t.type}'`).join(' ')} ELSE 'unclassified' END`;
  const only = type === undefined ? '' : `WHERE type = ${typeIndexOf(def, type)}`;
  const spec = (table: string): TableSpec<QuadrantPersonRow> => ({
    table: `(SELECT pid, name, x, y, ${typeId} AS type FROM ${table} ${only}) q`,
    columns: { pid: 'text', name: 'text', x: 'number', y: 'number', type: 'text' },
    tiebreak: ['pid'],
  });
  // No time column: the time zone queryGrid binds goes unused.
  return withTypedTable(db, sql, def, source, (table) => queryGrid(sql, spec(table), page, 'UTC'));
}
