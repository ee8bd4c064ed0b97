import { describe, expect, it } from 'vitest';
import { jsonDifferences } from './closeJson';

describe('jsonDifferences', () => {
  it('lets a double differ in its last bits and nothing else', () => {
    expect(jsonDifferences([{ aov: 454.4400577557756, p: 2.936383214772366e-16 }], [{ aov: 454.4400577557757, p: 2.936383214772335e-16 }])).toEqual([]);
    expect(jsonDifferences({ n: 202 }, { n: 203 })).toEqual(['.n: 202 ≠ 203']);
    expect(jsonDifferences({ rate: 5.1 }, { rate: 5.2 })).toEqual(['.rate: 5.1 ≠ 5.2']);
    expect(jsonDifferences({ label: '未知渠道' }, { label: '（未知渠道）' })).toEqual(['.label: "未知渠道" ≠ "（未知渠道）"']);
    expect(jsonDifferences([1, 2], [1])).toEqual([': 2 items ≠ 1']);
    expect(jsonDifferences({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([': keys a,b ≠ b,a']);
    expect(jsonDifferences({ v: null }, { v: 0 })).toEqual(['.v: null ≠ 0']);
  });
});
