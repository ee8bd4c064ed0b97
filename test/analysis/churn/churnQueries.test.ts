import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnEvent, Period } from '../../../src-main/contract';
import { withChurnEvents } from '../../../src-main/analysis/churn/churnList';
import { CHURN_LIST_LIMIT, churnBreakdowns, churnEventsExport, queryChurn, queryChurnEvents, queryRetention, querySurvival, tenureBucket, type ChurnQuery } from '../../../src-main/analysis/churn/churnQueries';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import type { Sql } from '../../../src-main/db/projectDb';
import { exportFile } from '../../../src-main/export/xlsx';
import { fillChurnFixture } from './churnFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

// The fixture and its story are in churnFixture.ts; every expected figure below is worked out by hand there and here.

let t: TempProject;
const tz = 'Asia/Shanghai';
const AB = ['A', 'B'];
const use = <T>(fn: (sql: Sql) => Promise<T>) => t.project.db.use(fn);
const events = (q: Omit<ChurnQuery, 'timeZone'>) => use((sql) => queryChurnEvents(sql, { ...q, timeZone: tz }));
/** churn:query over the scope's events table, as the handler reads it. */
const churnOf = (q: Omit<ChurnQuery, 'timeZone'>, period: Period, listLimit: number | null) =>
  use((sql) => withChurnEvents(t.project.db, sql, { ...q, timeZone: tz }, (events) => queryChurn(sql, { ...q, timeZone: tz }, period, listLimit, events)));
const churn = (q: Omit<ChurnQuery, 'timeZone'>, period: Period) => churnOf(q, period, CHURN_LIST_LIMIT);
const retention = (q: Omit<ChurnQuery, 'timeZone'>) => use((sql) => queryRetention(sql, { ...q, timeZone: tz }));
const survival = (q: Omit<ChurnQuery, 'timeZone'>, by: 'none' | 'channel' | 'group') => use((sql) => querySurvival(sql, { ...q, timeZone: tz }, by));

beforeAll(async () => {
  t = await tempProject();
  await fillChurnFixture(t.project);
});
afterAll(async () => t?.dispose());

const ev = (pid: string | null, name: string, left_at: string, how: ChurnEvent['how'], group_name: string | null, stage: ChurnEvent['stage'], channel: string | null, tenure_days: number | null): ChurnEvent => ({
  pid,
  name,
  left_at,
  how,
  group_name,
  stage,
  channel,
  tenure_days,
});

/**
 * The events of the scope [A, B], oldest first:
 * - alice leaves A 01-03 10:00 and is out until 01-15: churn; no orders; tenure 01-01 09:00 → 01-03 10:00 = 2 d 1 h → 2.
 * - alice deletes her staff contact 01-05 20:00 (客户删除员工): tenure from the same first join, 4 d 11 h → 4.
 * - bob's leave 01-02 12:00 is followed by a re-join at 15:00 the same day: not churn.
 * - carol's leave from A 01-04 happens while she is in B: not churn; 被移出 from B 01-07 23:59:59 is (removed);
 *   channel 公众号 (the customer list's 渠道, as it has no 添加方式); tenure 01-02 08:00 → 01-07 23:59:59 = 5 d 16 h − 1 s → 5.
 * - dave leaves B Mon 01-08 00:00:00: one paid order before it (the 01-05 one was refunded in full) → bought_once;
 *   channel 朋友推荐; tenure 01-01 12:00 → 01-08 00:00 = 6 d 12 h → 6.
 * - hank joins and leaves A on 01-08 (blank 退群方式 → left_group): tenure 9 hours → 0.
 * - erin 员工删除客户 01-10 11:00: two paid orders before → repeat_buyer; 群二维码; 01-03 09:00 → 01-10 11:00 = 7 d 2 h → 7.
 * Not in the scope: gina (group C), frank (never a member of A or B), 陌生人 (tied to nobody).
 */
