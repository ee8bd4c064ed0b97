/**
 * Growth points (DESIGN §4 Decision support): a ranked list of findings, each sized in people and ¥,
 * with the figures behind it and a link into the view that shows it. Every figure comes from the
 * analysis that owns it (one figure, one definition):
 *
 * - the change in converted people and GMV, split per channel, group, staff and tag into mix and
 *   rate parts (growthDecomposition.ts; 指标's converted_members and gmv);
 * - the cohort-funnel step whose gap to the best segment costs the most buyers (funnelQueries'
 *   cohort funnel over the saved path, broken down by channel, staff and tag in one statement, and
 *   per group when the scope has at most {@link MAX_GROUP_FUNNELS} groups), valued at the current
 *   period's AOV (its GMV over its orders paid while a member, not fully refunded);
 * - churn spikes (指标's daily churned_members, growthSignals' rule) with what non-members (the
 *   staff, operators and bots absent from the member export, as 活跃时段 tells them apart) posted that day;
 * - the channels with the worst ROI and the worst churn share (渠道's rows over all the data, the
 *   source dimension, the saved cost grid);
 * - hours whose member messages are high and posts few (活跃时段's member messages per hour).
 *
 * Periods: the current period is `from`–`to`, else the latest full Monday–Sunday week of the data
 * (the week of the last day with data when that day is a Sunday, else the week before it); the
 * previous period is the same number of days just before it.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { AnalysisScope, DateRange, GrowthFinding, GrowthPointsResult, ParsedReq, SegmentShift } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { readDefinition } from '../../db/definitionsStore';
import { growthText } from '../../locale/growth';
import { membershipCtes, scopeCondition } from '../base/analysisBase';
import { addDays } from '../base/calendar';
import { DERIVED_DB } from '../base/identity';
import { FACTS_CHECKED, countPeopleSql, gnoInScope, memberFactsParams, memberMsgsCtes } from '../base/memberFacts';
import { queryChannelReturns } from '../channels/channelQueries';
import { queryFunnel, queryFunnelBreakdowns } from '../funnel/funnelQueries';
import { isAggregateSource, loadPath } from '../funnel/pathQueries';
import { queryMetrics } from '../metrics/metricsQueries';
import { SEGMENT_JOIN, growthPeriods, segmentCounts, segmentShifts } from './growthDecomposition';
import { MIN_SEGMENT, SPIKE_WINDOW, churnSpikes, costliestFunnelGap, quietPostingHours, type HourFigures, type SegmentFunnel } from './growthSignals';

type GrowthReq = ParsedReq<'decision:growthPoints'>;

/** Groups beyond which the funnel is not run once per group (each is a query of its own). */
export const MAX_GROUP_FUNNELS = 12;

/** Parts of the change shown as findings per dimension (the largest in ¥). */
const PARTS_PER_DIMENSION = 2;

/** Per hour of the day over local days `$lo`–`$hi`: member messages and people (活跃时段's), and the others' posts. */
export function hourFiguresSql(groups: string[] | undefined): string {
  const scoped = !!groups?.length;
  return `
WITH
${membershipCtes(scopeCondition(groups))},
${memberMsgsCtes('mm', scoped, `d BETWEEN CAST($lo AS DATE) AND CAST($hi AS DATE)`)},
members_by AS (SELECT h, count(*) AS messages, ${countPeopleSql()} AS people FROM mm GROUP BY h),
all_by AS (SELECT h, count(*) AS n FROM mm_all GROUP BY h)
SELECT CAST(r.range AS INTEGER) AS hour, CAST(coalesce(m.messages, 0) AS INTEGER) AS messages, CAST(coalesce(m.people, 0) AS INTEGER) AS people,
       CAST(coalesce(a.n, 0) - coalesce(m.messages, 0) AS INTEGER) AS posts
FROM range(0, 24) r LEFT JOIN members_by m ON m.h = r.range LEFT JOIN all_by a ON a.h = r.range
ORDER BY hour`;
}

