/**
 * 贡献度 (DESIGN §4 Decision support): a score 0–100 per staff member or group owner, the weighted
 * mean of metrics normalised across them, with rating bands. The definition (metric grid, band grid)
 * is saved in the project and travels with the definitions template.
 */
import { z } from 'zod';
import { analysisScope, shortText } from './common';
import { contributionMetricIds, contributionUnits } from './ids';

/** The metrics a contribution score can weigh, in grid order (zod-free in ids.ts, for the CLI's start-up). */
export { contributionMetricIds };
export type ContributionMetricId = (typeof contributionMetricIds)[number];

/** Metrics where less is better: normalised reversed (the lowest churn scores highest). */
export const reversedContributionMetrics: readonly ContributionMetricId[] = ['churn_rate'];

/** Who is scored: the customer list's staff member (员工) of each person, or the owner (群主) of each group. */
export { contributionUnits };
export type ContributionUnit = (typeof contributionUnits)[number];

/** How a metric is put on 0–1 across the units: min–max, or the percentile rank (ties share the middle rank). */
export const contributionNormalisations = ['minmax', 'percentile'] as const;
export type ContributionNormalisation = (typeof contributionNormalisations)[number];

/** One row of the metric grid. */
export interface ContributionMetric {
  metric: ContributionMetricId;
  /** Whether the metric counts in the score. */
  enabled: boolean;
  normalise: ContributionNormalisation;
  /** Relative weight (≥ 0); the enabled weights must not sum to 0. */
  weight: number;
}

/** One row of the band grid: scores at or above `min` (and below the next band up) get `label`. */
export interface ContributionBand {
  label: string;
  /** Lowest score of the band, 0–100. */
  min: number;
}

/** The saved contribution definition. */
export interface ContributionDefinition {
  /** Who is scored unless a request says otherwise. */
  by: ContributionUnit;
  metrics: ContributionMetric[];
  bands: ContributionBand[];
}

/** One metric's share of a unit's score. */
export interface ContributionPart {
  metric: ContributionMetricId;
  /** The unit's figure (rates in percent, GMV in ¥); null when undefined (a rate over nobody). */
  value: number | null;
  /** The figure on 0–1 across the units (reversed for churn); null when the value is. */
  normalised: number | null;
  /** Points of the score: weight × normalised / Σ enabled weights × 100 (0 when normalised is null). The parts sum to the score. */
  points: number;
  /** Most points the metric can give: weight / Σ enabled weights × 100. */
  maxPoints: number;
}

/** One scored staff member or group owner. */
export interface ContributionRow {
  /** The staff member's or owner's name. */
  unit: string;
  /** People counted for the unit (its customers, or the people of its groups). */
  people: number;
  /** 0–100. */
  score: number;
  /** The band label; null when the score is below every band. */
  band: string | null;
  /** 1 = best; equal scores share a rank. */
  rank: number;
  /** One per enabled metric, in grid order. */
  parts: ContributionPart[];
  /** The score explained in plain language. */
  reading: string;
}

/** The contribution scores. */
export interface ContributionResult {
  by: ContributionUnit;
  /** The local day the figures are computed at. */
  asOf: string;
  /** Enabled metrics, in grid order (the parts' order). */
  metrics: ContributionMetricId[];
  /** Best first. */
  rows: ContributionRow[];
  /** What the ranking means, in plain language. */
  reading: string;
}

/** Validator of a {@link ContributionDefinition}: unique metrics, enabled weights summing above 0, unique band labels. */
export const contributionDefinitionSchema = z
  .object({
    by: z.enum(contributionUnits),
    metrics: z
      .array(
        z.object({
          metric: z.enum(contributionMetricIds),
          enabled: z.boolean(),
          normalise: z.enum(contributionNormalisations),
          weight: z.number().finite().min(0).max(1000),
        }),
      )
      .max(contributionMetricIds.length),
    bands: z.array(z.object({ label: shortText.min(1).max(20), min: z.number().finite().min(0).max(100) })).min(1).max(10),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.metrics.forEach((m, i) => {
      if (seen.has(m.metric)) ctx.addIssue({ code: 'custom', message: 'metric listed twice', path: ['metrics', i, 'metric'] });
      seen.add(m.metric);
    });
    if (!(def.metrics.filter((m) => m.enabled).reduce((s, m) => s + m.weight, 0) > 0)) {
      ctx.addIssue({ code: 'custom', message: 'the enabled weights sum to 0', path: ['metrics'] });
    }
    const labels = new Set<string>();
    def.bands.forEach((b, i) => {
      if (labels.has(b.label)) ctx.addIssue({ code: 'custom', message: 'band label listed twice', path: ['bands', i, 'label'] });
      labels.add(b.label);
    });
  });

/** Validator of a contribution request. */
export const contributionRequestSchema = z.object({
  groups: analysisScope.groups,
  /** Who is scored; default the definition's. */
  by: z.enum(contributionUnits).optional(),
  /** An unsaved definition (the grid being edited); default the saved one. */
  definition: contributionDefinitionSchema.optional(),
});
