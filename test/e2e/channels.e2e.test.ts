import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Responses } from '../../src-main/contract';
import { startSession, type E2eSession } from './harness';
import { ChannelsPage } from './pages/ChannelsPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { callApi } from './pages/api';

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

describe('browser mode: 渠道 on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Opening the demo builds it with the real importer first: give it time on a busy machine.
  const TIMEOUT = 240_000;

  it('shows the API rows per dimension, and a typed cost gives the cost per acquisition once saved', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const channels = new ChannelsPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('channels');

    // 添加方式 first (the default): the demo's customers were all added by scanning a QR code.
    const byAddWay = await callApi(s.page, 'channels:query', { dimension: 'add_way' });
    expect(byAddWay.length).toBeGreaterThan(0);
    await expect.poll(() => channels.gridRows(fields)).toEqual(shown(byAddWay));

    await channels.chooseDimension('source');
    const bySource = await callApi(s.page, 'channels:query', { dimension: 'source' });
    expect(bySource.length).toBeGreaterThan(1);
    await expect.poll(() => channels.gridRows(fields)).toEqual(shown(bySource));
    expect(bySource.every((r) => r.cost === null)).toBe(true);
    expect(await channels.chartHasInk('channels-people-chart')).toBe(true);

    const target = bySource[0]!;
    expect(await channels.cell(target.channel, 'cost_per_acquisition')).toBe('-');
    await channels.typeCost(target.channel, '1150');
    expect(await channels.costChannels()).toEqual([target.channel]);
    await expect.poll(() => s.page.getByTestId('channel-costs-save').isEnabled()).toBe(true);
    await channels.save();

    // ¥1,150 over the people added through the channel, shown in yuan with 2 decimals.
    await expect.poll(() => channels.cell(target.channel, 'cost_per_acquisition')).toBe(money(1150 / target.added));
    expect(await channels.cell(target.channel, 'cost')).toBe('¥1,150.00');
    expect(await callApi(s.page, 'channels:costs', {})).toEqual([{ dimension: 'source', channel: target.channel, cost: 1150 }]);
    const after = await callApi(s.page, 'channels:query', { dimension: 'source' });
    await expect.poll(() => channels.gridRows(fields)).toEqual(shown(after));
    expect(await channels.chartHasInk('channels-roi-chart')).toBe(true);

    // A block pasted from Excel lands in the grid (a second row is added for it), undo takes it back, redo again.
    const [second, third] = bySource.slice(1, 3) as [typeof target, typeof target];
    await channels.pasteBlock(`${second.channel}\t800\n${third.channel}\t600`);
    await expect.poll(() => channels.costChannels()).toEqual([target.channel, second.channel, third.channel]);
    await channels.undo();
    await expect.poll(() => channels.costChannels()).toEqual([target.channel, '']);
    await channels.redo();
    await expect.poll(() => channels.costChannels()).toEqual([target.channel, second.channel, third.channel]);
    await channels.save();
    await expect.poll(() => channels.cell(second.channel, 'cost_per_acquisition')).toBe(money(800 / second.added));
    expect(await channels.cell(third.channel, 'cost_per_acquisition')).toBe(money(600 / third.added));
    expect(await callApi(s.page, 'channels:costs', {})).toEqual([
      { dimension: 'source', channel: target.channel, cost: 1150 },
      { dimension: 'source', channel: second.channel, cost: 800 },
      { dimension: 'source', channel: third.channel, cost: 600 },
    ]);
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'channels.png'), fullPage: true });
    await s.page.locator('.tab-body').evaluate((el) => el.scrollTo(0, 0));
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'channels-top.png'), fullPage: true });
  }, TIMEOUT);
});
