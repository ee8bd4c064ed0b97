/**
 * The computed feature table, kept while its inputs stay the same.
 *
 * Computing every feature of 100,000 people reads every message and order (seconds on a laptop),
 * while the customer-360 grid asks for a page on every scroll, sort and filter, and VVIP re-asks as
 * the user types a rule. So the table is computed once per
 *   (data version, scope, as-of day, key behaviours, saved tags, nickname-matching setting, time zone)
 * into an in-memory database attached to the project's DuckDB instance (`qx_features`, shared by
 * every connection of the instance, never written to the project file), and pages are read from it.
 *
 * The data version is derivedTables.ts's fingerprint of the data (row counts and highest rowids of
 * the imported tables, the imports, the nickname setting). The last few tables are kept; older
 * ones are dropped once no request reads them (base/keptTables.ts: a request holds its table until
 * its use of the database ends, so a page asked while newer tables push its table out still
 * answers).
 *
 * The default table (every group, the default as-of day: what 客户360, 四象限, VVIP and 相似人群 open
 * with) is kept in the project file itself instead ({@link KEPT_FEATURES_SCHEMA}, with the key it was
 * computed under, written last: db/keptState.ts), so a later open of the same data finds it (a
 * minute of CPU at a million people); another data state, definition of the key behaviours, saved
 * tags or zone computes it again, replacing it. The table before stays until the next computation
 * and no request reads it; tables an earlier session left go with the next computation. A project
 * open read-only reads a kept table of its key and computes others in memory. The anonymised copy
 * copies the imported tables only (export/anonymizedCopy.ts), never this one.
 */
import type { KeyBehaviour } from '../../contract';
import { usableBehaviours } from '../behaviours/behaviourQueries';
import { readDefinition } from '../../db/definitionsStore';
import { behaviourColumns, featuresParams, resolveAsOf, withFeaturesSql } from './featuresQueries';
import { dataFingerprint } from '../base/derivedTables';
import { keptTableName, keptTableSet } from '../base/keptTables';
import { SAVED_TAGS_KEY } from '../base/analysisBase';
import { sqlIdent, type Sql } from '../../db/projectDb';
import { readKept, writeKeptState, type KeptSchema } from '../../db/keptState';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';

/** Name of the attached in-memory database holding the computed tables. */
const CACHE_DB = 'qx_features';
/** Computed tables kept per project (a scope and an as-of day each). */
const MAX_TABLES = 6;

/** Schema of the project file keeping the default feature table between sessions. */
export const KEPT_FEATURES_SCHEMA = `${KEPT_SCHEMA_PREFIX}_features`;
/** The schema and its table of the key the kept table was computed under (one row, written after the table). */
const FEATURES_KEPT: KeptSchema = { schema: KEPT_FEATURES_SCHEMA, stateTable: 'kept_state' };
/**
 * The version of what the feature table holds: a file whose table an older definition computed
 * (other columns or meanings) computes it again. Raise it with every change of featuresSql's
 * columns, meaning or order (2: stored in {@link FEATURES_ORDER}).
 */
export const FEATURES_FORMAT = 2;

/**
 * The order of 客户360's rows when the grid asks for none, and the ties of any sort: GMV, then
 * messages, then id. A table is stored in it: the first page, read right after the project opens
 * (nothing of the table in DuckDB's cache yet), is then the first rows, and DuckDB passes over the
 * blocks whose GMV cannot reach them (at 1,000,000 people 186–211 → 61–84 ms).
 */
export const FEATURES_ORDER = ['gmv DESC', 'messages DESC', 'pid'] as const;

/** A computed feature table of the open project. */
export interface FeaturesTable {
  /** Qualified table name: one row per person, the columns of `FeatureRow`. */
  relation: string;
  /** Named parameters the relation needs (none: it is a table). */
  params: Record<string, never>;
  /** The local day the features were computed at. */
  asOf: string;
  /** The key behaviours with a `kb_<id>` column, in definition order. */
  behaviours: { id: string; name: string; column: `kb_${string}` }[];
}

/** What to compute: the scope and the as-of day (default: the last day with data). */
export interface FeaturesRequest {
  groups?: string[];
  asOf?: string;
  timeZone: string;
}

/** What a computation tells of its table besides its rows. */
type Made = Pick<FeaturesTable, 'asOf' | 'behaviours'>;

/** The row of the key the file's table was computed under. */
interface KeptRow {
  key: string;
  table_name: string;
  as_of: string;
  behaviours: string;
}

/** The in-memory tables: the latest {@link MAX_TABLES} per open project, each dropped once no request reads it. */
const inMemory = keptTableSet<Made>(MAX_TABLES);
/** The tables of the project file: the current one and the one before, each dropped once no request reads it. */
const inFile = keptTableSet<Made>(2);

