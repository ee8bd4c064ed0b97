import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { KeyBehaviour, MetricsRow, Period } from '../../contract';
import { membershipCtes } from '../base/analysisBase';
import { behaviourCtes, readActiveBehaviours } from '../behaviours/behaviourQueries';
import { DERIVED_DB, identityCtes } from '../base/identity';
import { countPeopleSql, FACTS_CHECKED, memberFactsParams, memberMsgsCtes } from '../base/memberFacts';
import type { Sql } from '../../db/projectDb';
import { periodSql } from '../base/periods';
import { localDaySql } from '../base/localTime';

/** What a metrics query asks for; dates are local ISO dates of the project time zone. */
export interface MetricsQuery {
  /** Granularity of the rows. */
  period: Period;
  /** First local day of interest; default the first day with any event in the scope. */
  from?: string;
  /** Last local day of interest; default the last day with any event in the scope. */
  to?: string;
  /** Groups of the scope; undefined or empty means every group of the project. */
  groups?: string[];
  /** IANA time zone the days are counted in. */
  timeZone: string;
  /**
   * What makes a member active: null = any group message (DESIGN default), a list = a hit of one of
   * these key behaviours (usable ones only: see behaviourQueries); undefined = the project's setting.
   */
  activeBehaviours?: KeyBehaviour[] | null;
  /**
   * Compute the membership figures (total, new, churned) and the conversions only: active_members
   * and active_rate come back 0 and null, for callers that do not show them (churn's series) and
   * should not pay for reading every message's membership.
   */
  isMembershipOnly?: boolean;
}

/**
 * `member_orders(pid, pno, d, paid, refunded)`: orders paid while the buyer was a member of the
 * scope (needs the membership CTEs' `islands`); `d` the local day of payment. The one definition of
 * the orders behind converted_members and gmv, shared with the growth points. Joined on the person
 * number (an order tied to nobody has none, as it has no pid); the day by arithmetic on the zone's
 * fixed offset (`facts_zone` of the membership CTEs, localTime.ts).
 */
export const memberOrdersCte = `member_orders AS (
  SELECT o.pid, o.pno, ${localDaySql('o.paid_at', 'z')} AS d, o.paid, o.refunded
  FROM id_orders o JOIN islands i ON o.pno = i.pno AND o.paid_at >= i.s AND o.paid_at < i.e, facts_zone z
  WHERE o.paid_at IS NOT NULL
)`;

/** converted_members over a group of `member_orders` rows: distinct buyers (person numbers) of an order not fully refunded. */
export const convertedSql = `count(DISTINCT pno) FILTER (WHERE refunded < paid)`;

/** gmv over a group of `member_orders` rows: paid − refunded, an over-refunded order (a data error) counting 0. */
export const gmvSql = `sum(greatest(paid - refunded, 0))`;

