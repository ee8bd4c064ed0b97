/**
 * The overview page (issue 4): the latest week with data, its figures next to last week's, a
 * 12-week trend and the cohort funnel of the saved path for the people who entered it in the
 * last {@link OVERVIEW_FUNNEL_WEEKS} weeks (issue 11 item 4: the period counts of one week are no
 * funnel — 添加 0 → 入群 7 → 付费 13 — while a cohort only shrinks from stage to stage, and one week
 * of entries at the end of the data is mostly too young to have bought).
 *
 * The weekly figures are the rows of {@link queryMetrics} themselves, not a second computation,
 * so the overview and the 指标 view agree by construction. "The latest week with data" is the
 * last week of those rows: the week of the last local day with an event of the scope (a join, a
 * leave, a group message, an order paid by a member), as the metrics define their default range.
 */
import { OVERVIEW_FUNNEL_WEEKS, type FunnelStage, type MetricsRow, type OverviewResult } from '../../contract';
import { queryFunnel } from '../funnel/funnelQueries';
import { queryMetrics } from '../metrics/metricsQueries';
import { loadPath } from '../funnel/pathQueries';
import type { Sql } from '../../db/projectDb';

/** Weeks the small trend shows, this week included. */
export const TREND_WEEKS = 12;

/** What the overview asks for. */
export interface OverviewQuery {
  /** Groups of the scope; undefined or empty means every group. */
  groups?: string[];
  /** IANA time zone the days and weeks are counted in. */
  timeZone: string;
}

/** The Monday `weeks` weeks before an ISO date (one by default), as an ISO date. */
export function previousWeekStart(weekStart: string, weeks = 1): string {
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7 * weeks);
  return d.toISOString().slice(0, 10);
}

/** Picks this week, last week and the trend out of weekly metrics rows in period order. */
export function overviewOfWeeks(rows: readonly MetricsRow[]): Omit<OverviewResult, 'funnel' | 'funnel_from'> {
  const thisWeek = rows.at(-1) ?? null;
  if (!thisWeek) return { week_start: null, week_end: null, thisWeek: null, lastWeek: null, trend: [] };
  const lastStart = previousWeekStart(thisWeek.period_start);
  return {
    week_start: thisWeek.period_start,
    week_end: thisWeek.period_end,
    thisWeek,
    lastWeek: rows.find((r) => r.period_start === lastStart) ?? null,
    trend: rows.slice(-TREND_WEEKS),
  };
}

/**
 * The overview of the scope. One metrics query over every week with data (its cost is the scan
 * of the scope's events, hardly the number of weeks), then the cohort funnel of the entries of the
 * last weeks, as the funnel view computes it for that range in 按人群 mode.
 */
export async function queryOverview(sql: Sql, q: OverviewQuery): Promise<OverviewResult> {
  const rows = await queryMetrics(sql, { period: 'week', groups: q.groups, timeZone: q.timeZone });
  const weeks = overviewOfWeeks(rows);
  if (!weeks.week_start || !weeks.week_end) return { ...weeks, funnel: [], funnel_from: null };
  const range = { from: previousWeekStart(weeks.week_start, OVERVIEW_FUNNEL_WEEKS - 1), to: weeks.week_end };
  return { ...weeks, funnel: await cohortFunnel(sql, q, range), funnel_from: range.from };
}

/** The cohort funnel (default window) of the entries in a range over the saved customer path (the default path when none is saved). */
async function cohortFunnel(sql: Sql, q: OverviewQuery, range: { from: string; to: string }): Promise<FunnelStage[]> {
  const req = { mode: 'cohort', ...range, groups: q.groups, windowDays: 14, breakdown: null } as const;
  const funnel = await queryFunnel(sql, req, await loadPath(sql), q.timeZone);
  return funnel.stages;
}
