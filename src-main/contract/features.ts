/** Per-person features: the customer-360 grid, and the criteria the rule grids build on them. */
import { z } from 'zod';
import { analysisScope, dataQuery, exportFormat, gridFilter, gridSort, isoDate, type ExportFile, type TablePage } from './common';
import { featureRowLeading, featureRowTrailing } from './ids';
import { method } from './method';

/** Ids of the per-person features (DESIGN §4, issue 5). */
export const featureIds = [
  'purchases',
  'gmv',
  'aov',
  'purchase_months_3m',
  'days_since_last_purchase',
  'repurchase_90d',
  'referrals',
  'referrals_bought',
  'messages',
  'key_behaviours',
  'tenure_days',
  'survey_score',
] as const;
export type FeatureId = (typeof featureIds)[number];

/** One person of the customer-360 grid. Key-behaviour counts are `kb_<behaviour id>` extra keys. */
export interface FeatureRow {
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  tags: string | null;
  groups: string | null;
  is_member: boolean;
  purchases: number;
  gmv: number;
  aov: number | null;
  first_purchase: string | null;
  last_purchase: string | null;
  purchase_months_3m: number;
  days_since_last_purchase: number | null;
  repurchase_90d: boolean;
  referrals: number;
  referrals_bought: number;
  messages: number;
  key_behaviours: number;
  tenure_days: number | null;
  survey_score: number | null;
  [kb: `kb_${string}`]: number;
}

/** The columns of a {@link FeatureRow} in display order (zod-free in ids.ts, for the CLI's start-up). */
export { featureRowLeading, featureRowTrailing };
// Fails to compile when a listed column is not a field of FeatureRow.
const _areFeatureColumns = [...featureRowLeading, ...featureRowTrailing] satisfies (keyof FeatureRow & string)[];

/** A criterion row of the rule grids (quadrant rule mode, VVIP). */
export interface Criterion {
  /** How this row joins the previous one; ignored on the first row. */
  join: 'and' | 'or';
  field: FeatureId;
  op: '>' | '>=' | '<' | '<=' | '=' | '!=';
  value: number;
}

/** A {@link FeatureId} in requests. */
export const featureId = z.enum(featureIds);

/** Validator of a {@link Criterion}. */
export const criterionSchema = z.object({
  join: z.enum(['and', 'or']),
  field: featureId,
  op: z.enum(['>', '>=', '<', '<=', '=', '!=']),
  value: z.number().finite(),
});

/** The `features:*` methods. */
export const featuresMethods = {
  'features:query': method<TablePage<FeatureRow> & { behaviours: { id: string; name: string }[]; asOf: string }>()(
    dataQuery.extend({ groups: analysisScope.groups, asOf: isoDate.optional() }),
  ),
  'features:export': method<ExportFile>()(z.object({ groups: analysisScope.groups, sort: gridSort, filter: gridFilter, format: exportFormat })),
};
