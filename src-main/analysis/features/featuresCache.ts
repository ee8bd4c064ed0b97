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
 * ones are dropped.
 *
 * The default table (every group, the default as-of day: what 客户360, 四象限, VVIP and 相似人群 open
 * with) is kept in the project file itself instead ({@link KEPT_FEATURES_SCHEMA}, with the key it was
 * computed under, written last), so a later open of the same data finds it (a minute of CPU at a
 * million people); another data state, definition of the key behaviours, saved tags or zone computes
 * it again, replacing it. A project open read-only reads a kept table of its key and computes others
 * in memory. The anonymised copy copies the imported tables only (export/anonymizedCopy.ts), never this one.
 */
import { createHash } from 'node:crypto';
import type { KeyBehaviour } from '../../contract';
import { usableBehaviours } from '../behaviours/behaviourQueries';
import { readDefinition } from '../../db/definitionsStore';
import { behaviourColumns, featuresParams, resolveAsOf, withFeaturesSql } from './featuresQueries';
import { dataFingerprint } from '../base/derivedTables';
import { SAVED_TAGS_KEY } from '../base/analysisBase';
import { sqlIdent, type Sql } from '../../db/projectDb';
import { isCancelled } from '../../db/cancellation';

/** Name of the attached in-memory database holding the computed tables. */
const CACHE_DB = 'qx_features';
/** Computed tables kept per project (a scope and an as-of day each). */
const MAX_TABLES = 6;

/** Schema of the project file keeping the default feature table between sessions. */
export const KEPT_FEATURES_SCHEMA = 'qx_kept_features';
/** Its table of the key the kept table was computed under (one row, written after the table). */
const KEPT_STATE = 'kept_state';
/**
 * The version of what the feature table holds: a file whose table an older definition computed
 * (other columns or meanings) computes it again. Raise it with every change of featuresSql's columns or meaning.
 */
export const FEATURES_FORMAT = 1;

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

interface Entry {
  table_name: string;
  as_of: string;
  behaviours: string;
}

/** Computations under way in this process, so two requests for the same table compute it once. */
const inFlight = new Map<string, Promise<FeaturesTable>>();

/** The cache's bookkeeping under way in this process (see {@link inTurn}). */
let bookkeeping: Promise<unknown> = Promise.resolve();

/**
 * Runs the cache's bookkeeping (attaching it, writing its list of tables) one at a time: the
 * first computations of two requests at once would otherwise both create the list, and DuckDB
 * refuses the second (a catalog write-write conflict).
 */
function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const run = bookkeeping.then(fn);
  bookkeeping = run.catch(() => undefined);
  return run;
}

async function attachCache(sql: Sql): Promise<void> {
  // READ_WRITE spelled out: in a project open read-only an attached database is read-only by default.
  await sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${CACHE_DB} (READ_WRITE)`);
  await sql.run(
    `CREATE TABLE IF NOT EXISTS ${CACHE_DB}.entries (key VARCHAR PRIMARY KEY, table_name VARCHAR, as_of VARCHAR, behaviours VARCHAR, created_at TIMESTAMP)`,
  );
}

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

/** The default feature table the project file keeps under `keptKey`, if it keeps one. */
async function keptTable(sql: Sql, keptKey: string): Promise<FeaturesTable | null> {
  const hasState = await sql.one<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${KEPT_FEATURES_SCHEMA}' AND table_name = '${KEPT_STATE}'`,
  );
  if (!hasState?.n) return null;
  const row = await sql.one<Entry>(`SELECT table_name, as_of, behaviours FROM ${KEPT_FEATURES_SCHEMA}.${KEPT_STATE} WHERE key = ?`, [keptKey]);
  return row ? tableOf(`${KEPT_FEATURES_SCHEMA}.${row.table_name}`, row) : null;
}

function tableOf(relation: string, entry: Pick<Entry, 'as_of' | 'behaviours'>): FeaturesTable {
  return { relation, params: {}, asOf: entry.as_of, behaviours: JSON.parse(entry.behaviours) as FeaturesTable['behaviours'] };
}

/** The computations of a kept table under way in this process, one at a time (see {@link computeKept}). */
let keptTurn: Promise<unknown> = Promise.resolve();

/**
 * Computes the default table into the project file under `keptKey`. Its key is written last, in one
 * statement that replaces the one before (CREATE OR REPLACE: a request looking the key up meanwhile
 * finds the old key or the new one, never none), so a computation cut short (a cancel, a crash) is
 * never taken for a whole one. The table kept before stays until the next computation: a request
 * still paging through it (the key behaviours just edited, say) finds it there; older ones are
 * dropped. One computation at a time: two would drop each other's new table.
 */
