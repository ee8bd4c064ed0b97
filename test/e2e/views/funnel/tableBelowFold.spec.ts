import { expect, sharedDemoTest as test } from '../../fixtures';

// The rate table sits under the funnel chart, out of sight at 1400×900: it is made once in sight,
// or once the figures above stood a moment (BelowFold), not in the wait after the click (issue 17:
// a grid's making is three tasks of its own).
test('路径与漏斗: the rate table below the chart is not made in the wait after the click, and shows the API’s counts once scrolled to', async ({ page, demo, api, funnelPage }) => {
  const period = await api('funnel:query', { mode: 'period' });
  expect(period.stages.length).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => {
    const w = window as unknown as { __tableAtReady?: boolean };
    const readiness = new MutationObserver(() => {
      if (!document.querySelector('[data-view="funnel"][data-ready="true"]')) return;
      w.__tableAtReady = document.querySelector('[data-testid="funnel-table"] .ag-root-wrapper') !== null;
      readiness.disconnect();
    });
    readiness.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await demo.showTab('funnel');
  await expect(funnelPage.chart()).toHaveInk();
  expect(await page.evaluate(() => (window as unknown as { __tableAtReady?: boolean }).__tableAtReady)).toBe(false);

  await page.locator('.funnel-table-grid').scrollIntoViewIfNeeded();
  await expect.poll(() => funnelPage.tableColumn('count')).toEqual(period.stages.map((x) => x.count.toLocaleString('zh-CN')));
});
