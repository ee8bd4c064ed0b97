import type { FeatureId, FeatureRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { featureHints, featureLabels, featuresText } from '../../../src-main/locale/features';
import { punctuation } from '../../../src-main/locale/common';
import { formatCount, formatMoney } from '../metrics/metricsFormat';

/** A key behaviour with its grid column (`kb_<id>`), as features:query lists them. */
export interface BehaviourColumn {
  id: string;
  name: string;
}

/** Display text of one feature value: money for GMV and AOV, 是/否 for booleans, '-' when empty. */
export function formatFeature(feature: FeatureId, value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? featuresText.yes : featuresText.no;
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (feature === 'gmv' || feature === 'aov') return formatMoney(value);
  if (feature === 'key_behaviours' || feature === 'survey_score') return Number.isInteger(value) ? formatCount(value) : String(Math.round(value * 100) / 100);
  return formatCount(value);
}

/**
 * Columns of a customer-360 grid: who the person is, then every feature in the locale's order
 * with the key behaviours' own counts after the score; text and number filters alike (客户360 runs
 * them on the Node side, VVIP over the rows in the page).
 */
export function featureGridColumns(behaviours: BehaviourColumn[]): GridColumn<FeatureRow>[] {
  const c = featuresText.columns;
  const text = (field: keyof FeatureRow & string, headerName: string, width: number, isPinned = false): GridColumn<FeatureRow> => ({
    field,
    headerName,
    width,
    isPinned,
    filter: 'text',
    format: (v) => (v === null || v === undefined || v === '' ? '-' : String(v)),
  });
  const feature = (field: FeatureId, width = 110): GridColumn<FeatureRow> => ({
    field,
    headerName: featureLabels[field],
    headerTooltip: `${featureLabels[field]}${punctuation.colon}${featureHints[field]}`,
    width,
    isNumeric: true,
    filter: 'number',
    format: (v) => formatFeature(field, v),
  });
  const kb = behaviours.map(
    (b): GridColumn<FeatureRow> => ({
      field: `kb_${b.id}`,
      headerName: b.name,
      headerTooltip: featuresText.keyBehaviour(b.name),
      width: 100,
      isNumeric: true,
      filter: 'number',
      format: (v) => formatCount(typeof v === 'number' ? v : 0),
    }),
  );
  return [
    text('name', c.name, 140, true),
    text('pid', c.pid, 150),
    text('channel', c.channel, 110),
    text('staff', c.staff, 100),
    text('tags', c.tags, 120),
    text('groups', c.groups, 140),
    {
      field: 'is_member',
      headerName: c.is_member,
      width: 90,
      format: (v) => (v ? featuresText.yes : featuresText.no),
    },
    feature('purchases', 100),
    feature('gmv', 120),
    feature('aov', 110),
    text('first_purchase', c.first_purchase, 160),
    text('last_purchase', c.last_purchase, 160),
    feature('purchase_months_3m', 150),
    feature('days_since_last_purchase', 120),
    feature('repurchase_90d', 100),
    feature('referrals', 110),
    feature('referrals_bought', 120),
    feature('messages', 90),
    feature('key_behaviours', 120),
    ...kb,
    feature('tenure_days', 90),
    feature('survey_score', 100),
  ];
}
