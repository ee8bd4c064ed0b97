import { expectedDaily, expectedWeekly } from '../../../support/communityFixture';
import { expect, sharedCommunityTest as test } from '../../fixtures';
import { rowMetricIds as ids, shownMetrics } from '../../pages/MetricsPage';


test.describe('指标 on a small imported community', () => {
  test('the weekly row shows the hand-computed figures', async ({ community, metricsPage }) => {
    await community.openTab('metrics');
    await metricsPage.choosePeriod('week');
    const week = expectedWeekly[0]!;
    // The grid reloads after the switch: retried until the week row shows the hand-computed figures.
    await expect.poll(() => metricsPage.row(week.period_start, ids)).toEqual(shownMetrics(week));
  });

  test('draws the trend chart', async ({ community, metricsPage }) => {
    await community.openTab('metrics');
    await metricsPage.choosePeriod('week');
    await expect(metricsPage.chart()).toHaveInk();
  });

  test('the daily rows show the hand-computed figures', async ({ community, metricsPage }) => {
    await community.openTab('metrics');
    await metricsPage.choosePeriod('day');
    for (const day of expectedDaily.filter((d) => ['2026-09-08', '2026-09-10', '2026-09-11'].includes(d.period_start))) {
      await expect.poll(() => metricsPage.row(day.period_start, ids)).toEqual(shownMetrics(day));
    }
  });
});
