/**
 * The funnel over the customer path (DESIGN §4 Funnel), in two modes.
 *
 * Period counts — for each stage, its figure in [from, to] (local days of the project zone):
 * an aggregate stage sums its daily figure over the days (see pathQueries.ts for total rows
 * against per-staff / per-channel rows); a per-person stage counts the distinct people with an
 * event in the range. Adjacent stages are different populations, so a stage may exceed the one
 * before it; its step rate is then given without an interval.
 *
 * Cohort — per-person stages only (aggregate stages are listed in `skipped`). The cohort is the
 * people whose first event of the first stage falls in [from, to]; that instant is their entry.
 * Stage k is reached at the person's earliest event of stage k at or after the instant stage
 * k − 1 was reached, if that event is no later than entry + windowDays × 24 h: an event at exactly
 * the deadline counts, one second later does not. A stage not reached ends the person's path.
 * Time to convert is measured from entry, in days.
 *
 * Defaults of the range: the first and last local day with an event of the path's sources
 * (period) or with an entry (cohort).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { CustomerPath, FunnelResult, FunnelStage, LostPerson, ParsedReq, PathStage, RateCI, StageSource, TimeToConvert } from '../../contract';
import { wilson } from '../stats/wilson';
import { AppError } from '../../contract/appError';
import { sheetOf, type SheetExport } from '../base/exportSheet';
import { funnelMessages, funnelText } from '../../locale/funnel';
import { channelMessages } from '../../locale/analysis';
import { customerRowsChannelSql, earliestRowKey, personChannelSql, scopeParams } from '../base/analysisBase';
import { firstEventsSql, funnelBaseCtes, isAggregateSource, sourceCte } from './pathQueries';
import { plusDaysSql } from '../base/localTime';
import { personJoinTimesCte } from '../base/memberFacts';
import type { Sql } from '../../db/projectDb';

/** What a funnel query asks for (the `funnel:query` request). */
export type FunnelRequest = ParsedReq<'funnel:query'>;
/** What a lost-list query asks for (the `funnel:lost` request). */
export type LostRequest = ParsedReq<'funnel:lost'>;

/** Breakdown value of people without a channel, staff or tag (a locale text without quotes, safe in SQL). */
const noValue = () => funnelMessages.noValue;

/**
 * A proportion k / n with its 95% Wilson interval. Between aggregate stages k may exceed n (they
 * count different populations): the rate is given, the bounds are null (no binomial interval).
 */
export function stageRate(k: number, n: number): RateCI {
  if (n > 0 && k > n) return { rate: (k * 100) / n, low: null, high: null };
  return wilson(k, n);
}

/** The computed stages of a funnel from its counts (and times to convert in cohort mode). */
export function funnelStages(stages: readonly PathStage[], counts: readonly number[], ttc: readonly (TimeToConvert | null)[] | null): FunnelStage[] {
  const first = counts[0] ?? 0;
  return stages.map((s, i) => {
    const count = counts[i] ?? 0;
    const prev = i === 0 ? null : (counts[i - 1] ?? 0);
    return {
      id: s.id,
      name: s.name,
      source: s.source,
      count,
      step: prev === null ? { rate: null, low: null, high: null } : stageRate(count, prev),
      overall: stageRate(count, first),
      dropOff: prev === null ? null : prev - count,
      timeToConvert: ttc ? (ttc[i] ?? null) : null,
    };
  });
}

/** Index of the stage with the largest positive drop-off (the first of equal drops); null when nothing drops. */
export function biggestDrop(stages: readonly FunnelStage[]): number | null {
  let best: number | null = null;
  for (const [i, s] of stages.entries()) {
    if (s.dropOff !== null && s.dropOff > 0 && (best === null || s.dropOff > stages[best]!.dropOff!)) best = i;
  }
  return best;
}

const unique = (sources: StageSource[]) => [...new Set(sources)];
const localDay = (t: string) => `CAST(timezone($tz, ${t}) AS DATE)`;

