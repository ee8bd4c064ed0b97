/**
 * The per-person feature table (客户360, issue 5): one row per person with what the quadrant,
 * VVIP and lookalike scoring work from. Every feature is computed in the project time zone at
 * the end of the local day `$asOf` (events after it do not exist yet):
 *
 * - people: every person of the project (identity's `id_people`: group members, message senders
 *   and customer-list contacts, DESIGN §3) who had joined a group, sent a message or been added as
 *   a contact (客户列表.添加时间; a contact without one counts) by `$asOf`; with a scope, the people
 *   who had joined one of its groups by then (present or past members: a contact who never joined
 *   belongs to no group). `is_member`: a member of the scope
 *   at the end of `$asOf` (DESIGN §4 member state); `groups`: the scope groups they had joined,
 *   sorted, joined by '、'.
 * - `purchases`: paid orders not fully refunded (analysisBase `paid_orders`) paid on or before
 *   `$asOf`, whether or not the buyer was a member then (the person's purchasing power, unlike
 *   the community's conversions); `gmv`: Σ net (paid − refunded); `aov`: gmv / purchases, empty
 *   without purchases; `first_purchase` / `last_purchase`: local 'YYYY-MM-DD HH:MM:SS'.
 * - `purchase_months_3m`: how many of the calendar months `$asOf`'s month and the two before
 *   hold at least one purchase (0–3), months of local days.
 * - `days_since_last_purchase`: `$asOf` − local day of the last purchase; empty without purchases.
 * - `repurchase_90d`: some purchase falls at most 90 local days after the purchase before it
 *   (day difference ≤ 90; a second order the same day counts).
 * - `referrals`: people who joined a scope group on or before `$asOf` with this person as
 *   邀请人, each counted once: the inviter of a join is the person it names by member id, or the
 *   member of that group who held the nickname at the join (analysis/base/invitations.ts: a
 *   nickname several members of the group held then ties to nobody). A join without a join time
 *   counts (it cannot be placed after `$asOf`).
 *   `referrals_bought` (DESIGN §4): those of them with a purchase (paid, not fully refunded) at or
 *   after their first join with this person as inviter, on or before `$asOf`; a purchase before
 *   the referral does not count. Without a join time, any purchase by `$asOf` counts.
 * - `messages`: messages in groups of the scope (one-to-one chats never count) sent on or before `$asOf`.
 * - `key_behaviours`: Σ over enabled key behaviours of weight × occurrences (behaviourQueries'
 *   counting over the rules' kept hit tables, behaviourHits.ts, as 关键行为 counts them), plus one
 *   `kb_<id>` column per enabled behaviour with its occurrences.
 * - `tenure_days`: local days from the first join into the scope to `$asOf` for a member, to the
 *   last leave from the scope otherwise; empty for who never joined by `$asOf`.
 * - `survey_score`: the score of the person's latest survey response (tied by identity, kind
 *   'survey') submitted on or before `$asOf`.
 * - `tags`: analysisBase `person_tags` (the customer list's and the saved ones).
 * - `channel` (a person's channel: analysisBase `personChannelSql`), `staff`, `tags`: analysisBase `person_customer`.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { KeyBehaviour } from '../../contract';
import { membershipCtes, personChannelSql, personCtes } from '../base/analysisBase';
import { behaviourCountingCtes, kbDefsCte } from '../behaviours/behaviourQueries';
import { DERIVED_DB, identityCtes } from '../base/identity';
import { FACTS_CHECKED, gnoInScope } from '../base/memberFacts';
import { hasHitTables, matchSql, withRuleHitTables } from '../base/behaviourHits';
import { localDaySql } from '../base/localTime';
import { INVITATIONS_TABLE } from '../base/invitations';
import type { Sql } from '../../db/projectDb';

/** Options of {@link featuresSql}. */
export interface FeaturesSqlOptions {
  /** Whether `$groups` is bound (a scope of some groups). */
  hasScope: boolean;
  /**
   * The key behaviours; the enabled ones give `kb_<id>` columns and the key_behaviours score.
   * They must be behaviourQueries' `usableBehaviours` (a regular expression RE2 refuses fails the statement).
   */
  behaviours: KeyBehaviour[];
  /**
   * The kept hit table of each of {@link featureRules}(behaviours), in that order (behaviourHits.ts
   * withRuleHitTables): the statement counts them instead of matching every message's content again.
   * Null: the statement matches the scope's messages itself (a scope in a session without the tables,
   * which would match every message of the project).
   */
  hitTables: readonly string[] | null;
}

