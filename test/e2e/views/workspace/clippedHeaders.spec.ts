import type { Page } from '@playwright/test';
import { expect, sharedDemoTest as test } from '../../fixtures';

/** The grid header texts of the page that are cut (text wider than its box), with their full text. */
const clippedHeaders = () =>
  [...document.querySelectorAll<HTMLElement>('.ag-header-cell-text')]
    .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent ?? '');

/**
 * Resolves once the grid headers are laid out: every grid made (DataGrid makes its grid in a task
 * after the view's render, its body busy until then), and the headers' count and widths the same on
 * two animation frames in a row (ag-grid sizes its columns in the frames after).
 */
async function headersLaidOut(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const seen = window as unknown as { lastHeaderWidths?: string };
      if (document.querySelector('.data-grid-body[aria-busy="true"]')) return false;
      const widths = [...document.querySelectorAll<HTMLElement>('.ag-header-cell-text')].map((el) => `${el.clientWidth}:${el.scrollWidth}`).join(',');
      const isSettled = seen.lastHeaderWidths === widths;
      seen.lastHeaderWidths = widths;
      return isSettled;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
}

for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  test(`no grid header is cut in any view at ${size.width}×${size.height} (issue 11 item 9)`, async ({ page, demo: _, shot }) => {
    test.setTimeout(600_000);
    await page.setViewportSize(size);
    const clipped: Record<string, string[]> = {};
    let grids = 0;
    // Every view of the side navigation, as the page lists them (views added later are checked too).
    const views = await page.locator('[data-testid^="tab-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice(4)));
    expect(views.length).toBeGreaterThanOrEqual(17);
    for (const view of views) {
      await page.getByTestId(`tab-${view}`).click();
      // A view's code loads on first use, then its figures after the first paint: wait for both.
      await expect(page.getByTestId('view-loading')).toHaveCount(0, { timeout: 60_000 });
      await page.waitForFunction(() => !/正在计算|计算中|加载中/.test(document.body.innerText), null, { timeout: 60_000 }).catch(() => {});
      await headersLaidOut(page);
      grids += await page.locator('.ag-header-cell-text').count();
      const cut = await page.evaluate(clippedHeaders);
      if (cut.length) clipped[view] = cut;
      await shot(`headers-${size.width}x${size.height}-${view}.png`);
    }
    // The check looked at real headers (the demo has grids in most views).
    expect(grids).toBeGreaterThan(30);
    expect(clipped).toEqual({});
  });
}
