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
    await demo.openTab('features');
    await expect(page.locator('[data-view="features"][data-ready="true"]')).toBeAttached();
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

    await demo.openTab('metrics');
    await expect(page.locator('[data-view="metrics"][data-ready="true"]')).toBeAttached();
    expect(await view!.evaluate((el) => el.isConnected)).toBe(false);
    // Out of the page, its viewport measures 0 px, which ag-grid took as "draw every column":
    // it drew them all in the next view's first frames. Ten frames hold that chain several times over.
    await frames(page, 10);
    expect(await drawn()).toEqual(shown);

    // Back in sight, it shows the same columns and cells.
    await demo.openTab('features');
    await expect(page.locator('[data-view="features"][data-ready="true"]')).toBeAttached();
    await frames(page, 10);
    expect(await drawn()).toEqual(shown);
  });
});