/** Behaviour ids safe to become a column name (`kb_<id>`); others count in the score only. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The first behaviour of each id (a repeated id would count its messages twice). */
function uniqueById(behaviours: KeyBehaviour[]): KeyBehaviour[] {
  const seen = new Set<string>();
  return behaviours.filter((b) => !seen.has(b.id) && (seen.add(b.id), true));
}

/** The rules the features count: the enabled behaviours, the first of each id, in definition order. */
export function featureRules(behaviours: KeyBehaviour[]): KeyBehaviour[] {
  return uniqueById(behaviours.filter((b) => b.enabled));
}

/** The enabled behaviours that get a `kb_<id>` column, in definition order. */
export function behaviourColumns(behaviours: KeyBehaviour[]): { id: string; name: string; column: `kb_${string}` }[] {
  return uniqueById(behaviours.filter((b) => b.enabled)).filter((b) => SAFE_ID.test(b.id)).map((b) => ({ id: b.id, name: b.name, column: `kb_${b.id}` as const }));
}

/* eslint-disable no-restricted-syntax -- the SQL names Chinese export columns and values in its comments: data vocabulary, not UI text */
/**
 * One statement (WITH … SELECT) with one row per person and the columns of `FeatureRow`.
 * Parameters: `$tz`, `$asOf` (DATE) and `$groups` when `hasScope` (see {@link featuresParams}).
 */
