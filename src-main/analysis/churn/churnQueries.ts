/**
 * Churn, retention cohorts and membership survival (DESIGN §4 Churn), computed in DuckDB.
 *
 * Who churned, and how:
 * - A group leave is churn when it leaves the person outside the scope at the end of that local
 *   day, exactly as DESIGN's daily `churned_members`: a leave followed by a re-join into the scope
 *   the same day, or a leave from one group of the scope while still in another, is not churn.
 *   A person is listed once per day: with the last leave of that day (its group and 退群方式;
 *   被移出 and its variants → removed, anything else → left_group).
 * - Every 流失客户 row (a contact deletion) is an event of its own, tied to a person by identity
 *   (analysis/base/identity.ts; a customer-list contact who never joined a group is a person, with
 *   the channel of the list). Without a scope every row is listed, rows tied to nobody included (pid
 *   null, with the row's name). Contact deletions carry no group: with a scope they are listed for
 *   the people who were ever members of the scope (at any time, as the funnel does), so rows tied
 *   to nobody cannot be placed in a scope and are left out of scoped lists only. A row without a
 *   deletion time cannot be placed in time and is not an event.
 * - Events are listed when their local day is within [from, to].
 *
 * Where they were on the path when they left: added_not_joined (no join into the scope at or
 * before the event; a row tied to nobody is known to no group either), joined_not_bought (no paid,
 * not fully refunded order at or before it), bought_once, repeat_buyer (2 or more such orders).
 * Tenure: whole days elapsed (floor of 24-hour periods) from the first join into the scope at or
 * before the event, else from being added as a contact (customer list, else the 流失客户 row).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { AnalysisScope, ChurnEvent, ChurnResult, ChurnStage, ChurnWay, Period, RetentionCohort, SurvivalCurve } from '../../contract';
import { kaplanMeier } from '../stats/survival';
import { sheetOf, type SheetExport } from '../base/exportSheet';
import { membershipCtes, personChannelSql, personCtes, scopeCondition, scopeParams } from '../base/analysisBase';
import { identityCtes } from '../base/identity';
import { queryMetrics } from '../metrics/metricsQueries';
import { churnStageText, churnText, churnWayText } from '../../locale/churn';
import { funnelMessages } from '../../locale/funnel';
import { channelMessages } from '../../locale/analysis';
import type { Sql } from '../../db/projectDb';

/* eslint-disable no-restricted-syntax -- recognition vocabulary of Chinese exports, not UI text */
/** The word of a 退群方式 that means the member was removed by an admin. */
const REMOVED_WORD = '移出';
/** The 流失方式 texts meaning the staff member deleted the customer (the rest: the customer deleted the staff). */
const STAFF_DELETED_PATTERN = '员工.*删除.*客户|被员工删除|^删除(了)?客户';
/* eslint-enable no-restricted-syntax */

/** The analysis scope with the project time zone. */
export interface ChurnQuery extends AnalysisScope {
  timeZone: string;
}

/** Ties of counts in a fixed order whatever the machine's locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const hasScope = (q: AnalysisScope) => !!q.groups && q.groups.length > 0;

/** Whole days between two instants (floor of elapsed 24-hour periods); NULL when either is NULL. */
const wholeDays = (from: string, to: string) => `CAST(floor((epoch_us(${to}) - epoch_us(${from})) / 86400000000.0) AS INTEGER)`;

/** The local day of an instant within [$from, $to] (an unset bound is open). */
const inRange = (t: string) => `
  (CAST($from AS DATE) IS NULL OR CAST(timezone($tz, ${t}) AS DATE) >= CAST($from AS DATE))
  AND (CAST($to AS DATE) IS NULL OR CAST(timezone($tz, ${t}) AS DATE) <= CAST($to AS DATE))`;

/* eslint-disable no-restricted-syntax -- the SQL matches Chinese export values (leave ways) and names Chinese export columns in its comments: data vocabulary, not UI text */
/**
 * The SQL of {@link queryChurnEvents}, oldest first; with `withInstant`, unordered and with the
 * instant `t` of each event (for {@link queryChurn}'s table). Exported so tests can EXPLAIN it.
 */