/** What was posted on local day `$day`: member messages, the others' posts, and the first three posts. */
export function dayPostsSql(groups: string[] | undefined): string {
  const scoped = !!groups?.length;
  return `
WITH
${membershipCtes(scopeCondition(groups))},
${memberMsgsCtes('mm', scoped, `d = CAST($day AS DATE)`)},
posts AS (
  SELECT x.t, msg.content, msg.sender_name
  FROM ${DERIVED_DB}.msgs x JOIN messages msg ON msg.rowid = x.rid
  WHERE x.d = CAST($day AS DATE) AND ${gnoInScope(scoped, 'x.gno')} AND NOT x.own AND ${FACTS_CHECKED}
    AND NOT EXISTS (SELECT 1 FROM ${DERIVED_DB}.id_people p JOIN islands i ON i.pid = p.pid WHERE p.pno = x.pno AND x.t >= i.s AND x.t < i.e)
)
SELECT CAST((SELECT count(*) FROM mm) AS INTEGER) AS member_messages,
       CAST((SELECT count(*) FROM mm_all) - (SELECT count(*) FROM mm) AS INTEGER) AS posts,
       (SELECT list(coalesce(sender_name, '') || ': ' || left(coalesce(content, ''), 40) ORDER BY t) FROM (SELECT * FROM posts ORDER BY t LIMIT 3)) AS samples`;
}

const scopeOf = (groups: string[] | undefined): AnalysisScope => (groups?.length ? { groups } : {});
const byMoney = (a: GrowthFinding, b: GrowthFinding): number =>
  Math.abs(b.yuan ?? -1) - Math.abs(a.yuan ?? -1) || Math.abs(b.people ?? 0) - Math.abs(a.people ?? 0);

/** The mix and rate findings: per dimension, the largest parts in ¥. */
function shiftFindings(shifts: readonly SegmentShift[], req: GrowthReq, periods: { current: DateRange; previous: DateRange }): GrowthFinding[] {
  const out: GrowthFinding[] = [];
  for (const dimension of ['channel', 'group', 'staff', 'tag'] as const) {
    const parts = shifts
      .filter((s) => s.dimension === dimension)
      .flatMap((s) => [
        { shift: s, kind: 'mix' as const, people: s.convertedMix, yuan: s.gmvMix },
        { shift: s, kind: 'rate' as const, people: s.convertedRate, yuan: s.gmvRate },
      ])
      .filter((p) => Math.abs(p.people) >= 0.05 || Math.abs(p.yuan) >= 0.5)
      .sort((a, b) => Math.abs(b.yuan) - Math.abs(a.yuan) || Math.abs(b.people) - Math.abs(a.people))
      .slice(0, PARTS_PER_DIMENSION);
    for (const p of parts) {
      const s = p.shift;
      const isOneGroup = dimension === 'group' && !s.segment.includes(SEGMENT_JOIN);
      const link = isOneGroup
        ? { view: 'metrics' as const, scope: { groups: [s.segment], from: periods.previous.from, to: periods.current.to } }
        : dimension === 'channel'
          ? { view: 'channels' as const, scope: scopeOf(req.groups) }
          : { view: 'features' as const, scope: scopeOf(req.groups) };
      out.push({
        kind: p.kind,
        title: growthText.shiftTitle(p.kind, dimension, s, p.people, p.yuan),
        explanation: growthText.shiftExplanation(p.kind, dimension, s),
        people: p.people,
        yuan: p.yuan,
        evidence: growthText.shiftEvidence(s),
        link,
      });
    }
  }
  return out;
}

/** What the segment counts tell that the other findings are valued with (¥ per order, per person). */
interface Money {
  aov: number | null;
  gmvPerPerson: number | null;
}

/** A finding made without the segment counts, valued once they are known. */
type Valued<T> = (money: Money) => T;

