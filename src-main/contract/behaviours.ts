/** Key behaviours: the rules, their live counts, and their lift on conversion (DESIGN §4 Key behaviours). */
import { z } from 'zod';
import { analysisScope, empty, period, shortText } from './common';
import { method } from './method';

/** A key behaviour rule (DESIGN §4 Key behaviours). */
export interface KeyBehaviour {
  id: string;
  name: string;
  /** Message types that count (empty = any). */
  msgTypes: string[];
  /** Keyword, or regular expression when isRegex; empty = any content. */
  pattern: string;
  isRegex: boolean;
  /** Minimum matching messages within the window for the behaviour to count. */
  minCount: number;
  /** Window in days for minCount (null = the whole period). */
  windowDays: number | null;
  weight: number;
  enabled: boolean;
}

/** Live count of one behaviour definition. */
export interface BehaviourCount {
  id: string;
  people: number;
  occurrences: number;
  /** Why the definition cannot be evaluated (bad regular expression …). */
  error: string | null;
}

/** A conversion rate comparison with lift and its 95% interval. */
export interface LiftRow {
  id: string;
  name: string;
  doers: number;
  doers_converted: number;
  doers_rate: number | null;
  others: number;
  others_converted: number;
  others_rate: number | null;
  /** doers_rate / others_rate; null when undefined. */
  lift: number | null;
  lift_low: number | null;
  lift_high: number | null;
}

/** One enabled rule's figures of one period (the trend). */
export interface BehaviourSeriesRow {
  id: string;
  period_start: string;
  period_end: string;
  people: number;
  occurrences: number;
}

/** Behaviour analysis: series per behaviour and lift. */
export interface BehaviourResult {
  series: BehaviourSeriesRow[];
  lift: LiftRow[];
}

/** The trend alone, with the rules it has lines of (the enabled usable ones, in order: the lift's rows). */
export interface BehaviourSeries {
  series: BehaviourSeriesRow[];
  behaviours: { id: string; name: string }[];
}

/** Validator of the key behaviours (a definition: requests carry it, the store re-validates it). */
export const keyBehavioursSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(64),
      name: shortText.min(1),
      msgTypes: z.array(shortText).max(50),
      pattern: z.string().max(1000),
      isRegex: z.boolean(),
      minCount: z.number().int().min(1).max(100000),
      windowDays: z.number().int().min(1).max(3660).nullable(),
      weight: z.number().finite(),
      enabled: z.boolean(),
    }),
  )
  .max(100);

/** Validator of what makes a member active: a message (DESIGN default) or any enabled key behaviour (a definition). */
export const activeBySchema = z.enum(['message', 'behaviour']);

/** The `behaviours:*` methods. */
export const behavioursMethods = {
  'behaviours:get': method<KeyBehaviour[]>()(empty),
  'behaviours:save': method<KeyBehaviour[]>()(z.object({ behaviours: keyBehavioursSchema })),
  /**
   * Live counts of (possibly unsaved) definitions, as the user types; without `behaviours`, of the
   * saved ones (what behaviours:get answers), so a view can ask them beside the rules themselves.
   */
  'behaviours:counts': method<BehaviourCount[]>()(z.object({ ...analysisScope, behaviours: keyBehavioursSchema.optional() })),
  'behaviours:query': method<BehaviourResult>()(z.object({ ...analysisScope, period: period.default('week') })),
  /** behaviours:query's two halves apart: the trend (the chart; per period) and the lift (the table below it; the scope only). */
  'behaviours:series': method<BehaviourSeries>()(z.object({ ...analysisScope, period: period.default('week') })),
  'behaviours:lift': method<LiftRow[]>()(z.object({ ...analysisScope })),
  'behaviours:activeBy': method<{ activeBy: 'message' | 'behaviour' }>()(z.object({ activeBy: activeBySchema.optional() })),
  /** Message types present in the group messages, most frequent first, for the types multiselect. */
  'behaviours:msgTypes': method<{ msgType: string; count: number }[]>()(empty),
  /** The default key behaviours, for 恢复默认 (nothing is saved). */
  'behaviours:defaults': method<KeyBehaviour[]>()(empty),
};
