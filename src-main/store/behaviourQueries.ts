/**
 * Key behaviours (DESIGN §4 Key behaviours): which messages are hits of which user-defined rule,
 * and which people "did" a behaviour (at least minCount hits within windowDays days).
 *
 * The rules are user text. They reach the SQL as quoted literals (never raw), so that DuckDB
 * compiles each regular expression once instead of once per message; a regular expression RE2
 * refuses would fail the whole statement, so callers pass only {@link usableBehaviours}.
 */
import type { AnalysisScope, BehaviourCount, BehaviourResult, Definitions, KeyBehaviour, LiftRow, Period } from '../api/contract';
import { lift } from '../core/analysis/lift';
import { fixedOffsetCte, localDaySql, membershipCtes, personCtes, scopeCondition, scopeParams } from './analysisBase';
import { readDefinition } from './definitionsStore';
import { identityCtes } from './identity';
import { periodSql } from './metricsQueries';
import { sqlLiteral, type Sql } from './projectDb';

/** A text value as an SQL expression; NUL characters (legal in JSON, not in a literal) become chr(0). */
function textSql(value: string): string {
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

/** The SQL condition "this message matches the rule" over the columns `msg_type` and `content` of `messages`. */
function matchSql(b: KeyBehaviour): string {
  const types = normaliseTypes(b.msgTypes);
  const typeCond = types.length === 0 ? 'TRUE' : `lower(trim(msg_type)) IN (${types.map(textSql).join(', ')})`;
  let contentCond = 'TRUE';
  if (b.isRegex) {
    contentCond = regexMatchSql(b.pattern);
  } else if (b.pattern.trim() !== '') {
    // Keywords are case-insensitive (CheckIn = checkin); lower() of the literal is folded once.
    contentCond = `contains(lower(content), lower(${textSql(b.pattern.trim())}))`;
  }
  return `(${typeCond}) AND (${contentCond})`;
}

/** `kb_tz(off_us)`: the zone's fixed offset, if it has one (analysisBase.ts). */
const tzCte = fixedOffsetCte('kb_tz');

/**
 * The CTEs that count, per person and behaviour (and per `partition` columns, e.g. a period), the
 * hits of `hits` — a relation with (pid, behaviour_id, t, …partition) — and keep the people for
 * whom the behaviour counts: at least min_count hits, and when the rule has a window, min_count
 * of them within window_days consecutive local days (hits on days 1 and 7 are within a 7-day
 * window, hits on days 1 and 8 are not). Defines `<name>(pid, behaviour_id, …partition,
 * occurrences)`, occurrences = all hits of the person in the partition, and `<name>_all` the same
 * for everyone with a hit plus `is_counted`. Needs `kb_defs`, `kb_tz` and `$tz`.
 */
export function behaviourCountingCtes(name: string, hits: string, partition: string[] = []): string {
  const cols = (alias: string) => partition.map((c) => `, ${alias}.${c}`).join('');
  const same = (x: string, y: string) => partition.map((c) => ` AND ${x}.${c} = ${y}.${c}`).join('');
  return `
-- Local days are needed for the windowed rules only: the time-zone conversion is the costly part.
${name}_ranked AS (
  SELECT *, rn + min_count - 1 AS rn_last FROM (
    SELECT h.pid, h.behaviour_id${cols('h')}, ${localDaySql('h.t')} AS d, k.window_days, k.min_count,
           row_number() OVER (PARTITION BY h.pid, h.behaviour_id${cols('h')} ORDER BY h.t) AS rn
    FROM ${hits} h JOIN kb_defs k ON k.behaviour_id = h.behaviour_id, kb_tz z
    WHERE k.window_days IS NOT NULL AND k.min_count > 1
  )
),
-- Some window holds min_count hits exactly when some hit and the one min_count − 1 hits later are that close.
${name}_windowed AS (
  SELECT DISTINCT a.pid, a.behaviour_id${cols('a')}
  FROM ${name}_ranked a
  JOIN ${name}_ranked b ON b.pid = a.pid AND b.behaviour_id = a.behaviour_id${same('b', 'a')} AND b.rn = a.rn_last
  WHERE b.d - a.d < a.window_days
),
-- Everyone with a hit, and whether the behaviour counts for them.
${name}_all AS (
  SELECT c.pid, c.behaviour_id${cols('c')}, c.occurrences,
         c.occurrences >= k.min_count AND (k.window_days IS NULL OR k.min_count = 1 OR w.pid IS NOT NULL) AS is_counted
  FROM (SELECT h.pid, h.behaviour_id${cols('h')}, CAST(count(*) AS INTEGER) AS occurrences FROM ${hits} h GROUP BY ALL) c
  JOIN kb_defs k ON k.behaviour_id = c.behaviour_id
  LEFT JOIN ${name}_windowed w ON w.pid = c.pid AND w.behaviour_id = c.behaviour_id${same('w', 'c')}
),
${name} AS (
  SELECT pid, behaviour_id${partition.map((c) => `, ${c}`).join('')}, occurrences FROM ${name}_all WHERE is_counted
)`;
}

/**
 * CTE fragments (no leading WITH; put `identityCtes()` and the membership CTEs first if needed)
 * over the ENABLED rules of `behaviours`, which must all be {@link usableBehaviours}:
 * - `kb_defs(behaviour_id, name, min_count, window_days, weight, position)` the enabled rules;
 * - `kb_tz(off_us)` the zone's fixed offset, if it has one (see {@link localDaySql});
 * - `kb_hits(pid, behaviour_id, t, d)` each group message of the scope (`inScope` over
 *   `group_name`; one-to-one chats never count) matching a rule: type in msgTypes (trimmed,
 *   case-insensitive; none listed = any type) and content containing the keyword
 *   (case-insensitive) or matching the RE2 regular expression (empty pattern = any content);
 *   t the instant, d the local day in `$tz`; `kb_hit_times` is the same without d, cheaper
 *   where the day is not needed;
 * - `kb_people(pid, behaviour_id, occurrences)` the people for whom the rule counts over all
 *   the data (see {@link behaviourCountingCtes}), occurrences = all their hits of it.
 */
export function behaviourCtes(behaviours: KeyBehaviour[], inScope: string): string {
  const enabled = behaviours.filter((b) => b.enabled);
  const defs = enabled
    .map((b, i) => `(${textSql(b.id)}, ${textSql(b.name)}, ${b.minCount | 0}, ${b.windowDays === null ? 'NULL' : b.windowDays | 0}, ${Number(b.weight)}, ${i})`)
    .join(',\n    ');
  // One filtered scan per rule: DuckDB evaluates each rule's conditions only where its cheaper ones held.
  const scans = enabled
    .map((b) => `SELECT sender_id AS pid, ${textSql(b.id)} AS behaviour_id, sent_at AS t FROM messages
    WHERE group_name IS NOT NULL AND ${inScope} AND ${matchSql(b)}`)
    .join('\n    UNION ALL ');
  const none = `SELECT CAST(NULL AS VARCHAR) AS pid, CAST(NULL AS VARCHAR) AS behaviour_id, CAST(NULL AS TIMESTAMPTZ) AS t WHERE FALSE`;
  return `
kb_defs AS (
  SELECT CAST(behaviour_id AS VARCHAR) AS behaviour_id, CAST(name AS VARCHAR) AS name, CAST(min_count AS INTEGER) AS min_count,
         CAST(window_days AS INTEGER) AS window_days, CAST(weight AS DOUBLE) AS weight, CAST(position AS INTEGER) AS position
  FROM (${enabled.length ? `VALUES\n    ${defs}` : `SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE FALSE`}) AS v(behaviour_id, name, min_count, window_days, weight, position)
),
${tzCte},
kb_hit_times AS (
    ${enabled.length ? scans : none}
),
kb_hits AS (
  SELECT pid, behaviour_id, t, ${localDaySql('t')} AS d FROM kb_hit_times, kb_tz z
),
${behaviourCountingCtes('kb_people', 'kb_hit_times')}`;
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

// ───────────────────────────── Queries of the key-behaviour view ─────────────────────────────

/** Rules with their ids replaced by their position, so unsaved rows with equal ids stay apart. */
function byPosition(behaviours: KeyBehaviour[]): KeyBehaviour[] {
  return behaviours.map((b, i) => ({ ...b, id: String(i) }));
}

/**
 * Live counts of (possibly unsaved) rules, disabled ones included, over the scope's groups and,
 * when given, the local days [from, to]: occurrences = matching messages, people = people for
 * whom the rule counts (min_count / window) on those messages. A rule whose regular expression
 * RE2 refuses gets its error and zeros; the others are still counted, in one scan.
 */
export async function queryBehaviourCounts(sql: Sql, behaviours: KeyBehaviour[], scope: AnalysisScope, timeZone: string): Promise<BehaviourCount[]> {
  const errors = await behaviourErrors(sql, behaviours);
  const usable = byPosition(behaviours).map((b, i) => ({ ...b, enabled: !errors.has(i) }));
  const rows = await sql.all<{ behaviour_id: string; people: number; occurrences: number }>(
    `WITH ${behaviourCtes(usable, scopeCondition(scope.groups))},
     ${rangeCte(`(SELECT CAST($from AS DATE) AS lo, CAST($to AS DATE) AS hi)`)},
     kb_range_hits AS (
       SELECT h.* FROM kb_hit_times h, kb_range r WHERE (r.lo_t IS NULL OR h.t >= r.lo_t) AND (r.hi_t IS NULL OR h.t < r.hi_t)
     ),
     ${behaviourCountingCtes('kb_range_people', 'kb_range_hits')}
     SELECT k.behaviour_id, CAST(coalesce(p.n, 0) AS INTEGER) AS people, CAST(coalesce(p.occurrences, 0) AS INTEGER) AS occurrences
     FROM kb_defs k
     LEFT JOIN (SELECT behaviour_id, count(*) FILTER (WHERE is_counted) AS n, sum(occurrences) AS occurrences
                FROM kb_range_people_all GROUP BY ALL) p ON p.behaviour_id = k.behaviour_id`,
    scopeParams(scope, timeZone),
  );
  const byId = new Map(rows.map((r) => [r.behaviour_id, r]));
  return behaviours.map((b, i) => {
    const r = byId.get(String(i));
    return { id: b.id, people: r?.people ?? 0, occurrences: r?.occurrences ?? 0, error: errors.get(i) ?? null };
  });
}

/** `kb_range(lo, hi, lo_t, hi_t)`: local days lo … hi of `source` and the instants where they start and end. */
function rangeCte(source: string): string {
  return `
kb_range AS (
  SELECT lo, hi, timezone($tz, CAST(lo AS TIMESTAMP)) AS lo_t, timezone($tz, CAST(hi + 1 AS TIMESTAMP)) AS hi_t FROM ${source}
)`;
}

/**
 * `kb_bounds(lo, hi)`: the local days of the analysis — [from, to] where given, else the first and
 * last day with a join, a leave or a group message in the scope (as the metrics default them).
 */
function boundsCte(inScope: string): string {
  return `
kb_msg_span AS (
  SELECT min(sent_at) AS first_t, max(sent_at) AS last_t FROM messages WHERE group_name IS NOT NULL AND ${inScope}
),
kb_event_days AS (
  SELECT d FROM joins UNION ALL SELECT d FROM leaves
  UNION ALL SELECT CAST(timezone($tz, first_t) AS DATE) FROM kb_msg_span
  UNION ALL SELECT CAST(timezone($tz, last_t) AS DATE) FROM kb_msg_span
),
kb_bounds AS (
  SELECT coalesce(CAST($from AS DATE), min(d), CAST($to AS DATE)) AS lo,
         coalesce(CAST($to AS DATE), max(d), CAST($from AS DATE)) AS hi
  FROM kb_event_days
)`;
}

/** One point of a behaviour's series. */
type SeriesRow = BehaviourResult['series'][number];

/**
 * Per enabled rule and per day / ISO week / calendar month (the whole periods that intersect
 * [from, to], like the metrics): occurrences = matching messages in the period; people = people
 * for whom the rule counts on the period's messages alone — min_count hits in the period, and when
 * the rule has a window, min_count of them within window_days days of each other inside the
 * period (a window is never carried over from the period before). Periods without hits are 0.
 */
export async function queryBehaviourSeries(sql: Sql, behaviours: KeyBehaviour[], scope: AnalysisScope & { period: Period }, timeZone: string): Promise<SeriesRow[]> {
  const { key, step } = periodSql[scope.period];
  const inScope = scopeCondition(scope.groups);
  return sql.all<SeriesRow>(
    `WITH
     ${membershipCtes(inScope)},
     ${behaviourCtes(behaviours, inScope)},
     ${boundsCte(inScope)},
     kb_periods AS (
       SELECT ps, CAST(ps + ${step} - INTERVAL 1 DAY AS DATE) AS pe FROM (
         SELECT CAST(unnest(generate_series(CAST(${key('lo')} AS TIMESTAMP), CAST(${key('hi')} AS TIMESTAMP), ${step})) AS DATE) AS ps
         FROM kb_bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
       )
     ),
     ${rangeCte('(SELECT min(ps) AS lo, max(pe) AS hi FROM kb_periods)')},
     -- Only the hits of the periods get a local day (the time-zone conversion is the costly part).
     kb_period_hits AS (
       SELECT h.pid, h.behaviour_id, h.t, ${key(localDaySql('h.t'))} AS ps
       FROM kb_hit_times h JOIN kb_range r ON h.t >= r.lo_t AND h.t < r.hi_t, kb_tz z
     ),
     ${behaviourCountingCtes('kb_period_people', 'kb_period_hits', ['ps'])},
     kb_by AS (
       SELECT behaviour_id, ps, count(*) FILTER (WHERE is_counted) AS people, sum(occurrences) AS occurrences
       FROM kb_period_people_all GROUP BY ALL
     )
     SELECT k.behaviour_id AS id, strftime(p.ps, '%Y-%m-%d') AS period_start, strftime(p.pe, '%Y-%m-%d') AS period_end,
            CAST(coalesce(b.people, 0) AS INTEGER) AS people, CAST(coalesce(b.occurrences, 0) AS INTEGER) AS occurrences
     FROM kb_defs k CROSS JOIN kb_periods p
     LEFT JOIN kb_by b ON b.behaviour_id = k.behaviour_id AND b.ps = p.ps
     ORDER BY k.position, p.ps`,
    scopeParams(scope, timeZone),
  );
}

/**
 * Conversion of the people who did each enabled rule against those who did not, over the local
 * days [from, to] (default: the data's, as {@link boundsCte}):
 * - population: people who were members of the scope at some instant of the range;
 * - doers: those of them for whom the rule counts on the range's messages (min_count / window);
 * - converted: a paid, not fully refunded order paid in the range while a member of the scope
 *   (DESIGN §4 converted_members over the whole range).
 * Rates in percent and the lift with its Katz interval (core/analysis/lift.ts).
 */
export async function queryBehaviourLift(sql: Sql, behaviours: KeyBehaviour[], scope: AnalysisScope, timeZone: string): Promise<LiftRow[]> {
  const inScope = scopeCondition(scope.groups);
  const rows = await sql.all<{ id: string; name: string; population: number; converted: number; doers: number; doers_converted: number }>(
    `WITH
     ${identityCtes()},
     ${membershipCtes(inScope)},
     ${personCtes()},
     ${behaviourCtes(behaviours, inScope)},
     ${boundsCte(inScope)},
     ${rangeCte('kb_bounds')},
     kb_population AS (
       SELECT DISTINCT i.pid FROM islands i, kb_range r WHERE i.s < r.hi_t AND i.e > r.lo_t
     ),
     -- At the payment instant: a payment at the join instant counts, one at the leave instant does not (as the metrics).
     kb_converted AS (
       SELECT DISTINCT o.pid FROM paid_orders o
       JOIN islands i ON o.pid = i.pid AND o.paid_at >= i.s AND o.paid_at < i.e
       JOIN kb_range r ON o.paid_at >= r.lo_t AND o.paid_at < r.hi_t
     ),
     kb_range_hits AS (
       SELECT h.* FROM kb_hit_times h JOIN kb_range r ON h.t >= r.lo_t AND h.t < r.hi_t
     ),
     ${behaviourCountingCtes('kb_range_people', 'kb_range_hits')},
     kb_doers AS (
       SELECT rp.behaviour_id, rp.pid, c.pid IS NOT NULL AS is_converted
       FROM kb_range_people rp SEMI JOIN kb_population p ON p.pid = rp.pid
       LEFT JOIN kb_converted c ON c.pid = rp.pid
     )
     SELECT k.behaviour_id AS id, k.name,
            CAST((SELECT count(*) FROM kb_population) AS INTEGER) AS population,
            CAST((SELECT count(*) FROM kb_converted) AS INTEGER) AS converted,
            CAST(count(d.pid) AS INTEGER) AS doers,
            CAST(count(d.pid) FILTER (WHERE d.is_converted) AS INTEGER) AS doers_converted
     FROM kb_defs k LEFT JOIN kb_doers d ON d.behaviour_id = k.behaviour_id
     GROUP BY k.behaviour_id, k.name, k.position
     ORDER BY k.position`,
    scopeParams(scope, timeZone),
  );
  return rows.map((r) => {
    const others = r.population - r.doers;
    const othersConverted = r.converted - r.doers_converted;
    return {
      id: r.id,
      name: r.name,
      doers: r.doers,
      doers_converted: r.doers_converted,
      others,
      others_converted: othersConverted,
      ...lift(r.doers_converted, r.doers, othersConverted, others),
    } satisfies LiftRow;
  });
}

/** Message types of the group messages (trimmed; blanks left out), most frequent first. */
export function queryMsgTypes(sql: Sql): Promise<{ msgType: string; count: number }[]> {
  return sql.all(
    `SELECT trim(msg_type) AS "msgType", CAST(count(*) AS INTEGER) AS count
     FROM messages WHERE group_name IS NOT NULL AND nullif(trim(msg_type), '') IS NOT NULL
     GROUP BY 1 ORDER BY count DESC, 1 LIMIT 200`,
  );
}

/** What counts as activity (DESIGN §4 active_members): 'message' (default) or 'behaviour'. */
export function readActiveBy(sql: Sql): Promise<Definitions['activeBy']> {
  return readDefinition(sql, 'activeBy');
}

/**
 * The rules whose hits make a member active when the project counts "any enabled key behaviour"
 * as activity; null when it counts any message (the default).
 */
export async function readActiveBehaviours(sql: Sql): Promise<KeyBehaviour[] | null> {
  return (await readActiveBy(sql)) === 'behaviour' ? readUsableBehaviours(sql) : null;
}
