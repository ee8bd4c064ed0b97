import type { MetricsRow } from '../../../../src-main/contract';
import { expect, sharedDemoTest, test } from '../../fixtures';
import { overviewCardIds, type OverviewCardId } from '../../pages/OverviewPage';

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

test.describe('概览 of the demo project', () => {
  test('the demo, built from the bundled exports on its first opening, opens on the overview', async ({ start, workspace }) => {
    // No prebuilt copy here (no `demo` fixture): the app builds the demo itself.
    await start.openDemo();
    await expect(workspace.tab('overview')).toHaveAttribute('aria-selected', 'true');
  });

  sharedDemoTest('shows the latest week of data', async ({ demo: _, overviewPage: overview }) => {
    await overview.waitLoaded();
    const api = await overview.apiOverview();
    expect(api.week_start).not.toBeNull();
    await expect(overview.week()).toHaveText(`${api.week_start} ~ ${api.week_end}`);
  });

  sharedDemoTest('its weeks are the weekly rows of 指标', async ({ demo: _, api: call, overviewPage: overview }) => {
    const api = await overview.apiOverview();
    const metrics = await call('metrics:query', { period: 'week' });
    expect(api.thisWeek).toEqual(metrics.at(-1));
    expect(api.trend).toEqual(metrics.slice(-12));
  });

  sharedDemoTest('each card shows this week’s figure, last week’s and the change', async ({ demo: _, overviewPage: overview }) => {
    await overview.waitLoaded();
    const api = await overview.apiOverview();
    const thisWeek = api.thisWeek!;
    for (const id of overviewCardIds) {
      const card = overview.card(id);
      await expect(card.value, id).toHaveText(shownFigure(id, thisWeek));
      await expect(card.last, id).toHaveText(shownFigure(id, api.lastWeek));
      await expect(card.change, id).toHaveText(shownChange(id, thisWeek, api.lastWeek));
    }
  });

  sharedDemoTest('shows this week’s churned members and draws the trend', async ({ demo: _, overviewPage: overview }) => {
    const api = await overview.apiOverview();
    await expect(overview.churnCount()).toHaveText(String(api.thisWeek!.churned_members));
    await expect(overview.chart('overview-trend')).toHaveInk();
  });

  sharedDemoTest('the mini funnel is the cohort funnel of the saved path: counts never grow, no step above 100%, every stage named', async ({ demo: _, api: call, overviewPage: overview, page, shot }) => {
    const api = await overview.apiOverview();
    // Issue 11 item 4: the period counts of the demo's latest week read 添加客服微信 0 → 入群 7 → 付费下单 13 (185.71%).
    const period = await call('funnel:query', { mode: 'period', from: api.week_start!, to: api.week_end! });
    expect(period.stages.map((f) => f.count)).toEqual([0, 7, 13]);

    const cohort = await call('funnel:query', { mode: 'cohort', from: api.funnel_from!, to: api.week_end! });
    expect(api.funnel.map((f) => [f.id, f.count])).toEqual(cohort.stages.map((f) => [f.id, f.count]));
    const counts = api.funnel.map((f) => f.count);
    expect(counts[0]).toBeGreaterThan(0);
    counts.slice(1).forEach((n, i) => expect(n, `stage ${i + 1}`).toBeLessThanOrEqual(counts[i]!));
    expect(api.funnel.every((f) => f.step.rate === null || f.step.rate <= 100)).toBe(true);

    await expect.poll(() => overview.funnelCounts()).toEqual(Object.fromEntries(api.funnel.map((f) => [f.id, f.count.toLocaleString('zh-CN')])));
    await expect(page.getByTestId('overview-funnel-range')).toHaveText(`${api.funnel_from} ~ ${api.week_end} 进入路径的人`);
    for (const f of api.funnel) {
      const item = page.getByTestId(`overview-funnel-stage-${f.id}`);
      await expect(item).toContainText(f.name);
      expect(await item.evaluate((el) => el.scrollWidth <= el.clientWidth), f.name).toBe(true);
    }
    await expect(overview.chart('overview-funnel')).toHaveInk();
    await shot('overview-demo.png');
  });

  sharedDemoTest('its funnel link opens 路径与漏斗', async ({ demo, overviewPage: overview }) => {
    await overview.waitLoaded();
    await overview.openFunnel();
    await expect(demo.tab('funnel')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.view()).toHaveCount(0);
  });
});

test.describe('概览 of an empty project', () => {
  test('points to the import, and its link opens it', async ({ start, workspace, overviewPage: overview }) => {
    await start.createProject('空项目');
    await overview.waitLoaded();
    await expect(overview.emptyState()).toContainText('还没有可分析的数据');
    await overview.goToImport();
    await expect(workspace.tab('import')).toHaveAttribute('aria-selected', 'true');
  });
});