export function churnEventsSql(groups: string[] | undefined, withInstant = false): string {
  const inScope = scopeCondition(groups);
  const isScoped = hasScope({ groups });
  return `
WITH
${identityCtes()},
${membershipCtes(inScope)},
${personCtes()},
-- The last leave of each person on each local day, and the first instant of the next day.
day_leaves AS (
  SELECT pid, d, max(t) AS t, timezone($tz, CAST(d + 1 AS TIMESTAMP)) AS day_end FROM leaves GROUP BY pid, d
),
-- Churn: the island in force at the end of that day (the latest started before it) has ended by then, or there is none.
group_churn AS (
  SELECT l.pid, l.t FROM day_leaves l
  ASOF LEFT JOIN islands i ON l.pid = i.pid AND l.day_end > i.s
  WHERE i.pid IS NULL OR i.e < l.day_end
),
-- What the export says of a leave; a person leaving two groups at one instant shows the first group.
leave_info AS (
  SELECT member_id AS pid, leave_time AS t, min(group_name) AS group_name,
         arg_min(leave_way, group_name) AS leave_way, arg_min(nullif(trim(member_name), ''), group_name) AS name
  FROM memberships WHERE ${inScope} AND leave_time IS NOT NULL
  GROUP BY member_id, leave_time
),
deletions AS (
  SELECT m.pid, nullif(trim(c.customer_name), '') AS name, c.churned_at AS t, c.churn_way, c.added_at
  FROM churn_events c JOIN id_matched m ON m.kind = 'churn' AND m.rid = c.rowid
  WHERE c.churned_at IS NOT NULL ${isScoped ? 'AND m.pid IN (SELECT pid FROM islands)' : ''}
),
events AS (
  SELECT g.pid, li.name, g.t, li.group_name, CAST(NULL AS TIMESTAMPTZ) AS row_added_at,
         CASE WHEN coalesce(contains(li.leave_way, '${REMOVED_WORD}'), false) THEN 'removed' ELSE 'left_group' END AS how
  FROM group_churn g JOIN leave_info li ON li.pid = g.pid AND li.t = g.t
  UNION ALL
  -- 流失方式: the customer deleting the staff member is what a 流失客户 export lists by default.
  SELECT pid, name, t, NULL, added_at,
         CASE WHEN coalesce(regexp_matches(churn_way, '${STAFF_DELETED_PATTERN}'), false)
              THEN 'staff_deleted_customer' ELSE 'customer_deleted_staff' END
  FROM deletions
),
ranged AS (
  SELECT row_number() OVER () AS eid, * FROM events WHERE ${inRange('t')}
),
first_join AS (
  SELECT pid, min(t) AS t FROM joins GROUP BY pid
),
orders_before AS (
  SELECT r.eid, count(*) AS n FROM ranged r JOIN paid_orders o ON o.pid = r.pid AND o.paid_at <= r.t GROUP BY r.eid
),
described AS (
  SELECT r.*, ob.n AS orders,
         CASE WHEN fj.t <= r.t THEN fj.t ELSE least(pc.added_at, r.row_added_at) END AS since,
         fj.t <= r.t AS has_joined,
         ${personChannelSql('pc')} AS channel
  FROM ranged r
  LEFT JOIN first_join fj ON fj.pid = r.pid
  LEFT JOIN person_customer pc ON pc.pid = r.pid
  LEFT JOIN orders_before ob ON ob.eid = r.eid
)
SELECT pid, name, strftime(timezone($tz, t), '%Y-%m-%dT%H:%M:%S') AS left_at, how, group_name,
       CASE WHEN NOT coalesce(has_joined, false) THEN 'added_not_joined'
            WHEN coalesce(orders, 0) = 0 THEN 'joined_not_bought'
            WHEN orders = 1 THEN 'bought_once'
            ELSE 'repeat_buyer' END AS stage,
       channel,
       CASE WHEN since <= t THEN ${wholeDays('since', 't')} END AS tenure_days${withInstant ? ', t' : ''}
FROM described
${withInstant ? '' : 'ORDER BY t, how, pid NULLS LAST, name, group_name'}`;
}
/* eslint-enable no-restricted-syntax */

/** The churn events of the scope within [from, to], oldest first (see the module comment for the rules). */
export function queryChurnEvents(sql: Sql, q: ChurnQuery): Promise<ChurnEvent[]> {
  return sql.all<ChurnEvent>(churnEventsSql(q.groups), scopeParams(q, q.timeZone));
}

// ── The series ──────────────────────────────────────────────────────────────────────────────

