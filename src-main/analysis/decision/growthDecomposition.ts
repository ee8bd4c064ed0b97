/**
 * The change in converted people and GMV between two periods, split per segment (channel, group,
 * staff, tag) into a mix part and a rate part (DESIGN §4 Decision support, growth points).
 *
 * What is counted, per period and segment (the figures are 指标's, one definition: metricsQueries'
 * `member_orders`, `convertedSql`, `gmvSql`):
 * - people (n): who were members of the scope at some instant of the period (an island of membership
 *   that starts before the period's end and ends after its start). Not total_members (members at the
 *   period's end): a buyer who paid while a member and left before the week ended converted but is
 *   not among them, and the decomposition needs every converted person inside its segment's n.
 * - converted (c): DESIGN converted_members — present people with an order paid in the period while a
 *   member, not fully refunded. Each person is in exactly one segment per dimension, so the segments'
 *   c add up to the scope's converted_members, and their GMV to its gmv.
 * - GMV (g): DESIGN gmv of the segment's people.
 * - the segment of a person: channel = a person's channel (analysisBase `personChannelSql`);
 *   staff = 所属员工; tag = the person's distinct tags, sorted; group = the groups of the scope the
 *   person was in during the period, sorted. Someone with several tags or groups is in the segment
 *   of that combination (joined by “、”), so the segments partition the people and the parts add up.
 *
 * The split is the symmetric (midpoint) shift-share, exact with no residual term: with r = c / n,
 *   mix_i  = (n1_i − n0_i) · (r0_i + r1_i) / 2     more or fewer people from the segment
 *   rate_i = (r1_i − r0_i) · (n0_i + n1_i) / 2     the segment converting better or worse
 *   mix_i + rate_i = n1_i·r1_i − n0_i·r0_i = c1_i − c0_i, so Σ_i (mix_i + rate_i) = C1 − C0.
 * A segment absent in a period (n = 0, hence c = 0) takes the other period's rate: a new segment is
 * all mix (+c1), a vanished one all mix (−c0). GMV is split the same way with r = g / n.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { AnalysisScope, DateRange, GrowthDimension, SegmentShift } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';
import { DEFAULT_TIME_ZONE, readMeta } from '../../db/schema';
import { growthText } from '../../locale/growth';
import { SAVED_TAGS_KEY, membershipCtes, personChannelSql, personCtes, scopeCondition } from '../base/analysisBase';
import { addDays, daysBetween } from '../base/calendar';
import { DERIVED_FORMAT } from '../base/derivedTables';
import { identityCtes } from '../base/identity';
import { keptStatements, scopeKey } from '../base/keptTables';
import { resolveAsOf } from '../features/featuresQueries';
import { convertedSql, gmvSql, memberOrdersCte } from '../metrics/metricsQueries';

/** The two parts of one segment's change. */
export interface ShiftParts {
  mix: number;
  rate: number;
}

/** The midpoint shift-share of one segment (see the file comment): people n0 → n1, outcome c0 → c1. */
export function shiftShare(n0: number, c0: number, n1: number, c1: number): ShiftParts {
  if (n0 === 0 && n1 === 0) return { mix: 0, rate: 0 };
  const r0 = n0 > 0 ? c0 / n0 : c1 / n1;
  const r1 = n1 > 0 ? c1 / n1 : r0;
  return { mix: ((n1 - n0) * (r0 + r1)) / 2, rate: ((r1 - r0) * (n0 + n1)) / 2 };
}

/** One segment's counts in both periods, as the database answers them. */
export interface SegmentCounts {
  dimension: GrowthDimension | 'all';
  segment: string;
  people0: number;
  people1: number;
  converted0: number;
  converted1: number;
  gmv0: number;
  gmv1: number;
  /** Orders paid while a member, not fully refunded (for the AOV; the `all` row only is read). */
  orders0: number;
  orders1: number;
}

/** The periods of a decomposition: local dates, inclusive. */
export interface TwoPeriods {
  from0: string;
  to0: string;
  from1: string;
  to1: string;
}

