/**
 * Tables made once and kept for the latest few keys, read by any number of requests at a time: the
 * churn events of a scope (churn/churnList.ts), everyone's quadrant type under a definition
 * (quadrant/quadrantResult.ts), the feature tables (features/featuresCache.ts), and statements'
 * rows ({@link keptStatements}: what each path source holds, 增长点's segment counts, 渠道's people
 * rows). A request may run several statements on its table while newer
 * requests make newer tables: the table it reads is dropped only when its last reader is done, so
 * no request ever finds its table gone ("table does not exist").
 */
import { createHash } from 'node:crypto';
import type { DuckDBValue } from '@duckdb/node-api';
import type { AnalysisScope } from '../../contract';
import { sqlIdent, type ProjectDb, type Sql } from '../../db/projectDb';
import { isCancelled } from '../../db/cancellation';
import { isFileReadOnly } from '../../db/keptState';
import { dataFingerprint } from './derivedTables';
import { DERIVED_DB } from './identity';

/** The name of the kept table of `key` (what it was made from, as text): `prefix` and a hash of the key. */
export function keptTableName(prefix: string, key: string): string {
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

/**
 * The key of a scope's kept table in the current state of the data: the data's fingerprint, the zone
 * of the local days, the range and the groups (in any order), then what else its rows depend on.
 */
export async function scopeKey(sql: Sql, scope: AnalysisScope, timeZone: string, ...more: unknown[]): Promise<string> {
  return JSON.stringify([await dataFingerprint(sql), timeZone, scope.from ?? null, scope.to ?? null, [...(scope.groups ?? [])].sort(), ...more]);
}

/** A kept table: made (or being made) once, read by any number of requests at a time. */
interface Entry<M> {
  /** The making, and what it tells of the table (featuresCache.ts: its as-of day and columns). */
  making: Promise<M>;
  /** Requests reading it now (the one making it among them): it is dropped only once none is. */
  readers: number;
  /** Pushed out by newer tables: dropped when its last reader is done. */
  isEvicted: boolean;
}

/**
 * Per open database: its preparation, the tables kept (the latest last), the evicted ones still there
 * (read, or not dropped yet), those to drop, and the drops under way.
 */
interface Kept<M> {
  prepared: Promise<unknown> | null;
  tables: Map<string, Entry<M>>;
  evicted: Map<string, Entry<M>>;
  toDrop: Set<string>;
  dropping: Map<string, Promise<void>>;
}

/** A kept table held by a request: what its making told, and the end of the hold (once; later calls do nothing). */
export interface HeldTable<M> {
  made: M;
  release: () => Promise<void>;
}

/** The tables of the latest few names per open database, held by their readers (see {@link keptTableSet}). */
export interface KeptTableSet<M> {
  /**
   * Holds the table `name` of the database `sql` is of, making it first (`make`) when it is not
   * there yet: it is not dropped before the hold's release.
   */
  hold: (sql: Sql, name: string, make: (sql: Sql) => Promise<M>) => Promise<HeldTable<M>>;
  /** Holds the table until the use of `sql` ends (a request reading it through the relation it was given). */
  holdForUse: (sql: Sql, name: string, make: (sql: Sql) => Promise<M>) => Promise<M>;
  /**
   * Whether the set keeps `name` for the database `sql` is of, a request still reads it, or the
   * set's own drop of it is under way: a second DROP of it at once is a catalog write-write conflict
   * in DuckDB, whichever way it is written (IF EXISTS too).
   */
  isKnown: (sql: Sql, name: string) => boolean;
}

/**
 * Reads a kept table: `make` creates the table `name` when it is not there yet, `read` reads it.
 * The tables are kept per database `sql` is of (`db`).
 */
export type WithKeptTable = <T>(db: ProjectDb, sql: Sql, name: string, make: (sql: Sql) => Promise<unknown>, read: (name: string) => Promise<T>) => Promise<T>;

/**
 * Keeps the tables of the latest `capacity` names per open database. `prepare` runs once per
 * database before the first table is made (an ATTACH of the database the tables live in), again
 * after it failed.
 */
export function keptTableSet<M>(capacity: number, prepare: (sql: Sql) => Promise<unknown> = async () => undefined): KeptTableSet<M> {
  const kept = new WeakMap<object, Kept<M>>();

  /** Drops the evicted tables nobody reads any more (a cancelled request cannot: the next one does). */
  async function dropEvicted(own: Kept<M>, sql: Sql): Promise<void> {
    for (const name of [...own.toDrop]) {
      if (sql.isCancelled) return;
      own.toDrop.delete(name);
      own.evicted.delete(name);
      const drop = sql.run(`DROP TABLE IF EXISTS ${name}`).then(
        () => undefined,
        () => void own.toDrop.add(name),
      );
      own.dropping.set(name, drop);
      await drop;
      if (own.dropping.get(name) === drop) own.dropping.delete(name);
    }
  }

  const hold: KeptTableSet<M>['hold'] = async (sql, name, make) => {
    let state = kept.get(sql.owner);
    if (!state) kept.set(sql.owner, (state = { prepared: null, tables: new Map(), evicted: new Map(), toDrop: new Set(), dropping: new Map() }));
    const own = state;
    own.prepared ??= prepare(sql).catch((e: unknown) => {
      own.prepared = null;
      throw e;
    });
    await own.prepared;
    await dropEvicted(own, sql);
    let entry = own.tables.get(name) ?? own.evicted.get(name);
    if (entry) {
      // Latest used last. An evicted table still there (a request reads it, or its drop has not run)
      // is taken back: a table made again under its name would be dropped under its readers when the
      // old one's last reader is done.
      own.tables.delete(name);
      own.evicted.delete(name);
      own.toDrop.delete(name);
      entry.isEvicted = false;
    } else {
      // A drop of this name under way ends before the table is made again.
      const dropped = own.dropping.get(name) ?? Promise.resolve();
      const made: Entry<M> = { making: dropped.then(() => make(sql)), readers: 0, isEvicted: false };
      entry = made;
      made.making.catch(() => {
        if (own.tables.get(name) === made) own.tables.delete(name);
        if (own.evicted.get(name) === made) own.evicted.delete(name);
      });
    }
    own.tables.set(name, entry);
    for (const [old, oldEntry] of [...own.tables.entries()].slice(0, Math.max(0, own.tables.size - capacity))) {
      own.tables.delete(old);
      oldEntry.isEvicted = true;
      own.evicted.set(old, oldEntry);
      if (oldEntry.readers === 0) own.toDrop.add(old);
    }
    const used = entry;
    used.readers++;
    let isHeld = true;
    const release = async () => {
      if (!isHeld) return;
      isHeld = false;
      used.readers--;
      if (used.isEvicted && used.readers === 0) own.toDrop.add(name);
      // This one's own table when it was the last reader, and those its making pushed out.
      await dropEvicted(own, sql);
    };
    try {
      return { made: await used.making, release };
    } catch (e) {
      await release();
      // Made on the connection of the request that asked first: when that one was cancelled, this
      // one (still wanted) makes the table itself.
      if (!isCancelled(e) || sql.isCancelled) throw e;
      return hold(sql, name, make);
    }
  };

  return {
    hold,
    holdForUse: async (sql, name, make) => {
      const held = await hold(sql, name, make);
      sql.atEnd(held.release);
      return held.made;
    },
    isKnown: (sql, name) => {
      const own = kept.get(sql.owner);
      return !!own && (own.tables.has(name) || own.evicted.has(name) || own.dropping.has(name));
    },
  };
}

/** {@link keptTableSet}'s tables read inside a callback: held while `read` runs. */
export function keptTables(capacity: number, prepare?: (sql: Sql) => Promise<unknown>): WithKeptTable {
  const set = keptTableSet<unknown>(capacity, prepare);
  const withKeptTable: WithKeptTable = async (_db, sql, name, make, read) => {
    const held = await set.hold(sql, name, make);
    try {
      return await read(name);
    } finally {
      await held.release();
    }
  };
  return withKeptTable;
}

/**
 * For a table kept in the project file's `schema` under `name`, named after the state of the data it
 * was made from: true when an earlier session of the same data made it; else makes sure the schema
 * is there for it and answers false.
 */
export async function isMadeInFile(sql: Sql, schema: string, name: string): Promise<boolean> {
  const found = await sql.one<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? AND table_name = ?`,
    [schema, name],
  );
  if (found?.n) return true;
  await sql.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return false;
}

/**
 * Drops the tables the project file's `schema` keeps of other states of the data than the current
 * one (`current` names its table): an earlier session's. Once per open project, before its first
 * table there is made, none being read yet; a drop that fails leaves its table to the next session.
 */
export async function dropOtherStates(sql: Sql, schema: string, current: () => Promise<string>): Promise<void> {
  const tables = await sql.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?`,
    [schema],
  );
  if (!tables.length || (await isFileReadOnly(sql))) return;
  const name = await current();
  for (const t of tables) if (t.name !== name) await sql.run(`DROP TABLE IF EXISTS ${schema}.${sqlIdent(t.name)}`).catch(() => undefined);
}