/**
 * `bounds(lo, hi)` from `ends(lo, hi)` (first and last local days of the data) and the request,
 * and `win(lo, hi, lo_t, hi_t)` the same as the instants [lo 00:00, hi + 1 00:00) local.
 * A bound left out follows the data, but never crosses the bound given.
 */
const windowCtes = `
bounds AS (
  SELECT coalesce(CAST($from AS DATE), CASE WHEN CAST($to AS DATE) < min(lo) THEN CAST($to AS DATE) ELSE min(lo) END, CAST($to AS DATE)) AS lo,
         coalesce(CAST($to AS DATE), CASE WHEN CAST($from AS DATE) > max(hi) THEN CAST($from AS DATE) ELSE max(hi) END, CAST($from AS DATE)) AS hi
  FROM ends
),
win AS (
  SELECT lo, hi, timezone($tz, CAST(lo AS TIMESTAMP)) AS lo_t, timezone($tz, CAST(hi + 1 AS TIMESTAMP)) AS hi_t FROM bounds
)`;

/** The SQL of the period-count funnel: one row with the range and a count `c<i>` per stage. */
export function periodSql(stages: readonly PathStage[], groups: string[] | undefined): string {
  const sources = unique(stages.map((s) => s.source));
  const ends = sources
    .map((s) =>
      isAggregateSource(s)
        ? `SELECT min(d) AS lo, max(d) AS hi FROM ${sourceCte(s)}`
        : `SELECT ${localDay('min(t)')} AS lo, ${localDay('max(t)')} AS hi FROM ${sourceCte(s)}`,
    )
    .join('\n  UNION ALL ');
  const counts = stages
    .map((s, i) =>
      isAggregateSource(s.source)
        ? `(SELECT coalesce(sum(a.v), 0) FROM ${sourceCte(s.source)} a, win w WHERE a.d BETWEEN w.lo AND w.hi) AS c${i}`
        : `(SELECT CAST(count(DISTINCT e.pkey) AS DOUBLE) FROM ${sourceCte(s.source)} e, win w WHERE e.t >= w.lo_t AND e.t < w.hi_t) AS c${i}`,
    )
    .join(',\n       ');
  return `
WITH ${funnelBaseCtes(sources, groups)},
ends AS (
  ${ends}
),${windowCtes}
SELECT strftime(lo, '%Y-%m-%d') AS lo, strftime(hi, '%Y-%m-%d') AS hi,
       ${counts}
FROM win`;
}

/**
 * The CTEs of the cohort over per-person stages: `entry`, the range, and `reached(k, pkey, t0, t)`
 * — each cohort member at each stage k they reached, with their entry t0 and the instant t.
 * Each step takes the earliest event at or after the previous stage's instant, up to the deadline.
 */
