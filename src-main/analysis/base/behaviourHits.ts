/**
 * Which group messages a key-behaviour rule matches (DESIGN §4 Key behaviours), as SQL, and the
 * hits of each rule kept in the derived database for the key-behaviour view. Rules read the
 * content in Unicode NFKC ({@link MATCHED_CONTENT}), their keywords and patterns too, so a
 * full-width space is a `\s` and ＃ a `#`.
 *
 * The rules are user text. They reach the SQL as quoted literals (never raw), so that DuckDB
 * compiles each regular expression once instead of once per message; a regular expression RE2
 * refuses would fail the whole statement, so callers pass only usable rules (behaviourQueries.ts).
 *
 * Matching reads the content of every group message: a few hundred milliseconds on 2,000,000
 * messages, per rule. The view asks again on every change of period, range or scope and, while
 * the user edits one rule, for all the others too; so {@link withRuleHitTables} keeps each rule's hits
 * over the whole project — person and group number, instant, local day — in a table named after
 * the rule's match condition, and the queries only filter and count them. The saved rules' tables
 * are kept in the project file ({@link KEPT_HITS_SCHEMA}) for the next session, others in the
 * derived database in memory. The tables go when the data change (derivedTables.ts drops them
 * with the other derived tables) and beyond {@link MAX_HIT_TABLES}, least recently used first
 * (none a running query reads).
 */
import { createHash } from 'node:crypto';
import type { KeyBehaviour } from '../../contract';
import { DERIVED_DB, DERIVED_KEPT } from './identity';
import { readDefinition } from '../../db/definitionsStore';
import { isFileReadOnly } from '../../db/keptState';
import { sqlLiteral, type Sql } from '../../db/projectDb';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';

/** A text value as an SQL expression; NUL characters (legal in JSON, not in a literal) become chr(0). */
export function textSql(value: string): string {
  return value.split('\u0000').map(sqlLiteral).join(' || chr(0) || ');
}