/** The latest full Monday–Sunday week up to `lastDay` (the week of `lastDay` itself when it is a Sunday). */
export function latestFullWeek(lastDay: string): DateRange {
  const weekday = (new Date(`${lastDay}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const sunday = weekday === 6 ? lastDay : addDays(lastDay, -weekday - 1);
  return { from: addDays(sunday, -6), to: sunday };
}

/** The current period and the one of the same length before it. */
export async function growthPeriods(sql: Sql, req: Pick<AnalysisScope, 'from' | 'to'>, timeZone: string): Promise<{ current: DateRange; previous: DateRange }> {
  const current = req.from && req.to ? { from: req.from, to: req.to } : latestFullWeek(await resolveAsOf(sql, timeZone));
  const length = daysBetween(current.from, current.to) + 1;
  return { current, previous: { from: addDays(current.from, -length), to: addDays(current.from, -1) } };
}

/** Separators of the tags of a customer-list row, as the A/B comparison splits them. */
// eslint-disable-next-line no-restricted-syntax -- the separators Chinese exports write between tags (data), not UI text
const TAG_SPLIT = `'[,，;；、\\s]+'`;
/** How several groups or tags of one person are joined into one segment, as 客户360 lists a person's groups. */
// eslint-disable-next-line no-restricted-syntax -- the list separator 客户360's groups column uses (data), so segments read the same
export const SEGMENT_JOIN = '、';
const JOIN = `'${SEGMENT_JOIN}'`;

/** `expr` (with `{p}` the period, 0 or 1) as the columns `<name>0` and `<name>1`. */
const perPeriod = (expr: string, name: string): string => [0, 1].map((p) => `${expr.replace('{p}', String(p))} AS ${name}${p}`).join(', ');

/**
 * The statement of the per-segment counts (pure): rows of {@link SegmentCounts}, one per dimension
 * and segment, plus the dimension `all` (one row, segment '') with the scope's totals.
 * Parameters: `$tz`, `$from0`, `$to0`, `$from1`, `$to1`, `$unknown`, `$noTag`, and `$groups` when scoped.
 */
export function segmentCountsSql(groups: string[] | undefined): string {
  const start = (day: string) => `timezone($tz, CAST(${day} AS TIMESTAMP))`;
  const end = (day: string) => `timezone($tz, CAST(${day} + 1 AS TIMESTAMP))`;
  return `
WITH
${identityCtes()},
${membershipCtes(scopeCondition(groups))},
${personCtes()},
${memberOrdersCte},
periods AS (
  SELECT 0 AS p, CAST($from0 AS DATE) AS lo, CAST($to0 AS DATE) AS hi
  UNION ALL SELECT 1, CAST($from1 AS DATE), CAST($to1 AS DATE)
),
-- Present: a member of the scope at some instant of the period, with the groups of the scope the
-- person was in during it. Islands are unions of the non-empty spells without gaps, so an island
-- meets the period exactly when one of its spells does: the spells alone give both.
present_spells AS (
  SELECT p.p, s.pno, s.group_name
  FROM periods p JOIN spells s ON s.s < ${end('p.hi')} AND s.e > ${start('p.lo')} AND s.e > s.s
),
-- Most people were in one group: min and max find them cheaply, a list is built for the others only.
present AS (
  SELECT p, pno, CASE WHEN min(group_name) = max(group_name) THEN min(group_name) END AS one_group FROM present_spells GROUP BY p, pno
),
several_groups AS (
  SELECT s.p, s.pno, array_to_string(list_sort(list(DISTINCT s.group_name)), ${JOIN}) AS segment
  FROM present_spells s SEMI JOIN present pr ON pr.p = s.p AND pr.pno = s.pno AND pr.one_group IS NULL
  GROUP BY s.p, s.pno
),
bought AS (
  SELECT p.p, o.pno, ${convertedSql} AS converted, ${gmvSql} AS gmv, count(*) FILTER (WHERE o.refunded < o.paid) AS orders
  FROM member_orders o JOIN periods p ON o.d BETWEEN p.lo AND p.hi
  GROUP BY ALL
),
-- A tag segment once per distinct text of tags, which people share: splitting every person's text
-- was a tenth of the statement's CPU at 1,000,000 people (with 6 distinct texts).
tag_segments AS (
  SELECT tags, nullif(array_to_string(list_sort(list_distinct(list_filter(regexp_split_to_array(tags, ${TAG_SPLIT}), x -> x <> ''))), ${JOIN}), '') AS tag
  FROM (SELECT DISTINCT tags FROM person_tags)
),
-- The segments of a person that do not depend on the period, once per person (not per period).
person_attrs AS (
  SELECT coalesce(pc.pno, pt.pno) AS pno,
         ${personChannelSql('pc')} AS channel,
         nullif(trim(pc.staff), '') AS staff,
         ts.tag
  FROM person_customer pc FULL JOIN person_tags pt ON pt.pno = pc.pno LEFT JOIN tag_segments ts ON ts.tags = pt.tags
),
-- Each present person once per period with their segment of every dimension.
person_segments AS (
  SELECT pr.p, coalesce(b.converted, 0) AS converted, coalesce(b.gmv, 0) AS gmv, coalesce(b.orders, 0) AS orders,
         coalesce(a.channel, $unknown) AS channel, coalesce(a.staff, $unknown) AS staff, coalesce(a.tag, $noTag) AS tag,
         coalesce(pr.one_group, sg.segment) AS group_segment
  FROM present pr
  LEFT JOIN bought b ON b.p = pr.p AND b.pno = pr.pno
  LEFT JOIN person_attrs a ON a.pno = pr.pno
  LEFT JOIN several_groups sg ON sg.p = pr.p AND sg.pno = pr.pno
),
-- Each figure in the column of its period (NULL in the other's), so the aggregation below sums
-- plain columns: a FILTER per aggregate and grouping set (ten by five) was a third of its time.
by_period AS (
  SELECT channel, staff, tag, group_segment,
         ${perPeriod('CAST(p = {p} AS INTEGER)', 'people')},
         ${perPeriod('CASE WHEN p = {p} THEN converted END', 'converted')},
         ${perPeriod('CASE WHEN p = {p} THEN gmv END', 'gmv')},
         ${perPeriod('CASE WHEN p = {p} THEN orders END', 'orders')}
  FROM person_segments
)
-- One pass over the people for every dimension (a union of one copy per dimension read them five times).
SELECT CASE WHEN grouping(channel) = 0 THEN 'channel' WHEN grouping(staff) = 0 THEN 'staff' WHEN grouping(tag) = 0 THEN 'tag'
            WHEN grouping(group_segment) = 0 THEN 'group' ELSE 'all' END AS dimension,
       coalesce(channel, staff, tag, group_segment, '') AS segment,
       CAST(coalesce(sum(people0), 0) AS INTEGER) AS people0,
       CAST(coalesce(sum(people1), 0) AS INTEGER) AS people1,
       CAST(coalesce(sum(converted0), 0) AS INTEGER) AS converted0,
       CAST(coalesce(sum(converted1), 0) AS INTEGER) AS converted1,
       -- Sums stay DECIMAL (exact cents) until here.
       CAST(coalesce(sum(gmv0), 0) AS DOUBLE) AS gmv0,
       CAST(coalesce(sum(gmv1), 0) AS DOUBLE) AS gmv1,
       CAST(coalesce(sum(orders0), 0) AS INTEGER) AS orders0,
       CAST(coalesce(sum(orders1), 0) AS INTEGER) AS orders1
FROM by_period
GROUP BY GROUPING SETS ((), (channel), (staff), (tag), (group_segment))
HAVING grouping(group_segment) = 1 OR group_segment IS NOT NULL
ORDER BY dimension, segment`;
}

/** The parameters of {@link segmentCountsSql}. */
function countsParams(groups: string[] | undefined, periods: TwoPeriods, timeZone: string): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = { tz: timeZone, ...periods, unknown: growthText.unknownSegment, noTag: growthText.noTag };
  if (groups?.length) params.groups = listValue(groups);
  return params;
}

/** Reads the per-segment counts of the two periods (counted now: the analysis keeps them, {@link segmentCounts}). */
export async function querySegmentCounts(sql: Sql, groups: string[] | undefined, periods: TwoPeriods, timeZone: string): Promise<SegmentCounts[]> {
  return sql.all<SegmentCounts>(segmentCountsSql(groups), countsParams(groups, periods, timeZone));
}

/**
 * Schema of the project file keeping the counts of the whole project over the default periods (no
 * groups, no range: what 增长点 opens with) between sessions, in a table named after the state of the
 * data and definitions they were counted from; the first use of a session drops the tables of other
 * states.
 */
export const KEPT_GROWTH_SCHEMA = `${KEPT_SCHEMA_PREFIX}_growth`;

/** Prefix of the kept count tables. */
const COUNTS_PREFIX = 'segment_counts_';

/** The version of what a count table holds, part of its key: raise it with every change of {@link segmentCountsSql}. */
const COUNTS_FORMAT = 1;

/** Scopes and periods whose counts are kept at a time: the latest ones asked for. */
const KEPT_COUNTS = 4;

/** A request's scope and periods, as the counts of {@link segmentCounts} are asked. */
export interface CountsRequest {
  groups?: string[];
  /** Whether the periods are the default ones (no range asked): with no groups, what the file keeps. */
  isDefaultRange: boolean;
  periods: { current: DateRange; previous: DateRange };
}

const twoPeriods = (p: CountsRequest['periods']): TwoPeriods => ({ from0: p.previous.from, to0: p.previous.to, from1: p.current.from, to1: p.current.to });

/**
 * What the counts of `q` depend on, as text: the state of the data, the scope, the periods, the
 * saved tags (a person's tag segment reads them), the labels of the segments without a channel,
 * staff or tag, and the formats of the derived tables and of the counts.
 */
async function countsKey(sql: Sql, q: CountsRequest, timeZone: string): Promise<string> {
  const tags = await sql.one<{ h: string | null }>(`SELECT md5(value) AS h FROM definitions WHERE key = ?`, [SAVED_TAGS_KEY]);
  const more = [twoPeriods(q.periods), tags?.h ?? null, growthText.unknownSegment, growthText.noTag, DERIVED_FORMAT, COUNTS_FORMAT];
  return scopeKey(sql, { groups: q.groups }, timeZone, ...more);
}

/** The counts' request 增长点 opens with: the whole project over the default periods. */
async function defaultCountsRequest(sql: Sql, timeZone: string): Promise<CountsRequest> {
  return { isDefaultRange: true, periods: await growthPeriods(sql, {}, timeZone) };
}

const keptCounts = keptStatements(KEPT_GROWTH_SCHEMA, COUNTS_PREFIX, KEPT_COUNTS, async (sql) => {
  const timeZone = (await readMeta(sql, 'time_zone')) ?? DEFAULT_TIME_ZONE;
  return countsKey(sql, await defaultCountsRequest(sql, timeZone), timeZone);
});

/**
 * The per-segment counts of `q` ({@link segmentCountsSql}), counted once per state of the data and
 * definitions: they read every present person's spells, orders and segments (about 200–350 ms of
 * 增长点's first visit at 100,000 people), so they are kept for the latest KEPT_COUNTS requests. The
 * whole project's over the default periods are kept in the project file ({@link KEPT_GROWTH_SCHEMA}),
 * made by an import's last step or else by the first ask; a project open read-only, and every other
 * request, keep theirs in memory.
 */
export async function segmentCounts(sql: Sql, q: CountsRequest, timeZone: string): Promise<SegmentCounts[]> {
  return keptCounts<SegmentCounts>(sql, {
    key: await countsKey(sql, q, timeZone),
    isDefault: !q.groups?.length && q.isDefaultRange,
    statement: segmentCountsSql(q.groups),
    params: countsParams(q.groups, twoPeriods(q.periods), timeZone),
    orderBy: 'dimension, segment',
  });
}

/** Makes the counts 增长点 opens with (an import's last step), when they are not kept yet. */
export async function keepDefaultSegmentCounts(sql: Sql, timeZone: string): Promise<void> {
  await segmentCounts(sql, await defaultCountsRequest(sql, timeZone), timeZone);
}

/** The shifts of every segment (the `all` row left out), in the order of the counts. */
export function segmentShifts(counts: readonly SegmentCounts[]): SegmentShift[] {
  return counts
    .filter((c): c is SegmentCounts & { dimension: GrowthDimension } => c.dimension !== 'all')
    .map((c) => {
      const converted = shiftShare(c.people0, c.converted0, c.people1, c.converted1);
      const gmv = shiftShare(c.people0, c.gmv0, c.people1, c.gmv1);
      return {
        dimension: c.dimension,
        segment: c.segment,
        people0: c.people0,
        people1: c.people1,
        converted0: c.converted0,
        converted1: c.converted1,
        gmv0: c.gmv0,
        gmv1: c.gmv1,
        convertedMix: converted.mix,
        convertedRate: converted.rate,
        gmvMix: gmv.mix,
        gmvRate: gmv.rate,
      };
    });
}
