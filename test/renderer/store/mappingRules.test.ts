import { describe, expect, it } from 'vitest';
import type { KindInfo, TablePreview } from '../../../src-main/contract';
import { duplicateFields, isQuickReady, missingFields, withField } from '../../../src-renderer/store/mappingRules';

const orders: KindInfo = {
  kind: 'orders',
  label: '订单',
  fields: [
    { id: 'order_id', label: '订单号', isRequired: true, type: 'text' },
    { id: 'paid_amount', label: '实付金额', isRequired: true, type: 'money' },
    { id: 'goods_amount', label: '商品金额', isRequired: false, type: 'money' },
    { id: 'buyer_phone', label: '买家手机号', isRequired: false, type: 'phone' },
  ],
};

function table(fields: (string | null)[], missing: string[], confidence = 0.95): TablePreview {
  const headers = ['订单号', '商品金额合计', '订单实付金额', '买家手机号'];
  return {
    sheets: ['Sheet1'],
    mapping: { kind: 'orders', sheet: 'Sheet1', headerRow: 1, columns: headers.map((header, index) => ({ index, header, field: fields[index] ?? null })) },
    confidence,
    headers,
    rows: [],
    templateName: null,
    missing,
  };
}

describe('missingFields', () => {
  it('reports a required field once the user ignores its column', () => {
    const t = table(['order_id', 'goods_amount', 'paid_amount', 'buyer_phone'], []);
    expect(missingFields(orders, t, withField(t.mapping, 2, null))).toEqual(['实付金额']);
  });

  it('drops a field the server missed once the user maps a column to it', () => {
    const t = table(['order_id', 'goods_amount', null, 'buyer_phone'], ['实付金额']);
    expect(missingFields(orders, t, t.mapping)).toEqual(['实付金额']);
    expect(missingFields(orders, t, withField(t.mapping, 2, 'paid_amount'))).toEqual([]);
  });
});

describe('duplicateFields', () => {
  it('names a field mapped from two columns', () => {
    const t = table(['order_id', 'paid_amount', 'paid_amount', null], []);
    expect(duplicateFields(orders, t.mapping)).toEqual(['实付金额']);
  });
});

describe('isQuickReady', () => {
  it('lets a confident, complete detection go with one click, and nothing else', () => {
    expect(isQuickReady(table([], [], 0.95), [])).toBe(true);
    expect(isQuickReady(table([], [], 0.4), [])).toBe(false);
    expect(isQuickReady(table([], [], 0.95), ['实付金额'])).toBe(false);
    expect(isQuickReady({ ...table([], [], 0.4), templateName: '有赞订单' }, [])).toBe(true);
  });
});

describe('missingFields with alternative person keys', () => {
  const members: KindInfo = {
    kind: 'members',
    label: '群成员',
    fields: [
      { id: 'group_name', label: '群名称', isRequired: true, type: 'text' },
      { id: 'member_id', label: '成员ID', isRequired: true, type: 'text' },
      { id: 'unionid', label: 'unionid', isRequired: true, type: 'text' },
    ],
  };
  const t: TablePreview = {
    sheets: ['群成员'],
    mapping: { kind: 'members', sheet: '群成员', headerRow: 1, columns: ['群名称', '成员ID', 'unionid'].map((header, index) => ({ index, header, field: ['group_name', 'member_id', 'unionid'][index]! })) },
    confidence: 1,
    headers: ['群名称', '成员ID', 'unionid'],
    rows: [],
    templateName: null,
    missing: [],
  };

  it('accepts dropping one person key while another is mapped, but not dropping both', () => {
    const noUnionid = withField(t.mapping, 2, null);
    expect(missingFields(members, t, noUnionid)).toEqual([]);
    expect(missingFields(members, t, withField(noUnionid, 1, null))).toEqual(['成员ID', 'unionid']);
    expect(missingFields(members, t, withField(t.mapping, 0, null))).toEqual(['群名称']);
  });
});
