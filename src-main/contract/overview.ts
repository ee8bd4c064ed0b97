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
  /** Period-mode funnel of this week over the saved path. */
  funnel: FunnelStage[];
}

/** The `overview:*` methods. */
export const overviewMethods = {
  'overview:query': method<OverviewResult>()(z.object({ groups: analysisScope.groups })),
};
