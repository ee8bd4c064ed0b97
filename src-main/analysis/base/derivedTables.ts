/**
 * Derived tables: what every analysis would otherwise recompute from the imported tables, kept
 * current for the open project.
 *
 * Tying customers, orders, churn and survey rows to people (identity.ts) reads every message
 * sender and every row of those tables: about a second on 100,000 people and 2,000,000
 * messages, paid again by every query of every analysis. So the project computes it once per
 * state of the data into an in-memory database attached to its DuckDB instance (`qx_derived`,
 * shared by all its connections, never written to the project file) and the analyses read
 * `identityCtes()` from there; likewise the scope-free facts of a person (`personCtes()`: customer
 * list attributes and names, the latter reading every message), who invited whom (invitations.ts),
 * and the membership spells and per-message facts of memberFacts.ts (the key-behaviour hit tables
 * of behaviourHits.ts go with them).
 *
 * The state of the data is a fingerprint read before every use of the database (a dozen
 * metadata-cheap aggregates, see {@link dataFingerprint}): row counts and highest rowids of the
 * tables identity reads (an import, a removal, and DuckDB compacting rowids after deletes all move
 * them), the imports (an order update arrives with one), the nickname-matching setting and the time
 * zone (memberFacts.ts keeps local days). When it
 * differs from the one the tables were built from, they are rebuilt before the caller runs.
 */
import { personFactsSql } from './analysisBase';
import { DERIVED_DB, DERIVED_KEPT, rawIdentityCtes, ALLOW_NICKNAME_KEY } from './identity';
import { dropHitTables } from './behaviourHits';
import { buildMemberFacts, MEMBER_FACTS_STEPS, stepRunner } from './memberFacts';
import { INVITATIONS_TABLE, invitationsSql } from './invitations';
import { MSG_TYPES_TABLE, msgTypesSql } from './msgTypes';
import { sqlIdent, type ProjectDb, type Sql } from '../../db/projectDb';
import { DEFAULT_TIME_ZONE, readMeta } from '../../db/schema';
import { throwIfCancelled, untilAborted } from '../../db/cancellation';
import { readKept, writeKeptState } from '../../db/keptState';

/** Tables whose rows identity depends on. */
const SOURCE_TABLES = ['memberships', 'messages', 'customers', 'orders', 'churn_events', 'survey_responses'] as const;

/**
 * One string that changes whenever the data the derived tables (or other caches) are built from
 * changes: per table its row count and highest rowid, the imports, the identity setting and the time zone.
 */
export async function dataFingerprint(sql: Sql): Promise<string> {
  // One simple aggregate per row (a UNION ALL): planned and run in a few milliseconds, where the
  // same as scalar subqueries of one row took some 30 (it is paid before every use of the database).
  const parts = [
    ...SOURCE_TABLES.map((t) => `SELECT count(*) || ':' || coalesce(max(rowid), -1) AS v FROM ${t}`),
    `SELECT count(*) || ':' || coalesce(max(import_id), 0) || ':' || coalesce(epoch_us(max(imported_at)), 0) AS v FROM imports`,
    `SELECT CAST(count(*) AS VARCHAR) AS v FROM row_updates`,
    `SELECT coalesce(max(value), '') AS v FROM meta WHERE key = '${ALLOW_NICKNAME_KEY}'`,
    `SELECT coalesce(max(value), '') AS v FROM meta WHERE key = 'time_zone'`,
  ];
  const rows = await sql.all<{ i: number; v: string }>(parts.map((p, i) => `SELECT ${i} AS i, v FROM (${p})`).join('\nUNION ALL '));
  return rows
    .sort((a, b) => a.i - b.i)
    .map((r) => r.v)
    .join('|');
}

/** Schema of the project file that keeps the derived tables between sessions, with the fingerprint they were built from. */
export const KEPT_SCHEMA = DERIVED_KEPT.schema;

/**
 * The version of what the derived tables hold, kept with their fingerprint (`format` in the row
 * of {@link DERIVED_KEPT}): a project file whose tables an older definition built (without a
 * column the analyses now read) builds them again, as after an import. Raise it with every change of a derived table's
 * columns or meaning. 1 (a file without the column): before the versions; 2: the person number
 * `pno` in joins, leaves, spells, islands_all, id_orders and person_customer; 3: person_customer's
 * ties of one add time broken by the row's place in the customer list, not by the plan; 4: `pno`
 * in id_matched; 5: person_customer's `is_contact_lost`; 6: `msgs_elsewhere`; 7: `last_member_msgs`; 8: `msg_days`; 9: `member_spans`; 10: `person_joins`; 11: `msg_types`.
 */
export const DERIVED_FORMAT = 11;

/** How far bringing the derived tables up to date is. */
export interface DerivedProgress {
  /** False while checking whether they are current (a few milliseconds), true once a build runs. */
  isBuilding: boolean;
  /** Statements of the build done, of all. */
  done: number;
  total: number;
}