/** Adds days to an ISO date. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First day of the period (ISO week: Monday) an ISO date falls in. */
export function periodStartOf(iso: string, period: Period): string {
  if (period === 'day') return iso;
  if (period === 'month') return `${iso.slice(0, 8)}01`;
  const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/**
 * Churned people and the churn rate per period. `churned` is DESIGN's `churned_members`, read
 * from {@link queryMetrics} so the two can never disagree. The rate is
 *   churn_rate = churned / members_before × 100, members_before = total_members at the end of
 *   the previous period (null when 0);
 * people who join and leave within one period count in `churned` but not in `members_before`,
 * so the rate can exceed 100 %.
 */
export async function queryChurnSeries(sql: Sql, q: ChurnQuery, period: Period): Promise<ChurnResult['series']> {
  // One period earlier than asked, for the first period's members_before. Without `from`, the
  // series starts at the first day with data, before which no one was a member.
  const first = q.from ? periodStartOf(q.from, period) : null;
  const rows = await queryMetrics(sql, { period, from: first ? addDays(first, -1) : undefined, to: q.to, groups: q.groups, timeZone: q.timeZone, isMembershipOnly: true });
  const series: ChurnResult['series'] = [];
  let before = 0;
  for (const r of rows) {
    if (first && r.period_start < first) {
      before = r.total_members;
      continue;
    }
    series.push({
      period_start: r.period_start,
      period_end: r.period_end,
      churned: r.churned_members,
      members_before: before,
      churn_rate: before === 0 ? null : (r.churned_members * 100) / before,
    });
    before = r.total_members;
  }
  return series;
}

// ── Breakdowns ──────────────────────────────────────────────────────────────────────────────

/** Stages and ways in the order the breakdowns list them (every one, zero counts included). */
const stageOrder: ChurnStage[] = ['added_not_joined', 'joined_not_bought', 'bought_once', 'repeat_buyer'];
const wayOrder: ChurnWay[] = ['left_group', 'removed', 'customer_deleted_staff', 'staff_deleted_customer'];

/** Tenure buckets: value and the largest whole-day tenure in it (0–7, 8–30, 31–90, 91–180, over 180 days). */
export const tenureBuckets = [
  { value: '0-7', max: 7 },
  { value: '8-30', max: 30 },
  { value: '31-90', max: 90 },
  { value: '91-180', max: 180 },
  { value: '180+', max: Infinity },
] as const;

/** Breakdown value of an event without a channel, a group (contact deletions) or a tenure. */
export const UNKNOWN_VALUE = '';

/** The bucket value of a tenure in days ('' when unknown). */
export function tenureBucket(days: number | null): string {
  if (days === null) return UNKNOWN_VALUE;
  return tenureBuckets.find((b) => days <= b.max)!.value;
}

/**
 * Counts of the events by stage, channel, tenure bucket, group and way, with each value's share
 * of all events in percent (null when there are none). Stage, way and tenure list every value in
 * order (tenure adds '' when some events have none); channel and group list the values present,
 * most events first.
 */
export function churnBreakdowns(events: readonly ChurnEvent[]): ChurnResult['breakdowns'] {
  return breakdownsOf(events.map((e) => ({ ...e, n: 1 })));
}

/** The breakdown dimensions and each one's value of an event (fields absent in a row count as unknown). */
type Tally = Partial<Pick<ChurnEvent, 'stage' | 'channel' | 'tenure_days' | 'group_name' | 'how'>> & { n: number };

/**
 * {@link churnBreakdowns} over rows that each stand for `n` events, per dimension: every event in
 * the rows a dimension reads (the events themselves, or one grouping set per dimension from SQL).
 */
function breakdownsOf(rows: readonly Tally[], rowsOf: (dim: keyof ChurnResult['breakdowns']) => readonly Tally[] = () => rows): ChurnResult['breakdowns'] {
  const count = (dim: keyof ChurnResult['breakdowns'], key: (e: Tally) => string, fixed: readonly string[] | null) => {
    const counts = new Map<string, number>((fixed ?? []).map((v) => [v, 0]));
    let total = 0;
    for (const e of rowsOf(dim)) {
      const v = key(e);
      counts.set(v, (counts.get(v) ?? 0) + e.n);
      total += e.n;
    }
    const entries = [...counts.entries()];
    if (!fixed) entries.sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]));
    return entries.map(([value, n]) => ({ value, count: n, share: total === 0 ? null : (n * 100) / total }));
  };
  return {
    stage: count('stage', (e) => e.stage!, stageOrder),
    channel: count('channel', (e) => e.channel ?? UNKNOWN_VALUE, null),
    tenure: count('tenure', (e) => tenureBucket(e.tenure_days ?? null), tenureBuckets.map((b) => b.value)),
    group: count('group', (e) => e.group_name ?? UNKNOWN_VALUE, null),
    how: count('how', (e) => e.how!, wayOrder),
  };
}