const scopedEvents = [
  ev('alice', '阿花', '2024-01-03T10:00:00', 'left_group', 'A', 'joined_not_bought', null, 2),
  ev('alice', '阿花', '2024-01-05T20:00:00', 'customer_deleted_staff', null, 'joined_not_bought', null, 4),
  ev('carol', '小卡', '2024-01-07T23:59:59', 'removed', 'B', 'joined_not_bought', '公众号', 5),
  ev('dave', '大卫', '2024-01-08T00:00:00', 'left_group', 'B', 'bought_once', '朋友推荐', 6),
  ev('hank', '阿汉', '2024-01-08T18:00:00', 'left_group', 'A', 'joined_not_bought', null, 0),
  ev('erin', '小恩', '2024-01-10T11:00:00', 'staff_deleted_customer', null, 'repeat_buyer', '群二维码', 7),
];

describe('churn events', () => {
  it('lists who left the scope, when, how, from which stage and channel, after what tenure', async () => {
    expect(await events({ groups: AB })).toEqual(scopedEvents);
  });

  it('without a scope lists every group and every 流失客户 row, those tied to nobody too', async () => {
    // Added to the scoped list:
    // - gina leaves C 01-04 20:00: tenure 01-02 10:00 → 01-04 20:00 = 2 d 10 h → 2.
    // - frank (客户删除员工 01-05 14:00) never joined a group: added_not_joined, 扫码添加,
    //   tenure from being added 2023-12-20 10:00 → 16 d 4 h → 16.
    // - 陌生人 matches no one: pid null, added_not_joined, blank 流失方式 → customer_deleted_staff,
    //   tenure from the row's own 添加时间 01-01 08:00 → 01-06 09:00 = 5 d 1 h → 5.
    const all = await events({});
    expect(all).toEqual([
      scopedEvents[0],
      ev('gina', '吉娜', '2024-01-04T20:00:00', 'left_group', 'C', 'joined_not_bought', null, 2),
      ev('frank', '阿福', '2024-01-05T14:00:00', 'customer_deleted_staff', null, 'added_not_joined', '扫码添加', 16),
      scopedEvents[1],
      ev(null, '陌生人', '2024-01-06T09:00:00', 'customer_deleted_staff', null, 'added_not_joined', null, 5),
      ...scopedEvents.slice(2),
    ]);
  });

  it('keeps events whose local day is within the range: Monday 00:00:00 is not Sunday', async () => {
    // carol's 23:59:59 Sunday leave is outside [01-08, 01-08]; dave's Monday 00:00:00 (UTC Sunday 16:00) is inside.
    expect((await events({ groups: AB, from: '2024-01-08', to: '2024-01-08' })).map((e) => [e.pid, e.left_at])).toEqual([
      ['dave', '2024-01-08T00:00:00'],
      ['hank', '2024-01-08T18:00:00'],
    ]);
    expect((await events({ groups: AB, to: '2024-01-07' })).map((e) => e.left_at).at(-1)).toBe('2024-01-07T23:59:59');
  });

  it('a single group is a scope of its own: a leave from B while out of A is churn of B', async () => {
    // Scope [B]: carol is removed from B 01-07 (her A spell does not count); dave leaves 01-08. No one of B was deleted.
    expect((await events({ groups: ['B'] })).map((e) => [e.pid, e.how, e.group_name])).toEqual([
      ['carol', 'removed', 'B'],
      ['dave', 'left_group', 'B'],
    ]);
  });
});

