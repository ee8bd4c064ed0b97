import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../src-main/contract';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { queryFunnel } from '../../../src-main/analysis/funnel/funnelQueries';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import { loadPath } from '../../../src-main/analysis/funnel/pathQueries';
import { overviewOfWeeks, previousWeekStart, queryOverview } from '../../../src-main/analysis/overview/overviewQueries';
import { tempPaths } from '../../support/tempDirs';
import { insertCustomers, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Hand-computed fixture, Asia/Shanghai (UTC+8), all times local.
 * Weeks: W1 Mon 2024-01-01 … Sun 01-07, W2 01-08 … 01-14, W3 01-15 … 01-21.
 *
 *   carl  C joins Mon 2023-10-02 10:00, stays                      (sixteen weeks of data: the trend keeps the last 12)
 *   ann   A joins Mon 01-08 09:00, stays; writes 01-10 12:00 and Sun 01-14 23:59:59 (A's last event)
 *   bob   A joins 01-09 10:00, writes 01-11 12:00, leaves Sun 01-14 20:00   (churned in W2)
 *   cy    B joins 01-08 10:00, leaves 01-09 10:00, re-joins 01-11 10:00      (re-join: new once, not churned)
 *   dee   A joins Fri 01-12 10:00; B joins Mon 01-15 00:00:00 and writes there at 00:00:00
 *         (a member of A joining B: new in W3 for every scope that holds B)
 *
 * Orders (buyer phone → customer list → person):
 *   ann  01-12 10:00  100.00                 W2, converted, GMV 100
 *   bob  01-13 10:00   80.00 − 80.00         fully refunded: not converted, GMV 0
 *   carl 01-09 10:00   50.00 − 20.00         W2, converted, GMV 30
 *   cy   Mon 01-15 00:00:00  60.00           W3 (in UTC still Sunday 16:00 of W2)
 *
 * The last event of the whole project, and of B, is Monday 01-15 00:00:00 local: the latest week is
 * W3, though in UTC every W3 event is a Sunday. A's last event is Sunday 01-14 23:59:59: its latest
 * week is W2.
 *
 * No path is saved and the customer list has no 添加时间, so the funnel is the default 入群 → 付费下单.
 */
const spells = [
  { group: 'C', id: 'carl', join: '2023-10-02 10:00:00+08' },
  { group: 'A', id: 'ann', join: '2024-01-08 09:00:00+08' },
  { group: 'A', id: 'bob', join: '2024-01-09 10:00:00+08', leave: '2024-01-14 20:00:00+08' },
  { group: 'B', id: 'cy', join: '2024-01-08 10:00:00+08', leave: '2024-01-09 10:00:00+08' },
  { group: 'B', id: 'cy', join: '2024-01-11 10:00:00+08' },
  { group: 'A', id: 'dee', join: '2024-01-12 10:00:00+08' },
  { group: 'B', id: 'dee', join: '2024-01-15 00:00:00+08' },
];
const messages = [
  { id: 'ann', group: 'A', at: '2024-01-10 12:00:00+08' },
  { id: 'bob', group: 'A', at: '2024-01-11 12:00:00+08' },
  { id: 'ann', group: 'A', at: '2024-01-14 23:59:59+08' },
  { id: 'dee', group: 'B', at: '2024-01-15 00:00:00+08' },
];
const people = ['ann', 'bob', 'carl', 'cy', 'dee'];
const phone = (id: string) => `1390000000${people.indexOf(id) + 1}`;
const orders = [
  { orderNo: 'o1', paidAt: '2024-01-12 10:00:00+08', paid: '100.00', buyerPhone: phone('ann') },
  { orderNo: 'o2', paidAt: '2024-01-13 10:00:00+08', paid: '80.00', refunded: '80.00', buyerPhone: phone('bob') },
  { orderNo: 'o3', paidAt: '2024-01-09 10:00:00+08', paid: '50.00', refunded: '20.00', buyerPhone: phone('carl') },
  { orderNo: 'o4', paidAt: '2024-01-15 00:00:00+08', paid: '60.00', buyerPhone: phone('cy') },
];

/** A weekly row in the column order of the comments below. */
function week(
  start: string,
  end: string,
  [total, added, active, rate, churned]: [number, number, number, number | null, number],
  [converted, convRate, gmv, convWow, gmvWow]: [number, number | null, number, number | null, number | null],
): MetricsRow {
  return {
    period_start: start,
    period_end: end,
    total_members: total,
    new_members: added,
    active_members: active,
    active_rate: rate,
    churned_members: churned,
    converted_members: converted,
    conversion_rate: convRate,
    gmv,
    converted_wow: convWow,
    gmv_wow: gmvWow,
  };
}

let t: TempProject;
const TZ = 'Asia/Shanghai';
const overview = (groups?: string[]) => t.project.db.use((sql) => queryOverview(sql, { groups, timeZone: TZ }));
const funnelCounts = (o: { funnel: { id: string; count: number; step: { rate: number | null } }[] }) =>
  o.funnel.map((f) => [f.id, f.count, f.step.rate]);
const weekly = (groups?: string[]) => t.project.db.use((sql) => queryMetrics(sql, { period: 'week', groups, timeZone: TZ }));

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertSpells(t.project, spells);
  await insertMessages(t.project, messages);
  await insertCustomers(t.project, people.map((id) => ({ name: id, externalUserid: id, phone: phone(id) })));
  await insertOrders(t.project, orders);
});
afterAll(async () => t?.dispose());

