import { expect, sharedDemoTest as test } from '../../fixtures';
import { churnText } from '../../../../src-main/locale/churn';

/**
 * In the page, from now on: each call of `methods` with what it asked and whether the list's grid
 * was made by then, and, when 流失与留存 was first called ready, the methods called and the headings
 * of the empty cards standing for panels not made yet.
 */
async function recordCalls(page: import('@playwright/test').Page, methods: string[]): Promise<void> {
  await page.evaluate((watched) => {
    const seen: { method: string; body: unknown; isGridMade: boolean }[] = [];
    const w = window as unknown as { __asked: typeof seen; __askedAtReady?: string[]; __cardsAtReady?: string[] };
    w.__asked = seen;
    const readiness = new MutationObserver(() => {
      if (!document.querySelector('[data-view="churn"][data-ready="true"]')) return;
      w.__askedAtReady = seen.map((c) => c.method);
      w.__cardsAtReady = [...document.querySelectorAll('[data-view="churn"] .below-fold-card h3')].map((h) => h.textContent ?? '');
      readiness.disconnect();
    });
    readiness.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const method = String(input).split('/api/')[1] ?? '';
      if (watched.includes(method)) {
        seen.push({ method, body: JSON.parse(String(init?.body)), isGridMade: document.querySelector('[data-testid="churn-list"] .ag-root-wrapper') !== null });
      }
      return fetch(input, init);
    };
  }, methods);
}

const askedAtReady = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __askedAtReady?: string[] }).__askedAtReady);
const cardsAtReady = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __cardsAtReady?: string[] }).__cardsAtReady);
const asked = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __asked: { method: string; body: Record<string, unknown>; isGridMade: boolean }[] }).__asked);

// The list, the retention heatmap and the survival curves are below the fold (BelowFold.tsx): the
// view's figures in sight come first, and those are asked and drawn when the user scrolls near them.
// A server-side grid then asks its first page as soon as it renders, not once the grid is made in
// its creation turn (issue 17: 流失与留存's list started some 300 ms after the click); the grid takes that answer.
test('流失与留存: the list below the fold is asked when scrolled to, its first page once, before its grid is made, and shown by it', async ({ page, demo, api, churnPage }) => {
  // Asked through the page's fetch too: before the recording starts.
  const { total } = await api('churn:events', { offset: 0, limit: 1, sort: [], filter: {} });
  expect(total).toBeGreaterThan(0);
  await recordCalls(page, ['churn:events', 'churn:retention', 'churn:survival']);
  await demo.showTab('churn');
  await expect(page.getByTestId('churn-series-chart')).toHaveAttribute('data-rendered', 'true');
  // Ready with the figures in sight, nothing below the fold asked.
  expect(await askedAtReady(page)).toEqual([]);

  await page.getByTestId('churn-list-panel').scrollIntoViewIfNeeded();
  await expect.poll(() => churnPage.listCounts()).toEqual({ label: total, grid: total });
  const events = (await asked(page)).filter((c) => c.method === 'churn:events');
  expect(events).toHaveLength(1);
  expect(events[0]!.isGridMade).toBe(false);
  expect(events[0]!.body).toMatchObject({ offset: 0, limit: 200, sort: [], filter: {} });
});

test('流失与留存: what is below the fold is made without a scroll once the figures in sight have stood a moment', async ({ page, demo, churnPage }) => {
  await recordCalls(page, ['churn:retention', 'churn:survival']);
  await demo.showTab('churn');
  expect(await askedAtReady(page)).toEqual([]);
  // Meanwhile each panel's room was an empty card with the panel's heading.
  expect(await cardsAtReady(page)).toEqual([churnText.retentionTitle, churnText.survivalTitle]);
  // Drawn in place, the page not scrolled.
  await expect(churnPage.chart('churn-retention-chart')).toHaveAttribute('data-rendered', 'true');
  await expect(churnPage.chart('churn-survival-chart')).toHaveAttribute('data-rendered', 'true');
  await expect(churnPage.medians().first()).toBeVisible();
  expect((await asked(page)).map((c) => c.method).sort()).toEqual(['churn:retention', 'churn:survival']);
  expect(await page.locator('.tab-body').evaluate((el) => el.scrollTop)).toBe(0);
});