/** One statement's rows to read through {@link keptStatements}. */
export interface KeptStatement {
  /** Everything its rows depend on, as text (the data's fingerprint, its parameters, its format): its table's name. */
  key: string;
  /** Whether it is the request a view opens with: kept in the project file when that takes writes. */
  isDefault: boolean;
  statement: string;
  params: Record<string, DuckDBValue>;
  /** How the rows are read back (an ORDER BY list). */
  orderBy: string;
}

/**
 * Reads statements' rows from tables made once per key and kept for the latest `capacity` keys:
 * the default request's in the project file's `schema` (the next session of the same data reads
 * it), every other one, and every one of a project open read-only, in memory. `defaultKey` is the
 * default request's key in the current state: the first use of a session drops the file's tables
 * of other keys (an earlier session's).
 */
export function keptStatements(schema: string, prefix: string, capacity: number, defaultKey: (sql: Sql) => Promise<string>) {
  const set = keptTableSet<void>(capacity, (sql) => dropOtherStates(sql, schema, async () => keptTableName(prefix, await defaultKey(sql))));
  return async <T>(sql: Sql, q: KeptStatement): Promise<T[]> => {
    const isInFile = q.isDefault && !(await isFileReadOnly(sql));
    const name = keptTableName(prefix, q.key);
    const relation = isInFile ? `${schema}.${name}` : `${DERIVED_DB}.${name}`;
    const held = await set.hold(sql, relation, async (own) => {
      // Made by an earlier session of the same key (its name says which), or not yet.
      if (isInFile && (await isMadeInFile(own, schema, name))) return;
      await own.run(`CREATE OR REPLACE TABLE ${relation} AS ${q.statement}`, q.params);
    });
    try {
      return await sql.all<T>(`SELECT * FROM ${relation} ORDER BY ${q.orderBy}`);
    } finally {
      await held.release();
    }
  };
}
