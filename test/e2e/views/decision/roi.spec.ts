import { expect, test } from '../../fixtures';
import { RoiPage } from '../../pages/RoiPage';

const figure = (v: number | null, digits = 2) => (v === null ? '-' : String(Number(v.toFixed(digits))));

test.describe('ROI预测 on the demo project', () => {
  test('a scenario starts from the measured rates, an edited cell changes its plan as the API plans it, and the saved scenario survives a reload', async ({ demo, api, page, shot }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new RoiPage(page);
    await view.open();
    await view.waitSettled();
    const measured = await api('decision:roi', {});
    expect(measured.channels.length).toBeGreaterThan(0);
    const first = measured.channels[0]!;
    await expect(view.measured(0, 'channel')).toHaveText(first.channel);
    await expect(view.scenarioCell(0, 'channel')).toHaveText(first.channel);
    await expect(view.scenarioCell(0, 'conversionRate')).toHaveText(String(Number(first.rates.conversionRate!.toFixed(2))));
    // The demo has no imported ad costs: adds per ¥ is unknown, so is GMV, and the reading says what is missing.
    expect(first.rates.addsPerYuan).toBeNull();
    await expect(view.compared(0, 'gmv')).toHaveText('-');
    await expect(view.planReadings().locator('li').first()).toContainText('还缺每元添加人数');

    await view.setScenario(0, 'cost', '2000');
    await view.setScenario(0, 'addsPerYuan', '0.5');
    await expect(view.unsaved()).toBeVisible();
    // The grid holds the measured rates rounded to two decimals, as a person would type them.
    const r2 = (v: number | null) => (v === null ? null : Number(v.toFixed(2)));
    const rates = { addsPerYuan: 0.5, joinRate: r2(first.rates.joinRate), conversionRate: r2(first.rates.conversionRate), aov: r2(first.rates.aov), repurchaseRate: r2(first.rates.repurchaseRate) };
    const input = { channel: first.channel, mode: 'sales' as const, cost: 2000, rates, price: null };
    const [expected] = await api('decision:roiPlan', { scenarios: [input] });
    await expect(view.compared(0, 'gmv')).toHaveText(figure(expected!.gmv));
    await expect(view.compared(0, 'roi')).toHaveText(figure(expected!.roi, 1));
    await expect(view.compared(0, 'breakEvenRate')).toHaveText(figure(expected!.breakEvenRate));
    await expect(view.planReadings().locator('li').first()).toContainText(expected!.reading);
    await expect(view.heatmap()).toHaveAttribute('data-rendered', 'true');
    await shot('roi.png');

    await view.save();
    const saved = await api('decision:roiScenarios', {});
    expect(saved[0]).toMatchObject({ channel: first.channel, cost: 2000, rates: { addsPerYuan: 0.5 } });

    await page.reload();
    await view.open();
    await view.waitSettled();
    await expect(view.scenarioCell(0, 'cost')).toHaveText('2000');
    await expect(view.scenarioCell(0, 'addsPerYuan')).toHaveText('0.5');
    await expect(view.compared(0, 'gmv')).toHaveText(figure(expected!.gmv));
    await expect(view.unsaved()).toBeHidden();
  });
});
