/**
 * The contract's plain id lists, apart from its zod schemas: the command line's `--help` and
 * argument checks read them, and must start without loading zod (issue 10: `qunxi --help` under
 * 0.5 s). The domain files re-export them beside the schemas built on them.
 */

/** Kinds of export the importer understands (DESIGN §3). */
export const importKinds = [
  'members',
  'messages',
  'customers',
  'customer_groups',
  'group_stats',
  'contact_stats',
  'churn',
  'orders',
  'official_account',
  'ad_costs',
  'survey',
] as const;

/** The figures an A/B comparison compares: rates per person, then means per person. */
export const abMetrics = ['conversion', 'active', 'behaviour', 'retention', 'gmv', 'messages'] as const;

/**
 * The metrics a contribution score can weigh, in grid order. DESIGN also names "event effect"
 * (活动效果): no imported table records events (活动), so it is left out until one does.
 */
export const contributionMetricIds = ['new_members', 'active_rate', 'churn_rate', 'key_behaviour_rate', 'conversion_rate', 'gmv'] as const;

/** Who is scored: the customer list's staff member (员工) of each person, or the owner (群主) of each group. */
export const contributionUnits = ['staff', 'owner'] as const;

/**
 * The columns of a FeatureRow in display order (grid, exports, CLI): `featureRowLeading`, then
 * one `kb_<id>` column per enabled key behaviour, then `featureRowTrailing` (checked against
 * FeatureRow's keys in features.ts).
 */
export const featureRowLeading = [
  'pid',
  'name',
  'channel',
  'staff',
  'tags',
  'groups',
  'is_member',
  'purchases',
  'gmv',
  'aov',
  'first_purchase',
  'last_purchase',
  'purchase_months_3m',
  'days_since_last_purchase',
  'repurchase_90d',
  'referrals',
  'referrals_bought',
  'messages',
  'key_behaviours',
] as const;
/** See {@link featureRowLeading}. */
export const featureRowTrailing = ['tenure_days', 'survey_score'] as const;