/** Most events churn:query lists; more are counted, broken down and exported, not listed. */
export const CHURN_LIST_LIMIT = 2000;

/** The order of the list: oldest first. */
const eventOrder = (desc = '') => `t${desc}, how${desc}, pid${desc} NULLS LAST, name${desc}, group_name${desc}`;

/**
 * Events, series and breakdowns of churn:query, read from `events`, the table of the scope's
 * events (churnList.ts `withChurnEvents`, which the list grid pages): counted, broken down (one
 * grouping set per dimension) and listed: all of them up to `listLimit` (the view's
 * {@link CHURN_LIST_LIMIT}; null: every one, for the CLI), else the latest that many, oldest first.
 */
export async function queryChurn(sql: Sql, q: ChurnQuery, period: Period, listLimit: number | null, events: string): Promise<ChurnResult> {
  const limit = listLimit === null ? '' : `LIMIT ${Math.max(0, Math.floor(listLimit))}`;
  // The table lists the time with a space, as the grid shows it; the answer's ISO text has a T.
  const listed = await sql.all<ChurnEvent>(
    `SELECT pid, name, replace(left_at, ' ', 'T') AS left_at, how, group_name, stage, channel, tenure_days
     FROM (SELECT * FROM ${events} ORDER BY ${eventOrder(' DESC')} ${limit}) ORDER BY ${eventOrder()}`,
  );
  const sets = await sql.all<Tally & { dim: keyof ChurnResult['breakdowns'] }>(
    `SELECT CASE WHEN grouping(stage) = 0 THEN 'stage' WHEN grouping(channel) = 0 THEN 'channel' WHEN grouping(tenure_days) = 0 THEN 'tenure'
                 WHEN grouping(group_name) = 0 THEN 'group' ELSE 'how' END AS dim,
            stage, channel, tenure_days, group_name, how, CAST(count(*) AS INTEGER) AS n
     FROM ${events} GROUP BY GROUPING SETS ((stage), (channel), (tenure_days), (group_name), (how))`,
  );
  const series = await queryChurnSeries(sql, q, period);
  const eventCount = sets.filter((r) => r.dim === 'how').reduce((n, r) => n + r.n, 0);
  const people = await sql.one<{ n: number }>(`SELECT CAST(count(DISTINCT pid) + count(*) FILTER (WHERE pid IS NULL) AS INTEGER) AS n FROM ${events}`);
  return { events: listed, eventCount, churnedPeople: people?.n ?? 0, series, breakdowns: breakdownsOf(sets, (dim) => sets.filter((r) => r.dim === dim)) };
}

/**
 * Churn events of `q` (in the order given: the list grid's, churnList.ts) as the export's sheet,
 * one row per event as the list shows it: Chinese headers, labels for the way and stage.
 */
export function churnEventsExport(q: ChurnQuery, events: readonly ChurnEvent[]): SheetExport {
  const range = [q.from, q.to].filter(Boolean).join(funnelMessages.rangeJoin);
  const col = churnText.col;
  const rows = events.map((e) => ({
    ...e,
    left_at: e.left_at.replace('T', ' '),
    how: churnWayText[e.how],
    stage: churnStageText[e.stage],
    pid: e.pid ?? churnText.unmatched,
  }));
  return {
    fileName: `${churnText.exportName}${range ? `_${range}` : ''}.xlsx`,
    sheets: [
      sheetOf({
        name: churnText.exportName,
        columns: [
          { key: 'left_at', header: col.left_at, width: 20, format: 'datetime' },
          { key: 'name', header: col.name, width: 18 },
          { key: 'how', header: col.how, width: 14 },
          { key: 'group_name', header: col.group_name, width: 18 },
          { key: 'stage', header: col.stage, width: 14 },
          { key: 'channel', header: col.channel, width: 16 },
          { key: 'tenure_days', header: col.tenure_days, width: 10, format: 'integer' },
          { key: 'pid', header: col.pid, width: 24 },
        ],
        rows,
      }),
    ],
  };
}

