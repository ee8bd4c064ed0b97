import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';

/** Loads the page again with `record` installed before its scripts, up to the overview's figures. */
async function reloadRecording(page: Page, record: string): Promise<void> {
  await page.addInitScript(record);
  await page.reload();
  await expect(page.locator('[data-view="overview"][data-ready="true"]')).toBeAttached();
}

/** What one delivery of the page's DOM changes added: ag-grid style sheets, grids in a view, the primer. */
type Added = { styles: number; viewGrids: number; primers: number };

/**
 * Installed before the page's scripts: every delivery of a MutationObserver that added ag-grid's
 * style sheets or a grid. Changes made in one task reach the observer together (it is called once
 * the task's script has run), so a delivery holding both means one task made both.
 */
const RECORD_ADDED = `(() => {
  const added = [];
  window.__added = added;
  new MutationObserver((records) => {
    const n = { styles: 0, viewGrids: 0, primers: 0 };
    for (const r of records) for (const el of r.addedNodes) {
      if (!(el instanceof Element)) continue;
      if (el.matches('style[data-ag-css]')) n.styles++;
      if (el.matches('.grid-primer')) n.primers++;
      const grid = el.matches('.ag-root-wrapper') ? el : el.querySelector('.ag-root-wrapper');
      if (grid && grid.closest('[data-view]')) n.viewGrids++;
    }
    if (n.styles || n.viewGrids || n.primers) added.push(n);
  }).observe(document, { subtree: true, childList: true });
})()`;

test.describe('the grid primer (components/agGrid.ts)', () => {
  test('ag-grid’s style sheets are written in a task of their own, not in the one that makes a view’s first grid', async ({ demo, page }) => {
    await reloadRecording(page, RECORD_ADDED);
    // Made in the page's idle time once ag-grid has loaded (fetched in idle time after the overview):
    // a user looking at the overview a moment.
    await expect(page.locator('.grid-primer')).toHaveCount(1);
    await demo.showTab('funnel');
    await expect(page.getByTestId('funnel-table').locator('.ag-row').first()).toBeVisible();

    const added = (await page.evaluate('window.__added')) as Added[];
    const firstGrid = added.findIndex((a) => a.viewGrids > 0);
    expect(firstGrid, JSON.stringify(added)).toBeGreaterThanOrEqual(0);
    // The sheets came in before the view's first grid, with the primer, and not with that grid.
    const sheetsAt = added.findIndex((a) => a.styles > 0);
    expect(sheetsAt, JSON.stringify(added)).toBeGreaterThanOrEqual(0);
    expect(sheetsAt, JSON.stringify(added)).toBeLessThan(firstGrid);
    expect(added[sheetsAt]!.primers, JSON.stringify(added)).toBe(1);
    expect(added.filter((a) => a.styles > 0 && a.viewGrids > 0), JSON.stringify(added)).toEqual([]);
    // One primer for the page, kept out of sight.
    await expect(page.locator('.grid-primer')).toHaveCount(1);
    await expect(page.locator('.grid-primer')).toBeHidden();
  });
});

/**
 * Installed before the page's scripts: per chart (its test id), when ECharts was made in it (the
 * delivery that added its drawing surface, once the task that made it has run) and when it first
 * drew on a canvas.
 */
const RECORD_CHARTS = `(() => {
  const charts = {};
  window.__charts = charts;
  const entry = (el) => {
    const id = el && el.closest && el.closest('.chart[data-testid]')?.getAttribute('data-testid');
    return id ? (charts[id] ??= {}) : null;
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) if (r.target instanceof Element && r.target.matches('.chart[data-testid]') && r.addedNodes.length) entry(r.target).madeAt ??= now;
  }).observe(document, { subtree: true, childList: true });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'fillText', 'fill', 'stroke', 'drawImage']) {
    const draw = proto[name];
    proto[name] = function (...args) {
      const e = entry(this.canvas);
      if (e) e.drawnAt ??= performance.now();
      return draw.apply(this, args);
    };
  }
})()`;

test.describe('a chart’s first draw (components/Chart.tsx)', () => {
  test('is drawn in a task after the one that made the chart', async ({ demo, page }) => {
    await reloadRecording(page, RECORD_CHARTS);
    await demo.showTab('funnel');
    await expect(page.getByTestId('funnel-chart')).toHaveInk();

    const charts = (await page.evaluate('window.__charts')) as Record<string, { madeAt?: number; drawnAt?: number }>;
    for (const id of ['overview-trend', 'overview-funnel', 'funnel-chart']) {
      const chart = charts[id];
      expect(chart?.madeAt, `${id}: ${JSON.stringify(charts)}`).toBeGreaterThan(0);
      // Drawn in the same task, the drawing would come before the delivery that reports the chart made.
      expect(chart!.drawnAt, `${id}: ${JSON.stringify(charts)}`).toBeGreaterThan(chart!.madeAt!);
    }
  });
});

test.describe('a chart whose view is left between its option and its layout (components/Chart.tsx)', () => {
  test('is drawn at its size once its view is back, and the view is called ready', async ({ demo, page }) => {
    await reloadRecording(page, RECORD_CHARTS);
    // The next delivery that reports 漏斗's chart made (its option set, its layout's turn to come)
    // shows 指标 at once: the click's render runs before the next task, so 漏斗 is out of the page
    // when its chart's layout turn comes.
    await page.evaluate(() => {
      new MutationObserver((records, observer) => {
        if (!records.some((r) => r.target instanceof Element && r.target.matches('[data-testid="funnel-chart"]') && r.addedNodes.length)) return;
        observer.disconnect();
        (document.querySelector('[data-testid="tab-metrics"]') as HTMLElement).click();
        // After React's render of the click (a microtask queued before this one), before any task.
        queueMicrotask(() => {
          (window as unknown as { __isLeft: boolean }).__isLeft = !document.querySelector('[data-view="funnel"]')?.isConnected;
        });
      }).observe(document, { subtree: true, childList: true });
    });
    await demo.openTab('funnel');
    await expect(page.locator('[data-view="metrics"][data-ready="true"]')).toBeAttached();
    expect(await page.evaluate('window.__isLeft')).toBe(true);

    await demo.showTab('funnel');
    const chart = page.getByTestId('funnel-chart');
    await expect(chart).toHaveInk();
    const size = await chart.evaluate((el) => ({ box: el.clientWidth, canvas: parseFloat(el.querySelector('canvas')!.style.width) }));
    expect(size.box).toBeGreaterThan(0);
    expect(size.canvas).toBe(size.box);
  });
});