function computeKept(sql: Sql, keptKey: string, tableName: string, req: FeaturesRequest): Promise<FeaturesTable> {
  const run = keptTurn.then(async () => {
    await sql.run(`CREATE SCHEMA IF NOT EXISTS ${KEPT_FEATURES_SCHEMA}`);
    const kept = await sql.all<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${KEPT_FEATURES_SCHEMA}'`,
    );
    const previous = kept.some((t) => t.name === KEPT_STATE)
      ? (await sql.one<{ table_name: string }>(`SELECT table_name FROM ${KEPT_FEATURES_SCHEMA}.${KEPT_STATE}`))?.table_name
      : undefined;
    for (const { name } of kept) {
      if (name !== KEPT_STATE && name !== previous && name !== tableName) await sql.run(`DROP TABLE ${KEPT_FEATURES_SCHEMA}.${sqlIdent(name)}`);
    }
    const relation = `${KEPT_FEATURES_SCHEMA}.${tableName}`;
    const { asOf, columns } = await computeInto(sql, relation, req);
    await sql.run(
      `CREATE OR REPLACE TABLE ${KEPT_FEATURES_SCHEMA}.${KEPT_STATE} AS SELECT CAST(? AS VARCHAR) AS key, CAST(? AS VARCHAR) AS table_name, CAST(? AS VARCHAR) AS as_of, CAST(? AS VARCHAR) AS behaviours, now() AS computed_at`,
      [keptKey, tableName, asOf, JSON.stringify(columns)],
    );
    return { relation, params: {}, asOf, behaviours: columns };
  });
  keptTurn = run.catch(() => undefined);
  return run;
}

/** Computes the feature table of `req` into `relation` (a new table). */
async function computeInto(sql: Sql, relation: string, req: FeaturesRequest): Promise<{ asOf: string; columns: FeaturesTable['behaviours'] }> {
  const behaviours: KeyBehaviour[] = await usableBehaviours(sql, await readDefinition(sql, 'behaviours'));
  const asOf = await resolveAsOf(sql, req.timeZone, req.asOf);
  const groups = req.groups?.length ? req.groups : undefined;
  await withFeaturesSql(sql, { hasScope: !!groups, behaviours }, (text) =>
    sql.run(`CREATE OR REPLACE TABLE ${relation} AS ${text}`, featuresParams({ groups, asOf, timeZone: req.timeZone })),
  );
  return { asOf, columns: behaviourColumns(behaviours) };
}

async function compute(sql: Sql, key: string, tableName: string, req: FeaturesRequest): Promise<FeaturesTable> {
  const relation = `${CACHE_DB}.${tableName}`;
  const { asOf, columns } = await computeInto(sql, relation, req);
  await inTurn(async () => {
    await sql.run(`INSERT OR REPLACE INTO ${CACHE_DB}.entries VALUES (?, ?, ?, ?, now())`, [key, tableName, asOf, JSON.stringify(columns)]);
    // Keep the newest tables only.
    const stale = await sql.all<{ table_name: string }>(
      `SELECT table_name FROM ${CACHE_DB}.entries ORDER BY created_at DESC OFFSET ${MAX_TABLES}`,
    );
    for (const s of stale) {
      await sql.run(`DROP TABLE IF EXISTS ${CACHE_DB}.${s.table_name}`);
      await sql.run(`DELETE FROM ${CACHE_DB}.entries WHERE table_name = ?`, [s.table_name]);
    }
  });
  return { relation, params: {}, asOf, behaviours: columns };
}

/**
 * The feature table of a scope at a day, computed on first use and read from the cache afterwards
 * (see the file comment for when it is recomputed).
 */
export async function featuresTable(sql: Sql, req: FeaturesRequest): Promise<FeaturesTable> {
  await inTurn(() => attachCache(sql));
  const { key, keptKey, isReadOnly } = await inputsKeys(sql, req);
  const tableName = `f_${createHash('sha1').update(key).digest('hex').slice(0, 20)}`;
  const cached = await sql.one<Entry>(`SELECT table_name, as_of, behaviours FROM ${CACHE_DB}.entries WHERE key = ?`, [key]);
  if (cached) return tableOf(`${CACHE_DB}.${cached.table_name}`, cached);
  const kept = keptKey ? await keptTable(sql, keptKey) : null;
  if (kept) return kept;
  const running = inFlight.get(key);
  if (running) {
    try {
      return await running;
    } catch (e) {
      // The computation ran on the connection of the request that started it: when that request
      // was cancelled, this one (still wanted) computes the table itself.
      if (!isCancelled(e) || sql.isCancelled) throw e;
      return featuresTable(sql, req);
    }
  }
  const job = (keptKey && !isReadOnly ? computeKept(sql, keptKey, tableName, req) : compute(sql, key, tableName, req)).finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}
