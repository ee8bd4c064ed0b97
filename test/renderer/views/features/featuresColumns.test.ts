import { describe, expect, it } from 'vitest';
import { featureIds as contractFeatureIds, type FeatureRow } from '../../../../src-main/contract';
import { featureIds, featureLabels } from '../../../../src-main/locale/features';
import { featureGridColumns, formatFeature } from '../../../../src-renderer/views/features/featuresColumns';

const row: FeatureRow = {
  pid: 'wm1', name: '=SUM(A1)', channel: null, staff: '小王', tags: null, groups: 'A、B', is_member: true,
  purchases: 3, gmv: 1234.5, aov: 411.5, first_purchase: '2024-01-31 23:59:59', last_purchase: '2024-03-10 12:00:00',
  purchase_months_3m: 3, days_since_last_purchase: null, repurchase_90d: false, referrals: 2, referrals_bought: 1,
  messages: 12000, key_behaviours: 4.5, tenure_days: 89, survey_score: null, kb_checkin: 7,
};

const cell = (field: string, cols = featureGridColumns([{ id: 'checkin', name: '打卡' }])) => {
  const col = cols.find((c) => c.field === field);
  if (!col?.format) throw new Error(`no formatter for ${field}`);
  return col.format(row[col.field], row);
};

describe('feature labels', () => {
  it('name every feature of the contract, in its order', () => {
    expect([...featureIds]).toEqual([...contractFeatureIds]);
    expect(Object.keys(featureLabels)).toEqual([...contractFeatureIds]);
    expect(featureLabels.purchase_months_3m).toBe('近3个月有购买的月数');
  });
});

describe('featureGridColumns', () => {
  it('lists who the person is, then every feature with the key behaviours after their score', () => {
    const fields = featureGridColumns([{ id: 'checkin', name: '打卡' }, { id: 'kw', name: '报名' }]).map((c) => c.field);
    expect(fields.slice(0, 7)).toEqual(['name', 'pid', 'channel', 'staff', 'tags', 'groups', 'is_member']);
    expect(fields.slice(fields.indexOf('key_behaviours'))).toEqual(['key_behaviours', 'kb_checkin', 'kb_kw', 'tenure_days', 'survey_score']);
    for (const f of contractFeatureIds) expect(fields).toContain(f);
  });

  it('uses the Chinese labels as headers and the behaviour names for their columns', () => {
    const cols = featureGridColumns([{ id: 'checkin', name: '打卡' }]);
    expect(cols.find((c) => c.field === 'gmv')?.headerName).toBe('累计GMV');
    expect(cols.find((c) => c.field === 'referrals_bought')?.headerName).toBe('推荐且购买人数');
    expect(cols.find((c) => c.field === 'kb_checkin')?.headerName).toBe('打卡');
  });

  it('filters text and numbers alike: the identity columns as text, every feature as a number', () => {
    const cols = featureGridColumns([{ id: 'checkin', name: '打卡' }]);
    expect(cols.filter((c) => c.filter === 'text')).toHaveLength(8);
    for (const field of ['gmv', 'purchases', 'tenure_days', 'kb_checkin']) expect(cols.find((c) => c.field === field)?.filter).toBe('number');
  });

  it('shows money in yuan, booleans as 是/否, counts with separators and empty values as -', () => {
    expect(cell('gmv')).toBe('¥1,234.50');
    expect(cell('aov')).toBe('¥411.50');
    expect(cell('is_member')).toBe('是');
    expect(cell('repurchase_90d')).toBe('否');
    expect(cell('messages')).toBe('12,000');
    expect(cell('key_behaviours')).toBe('4.5');
    expect(cell('days_since_last_purchase')).toBe('-');
    expect(cell('channel')).toBe('-');
    expect(cell('kb_checkin')).toBe('7');
    expect(cell('name')).toBe('=SUM(A1)');
  });
});

describe('formatFeature', () => {
  it('rounds a fractional score to 2 decimals and keeps integers', () => {
    expect(formatFeature('survey_score', 8.333333)).toBe('8.33');
    expect(formatFeature('survey_score', 9)).toBe('9');
    expect(formatFeature('aov', null)).toBe('-');
  });
});