/* eslint-disable no-restricted-syntax -- the SQL names Chinese metric terms of the exports in its comments: data vocabulary, not UI text */
/** The SQL of {@link queryMetrics}; exported so tests can EXPLAIN it. */
export function metricsSql(period: Period, hasScope: boolean, activeBehaviours: KeyBehaviour[] | null = null, isMembershipOnly = false): string {
  const { key, step } = periodSql[period];
  const inScope = hasScope ? `list_contains($groups, group_name)` : `TRUE`;
  // The days of messages whole periods intersecting [from, to] can need (a month at most on either side).
  const messageDays = `($from IS NULL OR d >= CAST($from AS DATE) - INTERVAL 31 DAY) AND ($to IS NULL OR d <= CAST($to AS DATE) + INTERVAL 31 DAY)`;
  // Distinct joiners per week or month as bits over the person numbers (at L a week's DISTINCT hash
  // sets over 1.3M joins were a fifth of the statement's CPU); per day a bitstring each of a year's
  // days would hold max_pno / 8 bytes apiece, so the days keep the hash sets.
  const newPeople = period === 'day' ? `count(DISTINCT pno)` : countPeopleSql();
  const periodEnd = (ps: string) => `CAST(${ps} + ${step} - INTERVAL 1 DAY AS DATE)`;
  const pct = (num: string, den: string) => `CAST(${num} AS DOUBLE) / CAST(${den} AS DOUBLE)`;
  /** 环比 in percent; empty when the previous period's figure is 0 (or there were no data then, which is 0 too). */
  const wow = (cur: string, prev: string) => `CASE WHEN coalesce(${prev}, 0) = 0 THEN NULL ELSE ${pct(`(coalesce(${cur}, 0) - ${prev}) * 100`, prev)} END`;
  // What makes a member active: a group message (memberFacts.ts has each one's day and whether it
  // was sent while a member), or (the widened definition) the hits of an enabled key behaviour,
  // whatever its minimum count and window ("at least one active behaviour on D").
  const activeCtes = isMembershipOnly
    ? `active_by AS (SELECT CAST(NULL AS DATE) AS ps, 0 AS n WHERE FALSE)`
    : activeBehaviours
    ? `${behaviourCtes(activeBehaviours, inScope)},
active_by AS (
  SELECT ps, count(*) AS n FROM (
    SELECT DISTINCT ${key('h.d')} AS ps, h.pid FROM kb_hits h JOIN islands i ON h.pid = i.pid AND h.t >= i.s AND h.t < i.e
  ) GROUP BY ps
)`
    : hasScope
      ? `active_by AS (
  SELECT ${key('d')} AS ps, ${countPeopleSql()} AS n FROM member_msgs GROUP BY ps
)`
      : // Every group: the bits of each day's members who wrote, kept (memberFacts.ts msg_days), together per period.
        `active_by AS (
  SELECT ${key('d')} AS ps, bit_count(bit_or(people)) AS n FROM ${DERIVED_DB}.msg_days WHERE ${messageDays} AND ${FACTS_CHECKED} GROUP BY ps
)`;
  return `
WITH
${identityCtes()},
${membershipCtes(inScope)},
-- Only what whole periods intersecting [from, to] can need (a month at most on either side), so a
-- 12-week query does not read a year of messages.
${memberMsgsCtes('member_msgs', hasScope, messageDays)},
${activeCtes},
-- Members at the end of day d = islands started on or before d minus islands ended on or before d.
deltas AS (
  SELECT d, sum(delta) AS delta FROM (
    SELECT sday AS d, 1 AS delta FROM island_days
    UNION ALL SELECT eday, -1 FROM island_days WHERE eday IS NOT NULL
  ) GROUP BY d
),
running AS (
  SELECT d, sum(delta) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) AS members FROM deltas
),
-- Orders paid while the buyer was a member of the scope (at the payment instant: a payment at the
-- join instant counts, one at the leave instant does not, like messages).
${memberOrdersCte},
-- Per period over all the data, not only [lo, hi], so the first period's 环比 has its previous period.
-- A refund above the paid amount is a data error: such an order contributes 0, never a negative amount.
conv_by AS (
  SELECT ${key('d')} AS ps,
         ${convertedSql} AS converted,
         ${gmvSql} AS gmv
  FROM member_orders GROUP BY ALL
),
event_days AS (
  SELECT d FROM joins UNION ALL SELECT d FROM leaves UNION ALL SELECT d FROM member_orders
  -- The messages' first and last day from one scan of them (over every group, of their kept days).
  UNION ALL SELECT unnest([min(d), max(d)]) FROM ${hasScope ? 'member_msgs_all' : `${DERIVED_DB}.msg_days WHERE ${messageDays} AND ${FACTS_CHECKED}`}
),
bounds AS (
  SELECT coalesce(CAST($from AS DATE), min(d), CAST($to AS DATE)) AS lo,
         coalesce(CAST($to AS DATE), max(d), CAST($from AS DATE)) AS hi
  FROM event_days
),
-- Whole periods that intersect [lo, hi].
period_starts AS (
  SELECT CAST(unnest(generate_series(CAST(${key('lo')} AS TIMESTAMP), CAST(${key('hi')} AS TIMESTAMP), ${step})) AS DATE) AS ps
  FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
),
periods AS (
  SELECT ps, ${periodEnd('ps')} AS pe FROM period_starts
),
totals AS (
  SELECT p.ps, coalesce(r.members, 0) AS members
  FROM periods p ASOF LEFT JOIN running r ON p.pe >= r.d
),
new_by AS (
  SELECT ${key('d')} AS ps, ${newPeople} AS n FROM joins GROUP BY ALL
),
-- Churned: a leave in the period and no membership at the end of the period's last day.
leavers AS (
  SELECT DISTINCT pno, ${key('d')} AS ps FROM leaves
),
churn_by AS (
  SELECT l.ps, count(*) AS n FROM leavers l
  WHERE NOT EXISTS (
    SELECT 1 FROM island_days i
    WHERE i.pno = l.pno AND i.sday <= ${periodEnd('l.ps')} AND (i.eday IS NULL OR i.eday > ${periodEnd('l.ps')})
  )
  GROUP BY l.ps
)
SELECT strftime(p.ps, '%Y-%m-%d') AS period_start,
       strftime(p.pe, '%Y-%m-%d') AS period_end,
       CAST(t.members AS INTEGER) AS total_members,
       CAST(coalesce(nb.n, 0) AS INTEGER) AS new_members,
       CAST(coalesce(ab.n, 0) AS INTEGER) AS active_members,
       -- active × 100 is exact, so the one division gives the correctly rounded percentage.
       CASE WHEN t.members = 0 OR ${isMembershipOnly} THEN NULL ELSE CAST(coalesce(ab.n, 0) * 100 AS DOUBLE) / CAST(t.members AS DOUBLE) END AS active_rate,
       CAST(coalesce(cb.n, 0) AS INTEGER) AS churned_members,
       CAST(coalesce(cv.converted, 0) AS INTEGER) AS converted_members,
       CASE WHEN t.members = 0 THEN NULL ELSE ${pct('coalesce(cv.converted, 0) * 100', 't.members')} END AS conversion_rate,
       -- Sums stay DECIMAL (exact cents) until here.
       CAST(coalesce(cv.gmv, 0) AS DOUBLE) AS gmv,
       ${wow('cv.converted', 'pv.converted')} AS converted_wow,
       ${wow('cv.gmv', 'pv.gmv')} AS gmv_wow
FROM periods p
JOIN totals t ON t.ps = p.ps
LEFT JOIN new_by nb ON nb.ps = p.ps
LEFT JOIN active_by ab ON ab.ps = p.ps
LEFT JOIN churn_by cb ON cb.ps = p.ps
LEFT JOIN conv_by cv ON cv.ps = p.ps
LEFT JOIN conv_by pv ON pv.ps = CAST(p.ps - ${step} AS DATE)
ORDER BY p.ps`;
}
/* eslint-enable no-restricted-syntax */