// ── Retention and survival ──────────────────────────────────────────────────────────────────

/**
 * The last instant with data (`data_end.t`): the latest join, leave or message of the whole
 * project, not only of the scope, since the exports covered every group until then: a member of
 * a quiet group is still known to be a member at that instant. Retention and survival see the
 * data as of min(that, the end of `to`).
 */
const dataEndCte = `
data_end AS (
  SELECT max(t) AS t FROM (
    SELECT max(join_time) AS t FROM memberships UNION ALL SELECT max(leave_time) FROM memberships
    UNION ALL SELECT max(sent_at) FROM messages
  )
)`;

/** The SQL of {@link queryRetention}. */
export function retentionSql(groups: string[] | undefined): string {
  const inScope = scopeCondition(groups);
  return `
WITH
${membershipCtes(inScope)},
${dataEndCte},
horizon AS (
  SELECT least(CAST(timezone($tz, t) AS DATE), coalesce(CAST($to AS DATE), CAST(timezone($tz, t) AS DATE))) AS hday FROM data_end
),
-- Cohort: the ISO week of the first day a person became a member of the scope.
cohort_people AS (
  SELECT f.pid, CAST(date_trunc('week', f.fday) AS DATE) AS cw
  FROM (SELECT pid, min(sday) AS fday FROM island_days GROUP BY pid) f, horizon h
  WHERE f.fday <= h.hday
    AND (CAST($from AS DATE) IS NULL OR f.fday >= CAST(date_trunc('week', CAST($from AS DATE)) AS DATE))
),
sizes AS (
  SELECT cw, count(*) AS size FROM cohort_people GROUP BY cw
),
span AS (
  SELECT date_diff('day', (SELECT min(cw) FROM sizes), CAST(date_trunc('week', hday) AS DATE)) // 7 + 1 AS weeks FROM horizon
),
-- Offsets k whose week end (Sunday cw + 7k + 6) an island covers: sday ≤ that Sunday < eday.
covered AS (
  SELECT c.cw,
         greatest(0, CAST(ceil((date_diff('day', c.cw, i.sday) - 6) / 7.0) AS INTEGER)) AS k0,
         CASE WHEN i.eday IS NOT NULL THEN CAST(floor((date_diff('day', c.cw, i.eday) - 7) / 7.0) AS INTEGER) END AS k1
  FROM cohort_people c JOIN island_days i ON i.pid = c.pid
),
-- +1 where a covering run starts, −1 after it ends; islands of a person never cover the same Sunday.
deltas AS (
  SELECT cw, k, sum(delta) AS delta FROM (
    SELECT cw, k0 AS k, 1 AS delta FROM covered WHERE k1 IS NULL OR k1 >= k0
    UNION ALL SELECT cw, k1 + 1, -1 FROM covered WHERE k1 >= k0
  ) GROUP BY cw, k
),
cells AS (
  SELECT s.cw, s.size, CAST(unnest(range(0, sp.weeks)) AS INTEGER) AS k FROM sizes s, span sp
)
SELECT strftime(c.cw, '%Y-%m-%d') AS cohort_week, CAST(c.size AS INTEGER) AS size, c.k,
       CASE WHEN c.cw + 7 * c.k + 6 > h.hday THEN NULL
            ELSE CAST(sum(coalesce(d.delta, 0)) OVER (PARTITION BY c.cw ORDER BY c.k) AS INTEGER) END AS retained
FROM cells c CROSS JOIN horizon h
LEFT JOIN deltas d ON d.cw = c.cw AND d.k = c.k
ORDER BY c.cw, c.k`;
}

/**
 * Weekly retention cohorts. A cohort is the people whose first membership of the scope began in
 * one local ISO week (within the weeks from `from`'s); retained[k] is the share of them who are
 * members at the end of the Sunday k weeks later (a re-joiner counts again once back). The data
 * is seen as of the horizon: the last day with data, or `to` when earlier. People who first
 * joined after it are in no cohort, and a week ending after it is null. Every cohort has as
 * many offsets as the oldest one, so the cohorts form a triangle.
 */
