/** The value quadrant: two scored axes, four types (DESIGN §4 Quadrant). */
import { z } from 'zod';
import { analysisScope, dataQuery, empty, exportFormat, shortText, type ExportFile, type TablePage } from './common';
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

/**
 * Scope people up to which `quadrant:query` sends every person as a point (tooltips with names, a
 * click on a point): what a chart draws one by one without a pause. Past it, their density.
 */
export const QUADRANT_POINTS_LIMIT = 2000;

/** Every person of the scope as a point, columnar, in pid order (a scope of at most {@link QUADRANT_POINTS_LIMIT}). */
export interface QuadrantPoints {
  kind: 'points';
  pids: string[];
  names: (string | null)[];
  x: number[];
  y: number[];
  /** Type index into the definition's `types` (-1 = unclassified). */
  type: number[];
}

/** The bins of one axis: bin i covers [min + i × step, min + (i + 1) × step), the last one up to the maximum included. */
export interface QuadrantBins {
  min: number;
  step: number;
  count: number;
}

/**
 * The people of a large scope binned over the axes' range, per type: columnar, one entry per
 * (type, bin) holding anyone. A bin is drawn at the mean position of its people, which keeps it
 * on its type's side of the threshold lines.
 */
export interface QuadrantDensity {
  kind: 'density';
  xBins: QuadrantBins;
  yBins: QuadrantBins;
  /** Bin index on each axis. */
  bx: number[];
  by: number[];
  /** Type index into the definition's `types` (-1 = unclassified). */
  type: number[];
  /** People in the bin of that type. */
  count: number[];
  /** Their mean axis values. */
  x: number[];
  y: number[];
}

/** The quadrant of the current data: its figures, and a scatter sized by the screen rather than by the people. */
export interface QuadrantResult {
  /** Resolved thresholds (percentile thresholds become numbers); null in rule mode, and for a percentile no value reaches (nobody is high: everyone tied, or no people). */
  thresholdX: number | null;
  thresholdY: number | null;
  /** People in the scope. */
  total: number;
  /** People scoring below each axis's threshold (what a fixed threshold becomes as a percentile); null when there is no threshold. */
  belowX: number | null;
  belowY: number | null;
  counts: { type: QuadrantType | 'unclassified'; label: string; count: number; share: number | null }[];
  /** Features with no data in the scope (nobody has a value other than empty or 0), in feature order: the view names them. */
  emptyFeatures: FeatureId[];
  /** What the scatter draws: the people themselves when few, else their density. */
  scatter: QuadrantPoints | QuadrantDensity;
}

/** A person of the quadrant as the people list shows them (quadrant:people). */
export interface QuadrantPersonRow {
  pid: string;
  name: string | null;
  x: number;
  y: number;
  /** Their type id. */
  type: QuadrantType | 'unclassified';
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
  /** The people of a type (everyone when absent), one page at a time, sorted and filtered on the Node side (the list grid, the CLI). */
  'quadrant:people': method<TablePage<QuadrantPersonRow>>()(
    z.object({ groups: analysisScope.groups, quadrant: quadrantDefinitionSchema.optional(), type: z.enum([...quadrantTypes, 'unclassified']).optional(), ...dataQuery.shape }),
  ),
  'quadrant:export': method<ExportFile>()(
    z.object({ groups: analysisScope.groups, quadrant: quadrantDefinitionSchema.optional(), type: z.enum([...quadrantTypes, 'unclassified']), format: exportFormat }),
  ),
};
