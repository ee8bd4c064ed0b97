import type { Page } from '@playwright/test';
import { expect, sharedDemoTest } from '../../fixtures';

/** Resolves after `count` of the page's animation frames: ag-grid answers a change of size in the frames after it. */
const frames = (page: Page, count: number) =>
  page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );

sharedDemoTest.describe('a visited view out of sight (issue 17)', () => {
  sharedDemoTest('客户360’s grid, wider than the page, draws no more of its columns once another view shows', async ({ demo, page }) => {
    await demo.showTab('features');
    // The view's element, held across its leaving the page (the workspace detaches a hidden view).
    const view = await page.locator('[data-view="features"]').elementHandle();
    const drawn = () =>
      view!.evaluate((el) => ({
        cells: el.querySelectorAll('.ag-cell').length,
        headers: el.querySelectorAll('.ag-header-cell').length,
        columns: Number(el.querySelector('[aria-colcount]')?.getAttribute('aria-colcount')),
      }));
    const shown = await drawn();
    // ag-grid draws the columns in sight only: this grid has more than it draws.
    expect(shown.cells).toBeGreaterThan(0);
    expect(shown.headers).toBeLessThan(shown.columns);

    await demo.showTab('metrics');
    expect(await view!.evaluate((el) => el.isConnected)).toBe(false);
    // Out of the page, its viewport measures 0 px, which ag-grid took as "draw every column":
    // it drew them all in the next view's first frames. Ten frames hold that chain several times over.
    await frames(page, 10);
    expect(await drawn()).toEqual(shown);

    // Back in sight, it shows the same columns and cells.
    await demo.showTab('features');
    await frames(page, 10);
    expect(await drawn()).toEqual(shown);
  });

  sharedDemoTest('客户360’s list, scrolled down and right, is where it was on the return', async ({ demo, page }) => {
    await demo.showTab('features');
    const rows = page.locator('[data-view="features"] .ag-grid-viewport');
    const columns = page.locator('[data-view="features"] .ag-body-horizontal-scroll-viewport');
    await rows.evaluate((el) => (el.scrollTop = 1500));
    // Set again until it holds: ag-grid gives the horizontal scroller its width in a frame after the
    // grid is drawn, and a scroll set before it is clamped to 0.
    await expect.poll(() => columns.evaluate((el) => ((el.scrollLeft = 600), el.scrollLeft))).toBeGreaterThan(0);
    // What the grid shows there: its first row in sight and its headers drawn.
    const shown = () =>
      page.evaluate(() => {
        const view = document.querySelector('[data-view="features"]')!;
        const viewport = view.querySelector('.ag-grid-viewport')!.getBoundingClientRect();
        const inSight = [...view.querySelectorAll('.ag-row')].filter((r) => r.getBoundingClientRect().top >= viewport.top);
        const first = Math.min(...inSight.map((r) => Number(r.getAttribute('row-index'))));
        const headers = [...view.querySelectorAll('.ag-header-cell')].map((h) => h.getAttribute('col-id')).sort();
        return { top: view.querySelector('.ag-grid-viewport')!.scrollTop, left: view.querySelector('.ag-body-horizontal-scroll-viewport')!.scrollLeft, first, headers };
      });
    // ag-grid follows a scroll in the frames after it: its rows, then the columns in sight.
    await expect.poll(async () => (await shown()).first).toBeGreaterThan(10);
    await frames(page, 10);
    const before = await shown();
    expect(before.top).toBeGreaterThan(0);
    expect(before.left).toBeGreaterThan(0);

    await demo.showTab('metrics');
    await demo.showTab('features');
    await frames(page, 10);
    expect(await shown()).toEqual(before);
  });

  sharedDemoTest('the page of 流失与留存, scrolled down, is where it was on the return; a view opened meanwhile starts at the top', async ({ demo, page }) => {
    const body = page.locator('.tab-body');
    await demo.showTab('churn');
    await body.evaluate((el) => (el.scrollTop = 400));
    const scrolled = await body.evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);

    await demo.showTab('metrics');
    expect(await body.evaluate((el) => el.scrollTop)).toBe(0);

    await demo.showTab('churn');
    expect(await body.evaluate((el) => el.scrollTop)).toBe(scrolled);
  });
});
