/**
 * Key behaviours (DESIGN §4 Key behaviours): which messages are hits of which user-defined rule,
 * and which people "did" a behaviour (at least minCount hits within windowDays days).
 *
 * The match of a rule is behaviourHits.ts's; a regular expression RE2 refuses would fail the whole
 * statement, so callers pass only {@link usableBehaviours}. The features and the widened activity
 * match in the statement ({@link behaviourCtes}); the key-behaviour view's own queries read the
 * rules' kept hit tables (behaviourHits.ts withRuleHitTables).
 */
import type { AnalysisScope, BehaviourCount, BehaviourResult, Definitions, KeyBehaviour, LiftRow, Period } from '../../contract';
import { lift } from '../stats/lift';
import { membershipCtes, personCtes, scopeCondition, scopeParams } from '../base/analysisBase';
import { fixedOffsetCte, localDaySql } from '../base/localTime';
import { matchSql, nfkcPattern, textSql, withRuleHitTables } from '../base/behaviourHits';
import { readDefinition } from '../../db/definitionsStore';
import { DERIVED_DB, identityCtes } from '../base/identity';
import { MSG_TYPES_TABLE } from '../base/msgTypes';
import { countPeopleSql, FACTS_CHECKED, factsTzCte, gnoInScope, memberFactsParams, peopleBitsSql } from '../base/memberFacts';
import { periodSql } from '../base/periods';
import { behaviourMessages } from '../../locale/analysis';
import type { Sql } from '../../db/projectDb';

export { normaliseTypes, regexMatchSql } from '../base/behaviourHits';

/** `kb_tz(off_us)`: the zone's fixed offset, if it has one (analysisBase.ts). */
const tzCte = fixedOffsetCte('kb_tz');

/**
 * The CTEs that count, per person and behaviour (and per `partition` columns, e.g. a period), the
 * hits of `hits` — a relation with (pid, behaviour_id, t, …partition) — and keep the people for
 * whom the behaviour counts: at least min_count hits, and when the rule has a window, min_count
 * of them within window_days consecutive local days (hits on days 1 and 7 are within a 7-day
 * window, hits on days 1 and 8 are not). Defines `<name>(pid, behaviour_id, …partition,
 * occurrences)`, occurrences = all hits of the person in the partition, and `<name>_all` the same
 * for everyone with a hit plus `is_counted`. Needs `kb_defs`, and `kb_tz` and `$tz` unless the hits
 * carry their local day `d` (`hasDays`).
 */