describe('churn export', () => {
  it('writes the listed events to xlsx with Chinese headers and labels, a row tied to nobody marked 未匹配', async () => {
    const file = await exportFile(
      await use(async (sql) => {
        const q = { from: '2024-01-06', to: '2024-01-07', timeZone: tz };
        return churnEventsExport(q, await queryChurnEvents(sql, q));
      }),
    );
    expect(file.fileName).toBe('流失记录_2024-01-06至2024-01-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('流失记录')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['流失时间', '昵称', '流失方式', '群', '所处阶段', '来源渠道', '在群天数', '成员ID']);
    // 陌生人 on 01-06 (tied to nobody), then carol removed from B on Sunday 23:59:59; empty cells stay empty.
    // The times are date cells (issue 11 item 13) of the local wall clock, which exceljs hands back as UTC.
    expect(values(2)).toEqual([new Date('2024-01-06T09:00:00Z'), '陌生人', '客户删除员工', undefined, '已添加未入群', undefined, 5, '未匹配']);
    expect(values(3)).toEqual([new Date('2024-01-07T23:59:59Z'), '小卡', '被移出群', 'B', '已入群未购买', '公众号', 5, 'carol']);
    expect(ws.rowCount).toBe(3);
  });
});

describe('churn breakdowns', () => {
  it('counts the scoped events by stage, channel, tenure, group and way with shares in percent', async () => {
    const { breakdowns } = await churn({ groups: AB }, 'week');
    const share = (n: number) => (n * 100) / 6;
    expect(breakdowns.stage).toEqual([
      { value: 'added_not_joined', count: 0, share: 0 },
      { value: 'joined_not_bought', count: 4, share: share(4) }, // alice ×2, carol, hank
      { value: 'bought_once', count: 1, share: share(1) }, // dave
      { value: 'repeat_buyer', count: 1, share: share(1) }, // erin
    ]);
    expect(breakdowns.how).toEqual([
      { value: 'left_group', count: 3, share: 50 }, // alice, dave, hank
      { value: 'removed', count: 1, share: share(1) }, // carol
      { value: 'customer_deleted_staff', count: 1, share: share(1) }, // alice
      { value: 'staff_deleted_customer', count: 1, share: share(1) }, // erin
    ]);
    // Unknown channel ('') for alice ×2 and hank; ties in code-point order.
    expect(breakdowns.channel).toEqual([
      { value: '', count: 3, share: 50 },
      { value: '公众号', count: 1, share: share(1) },
      { value: '朋友推荐', count: 1, share: share(1) },
      { value: '群二维码', count: 1, share: share(1) },
    ]);
    // Contact deletions have no group ('').
    expect(breakdowns.group).toEqual([
      { value: '', count: 2, share: share(2) },
      { value: 'A', count: 2, share: share(2) },
      { value: 'B', count: 2, share: share(2) },
    ]);
    // Tenures 2, 4, 5, 6, 0, 7: all in 0–7.
    expect(breakdowns.tenure.map((b) => [b.value, b.count])).toEqual([['0-7', 6], ['8-30', 0], ['31-90', 0], ['91-180', 0], ['180+', 0]]);
  });

  it('lists the latest events beyond the list limit, oldest first, and counts and breaks down every one', async () => {
    const all = await events({ groups: AB });
    expect(all).toHaveLength(6);
    const r = await churnOf({ groups: AB }, 'week', 2);
    expect(r.eventCount).toBe(6);
    expect(r.events).toEqual(all.slice(-2));
    expect(r.breakdowns).toEqual(churnBreakdowns(all));
    const every = await churnOf({ groups: AB }, 'week', null);
    expect(every.events).toEqual(all);
    expect(every.eventCount).toBe(6);
  });

  it('puts tenures in their buckets at the edges and lists unknown tenures; no events give empty shares', () => {
    expect([0, 7, 8, 30, 31, 90, 91, 180, 181, null].map(tenureBucket)).toEqual(['0-7', '0-7', '8-30', '8-30', '31-90', '31-90', '91-180', '91-180', '180+', '']);
    const one = { ...scopedEvents[0]!, tenure_days: null };
    expect(churnBreakdowns([one]).tenure.at(-1)).toEqual({ value: '', count: 1, share: 100 });
    const none = churnBreakdowns([]);
    expect(none.stage.every((b) => b.count === 0 && b.share === null)).toBe(true);
    expect(none.channel).toEqual([]);
  });
});

describe('churn series', () => {
  it('counts churned people per week over the members at the end of the week before', async () => {
    // Week 1: alice (out from 01-03 to 01-15) and carol (removed Sunday 23:59:59) are out at Sunday's end; bob re-joined,
    //   dave leaves only on Monday. Members at the end of week 1: bob, dave, erin = 3. Nobody before: rate empty.
    // Week 2: dave and hank churn; 2 / 3. Members at the end: bob, erin, ivy = 3.
    // Week 3: alice is back, nobody leaves: 0 / 3. Members: 4. Week 4 (erin's message on Wed 01-24): 0 / 4.
    const { series } = await churn({ groups: AB }, 'week');
    expect(series).toEqual([
      { period_start: '2024-01-01', period_end: '2024-01-07', churned: 2, members_before: 0, churn_rate: null },
      { period_start: '2024-01-08', period_end: '2024-01-14', churned: 2, members_before: 3, churn_rate: (2 * 100) / 3 },
      { period_start: '2024-01-15', period_end: '2024-01-21', churned: 0, members_before: 3, churn_rate: 0 },
      { period_start: '2024-01-22', period_end: '2024-01-28', churned: 0, members_before: 4, churn_rate: 0 },
    ]);
  });

  it('takes the first period’s members_before from the period before `from`', async () => {
    // from Wednesday 01-10: the series starts with the whole week 2; before it, week 1 ended with 3 members.
    const { series } = await churn({ groups: AB, from: '2024-01-10', to: '2024-01-21' }, 'week');
    expect(series.map((r) => [r.period_start, r.churned, r.members_before])).toEqual([
      ['2024-01-08', 2, 3],
      ['2024-01-15', 0, 3],
    ]);
    // Days: on 01-08 dave and hank churn over the 3 members at the end of Sunday 01-07.
    const days = (await churn({ groups: AB, from: '2024-01-07', to: '2024-01-08' }, 'day')).series;
    // 01-06 ended with alice out, carol in B: bob, carol, dave, erin = 4; 01-07 ended with 3.
    expect(days).toEqual([
      { period_start: '2024-01-07', period_end: '2024-01-07', churned: 1, members_before: 4, churn_rate: 25 },
      { period_start: '2024-01-08', period_end: '2024-01-08', churned: 2, members_before: 3, churn_rate: (2 * 100) / 3 },
    ]);
  });

  it('is DESIGN’s churned_members: equal to the metrics for every period, scope and range', async () => {
    for (const period of ['day', 'week', 'month'] as const) {
      for (const scope of [{}, { groups: AB }, { groups: ['C'] }, { groups: AB, from: '2024-01-03', to: '2024-01-20' }]) {
        const [{ series }, metrics] = await Promise.all([
          churn(scope, period),
          use((sql) => queryMetrics(sql, { ...scope, period, timeZone: tz })),
        ]);
        expect(series.map((r) => [r.period_start, r.period_end, r.churned])).toEqual(metrics.map((m) => [m.period_start, m.period_end, m.churned_members]));
        // members_before is the previous row's total_members.
        for (let i = 1; i < series.length; i++) expect(series[i]!.members_before).toBe(metrics[i - 1]!.total_members);
      }
    }
  });

  it('counts a same-day leave and re-join as no churn, in the series as in the list', async () => {
    // bob leaves and re-joins A on 01-02: that day churns nobody.
    const days = (await churn({ groups: ['A'], from: '2024-01-02', to: '2024-01-02' }, 'day')).series;
    expect(days[0]).toMatchObject({ period_start: '2024-01-02', churned: 0 });
    expect((await events({ groups: ['A'] })).some((e) => e.pid === 'bob')).toBe(false);
  });
});

describe('retention cohorts', () => {
  it('follows each join week to the end of every later week, a re-joiner counting again once back', async () => {
    // Horizon: erin's message Wed 01-24 is the last data; week 4 ends Sunday 01-28, after it: null.
    // Cohort 01-01: alice, bob, carol, dave, erin (5).
    //   k=0, Sun 01-07: bob, dave, erin (carol removed at 23:59:59, alice out) = 3 → 60 %
    //   k=1, Sun 01-14: bob, erin (dave left Monday 00:00) = 2 → 40 %
    //   k=2, Sun 01-21: bob, erin, alice (re-joined 01-15) = 3 → 60 %
    // Cohort 01-08: hank (in and out on 01-08), ivy (joins 01-09, stays): 1 of 2 at k=0 and k=1.
    expect(await retention({ groups: AB })).toEqual([
      { cohort_week: '2024-01-01', size: 5, retained: [60, 40, 60, null], counts: [3, 2, 3, null] },
      { cohort_week: '2024-01-08', size: 2, retained: [50, 50, null, null], counts: [1, 1, null, null] },
    ]);
  });

  it('sees the data as of `to` and starts the cohorts at the week of `from`', async () => {
    // to Saturday 01-20: week 3 (ends Sunday 01-21) is not over.
    expect(await retention({ groups: AB, to: '2024-01-20' })).toEqual([
      { cohort_week: '2024-01-01', size: 5, retained: [60, 40, null], counts: [3, 2, null] },
      { cohort_week: '2024-01-08', size: 2, retained: [50, null, null], counts: [1, null, null] },
    ]);
    // from Tuesday 01-09: cohorts from the week of 01-08 only.
    expect(await retention({ groups: AB, from: '2024-01-09' })).toEqual([
      { cohort_week: '2024-01-08', size: 2, retained: [50, 50, null], counts: [1, 1, null] },
    ]);
    // to Sunday 01-07, 23:59:59 included: the first week is over and carol is out.
    expect(await retention({ groups: AB, to: '2024-01-07' })).toEqual([{ cohort_week: '2024-01-01', size: 5, retained: [60], counts: [3] }]);
  });

  it('is empty when the scope has no members', async () => {
    expect(await retention({ groups: ['没有这个群'] })).toEqual([]);
  });
});

describe('membership survival (Kaplan–Meier)', () => {
  it('follows the first membership of the scope, censoring those still in at the last instant with data', async () => {
    // Whole days from the first join to the end of the first island; the last instant with data is 01-24 10:00.
    //   hank 9 h → 0 (event); bob 01-01 10:00 → 01-02 12:00 → 1 (event: his first island ends, though he is back at 15:00);
    //   alice 2 d 1 h → 2; carol 01-02 08:00 → 01-07 23:59:59 → 5; dave 6 d 12 h → 6;
    //   ivy 01-09 10:00 → 01-24 10:00 = 15 (censored); erin 01-03 09:00 → 01-24 10:00 → 21 (censored).
    // S: 0: 6/7; 1: 6/7·5/6 = 5/7; 2: 5/7·4/5 = 4/7; 5: 4/7·3/4 = 3/7 ≤ ½ → median 5; 6: 3/7·2/3 = 2/7.
    const [curve, ...rest] = await survival({ groups: AB }, 'none');
    expect(rest).toEqual([]);
    expect(curve).toMatchObject({ label: '全部成员', n: 7, events: 5, median_days: 5 });
    expect(curve!.points.map((p) => [p.day, p.at_risk, p.events, p.censored])).toEqual([
      [0, 7, 1, 0],
      [1, 6, 1, 0],
      [2, 5, 1, 0],
      [5, 4, 1, 0],
      [6, 3, 1, 0],
      [15, 2, 0, 1],
      [21, 1, 0, 1],
    ]);
    const expected = [6 / 7, 5 / 7, 4 / 7, 3 / 7, 2 / 7, 2 / 7, 2 / 7];
    curve!.points.forEach((p, i) => expect(p.survival).toBeCloseTo(expected[i]!, 12));
  });

  it('by group follows the first spell in each group', async () => {
    // A: hank 0, bob 1, alice 2, carol (A: 01-02 08:00 → 01-04 10:00) 2, erin censored 21.
    //    S: 0: 4/5; 1: 3/5; 2: 3/5 · 1/3 = 1/5 → median 2.
    // B: carol (01-03 09:00 → 01-07 23:59:59) 4, dave 6, ivy censored 15. S: 4: 2/3; 6: 1/3 → median 6.
    const curves = await survival({ groups: AB }, 'group');
    expect(curves.map((c) => [c.label, c.n, c.events, c.median_days])).toEqual([
      ['A', 5, 4, 2],
      ['B', 3, 2, 6],
    ]);
    expect(curves[0]!.points.map((p) => [p.day, p.at_risk, p.events, p.censored])).toEqual([[0, 5, 1, 0], [1, 4, 1, 0], [2, 3, 2, 0], [21, 1, 0, 1]]);
    expect(curves[0]!.points[2]!.survival).toBeCloseTo(1 / 5, 12);
    expect(curves[1]!.points.map((p) => [p.day, p.at_risk, p.events, p.censored])).toEqual([[4, 3, 1, 0], [6, 2, 1, 0], [15, 1, 0, 1]]);
    expect(curves[1]!.points[1]!.survival).toBeCloseTo(1 / 3, 12);
  });

  it('by channel splits by 添加方式, else 渠道, else （未知渠道）', async () => {
    // （未知渠道）: alice 2, bob 1, hank 0 (events), ivy 15 (censored): S 3/4, 1/2 (median 1), 1/4.
    // 公众号 carol 5; 朋友推荐 dave 6; 群二维码 erin censored at 21 (no median).
    const curves = await survival({ groups: AB }, 'channel');
    expect(curves.map((c) => [c.label, c.n, c.events, c.median_days])).toEqual([
      ['（未知渠道）', 4, 3, 1],
      ['公众号', 1, 1, 5],
      ['朋友推荐', 1, 1, 6],
      ['群二维码', 1, 0, null],
    ]);
    expect(curves[0]!.points.map((p) => p.survival)).toEqual([0.75, 0.5, 0.25, 0.25]);
  });

  it('with `to`, takes the people who joined by then and censors at the end of that day', async () => {
    // to Sunday 01-07: observation ends at Monday 00:00:00; hank and ivy joined later.
    //   bob 1, alice 2, carol 5 (23:59:59 is before the end) are events; dave leaves exactly at Monday 00:00:00,
    //   so is still a member when observation ends: censored at 6 d 12 h → 6; erin censored at 4 d 15 h → 4.
    // S: 1: 4/5; 2: 4/5·3/4 = 3/5; 4: censored; 5: 3/5·1/2 = 3/10 → median 5; 6: censored.
    const [curve] = await survival({ groups: AB, to: '2024-01-07' }, 'none');
    expect(curve).toMatchObject({ n: 5, events: 3, median_days: 5 });
    expect(curve!.points.map((p) => [p.day, p.at_risk, p.events, p.censored])).toEqual([[1, 5, 1, 0], [2, 4, 1, 0], [4, 3, 0, 1], [5, 2, 1, 0], [6, 1, 0, 1]]);
    expect(curve!.points.at(-1)!.survival).toBeCloseTo(3 / 10, 12);
    // from 01-08: only hank (event at 0) and ivy (censored at 15).
    const [later] = await survival({ groups: AB, from: '2024-01-08' }, 'none');
    expect(later!.points.map((p) => [p.day, p.survival, p.at_risk])).toEqual([[0, 0.5, 2], [15, 0.5, 1]]);
    expect(later!.median_days).toBe(0);
  });

  it('has no curve for a scope without members', async () => {
    expect(await survival({ groups: ['没有这个群'] }, 'none')).toEqual([]);
  });
});