/** Runs work one at a time, in the order asked. */
function oneAtATime(): <T>(fn: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = last.then(fn);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Attaches of the in-memory database, one at a time: the first computations of several requests at
 * once would otherwise all attach it, and DuckDB refuses all but one (a catalog write-write conflict).
 */
const attachTurn = oneAtATime();
/** Computations of a table of the file, one at a time: each drops the tables no request knows, the other's new one among them. */
const keptTurn = oneAtATime();

/** What a feature table is computed under, as strings: `key` for this process, `keptKey` for the file (the default table only). */
interface Keys {
  key: string;
  /** The key of the default table without the file's path (a moved file keeps its table); null for a scope or an as-of day. */
  keptKey: string | null;
  /** Whether the project file takes no writes (open read-only). */
  isReadOnly: boolean;
}

/** The database file and everything the features depend on. */
async function inputsKeys(sql: Sql, req: FeaturesRequest): Promise<Keys> {
  const { path, is_read_only: isReadOnly, ...row } = (await sql.one<{ path: string | null; is_read_only: boolean; behaviours: string | null; saved_tags: string | null }>(
    `SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS path,
            (SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()) AS is_read_only,
            (SELECT value FROM definitions WHERE key = 'behaviours') AS behaviours,
            (SELECT md5(value) FROM definitions WHERE key = '${SAVED_TAGS_KEY}') AS saved_tags`,
  ))!;
  const groups = [...new Set(req.groups ?? [])].sort();
  const inputs = { ...row, data: await dataFingerprint(sql), groups, asOf: req.asOf ?? null, timeZone: req.timeZone };
  const isDefault = groups.length === 0 && !req.asOf;
  return {
    key: JSON.stringify({ path, ...inputs }),
    keptKey: isDefault ? JSON.stringify({ ...inputs, format: FEATURES_FORMAT }) : null,
    isReadOnly,
  };
}

function tableOf(relation: string, made: Made): FeaturesTable {
  return { relation, params: {}, ...made };
}

function madeOf(row: KeptRow): Made {
  return { asOf: row.as_of, behaviours: JSON.parse(row.behaviours) as FeaturesTable['behaviours'] };
}

/**
 * Computes the default table into the project file as `relation`, under `keptKey`, written last
 * (db/keptState.ts). Tables of the file's schema no request of this session holds or keeps (an
 * earlier session's) are dropped first.
 */
function computeKept(sql: Sql, keptKey: string, relation: string, req: FeaturesRequest): Promise<Made> {
  return keptTurn(async () => {
    await sql.run(`CREATE SCHEMA IF NOT EXISTS ${KEPT_FEATURES_SCHEMA}`);
    for (const name of (await readKept(sql, FEATURES_KEPT)).tables) {
      const other = `${KEPT_FEATURES_SCHEMA}.${name}`;
      // Not one the set knows, nor one its own drop is under way for (two drops of one table at once
      // conflict in DuckDB's catalog: 客户360 and VVIP answered that error while an import committed).
      if (other !== relation && !inFile.isKnown(sql, other)) await sql.run(`DROP TABLE IF EXISTS ${KEPT_FEATURES_SCHEMA}.${sqlIdent(name)}`);
    }
    const made = await computeInto(sql, relation, req);
    const tableName = relation.slice(KEPT_FEATURES_SCHEMA.length + 1);
    await writeKeptState(sql, FEATURES_KEPT, { key: keptKey, table_name: tableName, as_of: made.asOf, behaviours: JSON.stringify(made.behaviours) }, 'computed_at');
    return made;
  });
}

/** Computes the feature table of `req` into `relation` (a new table). */
async function computeInto(sql: Sql, relation: string, req: FeaturesRequest): Promise<Made> {
  const behaviours: KeyBehaviour[] = await usableBehaviours(sql, await readDefinition(sql, 'behaviours'));
  const asOf = await resolveAsOf(sql, req.timeZone, req.asOf);
  const groups = req.groups?.length ? req.groups : undefined;
  await withFeaturesSql(sql, { hasScope: !!groups, behaviours }, (text) =>
    sql.run(`CREATE OR REPLACE TABLE ${relation} AS SELECT * FROM (${text}) ORDER BY ${FEATURES_ORDER.join(', ')}`, featuresParams({ groups, asOf, timeZone: req.timeZone })),
  );
  return { asOf, behaviours: behaviourColumns(behaviours) };
}

/** Computes a table of the in-memory database (attached first: READ_WRITE spelled out, as a project open read-only attaches read-only by default). */
async function computeInMemory(sql: Sql, relation: string, req: FeaturesRequest): Promise<Made> {
  await attachTurn(() => sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${CACHE_DB} (READ_WRITE)`));
  return computeInto(sql, relation, req);
}

/**
 * The feature table of a scope at a day, computed on first use and read from the cache afterwards
 * (see the file comment for when it is recomputed). The table is held for the use of `sql`: it is
 * not dropped before that use ends.
 */
export async function featuresTable(sql: Sql, req: FeaturesRequest): Promise<FeaturesTable> {
  const { key, keptKey, isReadOnly } = await inputsKeys(sql, req);
  const tableName = keptTableName('f_', key);
  if (keptKey) {
    const { state } = await readKept<KeptRow>(sql, FEATURES_KEPT);
    // A file open read-only: its table of this key is read (nothing drops it), another computed in memory.
    if (state?.key === keptKey && isReadOnly) return tableOf(`${KEPT_FEATURES_SCHEMA}.${state.table_name}`, madeOf(state));
    if (!isReadOnly) {
      const kept = state?.key === keptKey ? state : null;
      const relation = `${KEPT_FEATURES_SCHEMA}.${kept?.table_name ?? tableName}`;
      // The file's table of this key is taken as it is, unless the set dropped it meanwhile (pushed
      // out by tables of other states this session, the key's row left as it was).
      const make = async (s: Sql) =>
        kept && (await readKept(s, FEATURES_KEPT)).tables.includes(kept.table_name) ? madeOf(kept) : computeKept(s, keptKey, relation, req);
      return tableOf(relation, await inFile.holdForUse(sql, relation, make));
    }
  }
  const relation = `${CACHE_DB}.${tableName}`;
  return tableOf(relation, await inMemory.holdForUse(sql, relation, (s) => computeInMemory(s, relation, req)));
}
