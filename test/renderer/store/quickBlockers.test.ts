import { describe, expect, it } from 'vitest';
import type { TablePreview } from '../../../src-main/contract';
import { isQuickReady, quickBlockers } from '../../../src-renderer/store/mappingRules';

function table(confidence: number, templateName: string | null = null): TablePreview {
  return {
    sheets: ['Sheet1'],
    mapping: { kind: 'orders', sheet: 'Sheet1', headerRow: 1, columns: [{ index: 0, header: '订单号', field: 'order_no' }] },
    confidence,
    headers: ['订单号'],
    rows: [],
    templateName,
    missing: [],
  };
}

describe('quickBlockers: why a file still needs a decision after 导入全部', () => {
  it('is empty exactly when the file can go with 导入全部', () => {
    expect(quickBlockers(table(0.8), [])).toEqual([]);
    expect(isQuickReady(table(0.8), [])).toBe(true);
  });

  it('names the missing required fields', () => {
    expect(quickBlockers(table(1), ['订单号', '买家付款时间'])).toEqual([{ reason: 'missing', labels: ['订单号', '买家付款时间'] }]);
    expect(isQuickReady(table(1), ['订单号'])).toBe(false);
  });

  it('gives a doubtful detection with its confidence, alongside missing fields', () => {
    expect(quickBlockers(table(0.6), ['订单号'])).toEqual([
      { reason: 'missing', labels: ['订单号'] },
      { reason: 'doubtful', confidence: 0.6 },
    ]);
  });

  it('does not doubt a file a saved template recognised', () => {
    expect(quickBlockers(table(0.3, '有赞订单'), [])).toEqual([]);
  });
});