/** Statements of {@link build}: the member facts' and the six tables after them. */
const BUILD_STEPS = MEMBER_FACTS_STEPS + 6;

/**
 * Builds the derived tables from the current data into `target` (a schema or an attached
 * database), telling `onStep` each statement done ({@link BUILD_STEPS} in all).
 */
async function build(sql: Sql, target: string, onStep: () => void): Promise<void> {
  await dropHitTables(sql);
  await buildMemberFacts(sql, (await readMeta(sql, 'time_zone')) ?? DEFAULT_TIME_ZONE, target, onStep);
  const run = stepRunner(sql, onStep);
  // Each row's person number beside its id: the analyses join customer and order rows to people on it.
  await run(
    `CREATE OR REPLACE TABLE ${target}.id_matched AS
     WITH ${rawIdentityCtes(`${target}.id_people`)}
     SELECT m.kind, m.rid, m.pid, p.pno, m.matched_by FROM id_matched m LEFT JOIN ${target}.id_people p ON p.pid = m.pid`,
  );
  await run(
    `CREATE OR REPLACE TABLE ${target}.id_orders AS
     SELECT m.pid, m.pno, o.paid_at, coalesce(o.paid_amount, 0) AS paid, coalesce(o.refunded_amount, 0) AS refunded
     FROM orders o JOIN ${target}.id_matched m ON m.kind = 'orders' AND m.rid = o.rowid`,
  );
  const cached = `id_people AS (SELECT pid, pno FROM ${target}.id_people), id_matched AS (SELECT * FROM ${target}.id_matched)`;
  // The person number joined after the grouping (a person's rows of one add time tie, broken by
  // their row number: analysisBase.ts personFactsSql).
  await run(
    `CREATE OR REPLACE TABLE ${target}.person_customer AS WITH ${cached}
     SELECT pc.*, p.pno FROM (${personFactsSql.person_customer}) pc LEFT JOIN id_people p ON p.pid = pc.pid`,
  );
  await run(`CREATE OR REPLACE TABLE ${target}.person_names AS WITH ${cached} ${personFactsSql.person_names(`${target}.person_customer`)}`);
  await run(`CREATE OR REPLACE TABLE ${target}.${INVITATIONS_TABLE} AS ${invitationsSql()}`);
  await run(`CREATE OR REPLACE TABLE ${target}.${MSG_TYPES_TABLE} AS ${msgTypesSql}`);
}

/**
 * The fingerprint the tables kept in the project file were built from, or null when it keeps none
 * or an older {@link DERIVED_FORMAT} built them.
 */
async function keptFingerprint(sql: Sql): Promise<string | null> {
  // Every column: a file of before the versions has no `format`.
  const { state } = await readKept<{ fingerprint: string; format?: number }>(sql, DERIVED_KEPT);
  return state?.format === DERIVED_FORMAT ? state.fingerprint : null;
}

/**
 * Builds the tables into the project file's {@link KEPT_SCHEMA}: the fingerprint goes first (the
 * tables are built again in place: a build cut short by a crash is never taken for a whole one)
 * and is written back last.
 */
async function buildKept(sql: Sql, fingerprint: string, onStep: () => void): Promise<void> {
  await sql.run(`CREATE SCHEMA IF NOT EXISTS ${KEPT_SCHEMA}`);
  await sql.run(`DROP TABLE IF EXISTS ${KEPT_SCHEMA}.${DERIVED_KEPT.stateTable}`);
  await build(sql, KEPT_SCHEMA, onStep);
  await writeKeptState(sql, DERIVED_KEPT, { fingerprint, format: DERIVED_FORMAT }, 'built_at');
}

/**
 * Points every table the analyses read in {@link DERIVED_DB} at the kept one: views, which DuckDB
 * expands into the queries (filters and joins reach the kept table as if named directly). Named
 * with the project's catalog: a view of an attached database resolves names in that database.
 */
async function pointAtKept(sql: Sql): Promise<void> {
  const { tables } = await readKept(sql, DERIVED_KEPT);
  const catalog = (await sql.one<{ name: string }>(`SELECT current_database() AS name`))!.name;
  // Tables of the same names an in-memory build left (a project whose file kept none) give way.
  const inMemory = await sql.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}'`);
  for (const { name } of inMemory) if (tables.includes(name)) await sql.run(`DROP TABLE ${DERIVED_DB}.${sqlIdent(name)}`);
  for (const name of tables) {
    await sql.run(`CREATE OR REPLACE VIEW ${DERIVED_DB}.${sqlIdent(name)} AS SELECT * FROM ${sqlIdent(catalog)}.${KEPT_SCHEMA}.${sqlIdent(name)}`);
  }
}

/**
 * Brings the derived tables up to date for `fingerprint`. A writable project keeps them in its file
 * ({@link KEPT_SCHEMA}), so reopening it with the same data builds nothing, and DuckDB pages them
 * like the imported tables instead of holding them all in memory; a read-only one whose file keeps
 * none of this data builds them in memory for the session.
 */
