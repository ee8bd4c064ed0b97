import { expect, test } from '../../fixtures';
import { AbtestPage } from '../../pages/AbtestPage';
import { columnValues, firstSheet } from '../../pages/download';
import { LookalikePage } from '../../pages/LookalikePage';

test.describe('相似人群 on the demo project', () => {
  test('fits with a progress bar, shows the AUC and list the API gives, saves a tag that the A/B tag arm then offers', async ({ demo, api, page, shot }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new LookalikePage(page);
    await view.open();
    await view.setSeed(7);
    await view.run();
    await expect(view.progress()).toBeVisible();
    await expect(view.auc()).toBeVisible({ timeout: 60_000 });
    await expect(view.progress()).toBeHidden();

    const expected = await api('decision:lookalike', { features: ['messages', 'key_behaviours', 'tenure_days', 'referrals'], seed: 7, top: 100 });
    await expect(view.auc()).toHaveText(String(Number(expected.auc.value!.toFixed(3))));
    await expect(view.reading()).toHaveText(expected.reading);
    expect((await view.listed('rank')).slice(0, 5)).toEqual(['1', '2', '3', '4', '5']);
    expect((await view.listed('name')).slice(0, 5)).toEqual(expected.top.slice(0, 5).map((p) => p.name ?? ''));
    await expect(page.getByTestId('lookalike-forest')).toHaveAttribute('data-rendered', 'true');
    await expect(page.getByTestId('lookalike-calibration')).toHaveAttribute('data-rendered', 'true');
    await shot('lookalike.png');

    // One export control per grid (coefficients, list): the list's xlsx is the fit's ranked list, made on the Node side.
    await expect(view.xlsxButtons()).toHaveCount(2);
    const file = await view.exportList();
    expect(file.name).toBe(`相似人群_${expected.asOf}_seed7.xlsx`);
    const sheet = await firstSheet(file);
    expect(sheet.rowCount).toBe(expected.top.length + 1);
    expect(columnValues(sheet, 2)).toEqual(expected.top.map((p) => p.pid));

    await view.saveTag('高潜E2E');
    await expect(view.tagSaved()).toContainText('高潜E2E');
    await expect(view.tagSaved()).toContainText('100');
    await expect(page.getByTestId('lookalike-saved-tags')).toContainText('高潜E2E');

    // The A/B comparison's tag arm offers the saved tag among the customer list's.
    const ab = new AbtestPage(page);
    await ab.open();
    await page.getByTestId('abtest-a-kind').selectOption('tag');
    await expect(page.locator('[data-testid="abtest-a-tags"] option[value="高潜E2E"]')).toHaveCount(1);
    await page.getByTestId('abtest-a-value').fill('高潜E2E');
    await page.getByTestId('abtest-b-kind').selectOption('group');
    const { groups } = (await api('project:current', {}))!;
    await page.getByTestId('abtest-b-value').fill(groups[0]!);
    await ab.chooseMetric('conversion');
    await ab.run();
    await expect(ab.reading()).toContainText('标签“高潜E2E”', { timeout: 60_000 });
    await expect(ab.reading()).toContainText('（100 人）');
  });
});