describe('overview over the hand-computed fixture', () => {
  it('takes the week of a Monday 00:00:00 local event as the latest week, with last week beside it', async () => {
    const o = await overview();
    expect([o.week_start, o.week_end]).toEqual(['2024-01-15', '2024-01-21']);
    // W3: members carl ann cy dee; new dee (joins B); active dee; cy's order 60; 环比 against W2.
    expect(o.thisWeek).toEqual(week('2024-01-15', '2024-01-21', [4, 1, 1, 25, 0], [1, 25, 60, (1 - 2) * 100 / 2, ((60 - 130) * 100) / 130]));
    // W2: members at Sunday's end carl ann cy dee (bob left); new ann bob cy dee; active ann bob; churned bob;
    // converted ann and carl (bob refunded in full), GMV 100 + 30; W1 had no orders, so no 环比.
    expect(o.lastWeek).toEqual(week('2024-01-08', '2024-01-14', [4, 4, 2, 50, 1], [2, 50, 130, null, null]));
  });

  it('gives the same rows as the weekly metrics, by construction', async () => {
    const rows = await weekly();
    const o = await overview();
    expect(o.thisWeek).toEqual(rows.at(-1));
    expect(o.lastWeek).toEqual(rows.at(-2));
    expect(o.trend).toEqual(rows.slice(-12));
  });

  it('follows the people who entered the path in the last 4 weeks as a cohort, as the funnel view does for that range', async () => {
    const o = await overview();
    expect(o.funnel_from).toBe('2023-12-25');
    // Entries 12-25 … 01-21: first joins of ann (01-08), bob, cy and dee (carl first joined in October);
    // within 14 days of joining ann paid 01-12 and cy 01-15 (bob's order was refunded in full).
    expect(funnelCounts(o)).toEqual([
      ['join', 4, null],
      ['pay', 2, 50],
    ]);
    const direct = await t.project.db.use(async (sql) =>
      queryFunnel(sql, { mode: 'cohort', from: '2023-12-25', to: '2024-01-21', windowDays: 14, breakdown: null }, await loadPath(sql), TZ),
    );
    expect(o.funnel).toEqual(direct.stages);
    // A (latest week W2, entries 12-18 … 01-14): ann, bob and dee join; ann pays.
    const a = await overview(['A']);
    expect(a.funnel_from).toBe('2023-12-18');
    expect(funnelCounts(a)).toEqual([
      ['join', 3, null],
      ['pay', 1, 100 / 3],
    ]);
  });

  it('keeps the last 12 weeks in the trend, oldest first', async () => {
    const o = await overview();
    // Sixteen weeks from Mon 2023-10-02 to Mon 2024-01-15; the last twelve start on 2023-10-30.
    expect(o.trend).toHaveLength(12);
    expect(o.trend[0]).toEqual(week('2023-10-30', '2023-11-05', [1, 0, 0, 0, 0], [0, 0, 0, null, null]));
    expect(o.trend.map((r) => r.period_start).slice(-3)).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
  });

  it('ends a group whose last event is Sunday 23:59:59 local in that week, without a last week when it has only one', async () => {
    const o = await overview(['A']);
    expect([o.week_start, o.week_end]).toEqual(['2024-01-08', '2024-01-14']);
    // A in W2: members ann dee; new ann bob dee; active ann bob; churned bob; converted ann (100).
    expect(o.thisWeek).toEqual(week('2024-01-08', '2024-01-14', [2, 3, 2, 100, 1], [1, 50, 100, null, null]));
    expect(o.lastWeek).toBeNull();
    expect(o.trend).toEqual([o.thisWeek]);
  });

  it('counts a group whose only late event is at Monday 00:00:00 local in the new week', async () => {
    const o = await overview(['B']);
    expect(o.week_start).toBe('2024-01-15');
    // B in W3: members cy dee; new dee; active dee; cy's 60. B in W2: cy joined, left, re-joined: new, not churned.
    expect(o.thisWeek).toEqual(week('2024-01-15', '2024-01-21', [2, 1, 1, 50, 0], [1, 50, 60, null, null]));
    expect(o.lastWeek).toEqual(week('2024-01-08', '2024-01-14', [1, 1, 0, 0, 0], [0, 0, 0, null, null]));
  });
});

describe('overview helpers', () => {
  it('steps back one week across a month and a year', () => {
    expect(previousWeekStart('2024-01-01')).toBe('2023-12-25');
    expect(previousWeekStart('2024-03-04')).toBe('2024-02-26');
    expect(previousWeekStart('2024-01-15', 3)).toBe('2023-12-25');
  });

  it('has no week, no rows and no funnel when there are no rows', () => {
    expect(overviewOfWeeks([])).toEqual({ week_start: null, week_end: null, thisWeek: null, lastWeek: null, trend: [] });
  });
});

describe('overview:query', () => {
  it('answers through the API in the project time zone, limited to the groups asked', async () => {
    const ctx = createContext('test', tempPaths(t.dir));
    ctx.project = t.project;
    const call = inProcessClient(createHandlers(ctx));
    const all = await call('overview:query', {});
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.week_start).toBe('2024-01-15');
    expect(all.value.lastWeek?.gmv).toBe(130);
    const a = await call('overview:query', { groups: ['A'] });
    expect(a.ok && a.value.week_start).toBe('2024-01-08');
  });

  it('answers an empty overview for a project without data', async () => {
    const empty = await tempProject(TZ);
    try {
      const ctx = createContext('test', tempPaths(empty.dir));
      ctx.project = empty.project;
      const r = await inProcessClient(createHandlers(ctx))('overview:query', {});
      expect(r.ok && r.value).toEqual({ week_start: null, week_end: null, thisWeek: null, lastWeek: null, trend: [], funnel: [], funnel_from: null });
    } finally {
      await empty.dispose();
    }
  });

  it('says no project is open when none is', async () => {
    const r = await inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))))('overview:query', {});
    expect(r.ok ? null : r.error.code).toBe('PROJECT_NOT_OPEN');
  });
});
