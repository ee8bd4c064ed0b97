import type { Page } from '@playwright/test';
import { expectedWeekly, writeCommunityFixture } from '../../../support/communityFixture';
import { expect, test } from '../../fixtures';
import { isApiAnswer } from '../../pages/WorkspacePage';
import { rowMetricIds, shownMetrics } from '../../pages/MetricsPage';

/** Waits for the workspace's warm-up (views/workspace/warmUp.ts) to have asked every view's first questions. */
const warmedUp = (page: Page) => expect(page.locator('.workspace[data-warm-up="done"]')).toBeAttached({ timeout: 60_000 });

test.describe('the warm-up: the other views’ first questions asked in idle time (issue 17)', () => {
  test('after it, 流失与留存 shows the API’s figures on its first visit without asking anything', async ({ demo, page, api, churnPage }) => {
    await warmedUp(page);
    const churned = (await api('churn:query', { period: 'week' })).series.reduce((n, s) => n + s.churned, 0);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (['churn:query', 'churn:retention', 'churn:survival'].some((m) => isApiAnswer(r.url(), m))) asked.push(r.url());
    });
    await demo.showTab('churn');
    await expect(churnPage.total()).toHaveText(churned.toLocaleString('zh-CN'));
    expect(asked).toEqual([]);
  });

  test('an import after it: 指标 shows the new data’s figures on its return, not the answers warmed or shown before', async ({ app, start, workspace, importPage, metricsPage, page }) => {
    const files = await writeCommunityFixture(app.root);
    await start.createProject('端到端测试');
    // Warmed on the empty project: 指标 has an answer with no rows in the cache, and once visited
    // its view is kept (mounted, out of the page) with no rows shown.
    await warmedUp(page);
    await workspace.showTab('metrics');
    await workspace.openTab('import');
    // The warm-up of the new data asks 指标's question again (the import view asks no such thing).
    const rewarmed = page.waitForRequest((r) => isApiAnswer(r.url(), 'metrics:query'), { timeout: 60_000 });
    await importPage.importFiles([files.members, files.messages]);
    expect(await importPage.states()).toEqual(['done', 'done']);
    await rewarmed;
    await warmedUp(page);

    await workspace.openTab('metrics');
    await metricsPage.choosePeriod('week');
    const week = expectedWeekly[0]!;
    await expect.poll(() => metricsPage.row(week.period_start, rowMetricIds)).toEqual(shownMetrics(week));
  });
});
