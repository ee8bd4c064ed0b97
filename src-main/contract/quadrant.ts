/** The value quadrant: two scored axes, four types (DESIGN §4 Quadrant). */
import { z } from 'zod';
import { analysisScope, empty, exportFormat, shortText, type ExportFile } from './common';
import { criterionSchema, featureId, type Criterion, type FeatureId } from './features';
import { method } from './method';

/** One term of a quadrant axis. */
export interface AxisTerm {
  feature: FeatureId;
  weight: number;
  normalise: 'raw' | 'minmax' | 'percentile';
}

/** One quadrant axis. */
export interface QuadrantAxis {
  terms: AxisTerm[];
  threshold: { kind: 'fixed' | 'percentile'; value: number };
}

/** The four types, in their fixed geometric meaning. */
export const quadrantTypes = ['loyal', 'needy', 'bargain', 'low'] as const;
export type QuadrantType = (typeof quadrantTypes)[number];

/** The quadrant definition (DESIGN §4 Quadrant). */
export interface QuadrantDefinition {
  mode: 'score' | 'rule';
  x: QuadrantAxis;
  y: QuadrantAxis;
  /** In rule mode, the order is the priority order. */
  types: { type: QuadrantType; label: string; strategy: string; rules: Criterion[] }[];
}

/** The quadrant of the current data. */
export interface QuadrantResult {
  /** Resolved thresholds (percentile thresholds become numbers); null in rule mode, and for a percentile no value reaches (nobody is high: everyone tied, or no people). */
  thresholdX: number | null;
  thresholdY: number | null;
  /** Columnar points, one per person: axis values and type index into `types` (-1 = unclassified). */
  pids: string[];
  names: (string | null)[];
  x: number[];
  y: number[];
  type: number[];
  counts: { type: QuadrantType | 'unclassified'; label: string; count: number; share: number | null }[];
  /** Features with no data in the scope (nobody has a value other than empty or 0), in feature order: the view names them. */
  emptyFeatures: FeatureId[];
}

const axisSchema = z.object({
  terms: z.array(z.object({ feature: featureId, weight: z.number().finite(), normalise: z.enum(['raw', 'minmax', 'percentile']) })).max(50),
  threshold: z.object({ kind: z.enum(['fixed', 'percentile']), value: z.number().finite() }),
});

/** Validator of a {@link QuadrantDefinition} (a definition: requests carry it, the store re-validates it). */
export const quadrantDefinitionSchema = z.object({
  mode: z.enum(['score', 'rule']),
  x: axisSchema,
  y: axisSchema,
  types: z
    .array(z.object({ type: z.enum(quadrantTypes), label: shortText.min(1), strategy: z.string().max(5000), rules: z.array(criterionSchema).max(50) }))
    .length(4),
});

/** The `quadrant:*` methods. */
export const quadrantMethods = {
  'quadrant:get': method<QuadrantDefinition>()(empty),
  'quadrant:save': method<QuadrantDefinition>()(z.object({ quadrant: quadrantDefinitionSchema })),
  /** The quadrant of a (possibly unsaved) definition; the saved one when absent. */
  'quadrant:query': method<QuadrantResult>()(z.object({ groups: analysisScope.groups, quadrant: quadrantDefinitionSchema.optional() })),
  'quadrant:export': method<ExportFile>()(
    z.object({ groups: analysisScope.groups, quadrant: quadrantDefinitionSchema.optional(), type: z.enum([...quadrantTypes, 'unclassified']), format: exportFormat }),
  ),
};