export function cohortCtes(stages: readonly PathStage[], groups: string[] | undefined): string {
  const sources = unique(stages.map((s) => s.source));
  // One person per row: a hash join on the person and the earliest event in [previous instant, deadline].
  // (An ASOF join says the same, but DuckDB 1.5 runs it in tens of seconds over 100,000 person partitions.)
  // Grouped on the key alone: each r has one row per key, so its t0 and deadline are the key's.
  // 入群 from each person's ascending join instants: the first at or after the previous instant,
  // if not past the deadline (a row per person, no grouping of every match; at L 20% of the
  // funnel by channel).
  const steps = stages.slice(1).map((s, i) =>
    s.source === 'person_joined'
      ? `r${i + 1} AS (
  SELECT * FROM (
    SELECT r.pkey, r.t0, r.deadline, list_filter(j.ts, x -> x >= r.t)[1] AS t
    FROM r${i} r JOIN person_join_times j ON j.pno = r.pkey
  ) WHERE t <= deadline
)`
      : `r${i + 1} AS (
  SELECT r.pkey, any_value(r.t0) AS t0, any_value(r.deadline) AS deadline, min(e.t) AS t
  FROM r${i} r JOIN ${sourceCte(s.source)} e ON e.pkey = r.pkey AND e.t >= r.t AND e.t <= r.deadline
  GROUP BY r.pkey
)`,
  );
  const joinTimes = stages.slice(1).some((s) => s.source === 'person_joined') ? `,
${personJoinTimesCte(!!groups && groups.length > 0)}` : '';
  const reached = stages.map((_, i) => `SELECT ${i} AS k, pkey, t0, t FROM r${i}`).join('\n  UNION ALL ');
  return `${funnelBaseCtes(sources, groups)}${joinTimes},
entry AS (
  ${firstEventsSql(stages[0]!.source, groups)}
),
ends AS (
  SELECT ${localDay('min(t0)')} AS lo, ${localDay('max(t0)')} AS hi FROM entry
),${windowCtes},
r0 AS (
  SELECT e.pkey, e.t0, ${plusDaysSql('e.t0', 'CAST($window AS INTEGER)')} AS deadline, e.t0 AS t
  FROM entry e, win w WHERE e.t0 >= w.lo_t AND e.t0 < w.hi_t
),
${steps.map((s) => `${s},\n`).join('')}reached AS (
  ${reached}
),
-- Channel, staff and tags of every person key: the customer list (person_customer for people,
-- the rows themselves for customers who match no member), with the key's text (pid).
fn_info AS (
  SELECT pno AS pkey, pid, customer_name, staff, ${personChannelSql('pc')} AS channel, tags FROM person_customer pc
  UNION ALL
  SELECT pkey, any_value(pkey_text), arg_min(customer_name, ${earliestRowKey('c', 't', 'rid')}), arg_min(staff, ${earliestRowKey('c', 't', 'rid')}),
         ${customerRowsChannelSql('c', 't', 'rid')}, arg_min(tags, ${earliestRowKey('c', 't', 'rid')})
  FROM fn_customers c WHERE NOT is_person GROUP BY pkey
)`;
}

/* eslint-disable no-restricted-syntax -- tags are split on the separators Chinese exports write (full-width commas, 、): data vocabulary, not UI text */
/** Per-breakdown-dimension SQL of `dims(pkey, value)` over the cohort (a person may have several tags). */
const dimsSql = (): Record<'channel' | 'staff' | 'tag', string> => ({
  channel: `SELECT r.pkey, coalesce(i.channel, '${channelMessages.unknownChannel}') AS value FROM r0 r LEFT JOIN fn_info i ON i.pkey = r.pkey`,
  staff: `SELECT r.pkey, coalesce(i.staff, '${noValue()}') AS value FROM r0 r LEFT JOIN fn_info i ON i.pkey = r.pkey`,
  // Tags split on , ， ; ； / 、 and white space; each person counts under each of their tags, the
  // customer list's and the saved ones (analysisBase `saved_tags`: a person key of a person is its number).
  tag: `SELECT r.pkey, coalesce(g.tag, '${noValue()}') AS value FROM r0 r LEFT JOIN (
    SELECT DISTINCT pkey, tag FROM (
      SELECT pkey, unnest(regexp_split_to_array(tags, '[,，;；/、\\s]+')) AS tag FROM fn_info WHERE tags IS NOT NULL
      UNION ALL SELECT p.pno, s.tag FROM saved_tags s JOIN id_people p ON p.pid = s.pid
    )
    WHERE tag <> ''
  ) g ON g.pkey = r.pkey`,
});
/* eslint-enable no-restricted-syntax */

/** Days from entry; quantile_cont is the interpolation of stats.ts `quantile`. */
const ttcAggregate = `count(*)::INTEGER AS n, quantile_cont((epoch(t) - epoch(t0)) / 86400, [0.25, 0.5, 0.75]) AS q`;

/**
 * Per stage `k` the people of `reached` who reached it (`n`) and, past the entry stage, the
 * quartiles of their days from entry (`q`): `reached r` joined as `join` says, with the columns
 * `cols` in front, grouped by `by` (none: one row per stage, no row at all for an empty cohort).
 * The entry stage's days are all 0 and never read ({@link cohortStages}), so its rows only count
 * `r0`: its quartiles over every person of the cohort were a fifth of the funnel by channel at L.
 */
