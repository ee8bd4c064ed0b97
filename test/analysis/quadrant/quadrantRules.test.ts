import { afterEach, describe, expect, it } from 'vitest';
import type { Criterion, QuadrantDefinition, QuadrantType } from '../../../src-main/contract';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { featuresDb, pointsByPid, quadrantOf, typesByPid } from './quadrantFixture';

let db: ProjectDb | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const rule = (join: Criterion['join'], field: Criterion['field'], op: Criterion['op'], value: number): Criterion => ({ join, field, op, value });

/** A rule-mode definition with these rules per type, in this priority order. */
function ruleDefinition(order: [QuadrantType, Criterion[]][]): QuadrantDefinition {
  const base = defaultQuadrant();
  return {
    ...base,
    mode: 'rule',
    types: order.map(([type, rules]) => ({ ...base.types.find((t) => t.type === type)!, rules })),
  };
}

describe('quadrant rule mode', () => {
  it('checks the types in priority order: the first match wins, and reordering changes the winner', async () => {
    // p1 matches both "purchases ≥ 3" (loyal) and "aov < 50" (bargain); p2 only the bargain rule.
    db = await featuresDb([
      { pid: 'p1', purchases: 4, aov: 30 },
      { pid: 'p2', purchases: 1, aov: 30 },
    ]);
    const loyal = [rule('and', 'purchases', '>=', 3)];
    const bargain = [rule('and', 'aov', '<', 50)];
    const loyalFirst = ruleDefinition([['loyal', loyal], ['bargain', bargain], ['needy', []], ['low', []]]);
    const bargainFirst = ruleDefinition([['bargain', bargain], ['loyal', loyal], ['needy', []], ['low', []]]);
    const a = await quadrantOf(db, loyalFirst);
    expect(typesByPid(a, loyalFirst)).toEqual({ p1: 'loyal', p2: 'bargain' });
    expect(a.type).toEqual([0, 1]);
    const b = await quadrantOf(db, bargainFirst);
    expect(typesByPid(b, bargainFirst)).toEqual({ p1: 'bargain', p2: 'bargain' });
    expect(b.type).toEqual([0, 0]);
    // Counts follow the definition's order, unclassified last.
    expect(b.counts.map((c) => [c.type, c.count])).toEqual([['bargain', 2], ['loyal', 0], ['needy', 0], ['low', 0], ['unclassified', 0]]);
  });

  it('binds AND tighter than OR: "A and B or C" is (A and B) or C', async () => {
    // loyal: purchases ≥ 2 AND referrals ≥ 1 OR messages ≥ 100.
    //   q1 purchases 2, referrals 1            → A and B      → loyal
    //   q2 purchases 2, referrals 0            → A only       → no
    //   q3 purchases 0, referrals 0, msgs 100  → C (boundary) → loyal
    //   q4 purchases 0, referrals 1, msgs 99   → B only       → no
    // Read as A and (B or C), q3 would fail A and q4 would pass nothing either way: q3 tells them apart.
    db = await featuresDb([
      { pid: 'q1', purchases: 2, referrals: 1 },
      { pid: 'q2', purchases: 2, referrals: 0 },
      { pid: 'q3', purchases: 0, referrals: 0, messages: 100 },
      { pid: 'q4', purchases: 0, referrals: 1, messages: 99 },
    ]);
    const def = ruleDefinition([
      ['loyal', [rule('and', 'purchases', '>=', 2), rule('and', 'referrals', '>=', 1), rule('or', 'messages', '>=', 100)]],
      ['needy', []],
      ['bargain', []],
      ['low', []],
    ]);
    const result = await quadrantOf(db, def);
    expect(typesByPid(result, def)).toEqual({ q1: 'loyal', q2: 'unclassified', q3: 'loyal', q4: 'unclassified' });
  });

  it('leaves people no rule matches unclassified (index −1, 未分类), compares empty features as false, and still computes the axes', async () => {
    /**
     * needy: aov < 50 — an empty aov (never bought) is not below 50;  low: purchases ≤ 0.
     *   r1 aov 40, purchases 2 → needy;  r2 aov —, purchases 0 → low;  r3 aov 80, purchases 1 → unclassified.
     * Axes as in the default definition's shape but raw: x = messages, y = purchases.
     */
    db = await featuresDb([
      { pid: 'r1', aov: 40, purchases: 2, messages: 5 },
      { pid: 'r2', aov: null, purchases: 0, messages: 1 },
      { pid: 'r3', aov: 80, purchases: 1, messages: 0 },
    ]);
    const def: QuadrantDefinition = {
      ...ruleDefinition([['needy', [rule('and', 'aov', '<', 50)]], ['low', [rule('and', 'purchases', '<=', 0)]], ['loyal', []], ['bargain', []]]),
      x: { terms: [{ feature: 'messages', weight: 1, normalise: 'raw' }], threshold: { kind: 'fixed', value: 3 } },
      y: { terms: [{ feature: 'purchases', weight: 1, normalise: 'raw' }], threshold: { kind: 'percentile', value: 50 } },
    };
    const result = await quadrantOf(db, def);
    expect(result.type).toEqual([0, 1, -1]);
    expect(pointsByPid(result)).toEqual({ r1: [5, 2], r2: [1, 0], r3: [0, 1] });
    expect(result.thresholdX).toBeNull();
    expect(result.thresholdY).toBeNull();
    expect(result.counts.at(-1)).toEqual({ type: 'unclassified', label: '未分类', count: 1, share: (1 * 100) / 3 });
  });

  it('classifies by the DESIGN seed rules (the default definition in rule mode)', async () => {
    /**
     * Default order and rules: 忠实型 purchase_months_3m ≥ 3 and referrals_bought ≥ 1;
     * 羊毛型 aov < 50 and referrals = 0; 低需求 purchases ≤ 1; 需求型 repurchase_90d = 0 (no).
     *   s1 months 3, referrals_bought 1, aov 30, referrals 2, repurchase yes → 忠实型 (also no 羊毛: referrals 2)
     *   s2 months 3, referrals_bought 0, aov 30, referrals 0, repurchase yes → 羊毛型 (忠实型 needs a referral who bought)
     *   s3 aov 49.99, referrals 0, repurchase no                           → 羊毛型 (just below 50, before 需求型)
     *   s4 aov 50, referrals 0, repurchase no, purchases 3                  → 需求型 (50 is not below 50)
     *   s5 never bought: aov —, repurchase no, purchases 0                  → 低需求 (empty aov is no 羊毛; at most one purchase)
     *   s6 aov 120, referrals 1, repurchase yes, purchases 4, months 2     → 未分类
     * 低需求 comes before 需求型: everyone with at most one purchase has no repurchase either, so the
     * other order would never reach it.
     */
    db = await featuresDb([
      { pid: 's1', purchase_months_3m: 3, referrals_bought: 1, aov: 30, referrals: 2, repurchase_90d: true, purchases: 6 },
      { pid: 's2', purchase_months_3m: 3, referrals_bought: 0, aov: 30, referrals: 0, repurchase_90d: true, purchases: 5 },
      { pid: 's3', aov: 49.99, referrals: 0, repurchase_90d: false, purchases: 2 },
      { pid: 's4', aov: 50, referrals: 0, repurchase_90d: false, purchases: 3 },
      { pid: 's5', aov: null, repurchase_90d: false, purchases: 0 },
      { pid: 's6', aov: 120, referrals: 1, repurchase_90d: true, purchases: 4, purchase_months_3m: 2 },
    ]);
    const def: QuadrantDefinition = { ...defaultQuadrant(), mode: 'rule' };
    const result = await quadrantOf(db, def);
    expect(typesByPid(result, def)).toEqual({ s1: 'loyal', s2: 'bargain', s3: 'bargain', s4: 'needy', s5: 'low', s6: 'unclassified' });
    expect(result.counts.map((c) => [c.label, c.count])).toEqual([['忠实型', 1], ['羊毛型', 2], ['低需求', 1], ['需求型', 1], ['未分类', 1]]);
  });
});