/** The costliest funnel gap over the breakdowns of the saved path's cohort funnel, or null. */
async function funnelFinding(sql: Sql, req: GrowthReq, periods: { current: DateRange; previous: DateRange }, timeZone: string): Promise<Valued<GrowthFinding | null>> {
  const path = await loadPath(sql);
  const stages = path.stages.filter((s) => !isAggregateSource(s.source));
  const buyIndex = stages.findIndex((s) => s.source === 'person_first_paid');
  if (buyIndex < 1) return () => null;
  const range = { from: periods.previous.from, to: periods.current.to };
  const base = { ...range, ...scopeOf(req.groups), mode: 'cohort' as const, windowDays: 14 };
  const candidates: { dimension: 'channel' | 'staff' | 'tag' | 'group'; gap: NonNullable<ReturnType<typeof costliestFunnelGap>> }[] = [];
  // The three breakdowns from one pass over the cohort: at 1,000,000 people about a third less CPU than a statement each.
  const breakdowns = await queryFunnelBreakdowns(sql, base, path, timeZone, ['channel', 'staff', 'tag'] as const);
  for (const [breakdown, funnels] of Object.entries(breakdowns) as [keyof typeof breakdowns, SegmentFunnel[]][]) {
    const gap = costliestFunnelGap(funnels, buyIndex);
    if (gap) candidates.push({ dimension: breakdown, gap });
  }
  const params: Record<string, DuckDBValue> = {};
  if (req.groups?.length) params.groups = listValue(req.groups);
  const groups = (await sql.all<{ g: string }>(`SELECT DISTINCT group_name AS g FROM memberships WHERE ${scopeCondition(req.groups)} ORDER BY 1`, params)).map((r) => r.g);
  if (groups.length >= 2 && groups.length <= MAX_GROUP_FUNNELS) {
    const perGroup: SegmentFunnel[] = [];
    for (const g of groups) perGroup.push({ value: g, stages: (await queryFunnel(sql, { ...base, groups: [g], breakdown: null }, path, timeZone)).stages });
    const gap = costliestFunnelGap(perGroup, buyIndex);
    if (gap) candidates.push({ dimension: 'group', gap });
  }
  const top = candidates.sort((a, b) => b.gap.buyers - a.gap.buyers)[0];
  if (!top) return () => null;
  const { gap, dimension } = top;
  const step = growthText.step(stages[gap.step - 1]!.name, stages[gap.step]!.name);
  return ({ aov }) => {
    const yuan = aov === null ? null : gap.buyers * aov;
    return {
      kind: 'funnel_gap',
      title: growthText.funnelTitle(step, dimension, gap.segment, gap.best, gap.rate * 100, gap.bestRate * 100),
      explanation: growthText.funnelExplanation(step, dimension, gap.segment, gap.best, gap.buyers, yuan, aov),
      people: gap.buyers,
      yuan,
      evidence: growthText.funnelEvidence(gap.entered, gap.rate * 100, gap.bestRate * 100, gap.buyers, aov, MIN_SEGMENT),
      link: { view: 'funnel', scope: { ...range, ...(dimension === 'group' ? { groups: [gap.segment] } : scopeOf(req.groups)) } },
    };
  };
}

/** What was posted on a spike's day (dayPostsSql). */
interface DayPosts {
  member_messages: number;
  posts: number;
  samples: string[] | null;
}

/** Churn spikes of the two periods with what was posted that day. */
async function churnFindings(sql: Sql, req: GrowthReq, periods: { current: DateRange; previous: DateRange }, timeZone: string): Promise<Valued<GrowthFinding[]>> {
  const days = await queryMetrics(sql, { period: 'day', from: addDays(periods.previous.from, -SPIKE_WINDOW), to: periods.current.to, groups: req.groups, timeZone, isMembershipOnly: true });
  const spikes = churnSpikes(days.map((d) => ({ day: d.period_start, churned: d.churned_members })), periods.previous.from);
  const posts: { spike: (typeof spikes)[number]; posted: DayPosts }[] = [];
  for (const spike of spikes) {
    const params: Record<string, DuckDBValue> = { tz: timeZone, day: spike.day };
    if (req.groups?.length) params.groups = listValue(req.groups);
    const posted = (await sql.one<DayPosts>(dayPostsSql(req.groups), params)) ?? { member_messages: 0, posts: 0, samples: null };
    posts.push({ spike, posted });
  }
  return ({ gmvPerPerson }) =>
    posts.map(({ spike, posted }) => {
      const excess = spike.churned - spike.mean;
      return {
        kind: 'churn_spike',
        title: growthText.spikeTitle(spike.day, spike.churned, spike.mean),
        explanation: growthText.spikeExplanation(spike.day, posted.posts, posted.samples ?? []),
        people: -excess,
        yuan: gmvPerPerson === null ? null : -excess * gmvPerPerson,
        evidence: growthText.spikeEvidence(spike, posted.member_messages, posted.posts, posted.samples ?? []),
        link: { view: 'churn', scope: { ...scopeOf(req.groups), from: spike.day, to: spike.day } },
      };
    });
}

