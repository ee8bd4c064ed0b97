import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastMeasuredMonday, roiMeasured } from '../../../src-main/analysis/decision/roi';
import type { RoiResult } from '../../../src-main/contract';
import { insertRoiFixture } from './roiFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertRoiFixture(t.project);
});
afterAll(async () => t?.dispose());

const run = (weeks = 2, groups?: string[]): Promise<RoiResult> =>
  t.project.db.use((sql) => roiMeasured(sql, { dimension: 'source', weeks, windowDays: 7, groups }, TZ));

describe('ROI预测 measured rates on the hand-computed fixture', () => {
  it('measures each week whose window has run out, a window counted from each add', async () => {
    const r = await run();
    expect([r.asOf, r.from, r.to]).toEqual(['2024-03-31', '2024-03-11', '2024-03-24']);
    const live = r.channels.find((c) => c.channel === '直播间')!;
    expect(live.weeks.map((w) => [w.week, w.cost, w.added, w.joined, w.buyers, w.orders, w.repeatBuyers, w.gmv])).toEqual([
      ['2024-02-26', 100, 2, 1, 1, 2, 1, 80],
      // b2's order came after the window, b3's was refunded in full.
      ['2024-03-04', 200, 4, 3, 1, 1, 0, 100],
      ['2024-03-11', 150, 2, 2, 1, 1, 0, 60],
      ['2024-03-18', 100, 1, 1, 0, 0, 0, 0],
    ]);
  });

  it('prefills the rates from the last N weeks pooled', async () => {
    const live = (await run()).channels.find((c) => c.channel === '直播间')!;
    expect([live.cost, live.added, live.joined, live.buyers, live.orders, live.gmv, live.weeklyCost]).toEqual([250, 3, 3, 1, 1, 60, 125]);
    expect(live.rates.addsPerYuan).toBeCloseTo(0.012, 12);
    expect(live.rates.joinRate).toBe(100);
    expect(live.rates.conversionRate).toBeCloseTo(100 / 3, 12);
    expect(live.rates.aov).toBe(60);
    expect(live.rates.repurchaseRate).toBe(0);
  });

  it('back-tests each week from the N weeks before it: MAPE by hand, a week with actual 0 left out', async () => {
    const live = (await run()).channels.find((c) => c.channel === '直播间')!;
    expect(live.backtest).toHaveLength(2);
    const [w1, w2] = live.backtest;
    expect([w1!.week, w1!.cost, w1!.actualBuyers, w1!.actualGmv]).toEqual(['2024-03-11', 150, 1, 60]);
    expect(w1!.predictedBuyers).toBeCloseTo(1, 12);
    expect(w1!.predictedGmv).toBeCloseTo(90, 9);
    expect(w1!.error).toBeCloseTo(50, 9);
    expect([w2!.week, w2!.actualGmv, w2!.error]).toEqual(['2024-03-18', 0, null]);
    expect(w2!.predictedBuyers).toBeCloseTo(4 / 7, 12);
    expect(w2!.predictedGmv).toBeCloseTo(320 / 7, 9);
    expect(live.mape).toBeCloseTo(50, 9);
    expect(live.zeroWeeks).toBe(1);
    expect(live.reading).toContain('1 周实际 GMV 为 0，不计入误差');
  });

  it('has no back-test when the weeks are no more than N', async () => {
    const live = (await run(4)).channels.find((c) => c.channel === '直播间')!;
    expect([live.backtest.length, live.mape, live.zeroWeeks, live.added]).toEqual([0, null, 0, 9]);
  });

  it('counts joins into the scope only', async () => {
    const live = (await run(2, ['另一个群'])).channels.find((c) => c.channel === '直播间')!;
    expect([live.added, live.joined, live.buyers, live.rates.conversionRate]).toEqual([3, 0, 0, null]);
  });

  it('ends the measured weeks on the last Sunday whose window has run out', () => {
    expect(lastMeasuredMonday('2024-03-31', 7)).toBe('2024-03-18');
    expect(lastMeasuredMonday('2024-03-30', 7)).toBe('2024-03-11');
    expect(lastMeasuredMonday('2024-03-31', 0)).toBe('2024-03-25');
  });
});
