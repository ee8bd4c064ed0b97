/** The funnel over the customer path (DESIGN §4 Funnel). */
import { z } from 'zod';
import { analysisScope, dataQuery, exportFormat, type ExportFile, type RateCI, type TablePage } from './common';
import { method } from './method';
import type { StageSource } from './path';

/** Time from the cohort's first stage to this stage, in days, over the people who reached it. */
export interface TimeToConvert {
  median: number;
  p25: number;
  p75: number;
}

/** One stage of a computed funnel. */
export interface FunnelStage {
  id: string;
  name: string;
  source: StageSource;
  /** Events or people (period mode), people (cohort mode). */
  count: number;
  /** stage / previous stage; the first stage has null. */
  step: RateCI;
  /** stage / first stage. */
  overall: RateCI;
  /** previous stage − this stage; null for the first stage. */
  dropOff: number | null;
  /** Cohort mode only. */
  timeToConvert: TimeToConvert | null;
}

/** A computed funnel (DESIGN §4 Funnel). */
export interface FunnelResult {
  mode: 'period' | 'cohort';
  /** Resolved local date range. */
  from: string | null;
  to: string | null;
  stages: FunnelStage[];
  /** Index of the stage with the largest drop-off count (null when no stage drops). */
  biggestDrop: number | null;
  /** Stages the mode skipped (cohort mode follows per-person stages only), with the reason. */
  skipped: { id: string; name: string; reason: string }[];
  /** One funnel per value of the breakdown dimension (cohort mode), side by side. */
  breakdown: { value: string; stages: FunnelStage[] }[] | null;
}

/** A person lost at a funnel step (cohort mode). */
export interface LostPerson {
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  /** When they entered the cohort (first stage), ISO local date-time. */
  entered_at: string;
  /** Name of the last stage they reached. */
  last_stage: string;
}

const windowDays = z.number().int().min(1).max(365).default(14);
const lostRequest = z.object({ ...analysisScope, windowDays, stageIndex: z.number().int().min(1).max(29) });

/** The `funnel:*` methods. */
export const funnelMethods = {
  'funnel:query': method<FunnelResult>()(
    z.object({
      ...analysisScope,
      mode: z.enum(['period', 'cohort']),
      windowDays,
      breakdown: z.enum(['channel', 'staff', 'tag']).nullable().default(null),
    }),
  ),
  /** People of the cohort who reached stage `stageIndex - 1` but not `stageIndex` (cohort mode). */
  'funnel:lost': method<LostPerson[]>()(lostRequest),
  /** A page of that list, sorted and filtered on the Node side (the list grid: hundreds of thousands of people at a large brand). */
  'funnel:lostPage': method<TablePage<LostPerson>>()(lostRequest.extend(dataQuery.shape)),
  'funnel:exportLost': method<ExportFile>()(lostRequest.extend({ format: exportFormat })),
};