function stageStatsSql(cols: string, join: string, by: string): string {
  return `SELECT ${cols}, 0 AS k, count(*)::INTEGER AS n, NULL::DOUBLE[] AS q FROM r0 r ${join} ${by ? `GROUP BY ${by}` : 'HAVING count(*) > 0'}
  UNION ALL SELECT ${cols}, r.k, ${ttcAggregate} FROM reached r ${join} WHERE r.k > 0 GROUP BY ${by ? `${by}, ` : ''}r.k`;
}

/** The join of the cohort's rows `r` to their breakdown values. */
const dimsJoin = 'JOIN dims d ON d.pkey = r.pkey';

/**
 * The SQL of the cohort funnel: per stage k (and per breakdown value) the people who reached it
 * and their times to convert, each row with the resolved range (one row of nulls when no one entered).
 */
export function cohortSql(stages: readonly PathStage[], groups: string[] | undefined, breakdown: FunnelRequest['breakdown']): string {
  return `
WITH ${cohortCtes(stages, groups)}${breakdown ? `,\ndims AS (${dimsSql()[breakdown]})` : ''},
stats AS (
  ${stageStatsSql('NULL::VARCHAR AS value', '', '')}
  ${breakdown ? `UNION ALL ${stageStatsSql('d.value', dimsJoin, 'd.value')}` : ''}
)
SELECT strftime(w.lo, '%Y-%m-%d') AS lo, strftime(w.hi, '%Y-%m-%d') AS hi, s.value, s.k, s.n, s.q
FROM win w LEFT JOIN stats s ON TRUE`;
}

/** A dimension the cohort funnel is broken down by. */
export type FunnelBreakdown = NonNullable<FunnelRequest['breakdown']>;

/**
 * The SQL of the cohort funnel broken down by several dimensions at once (what {@link cohortSql}
 * gives per breakdown value, without the overall rows): one pass over the cohort for all of them,
 * each row tagged with its `breakdown`. Parameters as {@link cohortSql}'s.
 */
export function cohortBreakdownsSql(stages: readonly PathStage[], groups: string[] | undefined, breakdowns: readonly FunnelBreakdown[]): string {
  const dims = dimsSql();
  return `
WITH ${cohortCtes(stages, groups)},
dims AS (
  ${breakdowns.map((b) => `SELECT '${b}' AS breakdown, pkey, value FROM (${dims[b]})`).join('\n  UNION ALL ')}
)
${stageStatsSql('d.breakdown, d.value', dimsJoin, 'd.breakdown, d.value')}`;
}

interface CohortRow {
  lo: string | null;
  hi: string | null;
  value: string | null;
  /** Stage index; null on the row of an empty cohort. */
  k: number | null;
  n: number;
  q: [number, number, number] | null;
}

/** A row of one stage of one breakdown value (the range left out). */
type StageRow = Omit<CohortRow, 'lo' | 'hi'>;

/** Stages of one cohort funnel from its rows (k → n, quantiles). */
function cohortStages(stages: readonly PathStage[], rows: readonly StageRow[]): FunnelStage[] {
  const byK = new Map(rows.map((r) => [r.k, r]));
  const counts = stages.map((_, k) => byK.get(k)?.n ?? 0);
  const ttc = stages.map((_, k): TimeToConvert | null => {
    const q = byK.get(k)?.q;
    return k === 0 || !q ? null : { p25: q[0], median: q[1], p75: q[2] };
  });
  return funnelStages(stages, counts, ttc);
}

async function periodFunnel(sql: Sql, req: FunnelRequest, stages: readonly PathStage[], timeZone: string): Promise<FunnelResult> {
  const row = await sql.one<Record<string, string | number | null>>(periodSql(stages, req.groups), scopeParams(req, timeZone));
  const counts = stages.map((_, i) => Number(row?.[`c${i}`] ?? 0));
  const out = funnelStages(stages, counts, null);
  return { mode: 'period', from: (row?.lo as string | null) ?? null, to: (row?.hi as string | null) ?? null, stages: out, biggestDrop: biggestDrop(out), skipped: [], breakdown: null };
}

