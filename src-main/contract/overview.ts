/** The overview page: this week against last week. */
import { z } from 'zod';
import { analysisScope } from './common';
import type { FunnelStage } from './funnel';
import { method } from './method';
import type { MetricsRow } from './metrics';

/** The overview page. */
export interface OverviewResult {
  /** The latest week with data (Monday), ISO date; null when the project is empty. */
  week_start: string | null;
  week_end: string | null;
  /** This week's and last week's weekly metrics rows (null when absent). */
  thisWeek: MetricsRow | null;
  lastWeek: MetricsRow | null;
  /** The last 12 weeks, for the small trend. */
  trend: MetricsRow[];
  /**
   * Cohort funnel of the saved path (monotone by construction): the people whose entry into its
   * first per-person stage fell in the {@link OVERVIEW_FUNNEL_WEEKS} weeks ending with this week.
   */
  funnel: FunnelStage[];
  /** First day of the funnel's entry range (its last day is `week_end`); null when the project is empty. */
  funnel_from: string | null;
}

/** Weeks of entries the overview's cohort funnel follows, this week included. */
export const OVERVIEW_FUNNEL_WEEKS = 4;

/** The `overview:*` methods. */
export const overviewMethods = {
  'overview:query': method<OverviewResult>()(z.object({ groups: analysisScope.groups })),
};
