import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../src-main/contract';
import { startSession, type E2eSession } from './harness';
import { overviewCardIds, OverviewPage, type OverviewCardId } from './pages/OverviewPage';
import { StartPage } from './pages/StartPage';

/** How a card shows a figure: counts with separators, rates with 2 decimals, GMV in yuan; '-' when empty. */
function shownFigure(id: OverviewCardId, row: MetricsRow | null): string {
  if (!row) return '-';
  const v = row[id];
  if (v === null) return '-';
  if (id === 'active_rate' || id === 'conversion_rate') return `${v.toFixed(2)}%`;
  if (id === 'gmv') return `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return v.toLocaleString('zh-CN');
}

/** How a card shows the change: (this − last) / last with an arrow; '-' when last week is 0 or absent. */
function shownChange(id: OverviewCardId, cur: MetricsRow, last: MetricsRow | null): string {
  const a = cur[id];
  const b = last?.[id];
  if (a === null || b === null || b === undefined || b === 0) return '-';
  const pct = ((a - b) * 100) / b;
  if (Math.abs(pct).toFixed(2) === '0.00') return '持平';
  return `${pct > 0 ? '↑' : '↓'}${Math.abs(pct).toFixed(2)}%`;
}

describe('overview of the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is the first view of the demo, shows the API figures of the latest week, and links to the funnel', async () => {
    const start = new StartPage(s.page);
    const overview = new OverviewPage(s.page);
    await start.goto(s.url);
    await start.openDemo();

    expect(await overview.isTabSelected('overview')).toBe(true);
    await overview.waitLoaded();
    const api = await overview.apiOverview();
    expect(api.week_start).not.toBeNull();
    expect(await overview.weekText()).toBe(`${api.week_start} ~ ${api.week_end}`);

    // The overview's week rows are the metrics' weekly rows.
    const metrics = await s.page.evaluate(async () => {
      const res = await fetch('/api/metrics:query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"period":"week"}' });
      return ((await res.json()) as { value: MetricsRow[] }).value;
    });
    expect(api.thisWeek).toEqual(metrics.at(-1));
    expect(api.trend).toEqual(metrics.slice(-12));

    const thisWeek = api.thisWeek!;
    for (const id of overviewCardIds) {
      expect(await overview.card(id), id).toEqual({
        value: shownFigure(id, thisWeek),
        last: shownFigure(id, api.lastWeek),
        change: shownChange(id, thisWeek, api.lastWeek),
      });
    }
    expect((await overview.churnCount().innerText()).trim()).toBe(String(thisWeek.churned_members));
    expect(await overview.chartHasInk('overview-trend')).toBe(true);

    // The mini funnel is the funnel view's period-count funnel of that week, stage by stage.
    const funnel = await s.page.evaluate(async (body) => {
      const res = await fetch('/api/funnel:query', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return ((await res.json()) as { value: { stages: { id: string; count: number }[] } }).value;
    }, JSON.stringify({ mode: 'period', from: api.week_start, to: api.week_end }));
    expect(api.funnel.map((f) => [f.id, f.count])).toEqual(funnel.stages.map((f) => [f.id, f.count]));
    expect(api.funnel.length).toBeGreaterThanOrEqual(2);
    expect(api.funnel.some((f) => f.count > 0), JSON.stringify(api.funnel.map((f) => [f.id, f.count]))).toBe(true);
    expect(await overview.funnelCounts()).toEqual(Object.fromEntries(api.funnel.map((f) => [f.id, f.count.toLocaleString('zh-CN')])));
    expect(await overview.chartHasInk('overview-funnel')).toBe(true);

    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'overview-demo.png'), fullPage: true });

    await overview.openFunnel();
    await expect.poll(() => overview.isTabSelected('funnel')).toBe(true);
    expect(await overview.view().count()).toBe(0);
  });

});

describe('overview of an empty project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('points to the import', async () => {
    const start = new StartPage(s.page);
    const overview = new OverviewPage(s.page);
    await start.goto(s.url);
    await start.createProject('空项目');
    await overview.waitLoaded();
    await expect(overview.emptyState().innerText()).resolves.toContain('还没有可分析的数据');
    await overview.goToImport();
    await expect.poll(() => overview.isTabSelected('import')).toBe(true);
  });
});