export function featuresSql(opts: FeaturesSqlOptions): string {
  const inScope = opts.hasScope ? `list_contains($groups, group_name)` : `TRUE`;
  const behaviours = featureRules(opts.behaviours);
  if (opts.hitTables && opts.hitTables.length !== behaviours.length) throw new Error('featuresSql: one hit table per rule');
  // Each rule by its position (integers group cheaper than the ids' text).
  const position = new Map(behaviours.map((b, i) => [b.id, i]));
  const kbSelect = behaviourColumns(behaviours)
    .map((c) => `,\n       CAST(coalesce(kb.${c.column}, 0) AS INTEGER) AS "${c.column}"`)
    .join('');
  const kbPivot = behaviourColumns(behaviours)
    .map((c) => `,\n         sum(p.occurrences) FILTER (WHERE p.behaviour_id = ${position.get(c.id)}) AS ${c.column}`)
    .join('');
  const hitScans = opts.hitTables
    ? opts.hitTables.map((table, i) => `SELECT pno, ${i} AS behaviour_id, t, d FROM ${table} WHERE ${gnoInScope(opts.hasScope)}`)
    : behaviours.map(
        (b, i) => `SELECT p.pno, ${i} AS behaviour_id, m.sent_at AS t, ${localDaySql('m.sent_at')} AS d
    FROM messages m JOIN id_people p ON p.pid = m.sender_id, facts_zone z
    WHERE m.group_name IS NOT NULL AND ${inScope} AND ${matchSql(b)}`,
      );
  const noHits = `SELECT CAST(NULL AS INTEGER) AS pno, CAST(NULL AS INTEGER) AS behaviour_id, CAST(NULL AS TIMESTAMPTZ) AS t, CAST(NULL AS DATE) AS d WHERE FALSE`;
  return `
WITH
${identityCtes()},
${membershipCtes(inScope)},
${personCtes()},
-- The end of $asOf as an instant: events strictly before it happened "on or before $asOf".
cutoff AS (
  SELECT timezone($tz, CAST(CAST($asOf AS DATE) AS TIMESTAMP) + INTERVAL 1 DAY) AS t_end,
         CAST($asOf AS DATE) AS as_of,
         CAST(date_trunc('month', CAST($asOf AS DATE)) - INTERVAL 2 MONTH AS DATE) AS months_from
),
${kbDefsCte(behaviours, true)},
-- Key behaviours as of $asOf: the rules' kept hits (group messages of the scope, by person number,
-- with their local day) up to its end, counted with the rules' minimum count and window.
kb_asof_hits AS (
  SELECT h.pno AS pid, h.behaviour_id, h.t, h.d
  FROM (${hitScans.length ? hitScans.join('\n    UNION ALL ') : noHits}) h, cutoff c
  WHERE h.t < c.t_end AND ${FACTS_CHECKED}
),
${behaviourCountingCtes('kb_asof_people', 'kb_asof_hits', [], true)},
kb_scores AS (
  SELECT ip.pid, s.* EXCLUDE (pno) FROM (
    SELECT p.pid AS pno, sum(k.weight * p.occurrences) AS score${kbPivot}
    FROM kb_asof_people p JOIN kb_defs k ON k.behaviour_id = p.behaviour_id
    GROUP BY p.pid
  ) s JOIN id_people ip ON ip.pno = s.pno
),
-- Spells of the scope begun by $asOf (a spell without a join time cannot be placed after it).
scoped_by_asof AS (
  SELECT s.* FROM scoped s, cutoff c WHERE s.join_time IS NULL OR s.join_time < c.t_end
),
-- Per sender, the group messages of the scope up to $asOf, from the derived messages (by person
-- number); without a scope every sender up to $asOf is a person, one-to-one chats included, with 0
-- group messages if so.
group_msg_counts AS (
  SELECT ip.pid, c.n FROM (
    SELECT m.pno, count(*) AS n FROM ${DERIVED_DB}.msgs m, cutoff c
    WHERE m.t < c.t_end AND ${gnoInScope(opts.hasScope, 'm.gno')} AND ${FACTS_CHECKED}
    GROUP BY m.pno
  ) c JOIN id_people ip ON ip.pno = c.pno
),
msg_counts AS (
  SELECT pid, n FROM group_msg_counts${
    opts.hasScope
      ? ''
      : `
  UNION ALL
  SELECT s.pid, 0 FROM (
    SELECT DISTINCT m.sender_id AS pid FROM messages m, cutoff c WHERE m.group_name IS NULL AND m.sent_at < c.t_end
  ) s ANTI JOIN group_msg_counts g ON g.pid = s.pid`
  }
),
-- Contacts added by $asOf (an add without a time cannot be placed after it): people without a scope.
people AS (
  ${opts.hasScope ? `SELECT DISTINCT pid FROM scoped_by_asof` : `SELECT pid FROM scoped_by_asof UNION SELECT pid FROM msg_counts
  UNION SELECT pc.pid FROM person_customer pc, cutoff c WHERE pc.added_at IS NULL OR pc.added_at < c.t_end`}
),
person_groups AS (
  SELECT pid, array_to_string(list_sort(list(DISTINCT group_name)), '、') AS groups FROM scoped_by_asof GROUP BY pid
),
-- Membership up to $asOf: islands started by then; a member when one of them is still open at its end.
tenure AS (
  SELECT i.pid,
         bool_or(i.eday IS NULL OR i.eday > c.as_of) AS is_member,
         min(i.sday) AS first_day,
         max(i.eday) AS last_leave_day
  FROM island_days i, cutoff c WHERE i.sday <= c.as_of
  GROUP BY i.pid
),
buys AS (
  SELECT o.pid, o.paid_at, o.net, CAST(timezone($tz, o.paid_at) AS DATE) AS d
  FROM paid_orders o, cutoff c WHERE o.paid_at < c.t_end
),
buy_gaps AS (
  SELECT pid, paid_at, net, d, d - lag(d) OVER (PARTITION BY pid ORDER BY paid_at) AS gap FROM buys
),
purchase_stats AS (
  SELECT b.pid,
         count(*) AS purchases,
         sum(b.net) AS gmv,
         min(b.paid_at) AS first_at,
         max(b.paid_at) AS last_at,
         max(b.d) AS last_day,
         count(DISTINCT date_trunc('month', b.d)) FILTER (WHERE b.d >= c.months_from) AS months_3m,
         coalesce(bool_or(b.gap <= 90), false) AS repurchase_90d
  FROM buy_gaps b, cutoff c GROUP BY b.pid
),
-- Each referee once per referrer, from the first referred join (NULL when one had no join time: any purchase counts).
referred AS (
  SELECT i.referrer, i.referee, CASE WHEN bool_and(i.t IS NOT NULL) THEN min(i.t) END AS t
  FROM ${DERIVED_DB}.${INVITATIONS_TABLE} i, cutoff c
  WHERE ${inScope} AND i.referrer IS NOT NULL AND (i.t IS NULL OR i.t < c.t_end)
  GROUP BY i.referrer, i.referee
),
-- Joined on the referee alone, the time checked after: with the OR in the join's condition DuckDB
-- compared every referral with every purchase (a nested-loop join: most of a minute at 1,000,000 people).
referees_bought AS (
  SELECT DISTINCT r.referrer, r.referee FROM referred r JOIN buys b ON b.pid = r.referee WHERE r.t IS NULL OR b.paid_at >= r.t
),
referral_stats AS (
  SELECT r.referrer AS pid, count(*) AS referrals, count(rb.referee) AS referrals_bought
  FROM referred r LEFT JOIN referees_bought rb ON rb.referrer = r.referrer AND rb.referee = r.referee
  GROUP BY r.referrer
),
survey_latest AS (
  SELECT m.pid, arg_max(s.score, coalesce(s.submitted_at, '-infinity'::TIMESTAMPTZ)) AS score
  FROM survey_responses s JOIN id_matched m ON m.kind = 'survey' AND m.rid = s.rowid, cutoff c
  WHERE m.pid IS NOT NULL AND s.score IS NOT NULL AND (s.submitted_at IS NULL OR s.submitted_at < c.t_end)
  GROUP BY m.pid
)
SELECT p.pid,
       pn.name,
       ${personChannelSql('pc')} AS channel,
       pc.staff,
       pt.tags,
       pg.groups,
       coalesce(t.is_member, false) AS is_member,
       CAST(coalesce(ps.purchases, 0) AS INTEGER) AS purchases,
       -- Sums stay DECIMAL (exact cents) until here.
       CAST(coalesce(ps.gmv, 0) AS DOUBLE) AS gmv,
       CASE WHEN coalesce(ps.purchases, 0) = 0 THEN NULL ELSE CAST(ps.gmv AS DOUBLE) / ps.purchases END AS aov,
       strftime(timezone($tz, ps.first_at), '%Y-%m-%d %H:%M:%S') AS first_purchase,
       strftime(timezone($tz, ps.last_at), '%Y-%m-%d %H:%M:%S') AS last_purchase,
       CAST(coalesce(ps.months_3m, 0) AS INTEGER) AS purchase_months_3m,
       CAST(c.as_of - ps.last_day AS INTEGER) AS days_since_last_purchase,
       coalesce(ps.repurchase_90d, false) AS repurchase_90d,
       CAST(coalesce(rs.referrals, 0) AS INTEGER) AS referrals,
       CAST(coalesce(rs.referrals_bought, 0) AS INTEGER) AS referrals_bought,
       CAST(coalesce(mc.n, 0) AS INTEGER) AS messages,
       CAST(coalesce(kb.score, 0) AS DOUBLE) AS key_behaviours,
       CAST(CASE WHEN t.is_member THEN c.as_of - t.first_day ELSE t.last_leave_day - t.first_day END AS INTEGER) AS tenure_days,
       sl.score AS survey_score${kbSelect}
FROM people p
CROSS JOIN cutoff c
LEFT JOIN person_names pn ON pn.pid = p.pid
LEFT JOIN person_customer pc ON pc.pid = p.pid
LEFT JOIN person_tags pt ON pt.pid = p.pid
LEFT JOIN person_groups pg ON pg.pid = p.pid
LEFT JOIN tenure t ON t.pid = p.pid
LEFT JOIN msg_counts mc ON mc.pid = p.pid
LEFT JOIN purchase_stats ps ON ps.pid = p.pid
LEFT JOIN referral_stats rs ON rs.pid = p.pid
LEFT JOIN survey_latest sl ON sl.pid = p.pid
LEFT JOIN kb_scores kb ON kb.pid = p.pid`;
}
/* eslint-enable no-restricted-syntax */

