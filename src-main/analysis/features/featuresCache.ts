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
 */
import { createHash } from 'node:crypto';
import type { KeyBehaviour } from '../../contract';
import { usableBehaviours } from '../behaviours/behaviourQueries';
import { readDefinition } from '../../db/definitionsStore';
import { behaviourColumns, featuresParams, resolveAsOf, withFeaturesSql } from './featuresQueries';
import { dataFingerprint } from '../base/derivedTables';
import { SAVED_TAGS_KEY } from '../base/analysisBase';
import type { Sql } from '../../db/projectDb';
import { isCancelled } from '../../db/cancellation';

/** Name of the attached in-memory database holding the computed tables. */
const CACHE_DB = 'qx_features';
/** Computed tables kept per project (a scope and an as-of day each). */
const MAX_TABLES = 6;

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

/** The database file and everything the features depend on, as one string. */
async function inputsKey(sql: Sql, req: FeaturesRequest): Promise<string> {
  const row = await sql.one<{ path: string | null; behaviours: string | null; saved_tags: string | null }>(
    `SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS path,
            (SELECT value FROM definitions WHERE key = 'behaviours') AS behaviours,
            (SELECT md5(value) FROM definitions WHERE key = '${SAVED_TAGS_KEY}') AS saved_tags`,
  );
  const groups = [...new Set(req.groups ?? [])].sort();
  return JSON.stringify({ ...row, data: await dataFingerprint(sql), groups, asOf: req.asOf ?? null, timeZone: req.timeZone });
}

async function compute(sql: Sql, key: string, tableName: string, req: FeaturesRequest): Promise<FeaturesTable> {
  const behaviours: KeyBehaviour[] = await usableBehaviours(sql, await readDefinition(sql, 'behaviours'));
  const asOf = await resolveAsOf(sql, req.timeZone, req.asOf);
  const groups = req.groups?.length ? req.groups : undefined;
  const relation = `${CACHE_DB}.${tableName}`;
  await withFeaturesSql(sql, { hasScope: !!groups, behaviours }, (text) =>
    sql.run(`CREATE OR REPLACE TABLE ${relation} AS ${text}`, featuresParams({ groups, asOf, timeZone: req.timeZone })),
  );
  const columns = behaviourColumns(behaviours);
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
  const key = await inputsKey(sql, req);
  const tableName = `f_${createHash('sha1').update(key).digest('hex').slice(0, 20)}`;
  const cached = await sql.one<Entry>(`SELECT table_name, as_of, behaviours FROM ${CACHE_DB}.entries WHERE key = ?`, [key]);
  if (cached) {
    return {
      relation: `${CACHE_DB}.${cached.table_name}`,
      params: {},
      asOf: cached.as_of,
      behaviours: JSON.parse(cached.behaviours) as FeaturesTable['behaviours'],
    };
  }
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
  const job = compute(sql, key, tableName, req).finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}