export function behaviourCountingCtes(name: string, hits: string, partition: string[] = [], hasDays = false): string {
  const cols = (alias: string) => partition.map((c) => `, ${alias}.${c}`).join('');
  const same = (x: string, y: string) => partition.map((c) => ` AND ${x}.${c} = ${y}.${c}`).join('');
  return `
-- Local days are needed for the windowed rules only: the time-zone conversion is the costly part.
${name}_ranked AS (
  SELECT *, rn + min_count - 1 AS rn_last FROM (
    SELECT h.pid, h.behaviour_id${cols('h')}, ${hasDays ? 'h.d' : localDaySql('h.t')} AS d, k.window_days, k.min_count,
           row_number() OVER (PARTITION BY h.pid, h.behaviour_id${cols('h')} ORDER BY h.t) AS rn
    FROM ${hits} h JOIN kb_defs k ON k.behaviour_id = h.behaviour_id${hasDays ? '' : ', kb_tz z'}
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
 * `kb_defs(behaviour_id, name, min_count, window_days, weight, position)`: the rules given, in
 * order; behaviour_id the rule's id, or its position (an INTEGER, cheaper to group on) when `isNumbered`.
 */
export function kbDefsCte(enabled: readonly KeyBehaviour[], isNumbered = false): string {
  const defs = enabled
    .map((b, i) => `(${isNumbered ? i : textSql(b.id)}, ${textSql(b.name)}, ${b.minCount | 0}, ${b.windowDays === null ? 'NULL' : b.windowDays | 0}, ${Number(b.weight)}, ${i})`)
    .join(',\n    ');
  return `
kb_defs AS (
  SELECT CAST(behaviour_id AS ${isNumbered ? 'INTEGER' : 'VARCHAR'}) AS behaviour_id, CAST(name AS VARCHAR) AS name, CAST(min_count AS INTEGER) AS min_count,
         CAST(window_days AS INTEGER) AS window_days, CAST(weight AS DOUBLE) AS weight, CAST(position AS INTEGER) AS position
  FROM (${enabled.length ? `VALUES\n    ${defs}` : `SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE FALSE`}) AS v(behaviour_id, name, min_count, window_days, weight, position)
)`;
}

/**
 * Whether one hit satisfies rule `b` (min_count ≤ 1, as {@link kbDefsCte} writes min_count): such a
 * rule's doers are its senders. A constant of the rule's scan, so a filter on it keeps or drops
 * the whole scan when the statement is planned, instead of joining every hit to `kb_defs` to
 * tell the rules apart (12M hits at L, about a tenth of the key-behaviour statements' CPU).
 */
function isSingleHit(b: KeyBehaviour): boolean {
  return (b.minCount | 0) <= 1;
}

/**
 * The key-behaviour view's CTEs over the rules' kept hit tables (behaviourHits.ts; `tables[i]` of
 * `enabled[i]`): `kb_defs` and `kb_hit_times(pid, behaviour_id, single, t, d)` the hits in the scope's
 * groups (`$groups` when `scoped`), pid being the person NUMBER (memberFacts.ts id_people.pno),
 * behaviour_id the rule's position in `enabled` (see {@link kbDefsCte}), single whether one hit
 * satisfies the rule ({@link isSingleHit}, a constant per rule) and d the local day.
 * Needs `facts_tz` (memberFacts.ts factsTzCte, which the membership CTEs hold).
 */
function keptHitsCtes(enabled: readonly KeyBehaviour[], tables: readonly string[], scoped: boolean): string {
  const scans = enabled.map((b, i) => `SELECT pno AS pid, ${i} AS behaviour_id, ${isSingleHit(b)} AS single, t, d FROM ${tables[i]} WHERE ${gnoInScope(scoped)}`);
  const none = `SELECT CAST(NULL AS INTEGER) AS pid, CAST(NULL AS INTEGER) AS behaviour_id, CAST(NULL AS BOOLEAN) AS single, CAST(NULL AS TIMESTAMPTZ) AS t, CAST(NULL AS DATE) AS d WHERE FALSE`;
  // Read where used, not copied first: a copy of the hits (every hit of the rules, 12M rows at L)
  // loses the columns' statistics, and without them the per-period count of people was a general
  // hash aggregate of a 125 kB bitstring per group instead of a perfect-hash one: most of the
  // series statement's time at L.
  return `${kbDefsCte(enabled, true)},
kb_hit_times AS NOT MATERIALIZED (
  SELECT * FROM (${scans.length ? scans.join('\n    UNION ALL ') : none}) WHERE ${FACTS_CHECKED}
)`;
}

/**
 * `<name>(behaviour_id, …partition, people, occurrences)` over kept hits (`hits`, as
 * {@link keptHitsCtes} gives them): per rule and partition, the people for whom the rule counts on
 * those hits and all their hits. A rule one hit satisfies (min_count ≤ 1) counts its distinct
 * senders in a bitstring (memberFacts.ts countPeopleSql: needs `$max_pno`); the others go through
 * {@link behaviourCountingCtes}, per person.
 */
function keptCountsCtes(name: string, hits: string, partition: string[] = []): string {
  const cols = partition.map((c) => `, ${c}`).join('');
  return `
${name}_multi_hits AS (
  SELECT h.* FROM ${hits} h WHERE NOT h.single
),
${behaviourCountingCtes(`${name}_multi`, `${name}_multi_hits`, partition, true)},
${name} AS (
  SELECT h.behaviour_id${partition.map((c) => `, h.${c}`).join('')}, ${countPeopleSql('h.pid')} AS people, count(*) AS occurrences
  FROM ${hits} h WHERE h.single
  GROUP BY ALL
  UNION ALL
  SELECT behaviour_id${cols}, count(*) FILTER (WHERE is_counted), sum(occurrences) FROM ${name}_multi_all GROUP BY ALL
)`;
}

/**
 * CTE fragments (no leading WITH; put `identityCtes()` and the membership CTEs first if needed)
 * over the ENABLED rules of `behaviours`, which must all be {@link usableBehaviours}:
 * - `kb_defs(behaviour_id, name, min_count, window_days, weight, position)` the enabled rules;
 * - `kb_tz(off_us)` the zone's fixed offset, if it has one (see {@link localDaySql});
 * - `kb_hits(pid, behaviour_id, t, d)` each group message of the scope (`inScope` over
 *   `group_name`; one-to-one chats never count) matching a rule: type in msgTypes (trimmed,
 *   case-insensitive; none listed = any type) and content, in Unicode NFKC, containing the keyword
 *   (case-insensitive) or matching the RE2 regular expression (empty pattern = any content);
 *   t the instant, d the local day in `$tz`; `kb_hit_times` is the same without d, cheaper
 *   where the day is not needed;
 * - `kb_people(pid, behaviour_id, occurrences)` the people for whom the rule counts over all
 *   the data (see {@link behaviourCountingCtes}), occurrences = all their hits of it.
 */
export function behaviourCtes(behaviours: KeyBehaviour[], inScope: string): string {
  const enabled = behaviours.filter((b) => b.enabled);
  // One filtered scan per rule: DuckDB evaluates each rule's conditions only where its cheaper ones held.
  const scans = enabled
    .map((b) => `SELECT sender_id AS pid, ${textSql(b.id)} AS behaviour_id, sent_at AS t FROM messages
    WHERE group_name IS NOT NULL AND ${inScope} AND ${matchSql(b)}`)
    .join('\n    UNION ALL ');
  const none = `SELECT CAST(NULL AS VARCHAR) AS pid, CAST(NULL AS VARCHAR) AS behaviour_id, CAST(NULL AS TIMESTAMPTZ) AS t WHERE FALSE`;
  return `
${kbDefsCte(enabled)},
${tzCte},
kb_hit_times AS (
    ${enabled.length ? scans : none}
),
kb_hits AS (
  SELECT pid, behaviour_id, t, ${localDaySql('t')} AS d FROM kb_hit_times, kb_tz z
),
${behaviourCountingCtes('kb_people', 'kb_hit_times')}`;
}


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
    // RE2's error texts by the start of the message, in the current language.
    const known = Object.entries(behaviourMessages.regex).find(([prefix]) => detail.startsWith(prefix));
    return behaviourMessages.invalidRegex(known ? known[1] : detail);
  }
}

/** Why each rule cannot be evaluated (a bad regular expression), by position in `behaviours`; absent = fine. */
export async function behaviourErrors(sql: Sql, behaviours: KeyBehaviour[]): Promise<Map<number, string>> {
  const errors = new Map<number, string>();
  for (const [i, b] of behaviours.entries()) {
    if (!b.isRegex || b.pattern === '') continue;
    // The expression as it runs: over NFKC content, in NFKC itself (behaviourHits.ts).
    const error = await checkRegex(sql, nfkcPattern(b.pattern));
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
 * RE2 refuses gets its error and zeros; the others are still counted, from their kept hit tables
 * (only a rule not seen before reads the messages).
 */
export async function queryBehaviourCounts(sql: Sql, behaviours: KeyBehaviour[], scope: AnalysisScope, timeZone: string): Promise<BehaviourCount[]> {
  const errors = await behaviourErrors(sql, behaviours);
  const usable = byPosition(behaviours).filter((_, i) => !errors.has(i));
  const rows = await withRuleHitTables(sql, usable, async (tables) =>
    sql.all<{ behaviour_id: number; people: number; occurrences: number }>(
    `WITH ${factsTzCte},
     ${keptHitsCtes(usable, tables, !!scope.groups?.length)},
     kb_range_hits AS NOT MATERIALIZED (
       SELECT * FROM kb_hit_times WHERE (CAST($from AS DATE) IS NULL OR d >= CAST($from AS DATE)) AND (CAST($to AS DATE) IS NULL OR d <= CAST($to AS DATE))
     ),
     ${keptCountsCtes('kb_range_counts', 'kb_range_hits')}
     SELECT k.behaviour_id, CAST(coalesce(p.people, 0) AS INTEGER) AS people, CAST(coalesce(p.occurrences, 0) AS INTEGER) AS occurrences
     FROM kb_defs k LEFT JOIN kb_range_counts p ON p.behaviour_id = k.behaviour_id`,
    { ...scopeParams(scope, timeZone), ...(await memberFactsParams(sql)) },
    ),
  );
  const byId = new Map(rows.map((r) => [usable[r.behaviour_id]!.id, r]));
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
 * Needs the membership CTEs.
 */
function boundsCte(groups: string[] | undefined): string {
  return `
kb_event_days AS (
  SELECT d FROM joins UNION ALL SELECT d FROM leaves
  -- The messages' first and last day from one scan of them.
  UNION ALL SELECT unnest([min(d), max(d)]) FROM ${DERIVED_DB}.msgs WHERE ${gnoInScope(!!groups?.length)} AND ${FACTS_CHECKED}
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
  const enabled = behaviours.filter((b) => b.enabled);
  const rows = await withRuleHitTables(sql, enabled, async (tables) =>
    sql.all<Omit<SeriesRow, 'id'> & { id: number }>(
    `WITH
     ${membershipCtes(scopeCondition(scope.groups))},
     ${keptHitsCtes(enabled, tables, !!scope.groups?.length)},
     ${boundsCte(scope.groups)},
     kb_periods AS (
       SELECT ps, CAST(ps + ${step} - INTERVAL 1 DAY AS DATE) AS pe FROM (
         SELECT CAST(unnest(generate_series(CAST(${key('lo')} AS TIMESTAMP), CAST(${key('hi')} AS TIMESTAMP), ${step})) AS DATE) AS ps
         FROM kb_bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
       )
     ),
     -- Read where used (twice: rules one hit satisfies, and the others), not copied first: at L the copy was every hit of the periods.
     kb_period_hits AS NOT MATERIALIZED (
       SELECT h.pid, h.behaviour_id, h.single, h.t, h.d, ${key('h.d')} AS ps
       FROM kb_hit_times h, (SELECT min(ps) AS lo, max(pe) AS hi FROM kb_periods) r WHERE h.d BETWEEN r.lo AND r.hi
     ),
     ${keptCountsCtes('kb_by', 'kb_period_hits', ['ps'])}
     SELECT k.behaviour_id AS id, strftime(p.ps, '%Y-%m-%d') AS period_start, strftime(p.pe, '%Y-%m-%d') AS period_end,
            CAST(coalesce(b.people, 0) AS INTEGER) AS people, CAST(coalesce(b.occurrences, 0) AS INTEGER) AS occurrences
     FROM kb_defs k CROSS JOIN kb_periods p
     LEFT JOIN kb_by b ON b.behaviour_id = k.behaviour_id AND b.ps = p.ps
     ORDER BY k.position, p.ps`,
    { ...scopeParams(scope, timeZone), ...(await memberFactsParams(sql)) },
    ),
  );
  return rows.map((r) => ({ ...r, id: enabled[r.id]!.id }));
}

/**
 * Conversion of the people who did each enabled rule against those who did not, over the local
 * days [from, to] (default: the data's, as {@link boundsCte}):
 * - population: people who were members of the scope at some instant of the range;
 * - doers: those of them for whom the rule counts on the range's messages (min_count / window);
 * - converted: a paid, not fully refunded order paid in the range while a member of the scope
 *   (DESIGN §4 converted_members over the whole range).
 * Rates in percent and the lift with its Katz interval (analysis/stats/lift.ts).
 */
export async function queryBehaviourLift(sql: Sql, behaviours: KeyBehaviour[], scope: AnalysisScope, timeZone: string): Promise<LiftRow[]> {
  const enabled = behaviours.filter((b) => b.enabled);
  const rows = await withRuleHitTables(sql, enabled, async (tables) =>
    sql.all<{ id: number; name: string; population: number; converted: number; doers: number; doers_converted: number }>(
    `WITH
     ${identityCtes()},
     ${membershipCtes(scopeCondition(scope.groups))},
     ${personCtes()},
     ${keptHitsCtes(enabled, tables, !!scope.groups?.length)},
     ${boundsCte(scope.groups)},
     ${rangeCte('kb_bounds')},
     -- People by number (memberFacts.ts): the sets below are bits over the numbers, so a person met
     -- twice sets one bit (no DISTINCT first: at L a hash set of 1,000,000 numbers).
     kb_population AS (
       SELECT i.pno FROM islands i, kb_range r WHERE i.s < r.hi_t AND i.e > r.lo_t
     ),
     -- At the payment instant: a payment at the join instant counts, one at the leave instant does not (as the metrics).
     kb_converted AS (
       SELECT o.pno FROM paid_orders o
       JOIN islands i ON o.pno = i.pno AND o.paid_at >= i.s AND o.paid_at < i.e
       JOIN kb_range r ON o.paid_at >= r.lo_t AND o.paid_at < r.hi_t
     ),
     kb_range_hits AS NOT MATERIALIZED (
       SELECT h.* FROM kb_hit_times h, kb_range r WHERE h.d BETWEEN r.lo AND r.hi
     ),
     kb_multi_hits AS (
       SELECT h.* FROM kb_range_hits h WHERE NOT h.single
     ),
     ${behaviourCountingCtes('kb_multi_people', 'kb_multi_hits', [], true)},
     -- Sets of people as bitstrings over person numbers (memberFacts.ts), so "doers who were in the
     -- population and converted" is an AND of bits: the doers of a rule one hit satisfies are its
     -- senders, the others' come from the per-person counting.
     kb_doer_bits AS (
       SELECT h.behaviour_id, ${peopleBitsSql('h.pid')} AS bits
       FROM kb_range_hits h WHERE h.single GROUP BY h.behaviour_id
       UNION ALL
       SELECT behaviour_id, ${peopleBitsSql('pid')} FROM kb_multi_people GROUP BY behaviour_id
     ),
     kb_population_bits AS (
       SELECT coalesce(bit_count(bits), 0) AS n, bits FROM (SELECT ${peopleBitsSql('pno')} AS bits FROM kb_population)
     ),
     kb_converted_bits AS (
       SELECT coalesce(bit_count(bits), 0) AS n, bits FROM (SELECT ${peopleBitsSql('pno')} AS bits FROM kb_converted)
     )
     SELECT k.behaviour_id AS id, k.name,
            CAST(pop.n AS INTEGER) AS population,
            CAST(conv.n AS INTEGER) AS converted,
            CAST(coalesce(bit_count(d.bits & pop.bits), 0) AS INTEGER) AS doers,
            CAST(coalesce(bit_count(d.bits & conv.bits), 0) AS INTEGER) AS doers_converted
     FROM kb_defs k LEFT JOIN kb_doer_bits d ON d.behaviour_id = k.behaviour_id, kb_population_bits pop, kb_converted_bits conv
     ORDER BY k.position`,
    { ...scopeParams(scope, timeZone), ...(await memberFactsParams(sql)) },
    ),
  );
  return rows.map((r) => {
    const others = r.population - r.doers;
    const othersConverted = r.converted - r.doers_converted;
    return {
      id: enabled[r.id]!.id,
      name: r.name,
      doers: r.doers,
      doers_converted: r.doers_converted,
      others,
      others_converted: othersConverted,
      ...lift(r.doers_converted, r.doers, othersConverted, others),
    } satisfies LiftRow;
  });
}

/** Message types of the group messages (trimmed; blanks left out), most frequent first: read from the derived table (base/msgTypes.ts). */
export function queryMsgTypes(sql: Sql): Promise<{ msgType: string; count: number }[]> {
  return sql.all(`SELECT msg_type AS "msgType", count FROM ${DERIVED_DB}.${MSG_TYPES_TABLE} ORDER BY count DESC, 1 LIMIT 200`);
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