/**
 * Runs `fn` with the text of {@link featuresSql} over the rules' kept hit tables, made where missing
 * (behaviourHits.ts withRuleHitTables, as 关键行为 makes them) and kept from being dropped until `fn` is done.
 */
export async function withFeaturesSql<T>(sql: Sql, opts: Omit<FeaturesSqlOptions, 'hitTables'>, fn: (text: string) => Promise<T>): Promise<T> {
  const rules = featureRules(opts.behaviours);
  // A scope matches its own groups' messages when the session has no hit tables yet: making them
  // would match every message of the project first.
  if (opts.hasScope && !(await hasHitTables(sql, rules))) return fn(featuresSql({ ...opts, hitTables: null }));
  return withRuleHitTables(sql, rules, (hitTables) => fn(featuresSql({ ...opts, hitTables })));
}

/** Named parameters of {@link featuresSql}. */
export function featuresParams(opts: { groups?: string[]; asOf: string; timeZone: string }): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = { tz: opts.timeZone, asOf: opts.asOf };
  if (opts.groups && opts.groups.length > 0) params.groups = listValue(opts.groups);
  return params;
}

/**
 * The day the features are computed at: `asOf` when given, else the last local day with any
 * data (a join, a leave, a message or a paid order); today's local date in an empty project.
 */
export async function resolveAsOf(sql: Sql, timeZone: string, asOf?: string): Promise<string> {
  if (asOf) return asOf;
  const row = await sql.one<{ d: string | null }>(
    `SELECT strftime(CAST(timezone($tz, max(t)) AS DATE), '%Y-%m-%d') AS d FROM (
       SELECT max(join_time) AS t FROM memberships
       UNION ALL SELECT max(leave_time) FROM memberships
       UNION ALL SELECT max(sent_at) FROM messages
       UNION ALL SELECT max(paid_at) FROM orders
     )`,
    { tz: timeZone },
  );
  if (row?.d) return row.d;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
