import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../../src-main/contract';
import { ruleColumns, rulesAreValid, rulesSentence, toDefinition, toRows, valueProblem } from '../../../../src-renderer/views/vvip/vvipRules';

const rule = (field: Criterion['field'], op: Criterion['op'], value: number, join: Criterion['join'] = 'and'): Criterion => ({ join, field, op, value });

describe('rule rows', () => {
  it('carry a key through the grid and drop it again for the definition', () => {
    const def = { rules: [rule('gmv', '>=', 1000), rule('messages', '>=', 200, 'or')] };
    const rows = toRows(def);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(toDefinition(rows)).toEqual(def);
  });

  it('offer 且/或, every feature by its Chinese label, and the six comparisons', () => {
    const [join, field, op, value] = ruleColumns();
    expect(join?.options?.map((o) => o.label)).toEqual(['且', '或']);
    expect(field?.options?.find((o) => o.value === 'referrals_bought')?.label).toBe('推荐且购买人数');
    expect(field?.options).toHaveLength(12);
    expect(op?.options?.map((o) => o.label)).toEqual(['>', '≥', '<', '≤', '=', '≠']);
    expect(value?.type).toBe('number');
  });
});

describe('rulesSentence', () => {
  it('reads AND before OR, as the query does', () => {
    const rules = [rule('gmv', '>=', 100), rule('purchases', '>', 1), rule('messages', '>=', 2, 'or')];
    expect(rulesSentence(rules)).toBe('（累计GMV ≥ 100 且 购买次数 > 1） 或 （发言数 ≥ 2）');
    // Several AND rows after an OR stay one group.
    expect(rulesSentence([rule('gmv', '>=', 1000), rule('messages', '>=', 200, 'or'), rule('tenure_days', '>', 30)])).toBe(
      '（累计GMV ≥ 1000） 或 （发言数 ≥ 200 且 入群天数 > 30）',
    );
  });

  it('needs no parentheses for one group, and is empty without rules', () => {
    expect(rulesSentence([rule('aov', '<', 50), rule('referrals', '=', 0)])).toBe('客单价 < 50 且 推荐入群人数 = 0');
    // The first row's join is ignored.
    expect(rulesSentence([rule('gmv', '!=', 0, 'or')])).toBe('累计GMV ≠ 0');
    expect(rulesSentence([])).toBe('');
  });
});

describe('valueProblem', () => {
  it('flags values a feature can never take', () => {
    expect(valueProblem({ field: 'repurchase_90d', value: 2 })).toContain('0（否）或 1（是）');
    expect(valueProblem({ field: 'repurchase_90d', value: 1 })).toBeNull();
    expect(valueProblem({ field: 'purchase_months_3m', value: 4 })).toContain('0 到 3');
    expect(valueProblem({ field: 'gmv', value: Number.NaN })).not.toBeNull();
    expect(rulesAreValid([rule('gmv', '>=', 1000)])).toBe(true);
    expect(rulesAreValid([rule('gmv', '>=', 1000), rule('repurchase_90d', '=', 5)])).toBe(false);
  });
});