/**
 * Community metrics per day, ISO week or calendar month (DESIGN §4), computed in DuckDB.
 *
 * Conversions: orders reach people through analysis/base/identity.ts; an order counts when its buyer
 * was a member of the scope at the instant of payment. 环比 compares with the period before,
 * computed from the data even when it lies before `from`; a period without data has figure 0,
 * so "unknown" and "0" both give an empty 环比.
 *
 * Periods are whole periods that intersect [from, to]: a week or month only partly inside
 * the range is reported whole, with its own bounds and all its events.
 */
export async function queryMetrics(sql: Sql, q: MetricsQuery): Promise<MetricsRow[]> {
  const hasScope = !!q.groups && q.groups.length > 0;
  const isMembershipOnly = q.isMembershipOnly ?? false;
  const activeBehaviours = isMembershipOnly ? null : q.activeBehaviours === undefined ? await readActiveBehaviours(sql) : q.activeBehaviours;
  const params: Record<string, DuckDBValue> = { tz: q.timeZone, from: q.from ?? null, to: q.to ?? null };
  // The counts of people as bits (active members by message in a scope, joiners per week or month)
  // need the highest person number (over every group, the kept days' bits have it already).
  if ((!activeBehaviours && !isMembershipOnly && hasScope) || q.period !== 'day') Object.assign(params, await memberFactsParams(sql));
  if (hasScope) params.groups = listValue(q.groups!);
  return sql.all<MetricsRow>(metricsSql(q.period, hasScope, activeBehaviours, isMembershipOnly), params);
}