/** Message types of a rule as the SQL compares them: trimmed, lower-case, blanks dropped. */
export function normaliseTypes(msgTypes: string[]): string[] {
  return [...new Set(msgTypes.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/** Characters with a meaning in RE2 besides `|`. */
const REGEX_META = /[\\.+*?()[\]{}^$]/;
/** Quantifiers that make the character before them optional. */
const OPTIONAL_AFTER = /^[*?{]/;

/**
 * The SQL of "content matches the RE2 expression", as regexp_matches (a match anywhere) means it,
 * written cheaper where that is exact: RE2 costs some 0.15 µs per message, which on millions of
 * messages is most of the query. A list of plain alternatives (`打卡|签到`) becomes contains() of
 * each; an expression without `|` that starts with plain characters (`#[^#\s]+`) is first
 * narrowed with contains() of them.
 */
export function regexMatchSql(pattern: string, column = 'content'): string {
  if (pattern === '') return 'TRUE';
  if (!REGEX_META.test(pattern)) {
    const alternatives = pattern.split('|');
    // An empty alternative matches any text (but, as regexp_matches, not a missing one).
    if (alternatives.includes('')) return `${column} IS NOT NULL`;
    return `(${[...new Set(alternatives)].map((a) => `contains(${column}, ${textSql(a)})`).join(' OR ')})`;
  }
  const regex = `regexp_matches(${column}, ${textSql(pattern)})`;
  if (pattern.includes('|')) return regex;
  const meta = pattern.search(REGEX_META);
  // The plain start, less its last character when a quantifier makes that one optional.
  const prefix = OPTIONAL_AFTER.test(pattern.slice(meta)) ? pattern.slice(0, Math.max(0, meta - 1)) : pattern.slice(0, meta);
  return prefix === '' ? regex : `(contains(${column}, ${textSql(prefix)}) AND ${regex})`;
}

/**
 * The content the rules read (DESIGN §4): in Unicode NFKC, which the project stores beside the
 * content only where it differs (db/messageText.ts), over the columns of `messages`.
 */
export const MATCHED_CONTENT = 'coalesce(content_nfkc, content)';

/** RE2 characters with a meaning (in or out of a character class) that a full-width character can become under NFKC. */
const REGEX_SPECIAL = /[\\.+*?()[\]{}^$|-]/g;

/**
 * A rule's regular expression as it applies to NFKC content: every run of non-ASCII characters
 * (with the letter or digit before it, which a combining mark joins) in NFKC, where what becomes a
 * character with a meaning in RE2 is escaped — `＃[^＃\s]+` is `#[^#\s]+`, and a full-width `（`
 * stays a literal parenthesis. ASCII, the syntax, is left as written.
 */
export function nfkcPattern(pattern: string): string {
  return pattern.replace(/[A-Za-z0-9]?[\u{80}-\u{10FFFF}]+/gu, (run) => run.normalize('NFKC').replace(REGEX_SPECIAL, (c) => `\\${c}`));
}

/** Text of characters without case: Chinese characters, digits, punctuation and spaces. */
const UNCASED = /^[\p{Script=Han}0-9\p{P}\s]+$/u;

/** The SQL condition "this message matches the rule" over the columns `msg_type`, `content` and `content_nfkc` of `messages`. */
export function matchSql(b: KeyBehaviour): string {
  const types = normaliseTypes(b.msgTypes);
  const typeCond = types.length === 0 ? 'TRUE' : `lower(trim(msg_type)) IN (${types.map(textSql).join(', ')})`;
  let contentCond = 'TRUE';
  if (b.isRegex) {
    contentCond = regexMatchSql(nfkcPattern(b.pattern), MATCHED_CONTENT);
  } else if (b.pattern.trim() !== '') {
    // Keywords are case-insensitive (CheckIn = checkin) and read as NFKC too; lower() of the literal is folded once.
    const keyword = b.pattern.trim().normalize('NFKC');
    // A keyword of uncased characters only (接龙) is in the lower-case content exactly where it is in
    // the content: lowering changes cased letters only, into cased letters, and never drops one. So
    // the content is not lowered for it (lower() of every message was the costliest part of such a rule).
    contentCond = UNCASED.test(keyword)
      ? `contains(${MATCHED_CONTENT}, ${textSql(keyword)})`
      : `contains(lower(${MATCHED_CONTENT}), lower(${textSql(keyword)}))`;
  }
  return `(${typeCond}) AND (${contentCond})`;
}

/** Rule hit tables kept at most in each place (a broad rule over millions of messages holds millions of rows). */
export const MAX_HIT_TABLES = 12;
/** Prefix of the hit tables' names. */
export const HIT_TABLE_PREFIX = 'kbh_';
/**
 * Schema of the project file keeping the hit tables of the saved rules between sessions: matching
 * them is the first visit's cost of 关键行为 after every open (9 s at a million people), and
 * 客户360's default feature table, which an import's last step computes, makes them anyway.
 */
export const KEPT_HITS_SCHEMA = `${KEPT_SCHEMA_PREFIX}_hits`;
/**
 * The version of what a hit table holds, part of its name: raise it with every change of the
 * tables' columns, their order, or of what a rule matches that {@link matchSql}'s text does not
 * show. (2: stored by day and person.)
 */
const HITS_FORMAT = 2;

/**
 * Where hit tables are kept: the derived database in memory (rules being edited, a project open
 * read-only) or the project file (the saved rules), with the table of when each was last used.
 */
interface Place {
  schema: string;
  /** The derived tables' fingerprint the place's tables must have been matched under (the file's); null in memory, where a data change drops them. */
  fingerprint: string | null;
}
const IN_MEMORY: Place = { schema: DERIVED_DB, fingerprint: null };

const entriesOf = (place: Place) => `${place.schema}.kbh_entries`;

/** The hit tables in memory (their table of entries not among them). */
async function hitTablesInMemory(sql: Sql): Promise<string[]> {
  const rows = await sql.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}' AND starts_with(table_name, '${HIT_TABLE_PREFIX}') AND table_name <> 'kbh_entries'`,
  );
  return rows.map((r) => r.name);
}

/**
 * Drops the hit tables (the data they were matched on changed; derivedTables.ts calls it when
 * rebuilding): those in memory, and those the project file keeps unless `inMemoryOnly` (the file's
 * derived tables, of the same data, were found current) or the file takes no writes.
 */
export async function dropHitTables(sql: Sql, inMemoryOnly = false): Promise<void> {
  for (const name of await hitTablesInMemory(sql)) await sql.run(`DROP TABLE IF EXISTS ${DERIVED_DB}.${name}`);
  await sql.run(`DROP TABLE IF EXISTS ${entriesOf(IN_MEMORY)}`);
  if (inMemoryOnly || (await isFileReadOnly(sql))) return;
  await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_HITS_SCHEMA} CASCADE`);
}

/** The name of a rule's hit table: after its match condition. */
function hitTableName(rule: KeyBehaviour): string {
  return `${HIT_TABLE_PREFIX}${createHash('sha1').update(`${HITS_FORMAT}:${matchSql(rule)}`).digest('hex').slice(0, 24)}`;
}

/** Where the hit tables of a request's rules are, and which of them can be read. */
interface Catalog {
  /** Each rule's place, in the order of the rules. */
  places: Place[];
  /** Places whose table of entries is there. */
  withEntries: Set<Place>;
  /** Whether `place` holds a readable table `name` (in the file: matched under the derived tables it keeps now). */
  has: (place: Place, name: string) => boolean;
}

/**
 * Reads where the tables of `rules` are kept and which are there, in a statement or, when the
 * file keeps hit tables, four: a rule of the saved definition keeps its table in the project file
 * when the file takes writes and keeps its derived tables (their fingerprint then checks each
 * table's), memory otherwise.
 */
async function readCatalog(sql: Sql, rules: readonly KeyBehaviour[]): Promise<Catalog> {
  const rows = await sql.all<{ isReadOnly: boolean; db: string | null; schema: string | null; name: string | null }>(
    `SELECT d.readonly AS isReadOnly, t.database_name AS db, t.schema_name AS schema, t.table_name AS name
     FROM duckdb_databases() d LEFT JOIN duckdb_tables() t
       ON (t.database_name = '${DERIVED_DB}' AND starts_with(t.table_name, '${HIT_TABLE_PREFIX}'))
       OR (t.database_name = d.database_name AND t.schema_name = '${KEPT_HITS_SCHEMA}' AND starts_with(t.table_name, '${HIT_TABLE_PREFIX}'))
       OR (t.database_name = d.database_name AND t.schema_name = '${DERIVED_KEPT.schema}' AND t.table_name = '${DERIVED_KEPT.stateTable}')
     WHERE d.database_name = current_database()`,
  );
  const inMemory = new Set(rows.filter((r) => r.db === DERIVED_DB).map((r) => r.name!));
  const inFile = new Set(rows.filter((r) => r.db !== DERIVED_DB && r.schema === KEPT_HITS_SCHEMA).map((r) => r.name!));
  const isKept = rows.some((r) => r.schema === DERIVED_KEPT.schema);
  let file: Place | null = null;
  let valid = new Set<string>();
  if (!rows[0]?.isReadOnly && isKept) {
    // Every column: the format is missing from a file of before the versions.
    const state = await sql.one<{ fingerprint: string; format?: number }>(`SELECT * FROM ${DERIVED_KEPT.schema}.${DERIVED_KEPT.stateTable}`);
    if (state) {
      file = { schema: KEPT_HITS_SCHEMA, fingerprint: `${state.format ?? 0}:${state.fingerprint}` };
      if (inFile.has('kbh_entries')) {
        const matched = await sql.all<{ name: string }>(`SELECT name FROM ${entriesOf(file)} WHERE fingerprint = ?`, [file.fingerprint]);
        valid = new Set(matched.map((m) => m.name).filter((n) => inFile.has(n)));
      }
    }
  }
  const saved = file ? new Set((await readDefinition(sql, 'behaviours')).map(matchSql)) : new Set<string>();
  const places = rules.map((rule) => (file && saved.has(matchSql(rule)) ? file : IN_MEMORY));
  const withEntries = new Set<Place>([...(inMemory.has('kbh_entries') ? [IN_MEMORY] : []), ...(file && inFile.has('kbh_entries') ? [file] : [])]);
  return { places, withEntries, has: (place, name) => (place === IN_MEMORY ? inMemory : valid).has(name) };
}

/** Whether every rule of `rules` has its hit table now (a query that would make them may prefer to match in place). */
export async function hasHitTables(sql: Sql, rules: readonly KeyBehaviour[]): Promise<boolean> {
  const catalog = await readCatalog(sql, rules);
  return rules.every((rule, i) => catalog.has(catalog.places[i]!, hitTableName(rule)));
}

/** The last call of {@link withRuleHitTables} in this process: their table keeping runs one after the other. */
let queue: Promise<unknown> = Promise.resolve();
/** Hit tables a running query reads (qualified names), with how many read each: never dropped meanwhile. */
const inUse = new Map<string, number>();

/**
 * Runs `query` with the hit table of each rule, in order, made where missing: `(pno, gno, t, d)`
 * per group message the rule matches, read from memberFacts.ts's msgs (person and group numbers,
 * d the local day in the project's zone). The saved rules' tables are kept in the project file
 * ({@link KEPT_HITS_SCHEMA}), so the next session finds them; others in memory. The keeping is
 * queued, so two requests for a new rule make its table once and the list of tables is never
 * written twice at once; the tables `query` reads are not dropped (as least recently used) by
 * another request until it is done.
 */
export async function withRuleHitTables<T>(sql: Sql, rules: readonly KeyBehaviour[], query: (tables: string[]) => Promise<T>): Promise<T> {
  const run = queue.then(() => keepHitTables(sql, rules));
  queue = run.catch(() => undefined);
  const names = await run;
  try {
    return await query(names);
  } finally {
    for (const n of names) {
      const left = (inUse.get(n) ?? 1) - 1;
      if (left > 0) inUse.set(n, left);
      else inUse.delete(n);
    }
  }
}

/**
 * Makes the missing tables, marks them in use, and drops the least recently used beyond
 * {@link MAX_HIT_TABLES} in each place; returns their qualified names.
 */
async function keepHitTables(sql: Sql, rules: readonly KeyBehaviour[]): Promise<string[]> {
  const catalog = await readCatalog(sql, rules);
  const used = new Map<Place, Set<string>>();
  for (const place of new Set(catalog.places)) {
    if (!catalog.withEntries.has(place)) {
      if (place !== IN_MEMORY) await sql.run(`CREATE SCHEMA IF NOT EXISTS ${place.schema}`);
      await sql.run(`CREATE TABLE IF NOT EXISTS ${entriesOf(place)} (name VARCHAR PRIMARY KEY, used_at TIMESTAMP, fingerprint VARCHAR)`);
    }
    used.set(place, new Set());
  }
  const names: string[] = [];
  for (const [i, rule] of rules.entries()) {
    const place = catalog.places[i]!;
    const name = hitTableName(rule);
    const inPlace = used.get(place)!;
    if (!catalog.has(place, name) && !inPlace.has(name)) {
      // Stored by day, then person: a count of people per rule and period sets its bits in a
      // period's bitstring at a time, not all over the periods' (at L, per week, 636 → 429 ms).
      await sql.run(
        `CREATE OR REPLACE TABLE ${place.schema}.${name} AS
         SELECT f.pno, f.gno, f.t, f.d
         FROM (SELECT rowid AS rid FROM messages WHERE group_name IS NOT NULL AND ${matchSql(rule)}) h JOIN ${DERIVED_DB}.msgs f ON f.rid = h.rid
         ORDER BY f.d, f.pno`,
      );
    }
    inPlace.add(name);
    names.push(`${place.schema}.${name}`);
  }
  for (const [place, inPlace] of used) {
    const entries = entriesOf(place);
    await sql.run(`INSERT OR REPLACE INTO ${entries} VALUES ${[...inPlace].map((n) => `(${sqlLiteral(n)}, now(), ${place.fingerprint === null ? 'NULL' : sqlLiteral(place.fingerprint)})`).join(', ')}`);
    const older = await sql.all<{ name: string }>(`SELECT name FROM ${entries} ORDER BY used_at DESC, name OFFSET ${Math.max(MAX_HIT_TABLES, inPlace.size)}`);
    for (const { name } of older.filter((o) => !inUse.has(`${place.schema}.${o.name}`))) {
      await sql.run(`DROP TABLE IF EXISTS ${place.schema}.${name}`);
      await sql.run(`DELETE FROM ${entries} WHERE name = ?`, [name]);
    }
  }
  // Marked last, with nothing left to fail, so a failure never leaves a table marked for good.
  for (const n of names) inUse.set(n, (inUse.get(n) ?? 0) + 1);
  return names;
}