async function cohortFunnel(sql: Sql, req: FunnelRequest, path: CustomerPath, timeZone: string): Promise<FunnelResult> {
  const stages = path.stages.filter((s) => !isAggregateSource(s.source));
  const skipped = path.stages.filter((s) => isAggregateSource(s.source)).map((s) => ({ id: s.id, name: s.name, reason: funnelMessages.skipAggregate }));
  if (stages.length === 0) {
    return { mode: 'cohort', from: req.from ?? null, to: req.to ?? null, stages: [], biggestDrop: null, skipped, breakdown: req.breakdown ? [] : null };
  }
  const params: Record<string, DuckDBValue> = { ...scopeParams(req, timeZone), window: req.windowDays };
  const rows = await sql.all<CohortRow>(cohortSql(stages, req.groups, req.breakdown), params);
  const overall = cohortStages(
    stages,
    rows.filter((r) => r.value === null && r.k !== null),
  );
  const breakdown = req.breakdown ? breakdownFunnels(stages, rows) : null;
  return { mode: 'cohort', from: rows[0]?.lo ?? null, to: rows[0]?.hi ?? null, stages: overall, biggestDrop: biggestDrop(overall), skipped, breakdown };
}

/** One funnel per breakdown value from its rows (those without a value left out), largest cohorts first. */
function breakdownFunnels(stages: readonly PathStage[], rows: readonly StageRow[]): NonNullable<FunnelResult['breakdown']> {
  const byValue = new Map<string, StageRow[]>();
  for (const r of rows) {
    if (r.value === null || r.k === null) continue;
    byValue.set(r.value, [...(byValue.get(r.value) ?? []), r]);
  }
  return [...byValue.entries()]
    .map(([value, rs]) => ({ value, stages: cohortStages(stages, rs) }))
    // Largest cohorts first; equal sizes by value, so the order is stable.
    .sort((a, b) => b.stages[0]!.count - a.stages[0]!.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * The cohort funnel's breakdowns by several dimensions from one statement: per dimension what
 * {@link queryFunnel} gives as `breakdown` for a cohort request with that breakdown (`req.mode`
 * and `req.breakdown` are not read). Empty lists when the path has no per-person stage.
 */
export async function queryFunnelBreakdowns<B extends FunnelBreakdown>(
  sql: Sql,
  req: Omit<FunnelRequest, 'mode' | 'breakdown'>,
  path: CustomerPath,
  timeZone: string,
  breakdowns: readonly B[],
): Promise<Record<B, NonNullable<FunnelResult['breakdown']>>> {
  const stages = path.stages.filter((s) => !isAggregateSource(s.source));
  const rows =
    stages.length === 0 || breakdowns.length === 0
      ? []
      : await sql.all<StageRow & { breakdown: B }>(cohortBreakdownsSql(stages, req.groups, breakdowns), { ...scopeParams(req, timeZone), window: req.windowDays });
  return Object.fromEntries(breakdowns.map((b) => [b, breakdownFunnels(stages, rows.filter((r) => r.breakdown === b))])) as Record<
    B,
    NonNullable<FunnelResult['breakdown']>
  >;
}

/**
 * The funnel of the path over the scope (DESIGN §4 Funnel): period counts or a cohort, with
 * step and overall rates (95% Wilson), drop-offs and the biggest drop; in cohort mode also the
 * times to convert and, when asked, one funnel per channel, staff or tag.
 */
export async function queryFunnel(sql: Sql, req: ParsedReq<'funnel:query'>, path: CustomerPath, timeZone: string): Promise<FunnelResult> {
  if (req.mode === 'period' && req.breakdown) throw new AppError('INVALID_REQUEST', funnelMessages.breakdownNeedsCohort);
  if (req.mode === 'cohort') return cohortFunnel(sql, req, path, timeZone);
  if (path.stages.length === 0) return { mode: 'period', from: req.from ?? null, to: req.to ?? null, stages: [], biggestDrop: null, skipped: [], breakdown: null };
  return periodFunnel(sql, req, path.stages, timeZone);
}

/** The per-person stages the cohort follows, and the step a lost list asks about (or an error). */
export function lostStages(req: LostRequest, path: CustomerPath): PathStage[] {
  const stages = path.stages.filter((s) => !isAggregateSource(s.source));
  if (req.stageIndex >= stages.length) {
    throw new AppError('INVALID_REQUEST', funnelMessages.noSuchCohortStage(stages.length, req.stageIndex + 1), { stageIndex: req.stageIndex });
  }
  return stages.slice(0, req.stageIndex + 1);
}

/**
 * The cohort's people who reached the next-to-last of `stages` but not the last (lostStages), with
 * the instant `t0` they entered the cohort, which the list is ordered by (then the person id): the
 * columns of LostPerson but `last_stage`. Its parameters: {@link lostParams}.
 */
export function lostSql(stages: PathStage[], groups: string[] | undefined): string {
  const k = stages.length - 1;
  return `
WITH ${cohortCtes(stages, groups)},
lost AS (
  SELECT a.pkey, a.t0 FROM reached a
  WHERE a.k = ${k - 1} AND NOT EXISTS (SELECT 1 FROM reached b WHERE b.k = ${k} AND b.pkey = a.pkey)
)
SELECT coalesce(p.pid, i.pid) AS pid, coalesce(pn.name, i.customer_name) AS name, i.channel, i.staff,
       strftime(timezone($tz, a.t0), '%Y-%m-%dT%H:%M:%S') AS entered_at, a.t0
FROM lost a
LEFT JOIN fn_info i ON i.pkey = a.pkey
LEFT JOIN id_people p ON p.pno = a.pkey
LEFT JOIN person_names pn ON pn.pid = p.pid`;
}

/** The parameters of {@link lostSql}. */
export const lostParams = (req: LostRequest, timeZone: string): Record<string, DuckDBValue> => ({ ...scopeParams(req, timeZone), window: req.windowDays });

/**
 * The cohort's people who reached stage `stageIndex − 1` but not `stageIndex`, by entry time, straight
 * from the data: what the kept list (lostList.ts, which funnel:lost and the export read) is made of.
 */
export async function queryLost(sql: Sql, req: LostRequest, path: CustomerPath, timeZone: string): Promise<LostPerson[]> {
  const stages = lostStages(req, path);
  const rows = await sql.all<Omit<LostPerson, 'last_stage'>>(
    `SELECT pid, name, channel, staff, entered_at FROM (${lostSql(stages, req.groups)}) ORDER BY t0, pid`,
    lostParams(req, timeZone),
  );
  const lastStage = stages[stages.length - 2]!.name;
  return rows.map((r) => ({ ...r, last_stage: lastStage }));
}

/** The lost list `rows` of the request's step as an xlsx file. */
export function exportLost(rows: LostPerson[], req: LostRequest, path: CustomerPath): SheetExport {
  const stages = lostStages(req, path);
  const step = `${stages[stages.length - 2]!.name}→${stages[stages.length - 1]!.name}`;
  const range = [req.from, req.to].filter(Boolean).join(funnelMessages.rangeJoin);
  const lost = funnelText.lost;
  return {
    fileName: `${lost.title}_${step}${range ? `_${range}` : ''}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'),
    sheets: [
      sheetOf({
        name: lost.title,
        columns: [
          { key: 'pid', header: lost.col.pid, width: 24 },
          { key: 'name', header: lost.col.name, width: 18 },
          { key: 'channel', header: lost.col.channel, width: 14 },
          { key: 'staff', header: lost.col.staff, width: 12 },
          { key: 'entered_at', header: lost.col.entered_at, width: 20, format: 'datetime' },
          { key: 'last_stage', header: lost.col.last_stage, width: 16 },
        ],
        rows,
      }),
    ],
  };
}
