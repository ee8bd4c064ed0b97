/**
 * One figure, one definition (DESIGN §4, issue 11 item 5): every view's headline figures read
 * through the API (in-process handlers, real DuckDB) on the demo and on a generated project.
 * Figures under equal labels must be equal; figures under different labels must reconcile as
 * their tooltips say (locale: churnedPeopleHint, churnedTotalHint, channels gmvHint, vvip gmvHint,
 * featureHints.gmv).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { buildDemoProject } from '../../src-main/import/demo';
import { closeProjectFile } from '../../src-main/db/projectFile';
import { generateProject } from '../../bench/generateProject';
import { tempDir, tempPaths } from '../support/tempDirs';

/** A small generated project: every kind of table filled. */
const SIZES = { people: 800, messages: 8_000, orders: 400, groups: 4 };

const cents = (v: number) => Math.round(v * 100);
const sumOf = <T,>(rows: readonly T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);

const { dir, cleanup } = tempDir('qunxi-figures-');
const files: Record<'demo' | 'generated', string> = { demo: path.join(dir, 'demo.qunxi'), generated: path.join(dir, 'generated.qunxi') };

beforeAll(async () => {
  await closeProjectFile(await buildDemoProject(files.demo, path.resolve(__dirname, '../../resources/demo'), path.join(dir, 'tmp')));
  await generateProject(files.generated, SIZES);
}, 240_000);
afterAll(cleanup);

describe.each(['demo', 'generated'] as const)('equal labels give equal numbers across views: %s', (name) => {
  let call: ReturnType<typeof inProcessClient>;
  let groupNames: string[];
  beforeAll(async () => {
    const ctx = createContext('test', tempPaths(path.join(dir, name)));
    call = inProcessClient(createHandlers(ctx));
    groupNames = unwrap(await call('project:open', { path: files[name] })).groups;
  }, 120_000);
  afterAll(async () => call?.('project:close', {}));

  it('概览 shows the 指标 row of its week (贡献GMV, 转化人数, 流失用户数 …), for every group and for one', async () => {
    const groups = unwrap(await call('metrics:query', { period: 'week' }));
    const overview = unwrap(await call('overview:query', {}));
    expect(overview.thisWeek).toEqual(groups.find((r) => r.period_start === overview.week_start));
    const firstGroup = groupNames[0]!;
    const scoped = unwrap(await call('overview:query', { groups: [firstGroup] }));
    const scopedWeeks = unwrap(await call('metrics:query', { period: 'week', groups: [firstGroup] }));
    expect(scoped.thisWeek).toEqual(scopedWeeks.find((r) => r.period_start === scoped.week_start));
  });

  it('指标 贡献GMV and 转化 add up the same by day, week and month', async () => {
    const [day, week, month] = await Promise.all((['day', 'week', 'month'] as const).map(async (period) => unwrap(await call('metrics:query', { period }))));
    const gmv = [day, week, month].map((rows) => cents(sumOf(rows!, (r) => r.gmv)));
    expect(gmv[0]).toBeGreaterThan(0);
    expect(new Set(gmv).size).toBe(1);
  });

  it('流失与留存: each period’s 流失人数 is 指标’s 流失用户数; 去重 is the distinct people of the list; the list has ≥ as many records', async () => {
    const metrics = unwrap(await call('metrics:query', { period: 'week' }));
    const churn = unwrap(await call('churn:query', { period: 'week', listAll: true }));
    const byWeek = new Map(metrics.map((r) => [r.period_start, r.churned_members]));
    expect(churn.series.length).toBeGreaterThan(0);
    for (const r of churn.series) expect([r.period_start, r.churned]).toEqual([r.period_start, byWeek.get(r.period_start)]);

    expect(churn.events.length).toBe(churn.eventCount);
    const distinct = new Set(churn.events.map((e, i) => e.pid ?? `unmatched:${i}`)).size;
    expect(churn.churnedPeople).toBe(distinct);
    expect(churn.eventCount).toBeGreaterThanOrEqual(churn.churnedPeople);
    // The breakdowns count records (人次), as the list does.
    for (const dim of ['stage', 'channel', 'how'] as const) expect(sumOf(churn.breakdowns[dim], (b) => b.count)).toBe(churn.eventCount);
  });

  it('渠道: every tab counts the same people, conversions and 渠道带来的GMV, only split differently', async () => {
    const dims = await Promise.all((['source', 'channel_code', 'add_way'] as const).map(async (dimension) => unwrap(await call('channels:query', { dimension }))));
    const totals = dims.map((rows) => [sumOf(rows, (r) => r.added), sumOf(rows, (r) => r.converted), cents(sumOf(rows, (r) => r.gmv)), sumOf(rows, (r) => r.churned)]);
    expect(totals[0]![0]).toBeGreaterThan(0);
    expect(totals[1]).toEqual(totals[0]);
    expect(totals[2]).toEqual(totals[0]);
  });

  it('累计GMV is one figure in 客户360 and VVIP, and it covers 渠道带来的GMV and 指标 贡献GMV as their tooltips say', async () => {
    const features = unwrap(await call('features:query', { offset: 0, limit: 5000, sort: [], filter: {} }));
    expect(features.rows.length).toBe(features.total);
    const lifetime = cents(sumOf(features.rows, (r) => r.gmv));
    const vvip = unwrap(await call('vvip:query', {}));
    expect(cents(vvip.total_gmv)).toBe(lifetime);
    expect(vvip.total_people).toBe(features.total);

    // 渠道带来的GMV: orders of the people added, after being added — part of their lifetime GMV.
    const channels = unwrap(await call('channels:query', {}));
    expect(cents(sumOf(channels, (r) => r.gmv))).toBeLessThanOrEqual(lifetime);
    // 贡献GMV: orders paid while a member — part of the payers' lifetime GMV.
    const weeks = unwrap(await call('metrics:query', { period: 'week' }));
    expect(cents(sumOf(weeks, (r) => r.gmv))).toBeLessThanOrEqual(lifetime);
    expect(cents(sumOf(weeks, (r) => r.gmv))).toBeGreaterThan(0);
  });

  it('概览’s funnel is 路径与漏斗’s cohort funnel of its range, and it never grows', async () => {
    const overview = unwrap(await call('overview:query', {}));
    const cohort = unwrap(await call('funnel:query', { mode: 'cohort', from: overview.funnel_from!, to: overview.week_end! }));
    expect(overview.funnel).toEqual(cohort.stages);
    const counts = overview.funnel.map((s) => s.count);
    counts.slice(1).forEach((n, i) => expect(n).toBeLessThanOrEqual(counts[i]!));
    expect(overview.funnel.every((s) => s.step.rate === null || s.step.rate <= 100)).toBe(true);
  });
});
