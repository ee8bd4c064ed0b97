import { expect, sharedDemoTest as test } from '../../fixtures';

// A server-side grid asks its first page as soon as its view renders, beside the view's own
// questions, not once the grid is made in its creation turn after the view's charts (issue 17:
// 流失与留存's list started some 300 ms after the click); the grid then takes that answer.
test('流失与留存: the list’s first page is asked once, before its grid is made, and shown by it', async ({ page, demo, api, churnPage }) => {
  // In the page, at each call: what it asked and whether the list's grid was made by then.
  await page.evaluate(() => {
    const seen: { body: unknown; isGridMade: boolean }[] = [];
    (window as unknown as { __eventsAsked: typeof seen }).__eventsAsked = seen;
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input).endsWith('/api/churn:events')) {
        seen.push({ body: JSON.parse(String(init?.body)), isGridMade: document.querySelector('[data-testid="churn-list"] .ag-root-wrapper') !== null });
      }
      return fetch(input, init);
    };
  });
  await demo.openTab('churn');
  await expect(page.locator('[data-view="churn"][data-ready="true"]')).toBeAttached();
  const asked = await page.evaluate(() => (window as unknown as { __eventsAsked: { body: Record<string, unknown>; isGridMade: boolean }[] }).__eventsAsked);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.isGridMade).toBe(false);
  expect(asked[0]!.body).toMatchObject({ offset: 0, limit: 200, sort: [], filter: {} });
  // The answer asked early is the one the grid shows.
  const { total } = await api('churn:events', { offset: 0, limit: 1, sort: [], filter: {} });
  expect(total).toBeGreaterThan(0);
  await expect.poll(() => churnPage.listCounts()).toEqual({ label: total, grid: total });
});
