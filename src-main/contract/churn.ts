/** Churn, retention and membership survival (DESIGN §4 Churn). */
import { z } from 'zod';
import { analysisScope, dataQuery, exportFormat, gridFilter, gridSort, period, type ExportFile, type TablePage } from './common';
import { method } from './method';

/** How a person left (DESIGN §4 Churn). */
export type ChurnWay = 'left_group' | 'removed' | 'customer_deleted_staff' | 'staff_deleted_customer';

/** Stage of the path a churned person was at. */
export type ChurnStage = 'added_not_joined' | 'joined_not_bought' | 'bought_once' | 'repeat_buyer';

/** One churn event. */
export interface ChurnEvent {
  /** Person id; null for a 流失客户 row identity tied to nobody (still listed, by its name). */
  pid: string | null;
  name: string | null;
  /** ISO local date-time of the leave / deletion. */
  left_at: string;
  how: ChurnWay;
  /** Group left (null for a contact deletion). */
  group_name: string | null;
  stage: ChurnStage;
  channel: string | null;
  /** Days from the first join (or being added) to the leave. */
  tenure_days: number | null;
}

/**
 * A churn event as the list grid shows it (churn:events): the time as local `YYYY-MM-DD HH:MM:SS`
 * and the labels of its way and stage as fields, so sorting and filtering work on what is read.
 */
export type ChurnEventRow = ChurnEvent & {
  /** The way, as its label in the request's language. */
  how_text: string;
  /** The stage, as its label in the request's language. */
  stage_text: string;
};

/** Churn over time and its breakdowns. */
export interface ChurnResult {
  /** The events, oldest first: all of them up to 2,000 (CHURN_LIST_LIMIT; `listAll` lifts it, `listLimit` lowers it), else the latest 2,000. */
  events: ChurnEvent[];
  /** Every event of the scope and range (what the breakdowns and the export count): records, a person once per leave or deletion. */
  eventCount: number;
  /**
   * Distinct people among those events (a record tied to no person counts once): 流失人数（去重）.
   * Not the sum of the series, which counts a person once in every period they churned in.
   */
  churnedPeople: number;
  /** Per period: people who churned (DESIGN §4 churned_members) and the rate over members at the end of the previous period. */
  series: { period_start: string; period_end: string; churned: number; members_before: number; churn_rate: number | null }[];
  breakdowns: Record<'stage' | 'channel' | 'tenure' | 'group' | 'how', { value: string; count: number; share: number | null }[]>;
}

/** Weekly retention cohorts: join week × weeks since join. */
export interface RetentionCohort {
  /** Monday of the join week, ISO date. */
  cohort_week: string;
  /** People whose first join into the scope fell in that week. */
  size: number;
  /** Per week offset 0…n: share (percent) still members of the scope at the end of that week; null once in the future. */
  retained: (number | null)[];
  /** The counts behind `retained`. */
  counts: (number | null)[];
}

/** One Kaplan–Meier curve. */
export interface SurvivalCurve {
  label: string;
  /** People in the curve. */
  n: number;
  /** Leaves observed (the others are censored). */
  events: number;
  /** Step points: day since join, survival probability 0–1, at risk just before, events and censored on that day. */
  points: { day: number; survival: number; at_risk: number; events: number; censored: number }[];
  /** Median membership in days; null when survival never falls to 0.5. */
  median_days: number | null;
}

/** The `churn:*` methods. */
export const churnMethods = {
  'churn:query': method<ChurnResult>()(
    z.object({
      ...analysisScope,
      period: period.default('week'),
      listAll: z.boolean().optional(),
      /** At most this many of the latest events in `events` (default and most 2,000; 0 for a view whose list pages through churn:events). */
      listLimit: z.number().int().min(0).max(2000).optional(),
    }),
  ),
  'churn:retention': method<RetentionCohort[]>()(z.object(analysisScope)),
  'churn:survival': method<SurvivalCurve[]>()(z.object({ ...analysisScope, by: z.enum(['none', 'channel', 'group']).default('none') })),
  /** Every churn event of the scope, one page at a time, sorted and filtered on the Node side (the list grid). */
  'churn:events': method<TablePage<ChurnEventRow>>()(z.object({ ...analysisScope, ...dataQuery.shape })),
  /** The churn events of the scope as an xlsx or CSV file (Chinese headers and labels), sorted and filtered as the list grid shows them. */
  'churn:export': method<ExportFile>()(z.object({ ...analysisScope, sort: gridSort, filter: gridFilter, format: exportFormat })),
};
