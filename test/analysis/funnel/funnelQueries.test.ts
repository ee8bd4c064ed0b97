import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerPath, FunnelStage, StageSource } from '../../../src-main/contract';
import { wilson } from '../../../src-main/analysis/stats/wilson';
import { biggestDrop, funnelStages, queryFunnel, queryFunnelBreakdowns, queryLost, stageRate, type FunnelRequest, type LostRequest } from '../../../src-main/analysis/funnel/funnelQueries';
import { buildFunnelFixture, fullPath } from './funnelFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

// The fixture and its hand computations are described in funnelFixture.ts.
let t: TempProject;
beforeAll(async () => {
  t = await tempProject();
  await buildFunnelFixture(t.project);
});
afterAll(async () => t?.dispose());

const week = { from: '2024-03-04', to: '2024-03-10' };
const funnel = (req: Partial<FunnelRequest>, path: CustomerPath = fullPath) =>
  t.project.db.use((sql) => queryFunnel(sql, { mode: 'period', windowDays: 14, breakdown: null, ...req }, path, 'Asia/Shanghai'));
const lost = (req: Partial<LostRequest> & { stageIndex: number }, path: CustomerPath) =>
  t.project.db.use((sql) => queryLost(sql, { windowDays: 14, ...req }, path, 'Asia/Shanghai'));
const counts = (stages: FunnelStage[]) => stages.map((s) => s.count);
const path = (...sources: [string, string, StageSource][]): CustomerPath => ({ stages: sources.map(([id, name, source]) => ({ id, name, source })) });

