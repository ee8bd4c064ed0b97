/** Growth points (DESIGN §4 决策支持 增长点): a ranked list of findings, each sized in people and ¥, with its evidence and a link. */
import { z } from 'zod';
import { analysisScope, type AnalysisScope } from './common';

/** The dimensions the change between two periods is decomposed by. */
export const growthDimensions = ['channel', 'group', 'staff', 'tag'] as const;
export type GrowthDimension = (typeof growthDimensions)[number];

/** What a finding is about. */
export const growthFindingKinds = ['mix', 'rate', 'funnel_gap', 'churn_spike', 'channel_roi', 'channel_retention', 'posting_hour'] as const;
export type GrowthFindingKind = (typeof growthFindingKinds)[number];

/** The views a finding can link to (the renderer's tab ids). */
export const growthLinkViews = ['metrics', 'funnel', 'churn', 'channels', 'activity', 'features'] as const;
export type GrowthLinkView = (typeof growthLinkViews)[number];

/** Where a finding is seen: a view and the scope to open it with. */
export interface GrowthLink {
  view: GrowthLinkView;
  scope: AnalysisScope;
}

/** One figure behind a finding. */
export interface GrowthEvidence {
  /** The figure's name, in the current language. */
  label: string;
  /** A number (rates in percent, money in ¥) or a short text such as a post's content. */
  value: number | string | null;
}

/** One growth point. */
export interface GrowthFinding {
  kind: GrowthFindingKind;
  /** One line: what happened, where. */
  title: string;
  /** What it means and what to do, in plain language. */
  explanation: string;
  /** People it is about (signed for the parts of a change: negative = lost); null when it has no head count. */
  people: number | null;
  /** Its size in ¥ (signed like `people`); null when no money estimate is honest. */
  yuan: number | null;
  evidence: readonly GrowthEvidence[];
  link: GrowthLink;
}

/** One segment's part of the change between the two periods (the shift-share of growthDecomposition.ts). */
export interface SegmentShift {
  dimension: GrowthDimension;
  /** The segment: a channel, a group, a staff member or a tag; several joined by “、” for people in several. */
  segment: string;
  /** People present (a member of the scope at some instant of the period), previous and current period. */
  people0: number;
  people1: number;
  /** Converted people (DESIGN converted_members) and GMV (DESIGN gmv) of the segment in each period. */
  converted0: number;
  converted1: number;
  gmv0: number;
  gmv1: number;
  /** Parts of converted1 − converted0: more or fewer people (mix), converting better or worse (rate). */
  convertedMix: number;
  convertedRate: number;
  /** Parts of gmv1 − gmv0, likewise with GMV per present person as the rate. */
  gmvMix: number;
  gmvRate: number;
}

/** A local date range, inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

/** The growth points of the scope between two periods. */
export interface GrowthPointsResult {
  /** The period studied, and the one of the same length just before it. */
  current: DateRange;
  previous: DateRange;
  /** Converted people and GMV of the scope in each period (the figures of 指标). */
  totals: { converted0: number; converted1: number; gmv0: number; gmv1: number };
  /** Every segment of every dimension; per dimension the parts add up to the totals' change. */
  shifts: SegmentShift[];
  /** Largest first. */
  findings: GrowthFinding[];
  /** What the change was, in plain language. */
  reading: string;
}

/** Validator of a growth-points request: `from`–`to` is the current period (default: the latest full week). */
export const growthPointsRequestSchema = z
  .object({ ...analysisScope })
  .refine((r) => (r.from === undefined) === (r.to === undefined), { message: 'from and to go together', path: ['from'] });