/** The channel with the worst ROI and the one with the worst churn share. */
async function channelFindings(sql: Sql, req: GrowthReq, timeZone: string): Promise<GrowthFinding[]> {
  const rows = await queryChannelReturns(sql, scopeOf(req.groups), 'source', await readDefinition(sql, 'channelCosts'), timeZone);
  const link = { view: 'channels' as const, scope: scopeOf(req.groups) };
  const out: GrowthFinding[] = [];
  const withRoi = rows.filter((r) => r.roi !== null);
  if (withRoi.length > 0) {
    const worst = withRoi.reduce((a, b) => (b.roi! < a.roi! ? b : a));
    const best = withRoi.reduce((a, b) => (b.roi! > a.roi! ? b : a));
    if (worst.roi! < 0 || worst !== best) {
      out.push({
        kind: 'channel_roi',
        title: growthText.roiTitle(worst.channel, worst.roi!),
        explanation: growthText.roiExplanation(worst, best === worst ? null : best),
        people: worst.added,
        yuan: worst.gmv - worst.cost!,
        evidence: growthText.roiEvidence(worst),
        link,
      });
    }
  }
  const sized = rows.filter((r) => r.added >= MIN_SEGMENT);
  const added = sized.reduce((s, r) => s + r.added, 0);
  if (sized.length >= 2 && added > 0) {
    const overall = sized.reduce((s, r) => s + r.churned, 0) / added;
    const worst = sized.reduce((a, b) => (b.churned / b.added > a.churned / a.added ? b : a));
    const excess = worst.churned - worst.added * overall;
    if (excess > 0) {
      out.push({
        kind: 'channel_retention',
        title: growthText.retentionTitle(worst.channel, (worst.churned * 100) / worst.added, overall * 100),
        explanation: growthText.retentionExplanation(worst.channel, excess),
        people: -excess,
        yuan: -excess * (worst.gmv / worst.added),
        evidence: growthText.retentionEvidence(worst, overall * 100),
        link,
      });
    }
  }
  return out;
}

/** Hours with many member messages and few posts over both periods. */
async function hourFindings(sql: Sql, req: GrowthReq, periods: { current: DateRange; previous: DateRange }, timeZone: string): Promise<GrowthFinding[]> {
  const params: Record<string, DuckDBValue> = { tz: timeZone, lo: periods.previous.from, hi: periods.current.to, ...(await memberFactsParams(sql)) };
  if (req.groups?.length) params.groups = listValue(req.groups);
  const hours = await sql.all<HourFigures>(hourFiguresSql(req.groups), params);
  return quietPostingHours(hours)
    .slice(0, 3)
    .map((h) => ({
      kind: 'posting_hour' as const,
      title: growthText.hourTitle(h.hour, h.messages, h.posts),
      explanation: growthText.hourExplanation(h.hour),
      people: h.people,
      yuan: null,
      evidence: growthText.hourEvidence(h),
      link: { view: 'activity' as const, scope: { ...scopeOf(req.groups), from: periods.previous.from, to: periods.current.to } },
    }));
}

/** The growth points of the open project. */
export async function growthPoints(sql: Sql, req: GrowthReq, timeZone: string): Promise<GrowthPointsResult> {
  const periods = await growthPeriods(sql, req, timeZone);
  // Five questions that need nothing of each other's answers, asked one after the other: at
  // 100,000 people, asked after the other views' analyses, 380–510 ms where asked at once on
  // connections of their own they took 460–580 (all five holding their memory at the same time, the
  // process touched twice the fresh pages: 16,000–23,000 page faults against 32,000–36,000), and at
  // 1,000,000 people no slower. The funnel gap and the churn spikes are valued in ¥ once the counts
  // have answered, which are kept per state of the data (segmentCounts).
  const counts = await segmentCounts(sql, { groups: req.groups, isDefaultRange: !(req.from && req.to), periods }, timeZone);
  const funnelValued = await funnelFinding(sql, req, periods, timeZone);
  const churnValued = await churnFindings(sql, req, periods, timeZone);
  const channelFound = await channelFindings(sql, req, timeZone);
  const hourFound = await hourFindings(sql, req, periods, timeZone);
  const all = counts.find((c) => c.dimension === 'all');
  const totals = { converted0: all?.converted0 ?? 0, converted1: all?.converted1 ?? 0, gmv0: all?.gmv0 ?? 0, gmv1: all?.gmv1 ?? 0 };
  const money: Money = {
    aov: all && all.orders1 > 0 ? all.gmv1 / all.orders1 : null,
    gmvPerPerson: all && all.people1 > 0 ? all.gmv1 / all.people1 : null,
  };
  const shifts = segmentShifts(counts);
  const funnel = funnelValued(money);
  const findings = [...shiftFindings(shifts, req, periods), ...(funnel ? [funnel] : []), ...churnValued(money), ...channelFound, ...hourFound].sort(byMoney);
  const result = { ...periods, totals, shifts, findings, reading: '' };
  return { ...result, reading: growthText.reading(result) };
}