describe('period counts', () => {
  it('counts every stage of the week, aggregates summed over days and people counted once', async () => {
    const r = await funnel(week);
    expect([r.from, r.to]).toEqual(['2024-03-04', '2024-03-10']);
    expect(counts(r.stages)).toEqual([
      3500, // 广告曝光: 03-04 1000 + 500; 03-05 the total row 2000 (not 800 + 2000); 03-11 outside
      180, // 广告点击: 50 + 30 + 100
      50, // 公众号: 30 + 20 (03-03 outside)
      25, // 新增客户: 03-04 total 12 (not 12 + 7 + 5); 03-05 no total row, 4 + 6; 03-06 合计 3
      8, // 添加客服微信: u1 (twice, once), u2 23:59:59, u3 00:00:00, u4, un5, the row, u8, u9 — not u10 (03-11 00:00:00) nor u11 (03-03 23:59:59)
      5, // 入群: u7, u1 (A and B, once), u2 (join and re-join, once), u3, u12
      4, // 群内发言: u7, u1, u12, u3 at 23:59:59 — not u2 at 03-11 00:00:00
      1, // 首次付费: u1 (u3's 03-06 order was fully refunded, so u3's first paid order is 03-25)
      1, // 复购: u1's second order, partly refunded, still paid
      2, // 推荐: 伊芙 (u7) invited u1, 阿猫 (u3) invited u12
    ]);
    expect(r.stages.map((s) => s.dropOff)).toEqual([null, 3320, 130, 25, 17, 3, 1, 3, 0, -1]);
    expect(r.biggestDrop).toBe(1);
    expect(r.mode).toBe('period');
    expect(r.skipped).toEqual([]);
    expect(r.breakdown).toBeNull();
    expect(r.stages.every((s) => s.timeToConvert === null)).toBe(true);
  });

  it('gives step and overall rates with Wilson intervals, and no interval where a stage exceeds the one before', async () => {
    const r = await funnel(week);
    expect(r.stages[0]!.step).toEqual({ rate: null, low: null, high: null });
    expect(r.stages[0]!.overall).toEqual({ ...wilson(3500, 3500), rate: 100 });
    expect(r.stages[1]!.step.rate).toBeCloseTo((180 / 3500) * 100, 10); // 5.142857…%
    expect(r.stages[1]!.step).toEqual(wilson(180, 3500));
    expect(r.stages[5]!.step.rate).toBe(62.5); // 入群 5 / 添加 8
    expect(r.stages[5]!.overall).toEqual(wilson(5, 3500));
    // 推荐 2 after 复购 1: 200%, no binomial interval
    expect(r.stages[9]!.step).toEqual({ rate: 200, low: null, high: null });
  });

  it('splits 23:59:59 from 00:00:00 of the next local day', async () => {
    const first = await funnel({ from: '2024-03-04', to: '2024-03-04' });
    // 03-04: added u1 10:00 and u2 23:59:59; joined u7, u1; 广告 1500; 新增客户 the total row 12
    expect(counts(first.stages).slice(0, 6)).toEqual([1500, 80, 30, 12, 2, 2]);
    const second = await funnel({ from: '2024-03-05', to: '2024-03-05' });
    // 03-05: added u3 at 00:00:00; joined u2 at 00:00:00; 广告 the total row 2000; 新增客户 4 + 6
    expect(counts(second.stages).slice(0, 6)).toEqual([2000, 100, 0, 10, 1, 1]);
  });

  it('counts a person of two groups of the scope once, and limits customers and orders to people ever in the scope', async () => {
    const a = await funnel({ ...week, groups: ['A'] });
    const b = await funnel({ ...week, groups: ['B'] });
    const ab = await funnel({ ...week, groups: ['A', 'B'] });
    // Aggregates have no groups. A: added u1, u2 (ever in A); joined u7, u1, u2; active u7, u1; paid u1; repurchase u1; referral u7
    expect(counts(a.stages)).toEqual([3500, 180, 50, 25, 2, 3, 2, 1, 1, 1]);
    // B: added u1, u3, u8, u9 (ever in B, whenever); joined u3, u12, u1; active u12, u3; paid u1; repurchase u1; referral u3
    expect(counts(b.stages)).toEqual([3500, 180, 50, 25, 4, 3, 2, 1, 1, 1]);
    // A + B: joined 5, not 3 + 3 (u1 is in both); added leaves out u4, un5 and the row, who never joined
    expect(counts(ab.stages)).toEqual([3500, 180, 50, 25, 5, 5, 4, 1, 1, 2]);
  });

  it('defaults the range to the first and last local day of the path’s data', async () => {
    const r = await funnel({});
    // 公众号 03-03 is the first day; u3's first paid order on 03-25 the last
    expect([r.from, r.to]).toEqual(['2024-03-03', '2024-03-25']);
    const joinOnly = await funnel({}, path(['join', '入群', 'person_joined'], ['talk', '发言', 'person_active']));
    expect([joinOnly.from, joinOnly.to]).toEqual(['2024-03-04', '2024-03-21']);
  });

  it('answers zeros and empty rates when nothing happened in the range', async () => {
    const r = await funnel({ from: '2025-01-01', to: '2025-01-31' });
    expect(counts(r.stages)).toEqual(Array(10).fill(0));
    expect(r.stages[1]!.step).toEqual({ rate: null, low: null, high: null });
    expect(r.stages[1]!.overall).toEqual({ rate: null, low: null, high: null });
    expect(r.biggestDrop).toBeNull();
  });

  it('refuses a breakdown in period mode', async () => {
    await expect(funnel({ ...week, breakdown: 'channel' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

const cohortPath = path(['ad', '广告曝光', 'ad_impressions'], ['add', '添加客服微信', 'person_added'], ['join', '入群', 'person_joined'], ['pay', '首次付费', 'person_first_paid'], ['again', '复购', 'person_repurchase']);
const cohort = (req: Partial<FunnelRequest>, p: CustomerPath = cohortPath) => funnel({ mode: 'cohort', ...req }, p);
const day = 86400;

describe('cohort', () => {
  it('follows the people added in the week through the later stages within 14 days', async () => {
    const r = await cohort(week);
    expect(r.skipped).toEqual([{ id: 'ad', name: '广告曝光', reason: expect.stringContaining('按人') }]);
    expect(r.stages.map((s) => s.id)).toEqual(['add', 'join', 'pay', 'again']);
    // Cohort: u1, u2, u3, u4, un5, the row, u8, u9 (first add in the week; u1's second add changes nothing).
    // 入群: u1 (2 h), u2 (1 s), u3 (34 h), u8 (at exactly 14 days) — u9 joined 14 days and 1 second after
    // 首次付费: u1 (47 h), u8 (at the deadline, the same second it joined) — u3's first paid order is after its deadline
    // 复购: u1 (3 days 23 h)
    expect(counts(r.stages)).toEqual([8, 4, 2, 1]);
    expect(r.stages.map((s) => s.dropOff)).toEqual([null, 4, 2, 1]);
    expect(r.biggestDrop).toBe(1);
    expect(r.stages[1]!.step).toEqual(wilson(4, 8));
    expect(r.stages[3]!.overall).toEqual(wilson(1, 8));
    expect([r.from, r.to]).toEqual(['2024-03-04', '2024-03-10']);
  });

  it('measures time to convert from entry, in days, with quantile_cont', async () => {
    const r = await cohort(week);
    expect(r.stages[0]!.timeToConvert).toBeNull();
    // 入群 in seconds, sorted: 1, 7200, 122400, 1209600 (14 days)
    // p25 at position 0.75: 1 + 0.75 · 7199 = 5400.25 s; median at 1.5: (7200 + 122400) / 2 = 64800 s = 0.75 d;
    // p75 at 2.25: 122400 + 0.25 · (1209600 − 122400) = 394200 s = 4.5625 d
    const join = r.stages[1]!.timeToConvert!;
    expect(join.p25).toBeCloseTo(5400.25 / day, 12);
    expect(join.median).toBeCloseTo(0.75, 12);
    expect(join.p75).toBeCloseTo(4.5625, 12);
    // 首次付费: 47/24 d and 14 d → p25 477/96, median 383/48, p75 1055/96
    const pay = r.stages[2]!.timeToConvert!;
    expect(pay.p25).toBeCloseTo(477 / 96, 12);
    expect(pay.median).toBeCloseTo(383 / 48, 12);
    expect(pay.p75).toBeCloseTo(1055 / 96, 12);
    expect(r.stages[3]!.timeToConvert).toEqual({ p25: 95 / 24, median: 95 / 24, p75: 95 / 24 });
  });

  it('counts an event at exactly entry + window and not one a second later', async () => {
    const narrow = await cohort({ ...week, windowDays: 1 });
    // Within 24 h only u1 (2 h) and u2 (1 s) join; u1 pays after 47 h
    expect(counts(narrow.stages)).toEqual([8, 2, 0, 0]);
    // u8 (exactly 14 d) is in the 入群 count of the 14-day window, u9 (14 d + 1 s) is lost at 入群
    const lostAtJoin = await lost({ ...week, stageIndex: 1 }, cohortPath);
    expect(lostAtJoin.map((p) => p.pid)).toContain('u9');
    expect(lostAtJoin.map((p) => p.pid)).not.toContain('u8');
  });

  it('enters a re-joiner at their first join, and follows two groups or one', async () => {
    const p = path(['join', '入群', 'person_joined'], ['talk', '发言', 'person_active'], ['pay', '付费', 'person_first_paid']);
    const all = await cohort({ from: '2024-03-05', to: '2024-03-10' }, p);
    // First joins in 03-05…03-10: u2 (03-05 00:00:00; the re-join on 03-09 is no second entry), u3, u12 —
    // not u1, whose first join was 03-04. All three write: u2 at 03-11 00:00:00 (6 d), u3 at 03-10 23:59:59, u12 03-09.
    // Nobody pays: u3's first paid order (03-25) is after its deadline (03-20 10:00)
    expect(counts(all.stages)).toEqual([3, 3, 0]);
    expect(all.biggestDrop).toBe(2);
    // Seconds to 发言: u12 90000, u3 395999, u2 518400
    expect(all.stages[1]!.timeToConvert!.median).toBeCloseTo(395999 / day, 12);
    expect(all.stages[1]!.timeToConvert!.p25).toBeCloseTo(242999.5 / day, 12);
    expect(all.stages[1]!.timeToConvert!.p75).toBeCloseTo(457199.5 / day, 12);
    // Scope B: first joins into B are u3, u12 and u1 (03-09 20:00); u1 writes only in A
    const b = await cohort({ from: '2024-03-05', to: '2024-03-10', groups: ['B'] }, p);
    expect(counts(b.stages)).toEqual([3, 2, 0]);
  });

  it('does not count an order paid before the person entered', async () => {
    // Scope B, 入群 → 首次付费: u1 entered B on 03-09 but first paid on 03-06
    const r = await cohort({ from: '2024-03-05', to: '2024-03-10', groups: ['B'] }, path(['join', '入群', 'person_joined'], ['pay', '付费', 'person_first_paid']));
    expect(counts(r.stages)).toEqual([3, 0]);
  });

  it('breaks the cohort down by channel, staff and tag, largest first', async () => {
    const shape = (b: { value: string; stages: FunnelStage[] }[] | null) => b?.map((x) => [x.value, counts(x.stages)]);
    // Channel = add way, else channel: 扫码 u1 u2 u4 u8 u9; 海报 un5 and the row; 公众号 u3
    expect(shape((await cohort({ ...week, breakdown: 'channel' })).breakdown)).toEqual([
      ['扫码', [5, 3, 2, 1]],
      ['海报', [2, 0, 0, 0]],
      ['公众号', [1, 1, 0, 0]],
    ]);
    // 小王 u1 u2 un5 row; 小李 u3 u4 u8 u9 (equal sizes: by value)
    expect(shape((await cohort({ ...week, breakdown: 'staff' })).breakdown)).toEqual([
      ['小李', [4, 2, 1, 0]],
      ['小王', [4, 2, 1, 1]],
    ]);
    // u1 counts under 高意向 and 宝妈; u4 under 高意向 and 学生 (split on a space); blank tags are （无）
    expect(shape((await cohort({ ...week, breakdown: 'tag' })).breakdown)).toEqual([
      ['（无）', [5, 2, 1, 0]],
      ['宝妈', [2, 2, 1, 1]],
      ['高意向', [2, 1, 1, 1]],
      ['学生', [1, 0, 0, 0]],
    ]);
    // The breakdown leaves the overall funnel as it is
    expect(counts((await cohort({ ...week, breakdown: 'tag' })).stages)).toEqual([8, 4, 2, 1]);
  });

  it('gives the three breakdowns from one statement, each as the cohort broken down by it alone', async () => {
    const shape = (b: { value: string; stages: FunnelStage[] }[]) => b.map((x) => [x.value, counts(x.stages)]);
    for (const scope of [week, { from: '2024-03-05', to: '2024-03-10', groups: ['B'] }]) {
      const all = await t.project.db.use((sql) => queryFunnelBreakdowns(sql, { windowDays: 14, ...scope }, cohortPath, 'Asia/Shanghai', ['channel', 'staff', 'tag']));
      for (const breakdown of ['channel', 'staff', 'tag'] as const) {
        // Every figure, the times to convert and the order of the values included.
        expect(all[breakdown]).toEqual((await cohort({ ...scope, breakdown })).breakdown);
      }
    }
    // The hand-counted breakdowns of the week (above), from the one statement.
    const all = await t.project.db.use((sql) => queryFunnelBreakdowns(sql, { windowDays: 14, ...week }, cohortPath, 'Asia/Shanghai', ['channel', 'staff', 'tag']));
    expect(shape(all.channel)).toEqual([
      ['扫码', [5, 3, 2, 1]],
      ['海报', [2, 0, 0, 0]],
      ['公众号', [1, 1, 0, 0]],
    ]);
    expect(shape(all.staff)).toEqual([
      ['小李', [4, 2, 1, 0]],
      ['小王', [4, 2, 1, 1]],
    ]);
    expect(shape(all.tag)).toEqual([
      ['（无）', [5, 2, 1, 0]],
      ['宝妈', [2, 2, 1, 1]],
      ['高意向', [2, 1, 1, 1]],
      ['学生', [1, 0, 0, 0]],
    ]);
  });

  it('gives an empty funnel when the path has no per-person stage', async () => {
    const r = await cohort(week, path(['ad', '广告曝光', 'ad_impressions'], ['follow', '关注', 'oa_new_follows']));
    expect(r.stages).toEqual([]);
    expect(r.skipped.map((s) => s.id)).toEqual(['ad', 'follow']);
  });
});

describe('lost list', () => {
  it('lists who was added but never joined within the window, by entry time, customers without a member id included', async () => {
    expect(await lost({ ...week, stageIndex: 1 }, cohortPath)).toEqual([
      { pid: 'u4', name: '阿丹', channel: '扫码', staff: '小李', entered_at: '2024-03-06T10:00:00', last_stage: '添加客服微信' },
      { pid: 'un5', name: '阿五', channel: '海报', staff: '小王', entered_at: '2024-03-07T09:00:00', last_stage: '添加客服微信' },
      { pid: 'u9', name: '阿古', channel: '扫码', staff: '小李', entered_at: '2024-03-07T11:00:00', last_stage: '添加客服微信' },
      { pid: 'row:11:7', name: '匿名', channel: '海报', staff: '小王', entered_at: '2024-03-10T23:59:59', last_stage: '添加客服微信' },
    ]);
  });

  it('lists who joined but did not pay, and who paid once but did not buy again', async () => {
    expect(await lost({ ...week, stageIndex: 2 }, cohortPath)).toEqual([
      { pid: 'u2', name: '阿本', channel: '扫码', staff: '小王', entered_at: '2024-03-04T23:59:59', last_stage: '入群' },
      { pid: 'u3', name: '阿猫', channel: '公众号', staff: '小李', entered_at: '2024-03-05T00:00:00', last_stage: '入群' },
    ]);
    expect((await lost({ ...week, stageIndex: 3 }, cohortPath)).map((p) => p.pid)).toEqual(['u8']);
  });

  it('refuses a step the cohort does not have', async () => {
    // cohortPath has 4 per-person stages (广告曝光 is skipped): index 4 does not exist
    await expect(lost({ ...week, stageIndex: 4 }, cohortPath)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('rates and drops', () => {
  const stages = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `s${i}`, source: 'person_joined' as const }));

  it('takes the first of equal drops as the biggest, and none when nothing drops', () => {
    expect(biggestDrop(funnelStages(stages(4), [10, 7, 4, 4], null))).toBe(1);
    expect(biggestDrop(funnelStages(stages(3), [5, 5, 6], null))).toBeNull();
  });

  it('gives a rate over 0 as empty and a rate over 100% without bounds', () => {
    expect(stageRate(3, 0)).toEqual({ rate: null, low: null, high: null });
    expect(stageRate(3, 2)).toEqual({ rate: 150, low: null, high: null });
    const s = funnelStages(stages(3), [0, 0, 0], null);
    expect(s.map((x) => x.overall.rate)).toEqual([null, null, null]);
    expect(s.map((x) => x.dropOff)).toEqual([null, 0, 0]);
  });
});
