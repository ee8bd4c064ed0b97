/**
 * 相似人群 (DESIGN §4 Decision support, issue 14): a logistic regression of "converted" (a paid order
 * not fully refunded) on the customer-360 features of the scope's members, fitted on a seeded 70%
 * and judged on the other 30%; every member who has not converted scored; the top of the list
 * savable as a tag that the other views' tag breakdowns and A/B tag arms see.
 */
import { z } from 'zod';
import { analysisScope } from './common';

/**
 * The customer-360 features a lookalike may use. The purchase features (purchases, GMV, AOV,
 * purchase months, days since the last purchase, repurchase) are left out: they are computed from
 * the purchases that define "converted", so they would predict it perfectly and say nothing.
 */
export const lookalikeFeatureIds = ['messages', 'key_behaviours', 'tenure_days', 'referrals', 'referrals_bought', 'survey_score'] as const;
/** A lookalike feature: one of {@link lookalikeFeatureIds} or a key behaviour's `kb_<id>` count. */
export type LookalikeFeature = (typeof lookalikeFeatureIds)[number] | `kb_${string}`;

/** The features used when a request names none. */
export const defaultLookalikeFeatures: readonly LookalikeFeature[] = ['messages', 'key_behaviours', 'tenure_days', 'referrals'];

/** The question of a lookalike. */
export interface LookalikeRequest {
  /** Groups of the scope; absent or empty = every group. */
  groups?: string[];
  /** The features to fit on (at least one); absent = {@link defaultLookalikeFeatures}. */
  features?: LookalikeFeature[];
  /** Seed of the 70/30 split: the same seed and data give the same split. */
  seed: number;
  /** How many of the best-scored non-converted members to list (default 100). */
  top?: number;
}

/** One feature's coefficient, per standard deviation of the feature. */
export interface LookalikeCoefficient {
  feature: LookalikeFeature;
  /** The feature as a person reads it. */
  label: string;
  /** Mean and standard deviation among the training members (the standardisation). */
  mean: number;
  sd: number;
  /** β on the standardised scale: the change in log-odds per 1 sd of the feature. */
  coefficient: number;
  /** Wald standard error of β. */
  se: number;
  /** e^β: how the odds of converting multiply per 1 sd more of the feature; with its 95% Wald interval e^(β ± 1.96·SE). */
  oddsRatio: number;
  low: number;
  high: number;
  /** Two-sided Wald p-value. */
  p: number;
}

/** One decile of the held-out 30%, lowest scores first: predicted and observed conversion in percent. */
export interface LookalikeCalibrationRow {
  decile: number;
  n: number;
  predicted: number;
  observed: number;
}

/** One scored member who has not converted. */
export interface LookalikePerson {
  /** 1 = highest probability. */
  rank: number;
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  groups: string | null;
  /** Predicted probability of converting, in percent. */
  probability: number;
  /** Share of the scored members whose probability is at or below this one's, in percent (the top scores 100). */
  percentile: number;
}

/** The answer of a lookalike. */
export interface LookalikeResult {
  /** The local day of the features. */
  asOf: string;
  seed: number;
  /** Features fitted on, in request order (constant ones dropped). */
  features: LookalikeFeature[];
  /** Features left out, and why (the same value for every training member: nothing to learn from). */
  dropped: { feature: LookalikeFeature; label: string; reason: 'constant' }[];
  /** Features with empty values (a survey score of who answered none), filled with the training mean. */
  imputed: { feature: LookalikeFeature; label: string; count: number }[];
  /** Members of the scope, and those converted. */
  members: number;
  converted: number;
  /** The 70% fitted on and the 30% held out. */
  train: { n: number; converted: number };
  test: { n: number; converted: number };
  /** β0 on the standardised scale. */
  intercept: number;
  /** Newton steps of the fit. */
  iterations: number;
  coefficients: LookalikeCoefficient[];
  /** AUC on the held-out 30% with its 95% interval (Hanley & McNeil 1982); null without both outcomes there. */
  auc: { value: number | null; low: number | null; high: number | null; method: 'hanley_mcneil' };
  calibration: LookalikeCalibrationRow[];
  /** Non-converted members scored. */
  scored: number;
  /** The best-scored `top` of them. */
  top: LookalikePerson[];
  /** What it means and what to do, in plain language. */
  reading: string;
}

/** A tag saved from an analysis: a list of people the tag breakdowns and tag arms see beside the customer list's tags. */
export interface SavedTag {
  name: string;
  /** People of the tag. */
  people: number;
  /** Where it came from, as a person reads it (相似人群, seed, features). */
  note: string;
  /** ISO timestamp of the save. */
  savedAt: string;
}

// Tags are split on , ， ; ； / 、 and white space wherever they are read: a name may hold none of them.
const tagName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,\uFF0C;\uFF1B/\u3001\s]+$/, 'no separators');

const lookalikeFeature = z.custom<LookalikeFeature>(
  (v) => typeof v === 'string' && ((lookalikeFeatureIds as readonly string[]).includes(v) || /^kb_[A-Za-z0-9_-]{1,64}$/.test(v)),
  'not a lookalike feature',
);

/** Validator of a {@link LookalikeRequest}. */
export const lookalikeRequestSchema = z.object({
  groups: analysisScope.groups,
  features: z.array(lookalikeFeature).min(1).max(40).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  top: z.number().int().min(1).max(100_000).optional(),
});

/** Validator of saving a lookalike's top list as a tag. */
export const saveLookalikeTagSchema = lookalikeRequestSchema.extend({ name: tagName });

/** Validator of the saved tags document (the definitions table's `savedTags`): each tag (its name as `id`) with its people. */
export const savedTagsDocumentSchema = z
  .array(z.object({ id: tagName, pids: z.array(z.string().max(500)).max(1_000_000), note: z.string().max(500), savedAt: z.string().max(40) }))
  .max(200);
