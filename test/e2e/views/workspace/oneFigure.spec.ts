// Issue 11 item 5: a label means one number everywhere; figures that count other things carry
// other labels and a tooltip that says how they reconcile (churn 152 vs 163, GMV ¥90.9k vs ¥113.9k vs ¥146.9k).
import { expect, sharedDemoTest as test } from '../../fixtures';

test.describe('one figure, one definition on the demo project', () => {
  test('流失与留存 shows the distinct churned people beside the per-week sum, each named for what it counts', async ({ demo, page, api }) => {
    await demo.openTab('churn');
    const weekly = await api('churn:query', { period: 'week' });
    const perWeekSum = weekly.series.reduce((n, r) => n + r.churned, 0);
    // The demo's numbers differ, which is why they need different labels.
    expect(weekly.churnedPeople).not.toBe(perWeekSum);
    expect(weekly.eventCount).toBeGreaterThanOrEqual(weekly.churnedPeople);

    const people = page.getByTestId('churn-people');
    await expect(people).toHaveText(weekly.churnedPeople.toLocaleString('zh-CN'));
    const peopleLabel = people.locator('xpath=..');
    await expect(peopleLabel).toContainText('流失人数（去重）');
    await expect(peopleLabel).toHaveAttribute('title', /每人只算一次/);
    const sum = page.getByTestId('churn-total');
    await expect(sum).toHaveText(perWeekSum.toLocaleString('zh-CN'));
    await expect(sum.locator('xpath=..')).toContainText('各周流失人数之和');
    await expect(sum.locator('xpath=..')).toHaveAttribute('title', /一个人在几个周里各流失一次就算几次/);
  });

  test('概览 labels its GMV 贡献GMV, the figure 指标 shows for that week', async ({ demo: _, page, api }) => {
    const overview = await api('overview:query', {});
    await expect(page.getByTestId('overview-card-gmv')).toContainText('贡献GMV');
    const weeks = await api('metrics:query', { period: 'week' });
    expect(weeks.find((w) => w.period_start === overview.week_start)!.gmv).toBe(overview.thisWeek!.gmv);
  });

  test('渠道 labels its GMV 渠道带来的GMV（全部订单）, and its tooltip reconciles it with 贡献GMV', async ({ demo, page }) => {
    await demo.openTab('channels');
    await expect(page.getByTestId('channels-totals')).toContainText('渠道带来的GMV');
    await expect(page.getByTestId('channels-totals')).toHaveAttribute('title', /贡献GMV只算付款时是群成员/);
    await expect(page.getByTestId('channels-grid').getByRole('columnheader', { name: /渠道带来的GMV/ })).toHaveCount(1);
  });

  test('VVIP labels its GMV 累计GMV, the same figure as 客户360', async ({ demo, page }) => {
    await demo.openTab('vvip');
    const gmvFigure = page.getByTestId('vvip-gmv').locator('xpath=..');
    await expect(gmvFigure).toContainText('VVIP 累计GMV');
    await expect(gmvFigure).toHaveAttribute('title', /与“客户360”的累计GMV相同/);
  });
});