async function bringUpToDate(db: ProjectDb, sql: Sql, fingerprint: string, state: State): Promise<void> {
  // READ_WRITE spelled out: in a project open read-only an attached database is read-only by default.
  await sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${DERIVED_DB} (READ_WRITE)`);
  const isKept = !state.isForced && (await keptFingerprint(sql)) === fingerprint;
  const progress: DerivedProgress = { isBuilding: !isKept, done: 0, total: BUILD_STEPS };
  const onStep = () => {
    progress.done++;
  };
  state.progress = progress;
  if (isKept || !db.isReadOnly) {
    if (!isKept) await buildKept(sql, fingerprint, onStep);
    else await dropHitTables(sql, true);
    await pointAtKept(sql);
    return;
  }
  await build(sql, DERIVED_DB, onStep);
}

interface State {
  /** Fingerprint the tables were built from. */
  built: string | null;
  /** Build again even when the file keeps tables of the current fingerprint (see {@link invalidateDerived}). */
  isForced: boolean;
  /** A check or build under way: every caller waits for the same one. */
  running: Promise<void> | null;
  /** How far the check or build under way is (null: none is). */
  progress: DerivedProgress | null;
  /** Callers waiting for the check or build under way (see {@link RefreshOptions.signal}). */
  waiting: number;
  /** Interrupts the check or build under way once nobody waits for it. */
  interrupt: AbortController | null;
}

const states = new WeakMap<ProjectDb, State>();

/**
 * Forgets what the derived tables were built from, so the next use rebuilds them. Every write of
 * the app goes through an import, a removal or the identity setting, which the fingerprint sees;
 * a write that changes rows in place without them (a test's UPDATE) must call this.
 */
export function invalidateDerived(db: ProjectDb): void {
  const state = states.get(db);
  if (state) {
    state.built = null;
    state.isForced = true;
  }
}

/** Options of {@link refreshDerived}. */
export interface RefreshOptions {
  /**
   * Cancels this caller's wait (an import's cancel during its last step): the build under way is
   * interrupted when every caller waiting for it has cancelled, and is left unbuilt (a kept build
   * cut short is never taken for a whole one, see {@link buildKept}); the next use builds it then.
   * The wait of a caller that gave no signal (an analysis) never ends early.
   */
  signal?: AbortSignal;
}

/** Brings the derived tables of `db` up to date with its data (the preparer of an open project). */
export async function refreshDerived(db: ProjectDb, options: RefreshOptions = {}): Promise<void> {
  let state = states.get(db);
  if (!state) {
    state = { built: null, isForced: false, running: null, progress: null, waiting: 0, interrupt: null };
    states.set(db, state);
  }
  const s = state;
  const { signal } = options;
  throwIfCancelled(signal);
  // A build being interrupted is no use to a caller arriving now: it waits for its end and starts another.
  while (s.running && s.interrupt?.signal.aborted) await s.running.catch(() => undefined);
  // Callers arriving while a check runs share it: they all see the tables it leaves.
  s.running ??= startRefresh(db, s);
  s.waiting++;
  let isWaiting = true;
  const stopWaiting = () => {
    if (!isWaiting) return;
    isWaiting = false;
    // Nobody waits any more (every caller that could cancel did): the build stops.
    if (--s.waiting === 0 && signal?.aborted) s.interrupt?.abort();
  };
  signal?.addEventListener('abort', stopWaiting, { once: true });
  try {
    await untilAborted(s.running, signal);
  } finally {
    signal?.removeEventListener('abort', stopWaiting);
    stopWaiting();
  }
}

/** Starts the check (and build, where the data changed) that the callers of {@link refreshDerived} share. */
function startRefresh(db: ProjectDb, s: State): Promise<void> {
  s.progress = { isBuilding: false, done: 0, total: BUILD_STEPS };
  const interrupt = new AbortController();
  s.interrupt = interrupt;
  return (async () => {
    try {
      await db.useUnprepared(
        async (sql) => {
          const fingerprint = await dataFingerprint(sql);
          if (fingerprint === s.built) return;
          s.built = null;
          await bringUpToDate(db, sql, fingerprint, s);
          s.built = fingerprint;
          s.isForced = false;
        },
        { signal: interrupt.signal },
      );
    } finally {
      s.running = null;
      s.progress = null;
      s.interrupt = null;
    }
  })();
}

/** How far bringing `db`'s derived tables up to date is: null when no check or build is under way. */
export function derivedProgress(db: ProjectDb): DerivedProgress | null {
  const progress = states.get(db)?.progress;
  return progress ? { ...progress } : null;
}

/** Open options under which every use of a project first brings its derived tables up to date. */
export const withDerivedTables = { prepare: (db: ProjectDb, signal?: AbortSignal) => refreshDerived(db, { signal }) } as const;
