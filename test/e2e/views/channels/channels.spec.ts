import type { Responses } from '../../../../src-main/contract';
import { expect, sharedDemoTest, test } from '../../fixtures';

const fields = ['channel', 'added', 'joined', 'active', 'converted', 'gmv', 'churned', 'cost', 'cost_per_acquisition', 'cost_per_conversion', 'roi'] as const;

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (v: number | null) => (v === null ? '-' : `${v < 0 ? '-' : ''}¥${yuan.format(Math.abs(Math.round(v * 100)) / 100)}`);
const rate = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)}%`);
const count = (v: number) => v.toLocaleString('zh-CN');

/** How the grid should show API rows: counts with separators, money in yuan with 2 decimals, rates in percent, empty as '-'. */
function shown(rows: Responses['channels:query']): Record<string, string>[] {
  return rows.map((r) => ({
    channel: r.channel,
    added: count(r.added),
    joined: count(r.joined),
    active: count(r.active),
    converted: count(r.converted),
    gmv: money(r.gmv),
    churned: count(r.churned),
    cost: money(r.cost),
    cost_per_acquisition: money(r.cost_per_acquisition),
    cost_per_conversion: money(r.cost_per_conversion),
    roi: rate(r.roi),
  }));
}

test.describe('渠道 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    await demo.openTab('channels');
  });

  sharedDemoTest("opens on 渠道 (the customer list's 渠道 column), and shows 添加方式 only under its own name", async ({ page, api, channelsPage }) => {
    // Issue 11 item 3: the default tab read 添加方式, so every row was 扫描二维码 100%.
    const tab = page.getByTestId('channels-dimension-source');
    await expect(tab).toHaveText('渠道');
    await expect(tab).toHaveAttribute('aria-checked', 'true');
    const bySource = await api('channels:query', {});
    expect(bySource.map((r) => r.channel)).toEqual(expect.arrayContaining(['朋友圈海报', '老带新', '直播间']));
    await expect.poll(() => channelsPage.gridRows(fields)).toEqual(shown(bySource));

    // The demo's customers were all added by scanning a QR code: that is 添加方式, not a channel.
    await expect(page.getByTestId('channels-dimension-add_way')).toHaveText('添加方式');
    await channelsPage.chooseDimension('add_way');
    const byAddWay = await api('channels:query', { dimension: 'add_way' });
    expect(byAddWay.map((r) => r.channel)).toEqual(['扫描二维码']);
    await expect.poll(() => channelsPage.gridRows(fields)).toEqual(shown(byAddWay));
  });

  sharedDemoTest('the funnel, churn and 客户360 break down by the same channels as the 渠道 view', async ({ api }) => {
    const channels = new Set((await api('channels:query', {})).map((r) => r.channel));
    const funnel = await api('funnel:query', { mode: 'cohort', breakdown: 'channel' });
    expect(funnel.breakdown!.map((b) => b.value).every((v) => channels.has(v))).toBe(true);
    const churn = await api('churn:query', {});
    expect(churn.breakdowns.channel.map((b) => b.value).every((v) => channels.has(v))).toBe(true);
    expect(churn.breakdowns.channel.some((b) => b.value === '扫描二维码')).toBe(false);
  });

  sharedDemoTest('by 来源, shows the API rows, none with a cost yet, and draws the people chart', async ({ api, channelsPage }) => {
    await channelsPage.chooseDimension('source');
    const bySource = await api('channels:query', { dimension: 'source' });
    expect(bySource.length).toBeGreaterThan(1);
    expect(bySource.every((r) => r.cost === null)).toBe(true);
    await expect.poll(() => channelsPage.gridRows(fields)).toEqual(shown(bySource));
    await expect(channelsPage.chart('channels-people-chart')).toHaveInk();
  });

  test('a typed cost, once saved, gives the cost per acquisition and draws the ROI chart', async ({ api, channelsPage, shot }) => {
    await channelsPage.chooseDimension('source');
    const target = (await api('channels:query', { dimension: 'source' }))[0]!;
    await expect.poll(() => channelsPage.cell(target.channel, 'cost_per_acquisition')).toBe('-');
    await channelsPage.typeCost(target.channel, '1150');
    expect(await channelsPage.costChannels()).toEqual([target.channel]);
    await expect(channelsPage.saveButton()).toBeEnabled();
    await channelsPage.save();

    // ¥1,150 over the people added through the channel, shown in yuan with 2 decimals.
    await expect.poll(() => channelsPage.cell(target.channel, 'cost_per_acquisition')).toBe(money(1150 / target.added));
    expect(await channelsPage.cell(target.channel, 'cost')).toBe('¥1,150.00');
    expect(await api('channels:costs', {})).toEqual([{ dimension: 'source', channel: target.channel, cost: 1150 }]);
    const after = await api('channels:query', { dimension: 'source' });
    await expect.poll(() => channelsPage.gridRows(fields)).toEqual(shown(after));
    await expect(channelsPage.chart('channels-roi-chart')).toHaveInk();
    await shot('channels.png');
  });

  sharedDemoTest('a block pasted from Excel fills cost rows, and undo and redo take it back and forth', async ({ api, channelsPage }) => {
    await channelsPage.chooseDimension('source');
    const [, second, third] = await api('channels:query', { dimension: 'source' });
    // A row is added for the paste, which fills it and adds a second one.
    await channelsPage.pasteBlock(`${second!.channel}\t800\n${third!.channel}\t600`);
    await expect.poll(() => channelsPage.costChannels()).toEqual([second!.channel, third!.channel]);
    await channelsPage.undo();
    await expect.poll(() => channelsPage.costChannels()).toEqual(['']);
    await channelsPage.redo();
    await expect.poll(() => channelsPage.costChannels()).toEqual([second!.channel, third!.channel]);
  });

  test('pasted costs, once saved, give each channel its cost per acquisition', async ({ page, api, channelsPage, shot }) => {
    await channelsPage.chooseDimension('source');
    const [, second, third] = await api('channels:query', { dimension: 'source' });
    await channelsPage.pasteBlock(`${second!.channel}\t800\n${third!.channel}\t600`);
    await expect.poll(() => channelsPage.costChannels()).toEqual([second!.channel, third!.channel]);
    await channelsPage.save();
    await expect.poll(() => channelsPage.cell(second!.channel, 'cost_per_acquisition')).toBe(money(800 / second!.added));
    expect(await channelsPage.cell(third!.channel, 'cost_per_acquisition')).toBe(money(600 / third!.added));
    expect(await api('channels:costs', {})).toEqual([
      { dimension: 'source', channel: second!.channel, cost: 800 },
      { dimension: 'source', channel: third!.channel, cost: 600 },
    ]);
    await page.locator('.tab-body').evaluate((el) => el.scrollTo(0, 0));
    await shot('channels-top.png');
  });
});
