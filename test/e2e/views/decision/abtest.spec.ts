import { expect, sharedDemoTest as test } from '../../fixtures';
import { AbtestPage } from '../../pages/AbtestPage';

test.describe('A/B 对比 on the demo project', () => {
  test('compares the conversion of two groups and shows the verdict the API gives', async ({ demo, api, page, shot }) => {
    const { groups } = (await api('project:current', {}))!;
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const [a, b] = groups as [string, string];
    await expect(demo.tab('overview')).toBeVisible();
    const view = new AbtestPage(page);
    await view.open();
    await view.chooseGroup('a', a);
    await view.chooseGroup('b', b);
    await view.chooseMetric('conversion');
    await view.run();
    await expect(view.verdict()).toBeVisible({ timeout: 60_000 });
    const expected = await api('decision:abtest', { a: { kind: 'group', value: a }, b: { kind: 'group', value: b }, metric: 'conversion' });
    await expect(view.verdict()).toHaveAttribute('data-verdict', expected.verdict);
    await expect(view.verdict()).toHaveText({ significant: '显著', not_significant: '不显著', insufficient: '样本不足' }[expected.verdict]);
    await expect(view.reading()).toHaveText(expected.reading);
    await shot('abtest.png');
  });
});

test.describe('社群价值 on the demo project', () => {
  test('shows the member and never-joined buyers the API counts, with its reading', async ({ demo, api, page, shot }) => {
    await expect(demo.tab('overview')).toBeVisible();
    await page.getByTestId('tab-community').click();
    const reading = page.getByTestId('community-reading');
    await expect(reading).toBeVisible({ timeout: 60_000 });
    const expected = await api('decision:communityEffect', {});
    await expect(reading).toHaveAttribute('data-member-buyers', String(expected.memberBuyers));
    await expect(reading).toHaveAttribute('data-non-member-buyers', String(expected.nonMemberBuyers));
    await expect(reading).toHaveText(expected.reading);
    await shot('community.png');
  });
});
