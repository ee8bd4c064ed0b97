import type { ContributionDefinition } from '../../../../src-main/contract';
import { expect, test } from '../../fixtures';
import { ContributionPage } from '../../pages/ContributionPage';

const oneDecimal = (v: number) => String(Number(v.toFixed(1)));

test.describe('贡献度 on the demo project', () => {
  test('a changed weight reorders the ranking, is saved, survives reopening the view, and undoes', async ({ demo, api, page, shot }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new ContributionPage(page);
    await view.open();
    await view.waitSettled();
    const saved = await api('decision:contributionDefinition', {});
    const before = await api('decision:contribution', {});
    expect(before.rows.length).toBeGreaterThanOrEqual(2);
    await expect(view.rankedUnit(0)).toHaveText(before.rows[0]!.unit);
    await expect(view.rankedScore(0)).toHaveText(oneDecimal(before.rows[0]!.score));
    await expect(view.reading()).toHaveText(before.reading);
    await expect(view.chart()).toHaveAttribute('data-rendered', 'true');

    // A metric whose weight of 100 puts someone else first: the API says which, the view must follow.
    const withWeight = (i: number, weight: number): ContributionDefinition => ({ ...saved, metrics: saved.metrics.map((m, j) => (j === i ? { ...m, weight } : m)) });
    let row = -1;
    let after = before;
    for (let i = 0; i < saved.metrics.length && row < 0; i++) {
      const r = await api('decision:contribution', { definition: withWeight(i, 100) });
      if (r.rows[0]!.unit !== before.rows[0]!.unit) [row, after] = [i, r];
    }
    expect(row).toBeGreaterThanOrEqual(0);
    await view.setWeight(row, 100);
    // Every other metric's share of the weights follows too, though its own row did not change.
    const weights = withWeight(row, 100).metrics.map((m) => (m.enabled ? m.weight : 0));
    const other = weights.findIndex((w, i) => i !== row && w > 0);
    expect(other).toBeGreaterThanOrEqual(0);
    await expect(view.share(other)).toHaveText(oneDecimal((weights[other]! / weights.reduce((a, b) => a + b, 0)) * 100));
    await expect(view.rankedUnit(0)).toHaveText(after.rows[0]!.unit);
    await expect(view.rankedScore(0)).toHaveText(oneDecimal(after.rows[0]!.score));
    await expect(view.unsaved()).toBeVisible();
    await expect(view.readings().locator('li').first()).toHaveText(after.rows[0]!.reading);
    await shot('contribution.png');
    await view.readings().scrollIntoViewIfNeeded();
    await shot('contribution-ranking.png');

    await view.save();
    expect(await api('decision:contributionDefinition', {})).toEqual(withWeight(row, 100));

    await demo.openTab('vvip');
    await view.open();
    await view.waitSettled();
    await expect(view.weight(row)).toHaveText('100');
    await expect(view.rankedUnit(0)).toHaveText(after.rows[0]!.unit);
    await expect(view.unsaved()).toBeHidden();

    // Every weight 0 is refused on the spot; undo brings the saved weight back.
    await view.setWeight(row, 0);
    await expect(view.weight(row)).toHaveText('0');
    await expect(view.unsaved()).toBeVisible();
    await view.undo();
    await expect(view.weight(row)).toHaveText('100');
    await expect(view.unsaved()).toBeHidden();
    await expect(view.rankedUnit(0)).toHaveText(after.rows[0]!.unit);
  });

  test('weights summing to 0 stop the scores with the reason, and saving is refused', async ({ demo, page }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new ContributionPage(page);
    await view.open();
    await view.waitSettled();
    for (const i of [0, 1, 2, 3, 4, 5]) await view.setWeight(i, 0);
    await expect(view.problem()).toBeVisible();
    await expect(page.getByTestId('contribution-save')).toBeDisabled();
    await expect(page.getByTestId('contribution-view')).toContainText('启用指标的权重合计为 0');
  });

  test('takes a block of weights pasted from Excel, scores with them as the API does, and undoes it in one step', async ({ demo, api, page }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new ContributionPage(page);
    await view.open();
    await view.waitSettled();
    const saved = await api('decision:contributionDefinition', {});
    // Weights of rows 1–3 (活跃率, 流失率, 关键行为率) become 5, 0 and 7.
    const pasted: ContributionDefinition = { ...saved, metrics: saved.metrics.map((m, i) => (i >= 1 && i <= 3 ? { ...m, weight: [5, 0, 7][i - 1]! } : m)) };
    const expected = await api('decision:contribution', { definition: pasted });
    await view.pasteAtWeight(1, '5\n0\n7');
    await expect(view.weight(1)).toHaveText('5');
    await expect(view.weight(2)).toHaveText('0');
    await expect(view.weight(3)).toHaveText('7');
    await expect(view.rankedScore(0)).toHaveText(oneDecimal(expected.rows[0]!.score));
    await expect(view.rankedUnit(0)).toHaveText(expected.rows[0]!.unit);
    await view.undo();
    for (const i of [1, 2, 3]) await expect(view.weight(i)).toHaveText(String(saved.metrics[i]!.weight));
    await expect(view.unsaved()).toBeHidden();
  });
});
