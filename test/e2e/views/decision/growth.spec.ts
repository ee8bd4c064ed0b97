import type { Page } from '@playwright/test';
import { expect, sharedDemoTest as test } from '../../fixtures';
import { GrowthPage } from '../../pages/GrowthPage';
import type { WorkspacePage } from '../../pages/WorkspacePage';

/** Opens 增长点 from the overview and waits for its reading (its answer shown). */
async function openGrowth(demo: WorkspacePage, page: Page): Promise<GrowthPage> {
  await expect(demo.tab('overview')).toBeVisible();
  const view = new GrowthPage(page);
  await view.open();
  await expect(view.reading()).toBeVisible({ timeout: 60_000 });
  return view;
}

test.describe('增长点 on the demo project', () => {
  test('lists the findings the API ranks, and a finding’s link opens its view with its scope', async ({ demo, api, page, shot }) => {
    const view = await openGrowth(demo, page);
    // Ask the API only once the view has its answer (the funnel and the features share caches).
    const expected = await api('decision:growthPoints', {});
    expect(expected.findings.length).toBeGreaterThan(0);
    await expect(view.reading()).toHaveText(expected.reading);
    await expect(view.reading()).toHaveAttribute('data-current-from', expected.current.from);
    await expect(view.findings()).toHaveCount(expected.findings.length);
    await expect(view.findings().first().locator('.growth-title')).toHaveText(expected.findings[0]!.title);
    await shot('growth.png');

    // A part of the change by one group links to 指标 scoped to that group over both weeks.
    const linked = expected.findings.find((f) => f.link.view === 'metrics');
    expect(linked, 'a finding linking to 指标').toBeTruthy();
    const card = view.findings().filter({ hasText: linked!.title }).first();
    await card.getByTestId('growth-link').click();
    await expect(page.getByTestId('tab-metrics')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('scope-from')).toHaveValue(linked!.link.scope.from!);
    await expect(page.getByTestId('scope-to')).toHaveValue(linked!.link.scope.to!);
    await expect(page.getByTestId('group-select')).toHaveAttribute('data-selected', linked!.link.scope.groups!.join('\n'));
  });

  test('the decomposition below the findings is made when scrolled to, with the API’s segments in its order', async ({ demo, api, page }) => {
    const view = await openGrowth(demo, page);
    const expected = await api('decision:growthPoints', {});
    expect(expected.shifts.length).toBeGreaterThan(1);
    // The grid sits below the findings: brought into sight, it is made (BelowFold) with the API's rows.
    await page.getByTestId('growth-shifts-card').scrollIntoViewIfNeeded();
    await expect(view.shiftCell(0, 'segment')).toHaveText(expected.shifts[0]!.segment);
    await expect(view.shiftCell(1, 'segment')).toHaveText(expected.shifts[1]!.segment);
  });
});
