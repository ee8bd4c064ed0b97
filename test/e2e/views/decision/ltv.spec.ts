import { expect, test } from '../../fixtures';
import { ChannelsPage } from '../../pages/ChannelsPage';
import { LtvPage } from '../../pages/LtvPage';

const figure = (v: number | null, digits = 2) => (v === null ? '-' : String(Number(v.toFixed(digits))));

test.describe('LTV / CAC on the demo project', () => {
  test('shows LTV per channel, and a cost typed in the channel cost grid gives CAC and LTV/CAC that survive a reload', async ({ demo, api, page, shot }) => {
    await expect(demo.tab('overview')).toBeVisible();
    const view = new LtvPage(page);
    await view.open();
    await view.waitSettled();
    const before = await api('decision:ltv', {});
    const first = before.channels[0]!;
    expect(first.cac).toBeNull();
    await expect(view.reading()).toHaveText(before.reading);
    await expect.poll(() => view.cell(first.channel, 'acquired')).toBe(String(first.acquired));
    await expect.poll(() => view.cell(first.channel, 'ltv3')).toBe(figure(first.ltv3));
    await expect.poll(() => view.cell(first.channel, 'cac')).toBe('-');
    await expect(view.curves()).toHaveAttribute('data-rendered', 'true');
    await expect(view.cohortChart()).toHaveAttribute('data-rendered', 'true');

    const channels = new ChannelsPage(page);
    await demo.openTab('channels');
    await channels.chooseDimension('source');
    await channels.typeCost(first.channel, '1000');
    await channels.save();
    await expect.poll(async () => (await api('channels:costs', {})).length).toBe(1);

    await view.open();
    await view.waitSettled();
    const after = await api('decision:ltv', {});
    const costed = after.channels.find((c) => c.channel === first.channel)!;
    expect(costed.cac).toBeCloseTo(1000 / first.acquired, 9);
    await expect.poll(() => view.cell(first.channel, 'cac')).toBe(figure(costed.cac));
    await expect.poll(() => view.cell(first.channel, 'ltvCac3')).toBe(figure(costed.ltvCac3));
    await expect(view.readings().locator('li', { hasText: first.channel }).first()).toHaveText(costed.reading);
    await shot('ltv.png');

    await page.reload();
    await view.open();
    await view.waitSettled();
    await expect.poll(() => view.cell(first.channel, 'cac')).toBe(figure(costed.cac));
  });
});
