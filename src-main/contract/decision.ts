/** Decision support (DESIGN §4 决策支持): the A/B comparison, the community effect, growth points and the contribution score. */
import { z } from 'zod';
import { analysisScope, empty, isoDate, shortText } from './common';
import { abMetrics } from './ids';
import { method } from './method';
import { growthPointsRequestSchema, type GrowthPointsResult } from './growth';
import { ltvRequestSchema, roiRequestSchema, roiScenarioInputSchema, roiScenariosSchema, type LtvResult, type RoiPlan, type RoiResult, type RoiScenario } from './roi';
import { contributionDefinitionSchema, contributionRequestSchema, type ContributionDefinition, type ContributionResult } from './contribution';
import { lookalikeRequestSchema, saveLookalikeTagSchema, type LookalikeResult, type SavedTag } from './lookalike';
import { exportFormat, type ExportFile } from './common';

export * from './growth';
export * from './lookalike';
export * from './roi';

/** What an arm of an A/B comparison is chosen by. */
export const abArmKinds = ['group', 'staff', 'channel', 'tag', 'joinWeek', 'period'] as const;
export type AbArmKind = (typeof abArmKinds)[number];

/** The figures an A/B comparison compares: rates per person, then means per person (zod-free in ids.ts, for the CLI's start-up). */
export { abMetrics };
export type AbMetric = (typeof abMetrics)[number];

/** One arm: a group, staff member, channel or tag (`value`); a join week (`from`, its Monday); or a date range (`from`–`to`). */
export interface AbArm {
  kind: AbArmKind;
  /** The group, staff member, channel or tag; unused for joinWeek and period. */
  value?: string;
  /** First local day: the Monday of a join week, or the first day of a period. */
  from?: string;
  /** Last local day of a period, inclusive. */
  to?: string;
}

/** The question of an A/B comparison. */
export interface AbtestRequest {
  /** Groups of the scope; absent or empty = every group. */
  groups?: string[];
  a: AbArm;
  b: AbArm;
  metric: AbMetric;
  /** The key behaviour of the `behaviour` metric. */
  behaviourId?: string;
  /** N of week-N retention (default 4). */
  weeks?: number;
}

/** One arm's figures. */
export interface AbArmResult {
  /** The arm as a person reads it (“群 A”, “2024-03-04 当周入群”). */
  label: string;
  /** People in the arm (for retention: those who joined at least N weeks before the as-of day). */
  n: number;
  /** People with the outcome (rates only; null for means). */
  successes: number | null;
  /** The rate in percent, or the mean per person; null for an empty arm. */
  value: number | null;
  /** 95% interval of the value (Wilson for rates, t for means); null where undefined. */
  low: number | null;
  high: number | null;
}

/** The answer of an A/B comparison. */
export interface AbtestResult {
  metric: AbMetric;
  /** Whether the metric is a rate (percent, difference in percentage points) or a mean per person. */
  kind: 'rate' | 'mean';
  /** The local day the figures are computed at. */
  asOf: string;
  a: AbArmResult;
  b: AbArmResult;
  /** A − B (percentage points for rates) with its 95% interval (Newcombe for rates, Welch for means). */
  difference: number | null;
  low: number | null;
  high: number | null;
  /** The test behind the p-value: two-proportion z, Fisher's exact (an expected cell below 5), or Welch's t. */
  test: 'z' | 'fisher' | 'welch' | null;
  /** z or t; null for Fisher's exact test and where undefined. */
  statistic: number | null;
  /** Two-sided p-value. */
  p: number | null;
  /** People needed per arm to detect the observed difference at 80% power, α = 0.05 (rounded up); null without a difference. */
  requiredPerArm: number | null;
  /** 显著 (p < 0.05) / 不显著 / 样本不足 (not significant while an arm is smaller than requiredPerArm, or empty). */
  verdict: 'significant' | 'not_significant' | 'insufficient';
  /** The verdict in plain language, with the numbers behind it. */
  reading: string;
}

/** A saved comparison. */
export interface SavedAbtest {
  id: string;
  name: string;
  request: AbtestRequest;
}

/** One figure of the community effect: members against buyers who never joined, and the difference. */
export interface EffectRow {
  /** repurchase_rate (percent), aov (¥), orders_per_buyer. */
  metric: 'repurchase_rate' | 'aov' | 'orders_per_buyer';
  members: number | null;
  nonMembers: number | null;
  /** members − nonMembers, with its 95% interval (Newcombe for the rate, Welch for the means). */
  difference: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
}

