import { describe, expect, it } from 'vitest';
import type { TablePreview } from '../../../../src-main/contract';
import { withField } from '../../../../src-renderer/store/mappingRules';
import { fieldOptions, mappingGridRows, previewGrid } from '../../../../src-renderer/views/import/mappingModel';

const table: TablePreview = {
  sheets: ['订单'],
  mapping: {
    kind: 'orders',
    sheet: '订单',
    headerRow: 2,
    columns: [
      { index: 0, header: '订单号', field: 'order_id' },
      { index: 1, header: '订单实付金额', field: 'paid_amount' },
    ],
  },
  confidence: 0.9,
  headers: ['订单号', '订单实付金额'],
  rows: [
    { rowNumber: 3, cells: [{ raw: 'E1', value: 'E1' }, { raw: '￥1,200.50', value: 1200.5 }] },
    { rowNumber: 4, cells: [{ raw: 'E2', value: 'E2' }, { raw: '——', value: null, problem: '无法解析金额' }] },
  ],
  templateName: null,
  missing: [],
};

describe('mappingGridRows', () => {
  it('lists each source column with its field and non-empty sample values', () => {
    expect(mappingGridRows(table, withField(table.mapping, 1, null))).toEqual([
      { index: 0, header: '订单号', field: 'order_id', samples: 'E1 · E2' },
      { index: 1, header: '订单实付金额', field: '', samples: '￥1,200.50 · ——' },
    ]);
  });
});

describe('previewGrid', () => {
  it('shows parsed values and flags the problem cells of columns mapped as previewed', () => {
    const { rows, problems } = previewGrid(table, table.mapping);
    expect(rows[0]).toEqual({ rowNumber: 3, c0: 'E1', c1: 1200.5 });
    expect(problems.get('4:1')).toBe('无法解析金额');
  });

  it('shows raw text and no problem in a column the user re-mapped', () => {
    const { rows, problems } = previewGrid(table, withField(table.mapping, 1, 'goods_amount'));
    expect(rows[0]!.c1).toBe('￥1,200.50');
    expect(problems.size).toBe(0);
  });
});

describe('fieldOptions', () => {
  it('offers 忽略 first and marks required fields', () => {
    const kind = { kind: 'orders' as const, label: '订单', fields: [{ id: 'paid_amount', label: '实付金额', isRequired: true, type: 'money' as const }] };
    expect(fieldOptions(kind, '忽略', ' *')).toEqual([
      { value: '', label: '忽略' },
      { value: 'paid_amount', label: '实付金额 *' },
    ]);
  });
});
