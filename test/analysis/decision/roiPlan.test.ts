import { describe, expect, it } from 'vitest';
import { plan } from '../../../src-main/analysis/decision/roiPlan';
import type { RoiScenarioInput } from '../../../src-main/contract';

const sales: RoiScenarioInput = {
  channel: '直播间',
  mode: 'sales',
  cost: 1000,
  rates: { addsPerYuan: 0.5, joinRate: 60, conversionRate: 10, aov: 200, repurchaseRate: 50 },
  price: null,
};

describe('the ROI planner', () => {
  it('carries a sales scenario through every step to ROI and its break-even points', () => {
    const p = plan(sales);
    // 1000 × 0.5 = 500 adds; × 60% = 300 members; × 10% = 30 buyers; × 1.5 = 45 orders; × ¥200 = ¥9000.
    expect([p.adds, p.members, p.buyers, p.orders, p.gmv, p.profit, p.roi]).toEqual([500, 300, 30, 45, 9000, 8000, 800]);
    // GMV = cost when 300 × c × 1.5 × 200 = 1000: c = 1/90; or 45 × AOV = 1000.
    expect(p.breakEvenRate).toBeCloseTo(100 / 90, 12);
    expect(p.breakEvenPrice).toBeCloseTo(1000 / 45, 12);
    expect(p.reading).toContain('能回本');
  });

  it('prices a paid community: price × members − cost', () => {
    const p = plan({ ...sales, mode: 'paid', price: 50 });
    expect([p.members, p.buyers, p.orders, p.gmv, p.profit, p.roi]).toEqual([300, null, null, 15000, 14000, 1400]);
    // Join rate at which 500 × j × 50 = 1000: 4%; price at which 300 × p = 1000.
    expect(p.breakEvenRate).toBeCloseTo(4, 12);
    expect(p.breakEvenPrice).toBeCloseTo(1000 / 300, 12);
  });

  it('leaves ROI empty at zero cost and every output empty that needs an unknown rate', () => {
    const free = plan({ ...sales, cost: 0 });
    expect([free.gmv, free.roi, free.breakEvenRate, free.breakEvenPrice]).toEqual([0, null, null, null]);
    const unknown = plan({ ...sales, rates: { ...sales.rates, aov: null } });
    expect([unknown.buyers, unknown.gmv, unknown.roi, unknown.breakEvenRate, unknown.breakEvenPrice]).toEqual([30, null, null, null, 1000 / 45]);
    expect(unknown.reading).toContain('还缺客单价');
  });

  it('draws the sensitivity table around the scenario, its centre the scenario itself', () => {
    const s = plan(sales).sensitivity;
    expect(s.rows).toEqual([5, 7.5, 10, 12.5, 15]);
    expect(s.columns).toEqual([100, 150, 200, 250, 300]);
    expect(s.roi[2]![2]).toBe(800);
    // Conversion 5%, AOV ¥100: 15 buyers × 1.5 × 100 = 2250 → ROI 125%.
    expect(s.roi[0]![0]).toBeCloseTo(125, 9);
    expect(plan({ ...sales, rates: { ...sales.rates, conversionRate: 0 } }).sensitivity).toEqual({ rows: [], columns: [], roi: [] });
  });

  it('says a loss is a loss and a break-even rate above 100% cannot be reached by the rate alone', () => {
    const p = plan({ ...sales, rates: { ...sales.rates, addsPerYuan: 0.001 } });
    expect(p.roi).toBeLessThan(0);
    expect(p.breakEvenRate).toBeGreaterThan(100);
    expect(p.reading).toContain('会亏本');
    expect(p.reading).toContain('超过 100%');
  });
});
