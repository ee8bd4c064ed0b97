/** VVIP people: a rule grid over the features, and their share of GMV. */
import { z } from 'zod';
import { analysisScope, empty, exportFormat, type ExportFile } from './common';
import { criterionSchema, type Criterion, type FeatureRow } from './features';
import { method } from './method';

/** The VVIP rule grid. */
export interface VvipDefinition {
  rules: Criterion[];
}

/** VVIP people and their share of GMV. */
export interface VvipResult {
  /** The VVIPs by GMV, highest first; the first {@link VVIP_LIST_LIMIT} when there are more (the export has all). */
  people: FeatureRow[];
  /** How many people the rules match. */
  count: number;
  total_people: number;
  gmv: number;
  total_gmv: number;
  gmv_share: number | null;
  /** The local day the features were computed at (ISO date). */
  asOf: string;
}

/** Most VVIPs vvip:query lists. */
export const VVIP_LIST_LIMIT = 2000;

/** Validator of a {@link VvipDefinition} (a definition: requests carry it, the store re-validates it). */
export const vvipDefinitionSchema = z.object({ rules: z.array(criterionSchema).max(50) });

/** The `vvip:*` methods. */
export const vvipMethods = {
  'vvip:get': method<VvipDefinition>()(empty),
  'vvip:save': method<VvipDefinition>()(z.object({ vvip: vvipDefinitionSchema })),
  'vvip:query': method<VvipResult>()(z.object({ groups: analysisScope.groups, vvip: vvipDefinitionSchema.optional() })),
  'vvip:export': method<ExportFile>()(z.object({ groups: analysisScope.groups, vvip: vvipDefinitionSchema.optional(), format: exportFormat })),
};