export async function queryRetention(sql: Sql, q: ChurnQuery): Promise<RetentionCohort[]> {
  const rows = await sql.all<{ cohort_week: string; size: number; k: number; retained: number | null }>(
    retentionSql(q.groups),
    scopeParams(q, q.timeZone),
  );
  const cohorts: RetentionCohort[] = [];
  for (const r of rows) {
    let c = cohorts[cohorts.length - 1];
    if (!c || c.cohort_week !== r.cohort_week) {
      c = { cohort_week: r.cohort_week, size: r.size, retained: [], counts: [] };
      cohorts.push(c);
    }
    c.counts.push(r.retained);
    c.retained.push(r.retained === null ? null : (r.retained * 100) / r.size);
  }
  return cohorts;
}

/** What a survival curve is split by. */
export type SurvivalBy = 'none' | 'channel' | 'group';


/** The SQL of {@link querySurvival}: per curve label and whole day, the events and censorings. */
export function survivalSql(groups: string[] | undefined, by: SurvivalBy): string {
  const inScope = scopeCondition(groups);
  const toEnd = `coalesce(timezone($tz, CAST(CAST($to AS DATE) + 1 AS TIMESTAMP)), 'infinity'::TIMESTAMPTZ)`;
  // by group: each person's first spell in each group; otherwise their first membership island of the scope.
  const firsts =
    by === 'group'
      ? `SELECT pid, group_name AS label, min(s) AS s, arg_min(e, s) AS e FROM spells WHERE e > s GROUP BY pid, group_name`
      : `SELECT i.pid, ${by === 'channel' ? `coalesce(${personChannelSql('pc')}, $unknown)` : '$all'} AS label, min(i.s) AS s, arg_min(i.e, i.s) AS e
         FROM islands i ${by === 'channel' ? 'LEFT JOIN person_customer pc ON pc.pid = i.pid' : ''} GROUP BY ALL`;
  return `
WITH
${by === 'channel' ? `${identityCtes()},` : ''}
${membershipCtes(inScope)},
${by === 'channel' ? `${personCtes()},` : ''}
${dataEndCte},
-- Observation stops at the last instant with data, or at the end of \`to\` when earlier.
obs AS (
  SELECT least(t, ${toEnd}) AS t_end, ${toEnd} AS to_end FROM data_end
),
firsts AS (${firsts}),
subjects AS (
  SELECT f.label, f.s, NOT isinf(f.e) AND f.e < o.to_end AS is_event,
         CASE WHEN NOT isinf(f.e) AND f.e < o.to_end THEN f.e ELSE o.t_end END AS stop
  FROM firsts f, obs o WHERE ${inRange('f.s')}
)
SELECT label, ${wholeDays('s', 'stop')} AS day,
       CAST(count(*) FILTER (WHERE is_event) AS INTEGER) AS events,
       CAST(count(*) FILTER (WHERE NOT is_event) AS INTEGER) AS censored
FROM subjects GROUP BY ALL ORDER BY label, day`;
}

/**
 * Kaplan–Meier curves of membership. Subjects: the people whose first join into the scope (by
 * group: into that group) falls within [from, to]. Duration: whole days elapsed (floor) from that
 * join to the end of the first membership island of the scope (by group: the first spell in the
 * group), the event; or, for those still members, to the end of observation (the last instant
 * with data, or the end of `to` when earlier), censored. Durations are whole days so the curve
 * steps once per day and the points stay few. Curves by size, largest first.
 */
export async function querySurvival(sql: Sql, q: ChurnQuery, by: SurvivalBy): Promise<SurvivalCurve[]> {
  const params: Record<string, DuckDBValue> = scopeParams(q, q.timeZone);
  if (by === 'none') params.all = churnText.allMembers;
  if (by === 'channel') params.unknown = channelMessages.unknownChannel;
  const rows = await sql.all<{ label: string; day: number; events: number; censored: number }>(survivalSql(q.groups, by), params);
  const byLabel = new Map<string, typeof rows>();
  for (const r of rows) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const curves: SurvivalCurve[] = [];
  for (const [label, days] of byLabel) {
    const km = kaplanMeier(
      days.flatMap((d) => [
        { duration: d.day, isEvent: true, count: d.events },
        { duration: d.day, isEvent: false, count: d.censored },
      ]),
    );
    curves.push({
      label,
      n: km.n,
      events: km.events,
      points: km.points.map((p) => ({ day: p.time, survival: p.survival, at_risk: p.at_risk, events: p.events, censored: p.censored })),
      median_days: km.median,
    });
  }
  return curves.sort((a, b) => b.n - a.n || byCodePoint(a.label, b.label));
}
