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
 * over the whole project — person and group number, instant, local day — in a table of the
 * derived database named after the rule's match condition, and the queries only filter and count
 * them. The tables go when the data change (derivedTables.ts drops them with the other derived
 * tables) and beyond {@link MAX_HIT_TABLES}, least recently used first (none a running query reads).
 */
import { createHash } from 'node:crypto';
import type { KeyBehaviour } from '../../contract';
import { DERIVED_DB } from './identity';
import { sqlLiteral, type Sql } from '../../db/projectDb';

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

/** Rule hit tables kept at most (a broad rule over millions of messages holds millions of rows). */
export const MAX_HIT_TABLES = 12;
/** Prefix of the hit tables' names. */
export const HIT_TABLE_PREFIX = 'kbh_';
const ENTRIES = `${DERIVED_DB}.kbh_entries`;

/** Drops every hit table (the data they were matched on changed); derivedTables.ts calls it when rebuilding. */
export async function dropHitTables(sql: Sql): Promise<void> {
  const tables = await sql.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}' AND starts_with(table_name, '${HIT_TABLE_PREFIX}')`,
  );
  for (const t of tables) await sql.run(`DROP TABLE IF EXISTS ${DERIVED_DB}.${t.name}`);
}

async function tableExists(sql: Sql, name: string): Promise<boolean> {
  const row = await sql.one<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}' AND table_name = ?`,
    [name],
  );
  return (row?.n ?? 0) > 0;
}

/** The name of a rule's hit table: after its match condition. */
function hitTableName(rule: KeyBehaviour): string {
  return `${HIT_TABLE_PREFIX}${createHash('sha1').update(matchSql(rule)).digest('hex').slice(0, 24)}`;
}

/** Whether every rule of `rules` has its hit table now (a query that would make them may prefer to match in place). */
export async function hasHitTables(sql: Sql, rules: readonly KeyBehaviour[]): Promise<boolean> {
  for (const rule of rules) if (!(await tableExists(sql, hitTableName(rule)))) return false;
  return true;
}

/** The last call of {@link withRuleHitTables} in this process: their table keeping runs one after the other. */
let queue: Promise<unknown> = Promise.resolve();
/** Hit tables a running query reads, with how many read each: never dropped meanwhile. */
const inUse = new Map<string, number>();

/**
 * Runs `query` with the hit table of each rule, in order, made where missing: `(pno, gno, t, d)`
 * per group message the rule matches, read from memberFacts.ts's msgs (person and group numbers,
 * d the local day in the project's zone). The keeping is queued, so two requests for a new rule
 * make its table once and the list of tables is never written twice at once; the tables `query`
 * reads are not dropped (as least recently used) by another request until it is done.
 */
export async function withRuleHitTables<T>(sql: Sql, rules: readonly KeyBehaviour[], query: (tables: string[]) => Promise<T>): Promise<T> {
  const run = queue.then(() => keepHitTables(sql, rules));
  queue = run.catch(() => undefined);
  const names = await run;
  try {
    return await query(names.map((n) => `${DERIVED_DB}.${n}`));
  } finally {
    for (const n of names) {
      const left = (inUse.get(n) ?? 1) - 1;
      if (left > 0) inUse.set(n, left);
      else inUse.delete(n);
    }
  }
}

/** Makes the missing tables, marks them in use, and drops the least recently used beyond {@link MAX_HIT_TABLES}. */
async function keepHitTables(sql: Sql, rules: readonly KeyBehaviour[]): Promise<string[]> {
  await sql.run(`CREATE TABLE IF NOT EXISTS ${ENTRIES} (name VARCHAR PRIMARY KEY, used_at TIMESTAMP)`);
  const names: string[] = [];
  for (const rule of rules) {
    const condition = matchSql(rule);
    const name = hitTableName(rule);
    if (!(await tableExists(sql, name))) {
      await sql.run(
        `CREATE TABLE ${DERIVED_DB}.${name} AS
         SELECT f.pno, f.gno, f.t, f.d
         FROM (SELECT rowid AS rid FROM messages WHERE group_name IS NOT NULL AND ${condition}) h JOIN ${DERIVED_DB}.msgs f ON f.rid = h.rid`,
      );
    }
    names.push(name);
  }
  const used = [...new Set(names)];
  if (used.length > 0) {
    await sql.run(`INSERT OR REPLACE INTO ${ENTRIES} VALUES ${used.map((n) => `(${sqlLiteral(n)}, now())`).join(', ')}`);
  }
  const older = await sql.all<{ name: string }>(`SELECT name FROM ${ENTRIES} ORDER BY used_at DESC, name OFFSET ${Math.max(MAX_HIT_TABLES, used.length)}`);
  for (const { name } of older.filter((o) => !inUse.has(o.name))) {
    await sql.run(`DROP TABLE IF EXISTS ${DERIVED_DB}.${name}`);
    await sql.run(`DELETE FROM ${ENTRIES} WHERE name = ?`, [name]);
  }
  // Marked last, with nothing left to fail, so a failure never leaves a table marked for good.
  for (const n of names) inUse.set(n, (inUse.get(n) ?? 0) + 1);
  return names;
}