/** The community effect (DESIGN §4 Decision support). */
export interface CommunityEffectResult {
  /** Buyers (by person, or by phone for buyers known only from orders) who joined a group of the scope at some time. */
  memberBuyers: number;
  /** Buyers who never joined one. */
  nonMemberBuyers: number;
  rows: EffectRow[];
  /** Members who joined with 90 days of orders on both sides of their first join. */
  beforeAfter: {
    members: number;
    /** Paid orders per 30 days in the 90 days before joining, and after. */
    before: number | null;
    after: number | null;
    /** after − before, with the paired 95% t interval. */
    difference: number | null;
    low: number | null;
    high: number | null;
    p: number | null;
  };
  /** What it means, in plain language. */
  reading: string;
}

const armSchema = z
  .object({ kind: z.enum(abArmKinds), value: z.string().max(500).optional(), from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((arm, ctx) => {
    if (['group', 'staff', 'channel', 'tag'].includes(arm.kind) && !arm.value) ctx.addIssue({ code: 'custom', message: 'value required', path: ['value'] });
    if (arm.kind === 'joinWeek' && !arm.from) ctx.addIssue({ code: 'custom', message: 'from required (the Monday of the week)', path: ['from'] });
    if (arm.kind === 'period' && (!arm.from || !arm.to || arm.from > arm.to)) ctx.addIssue({ code: 'custom', message: 'from ≤ to required', path: ['from'] });
  });

/** Validator of an {@link AbtestRequest}. */
export const abtestRequestSchema = z.object({
  groups: analysisScope.groups,
  a: armSchema,
  b: armSchema,
  metric: z.enum(abMetrics),
  behaviourId: z.string().max(64).optional(),
  weeks: z.number().int().min(1).max(104).optional(),
});

/** Validator of the saved comparisons (the definitions table's `abtests` document). */
export const savedAbtestsSchema = z.array(z.object({ id: z.string().min(1).max(64), name: shortText.min(1), request: abtestRequestSchema })).max(500);

/** The `decision:*` methods. */
export const decisionMethods = {
  'decision:abtest': method<AbtestResult>()(abtestRequestSchema),
  'decision:abtests': method<SavedAbtest[]>()(empty),
  /** Saves a comparison under its id (a new id adds one); answers the saved list. */
  'decision:saveAbtest': method<SavedAbtest[]>()(z.object({ id: z.string().min(1).max(64), name: shortText.min(1), request: abtestRequestSchema })),
  'decision:deleteAbtest': method<SavedAbtest[]>()(z.object({ id: z.string().min(1).max(64) })),
  'decision:communityEffect': method<CommunityEffectResult>()(z.object({ groups: analysisScope.groups })),
  /** Growth points between the period from–to (default: the latest full week) and the one before. */
  'decision:growthPoints': method<GrowthPointsResult>()(growthPointsRequestSchema),
  /** The contribution score (贡献度) per staff member or group owner, by the given or saved definition. */
  'decision:contribution': method<ContributionResult>()(contributionRequestSchema),
  'decision:contributionDefinition': method<ContributionDefinition>()(empty),
  'decision:saveContribution': method<ContributionDefinition>()(z.object({ definition: contributionDefinitionSchema })),
  /** ROI预测: the rates per channel measured over the last N matured weeks, with the back-test. */
  'decision:roi': method<RoiResult>()(roiRequestSchema),
  /** ROI预测: what each scenario gives, in order (pure: no data read). */
  'decision:roiPlan': method<RoiPlan[]>()(z.object({ scenarios: z.array(roiScenarioInputSchema).max(200) })),
  'decision:roiScenarios': method<RoiScenario[]>()(empty),
  /** Replaces the saved scenarios with these (the scenario grid as saved); answers the saved list. */
  'decision:saveRoiScenarios': method<RoiScenario[]>()(z.object({ scenarios: roiScenariosSchema })),
  /** LTV / CAC per channel of the people acquired in the range. */
  'decision:ltv': method<LtvResult>()(ltvRequestSchema),
  /** 相似人群: the fit, its held-out AUC and calibration, and the best-scored non-converted members. */
  'decision:lookalike': method<LookalikeResult>()(lookalikeRequestSchema),
  /** The lookalike's top list (every scored member without `top`) as an xlsx. */
  'decision:lookalikeExport': method<ExportFile>()(lookalikeRequestSchema.extend({ format: exportFormat })),
  /** Saves the lookalike's top list as a tag (a saved tag of that name is replaced); answers the saved tags. */
  'decision:saveLookalikeTag': method<SavedTag[]>()(saveLookalikeTagSchema),
  /** The saved tags. */
  'decision:savedTags': method<SavedTag[]>()(empty),
  'decision:deleteTag': method<SavedTag[]>()(z.object({ name: z.string().max(40) })),
  /** Every tag people of the scope carry (the customer list's and the saved ones), for the tag choices. */
  'decision:tags': method<string[]>()(z.object({ groups: analysisScope.groups })),
};
