/**
 * Key behaviours (DESIGN §4 Key behaviours): which messages are hits of which user-defined rule,
 * and which people "did" a behaviour (at least minCount hits within windowDays days).
 *
 * The rules are user text. They reach the SQL as quoted literals (never raw), so that DuckDB
 * compiles each regular expression once instead of once per message; a regular expression RE2
 * refuses would fail the whole statement, so callers pass only {@link usableBehaviours}.
 */
import type { KeyBehaviour } from '../api/contract';
import { readDefinition } from './definitionsStore';
import { sqlLiteral, type Sql } from './projectDb';

/** A text value as an SQL expression; NUL characters (legal in JSON, not in a literal) become chr(0). */
function textSql(value: string): string {
  return value.split('\u0000').map(sqlLiteral).join(' || chr(0) || ');
}

/** Message types of a rule as the SQL compares them: trimmed, lower-case, blanks dropped. */
export function normaliseTypes(msgTypes: string[]): string[] {
  return [...new Set(msgTypes.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/** The SQL condition "this message matches the rule" over the columns `msg_type` and `content` of `messages`. */
function matchSql(b: KeyBehaviour): string {
  const types = normaliseTypes(b.msgTypes);
  const typeCond = types.length === 0 ? 'TRUE' : `lower(trim(msg_type)) IN (${types.map(textSql).join(', ')})`;
  let contentCond = 'TRUE';
  if (b.isRegex) {
    if (b.pattern !== '') contentCond = `regexp_matches(content, ${textSql(b.pattern)})`;
  } else if (b.pattern.trim() !== '') {
    // Keywords are case-insensitive (CheckIn = checkin); lower() of the literal is folded once.
    contentCond = `contains(lower(content), lower(${textSql(b.pattern.trim())}))`;
  }
  return `(${typeCond}) AND (${contentCond})`;
}

/**
 * The CTE that counts, per person and behaviour (and per `partition` columns, e.g. a period),
 * the hits of `hits` — a relation with (pid, behaviour_id, t, d, …partition) — and keeps the
 * people for whom the behaviour counts: at least min_count hits, and when the rule has a window,
 * min_count of them within window_days consecutive local days (hits on days 1 and 7 are within
 * a 7-day window, hits on days 1 and 8 are not). Defines `<name>(pid, behaviour_id, …partition,
 * occurrences)` with occurrences = all hits of the person in the partition. Needs `kb_defs`.
 */
export function behaviourCountingCtes(name: string, hits: string, partition: string[] = []): string {
  const part = partition.map((c) => `, ${c}`).join('');
  const samePart = partition.map((c) => ` AND b.${c} = a.${c}`).join('');
  const sameCount = partition.map((c) => ` AND w.${c} = c.${c}`).join('');
  return `
${name}_ranked AS (
  SELECT h.pid, h.behaviour_id${part}, h.d,
         row_number() OVER (PARTITION BY h.pid, h.behaviour_id${part} ORDER BY h.t) AS rn
  FROM ${hits} h JOIN kb_defs k ON k.behaviour_id = h.behaviour_id
  WHERE k.window_days IS NOT NULL AND k.min_count > 1
),
-- Some window holds min_count hits exactly when some hit and the one min_count − 1 hits later are that close.
${name}_windowed AS (
  SELECT DISTINCT a.pid, a.behaviour_id${partition.map((c) => `, a.${c}`).join('')}
  FROM ${name}_ranked a
  JOIN kb_defs k ON k.behaviour_id = a.behaviour_id
  JOIN ${name}_ranked b ON b.pid = a.pid AND b.behaviour_id = a.behaviour_id${samePart} AND b.rn = a.rn + k.min_count - 1
  WHERE b.d - a.d < k.window_days
),
${name} AS (
  SELECT c.pid, c.behaviour_id${partition.map((col) => `, c.${col}`).join('')}, c.occurrences
  FROM (SELECT pid, behaviour_id${part}, CAST(count(*) AS INTEGER) AS occurrences FROM ${hits} GROUP BY ALL) c
  JOIN kb_defs k ON k.behaviour_id = c.behaviour_id
  LEFT JOIN ${name}_windowed w ON w.pid = c.pid AND w.behaviour_id = c.behaviour_id${sameCount}
  WHERE c.occurrences >= k.min_count AND (k.window_days IS NULL OR k.min_count = 1 OR w.pid IS NOT NULL)
)`;
}

/**
 * CTE fragments (no leading WITH; put `identityCtes()` and the membership CTEs first if needed)
 * over the ENABLED rules of `behaviours`, which must all be {@link usableBehaviours}:
 * - `kb_defs(behaviour_id, name, min_count, window_days, weight, position)` the enabled rules;
 * - `kb_hits(pid, behaviour_id, t, d)` each group message of the scope (`inScope` over
 *   `group_name`; one-to-one chats never count) matching a rule: type in msgTypes (trimmed,
 *   case-insensitive; none listed = any type) and content containing the keyword
 *   (case-insensitive) or matching the RE2 regular expression (empty pattern = any content);
 *   t the instant, d the local day in `$tz`;
 * - `kb_people(pid, behaviour_id, occurrences)` the people for whom the rule counts over all
 *   the data (see {@link behaviourCountingCtes}), occurrences = all their hits of it.
 */
export function behaviourCtes(behaviours: KeyBehaviour[], inScope: string): string {
  const enabled = behaviours.filter((b) => b.enabled);
  if (enabled.length === 0) {
    return `
kb_defs AS (
  SELECT CAST(NULL AS VARCHAR) AS behaviour_id, CAST(NULL AS VARCHAR) AS name, CAST(NULL AS INTEGER) AS min_count,
         CAST(NULL AS INTEGER) AS window_days, CAST(NULL AS DOUBLE) AS weight, CAST(NULL AS INTEGER) AS position
  WHERE FALSE
),
kb_hits AS (
  SELECT CAST(NULL AS VARCHAR) AS pid, CAST(NULL AS VARCHAR) AS behaviour_id, CAST(NULL AS TIMESTAMPTZ) AS t, CAST(NULL AS DATE) AS d
  WHERE FALSE
),
${behaviourCountingCtes('kb_people', 'kb_hits')}`;
  }
  const defs = enabled
    .map((b, i) => `(${textSql(b.id)}, ${textSql(b.name)}, ${b.minCount | 0}, ${b.windowDays === null ? 'NULL' : b.windowDays | 0}, ${Number(b.weight)}, ${i})`)
    .join(',\n    ');
  const ids = enabled.map((b) => `CASE WHEN ${matchSql(b)} THEN ${textSql(b.id)} END`).join(',\n      ');
  return `
kb_defs AS (
  SELECT behaviour_id, name, CAST(min_count AS INTEGER) AS min_count, CAST(window_days AS INTEGER) AS window_days,
         CAST(weight AS DOUBLE) AS weight, CAST(position AS INTEGER) AS position
  FROM (VALUES
    ${defs}
  ) AS v(behaviour_id, name, min_count, window_days, weight, position)
),
-- One scan of the messages: each message yields one row per rule it matches.
kb_hits AS (
  SELECT pid, behaviour_id, t, CAST(timezone($tz, t) AS DATE) AS d FROM (
    SELECT sender_id AS pid, sent_at AS t, unnest(list_filter([
      ${ids}
    ], x -> x IS NOT NULL)) AS behaviour_id
    FROM messages WHERE group_name IS NOT NULL AND ${inScope}
  )
),
${behaviourCountingCtes('kb_people', 'kb_hits')}`;
}

/** RE2's error texts (DuckDB's regular expressions) in Chinese, by the start of the message. */
const regexErrors: [string, string][] = [
  ['invalid perl operator', '不支持的语法（RE2 不支持 (?= (?! (?<= 等前后断言）'],
  ['invalid escape sequence', '无效的转义（RE2 不支持 \\1 等反向引用）'],
  ['missing ]', '缺少 ]'],
  ['missing )', '缺少 )'],
  ['unexpected )', '多余的 )'],
  ['missing argument to repetition operator', '重复符号 * + ? 前缺少内容'],
  ['bad repetition operator', '重复符号用法错误'],
  ['invalid repetition size', '重复次数 {m,n} 无效'],
  ['invalid character class range', '字符范围无效'],
  ['invalid character class', '字符类无效'],
  ['invalid named capture group', '命名分组无效'],
  ['trailing \\', '末尾多了一个 \\'],
  ['invalid UTF-8', '含有无效字符'],
];

/**
 * Whether DuckDB (RE2, which differs from JavaScript's regular expressions) accepts `pattern`:
 * null when it does, else a Chinese message for the user.
 */
export async function checkRegex(sql: Sql, pattern: string): Promise<string | null> {
  try {
    await sql.all(`SELECT regexp_matches('', $p) AS ok`, { p: pattern });
    return null;
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).replace(/^[A-Za-z ]*Error:\s*/, '');
    const known = regexErrors.find(([prefix]) => detail.startsWith(prefix));
    return `正则表达式无效：${known ? known[1] : detail}`;
  }
}

/** Why each rule cannot be evaluated (a bad regular expression), by position in `behaviours`; absent = fine. */
export async function behaviourErrors(sql: Sql, behaviours: KeyBehaviour[]): Promise<Map<number, string>> {
  const errors = new Map<number, string>();
  for (const [i, b] of behaviours.entries()) {
    if (!b.isRegex || b.pattern === '') continue;
    const error = await checkRegex(sql, b.pattern);
    if (error) errors.set(i, error);
  }
  return errors;
}

/** The enabled rules that can be evaluated: what {@link behaviourCtes} may be given. */
export async function usableBehaviours(sql: Sql, behaviours: KeyBehaviour[]): Promise<KeyBehaviour[]> {
  const enabled = behaviours.filter((b) => b.enabled);
  const errors = await behaviourErrors(sql, enabled);
  return enabled.filter((_, i) => !errors.has(i));
}

/** The project's saved (or default) key behaviours that can be evaluated. */
export async function readUsableBehaviours(sql: Sql): Promise<KeyBehaviour[]> {
  return usableBehaviours(sql, await readDefinition(sql, 'behaviours'));
}
