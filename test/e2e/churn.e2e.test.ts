import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnResult } from '../../src-main/contract';
import { startSession, type E2eSession } from './harness';
import { ChurnPage } from './pages/ChurnPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { callApi } from './pages/api';

describe('browser mode: 流失与留存 on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Opening the demo builds it with the real importer first: give it time on a busy machine.
  const TIMEOUT = 240_000;

  it('draws the charts, lists as many events as the API returns, switches period and shows the retention heatmap', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const churn = new ChurnPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('churn');

    expect(await churn.chartHasInk('churn-series-chart')).toBe(true);
    const weekly: ChurnResult = await callApi(s.page, 'churn:query', { period: 'week' });
    expect(weekly.events.length).toBeGreaterThan(0);
    await expect.poll(() => churn.listCounts()).toEqual({ label: weekly.events.length, grid: weekly.events.length });
    // The first rows are the oldest events, as the API lists them.
    const shown = await churn.visibleLeftAt();
    expect(shown.slice(0, 3)).toEqual(weekly.events.slice(0, 3).map((e) => e.left_at.replace('T', ' ')));
    const weekTotal = weekly.series.reduce((n, r) => n + r.churned, 0);
    await expect.poll(() => s.page.getByTestId('churn-total').innerText()).toBe(weekTotal.toLocaleString('zh-CN'));
    for (const key of ['stage', 'how', 'tenure']) expect(await churn.chartHasInk(`churn-breakdown-${key}`)).toBe(true);
    expect(await churn.exportList()).toBe('流失记录.xlsx');

    await churn.choosePeriod('day');
    const daily = await callApi(s.page, 'churn:query', { period: 'day' });
    // A person who leaves twice in a week is churned once that week but on two days: the totals can differ.
    const dayTotal = daily.series.reduce((n, r) => n + r.churned, 0);
    await expect.poll(() => s.page.getByTestId('churn-total').innerText()).toBe(dayTotal.toLocaleString('zh-CN'));
    expect(await churn.chartHasInk('churn-series-chart')).toBe(true);

    const cohorts = await callApi(s.page, 'churn:retention', {});
    expect(cohorts.length).toBeGreaterThan(0);
    expect(await churn.chartHasInk('churn-retention-chart')).toBe(true);

    expect(await churn.chartHasInk('churn-survival-chart')).toBe(true);
    await churn.chooseSurvivalBy('group');
    const byGroup = await callApi(s.page, 'churn:survival', { by: 'group' });
    await expect.poll(() => churn.medians().then((m) => m.length)).toBe(byGroup.length);
    expect(await churn.chartHasInk('churn-survival-chart')).toBe(true);
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'churn.png'), fullPage: true });
  }, TIMEOUT);
});
