import { expect, sharedDemoTest, test } from '../../fixtures';
import { columnValues, firstSheet, headerRow } from '../../pages/download';
import type { FunnelPage } from '../../pages/FunnelPage';

/** The stage names of the rate table, without the biggest-drop marker. */
const tableNames = async (funnel: FunnelPage) => (await funnel.tableColumn('name')).map((n) => n.replace(/\s+▼.*$/, ''));
const count = (n: number) => n.toLocaleString('zh-CN');

test.describe('路径与漏斗 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    await demo.openTab('funnel');
  });

  sharedDemoTest('period mode shows the API’s counts and names of the default path over its date range', async ({ api, funnelPage: funnel, shot }) => {
    const period = await api('funnel:query', { mode: 'period' });
    expect(period.stages.length).toBeGreaterThanOrEqual(2);
    expect(period.stages[0]!.count).toBeGreaterThan(0);
    await expect.poll(() => funnel.tableColumn('count'), { timeout: 30_000 }).toEqual(period.stages.map((x) => count(x.count)));
    expect(await tableNames(funnel)).toEqual(period.stages.map((x) => x.name));
    await expect(funnel.chart()).toHaveInk();
    await expect(funnel.range()).toHaveText(`${period.from} 至 ${period.to}`);
    await shot('funnel-period.png');
  });

  sharedDemoTest('renaming a stage marks the path unsaved, and undo restores it', async ({ api, funnelPage: funnel }) => {
    const period = await api('funnel:query', { mode: 'period' });
    await funnel.openPathEditor();
    const names = period.stages.map((x) => x.name);
    await expect.poll(() => funnel.stageNames()).toEqual(names);
    await funnel.renameStage(0, '第一站');
    await expect.poll(() => funnel.stageNames()).toEqual(['第一站', ...names.slice(1)]);
    await expect(funnel.unsavedMarker()).toBeVisible();
    await funnel.undo();
    await expect.poll(() => funnel.stageNames()).toEqual(names);
    await expect(funnel.unsavedMarker()).toHaveCount(0);
  });

  test('a renamed stage, once saved, is the saved path and names the funnel’s first row', async ({ api, funnelPage: funnel }) => {
    await funnel.openPathEditor();
    await expect.poll(() => funnel.stageNames()).not.toEqual([]);
    const names = await funnel.stageNames();
    await funnel.renameStage(0, '加微信');
    await expect(funnel.unsavedMarker()).toBeVisible();
    await funnel.savePath();
    await expect(funnel.unsavedMarker()).toHaveCount(0);
    const saved = await api('path:get', {});
    expect(saved.isSaved).toBe(true);
    expect(saved.path.stages.map((x) => x.name)).toEqual(['加微信', ...names.slice(1)]);
    await expect.poll(() => tableNames(funnel)).toEqual(['加微信', ...names.slice(1)]);
  });

  sharedDemoTest('cohort mode shows the per-person counts and marks the biggest drop', async ({ api, funnelPage: funnel }) => {
    await funnel.chooseMode('cohort');
    const cohort = await api('funnel:query', { mode: 'cohort' });
    expect(cohort.stages.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => funnel.tableColumn('count'), { timeout: 30_000 }).toEqual(cohort.stages.map((x) => count(x.count)));
    await expect(funnel.chart()).toHaveInk();
    expect(cohort.biggestDrop).not.toBeNull();
    const marked = await funnel.tableColumn('name');
    expect(marked.map((n) => n.includes('最大流失'))).toEqual(cohort.stages.map((_, i) => i === cohort.biggestDrop));
  });

  sharedDemoTest('the lost list opens on the biggest drop with the people the API lists there, and exports them', async ({ api, funnelPage: funnel, shot }) => {
    await funnel.chooseMode('cohort');
    const cohort = await api('funnel:query', { mode: 'cohort' });
    const step = cohort.biggestDrop!;
    const lost = await api('funnel:lost', { stageIndex: step });
    expect(lost.length).toBe(cohort.stages[step]!.dropOff);
    await expect(funnel.lostCount()).toHaveText(`共 ${count(lost.length)} 人`, { timeout: 30_000 });
    await expect.poll(() => funnel.lostGridRows()).toBe(lost.length);
    await shot('funnel-cohort.png');
    // One export control, the grid's: its xlsx is the Node side's sheet of the same people.
    await expect(funnel.lostXlsxButtons()).toHaveCount(1);
    const file = await funnel.exportLost();
    expect(file.name).toMatch(/^流失名单.*\.xlsx$/);
    const sheet = await firstSheet(file);
    expect(headerRow(sheet)[0]).toBe('成员ID');
    expect((columnValues(sheet, 1) as string[]).sort()).toEqual(lost.map((p) => p.pid).sort());
  });

  sharedDemoTest('another step of the lost list lists that step’s people', async ({ api, funnelPage: funnel }) => {
    await funnel.chooseMode('cohort');
    await expect(funnel.lostCount()).toBeVisible({ timeout: 30_000 });
    await funnel.chooseLostStep(1);
    const first = await api('funnel:lost', { stageIndex: 1 });
    await expect(funnel.lostCount()).toHaveText(`共 ${count(first.length)} 人`, { timeout: 30_000 });
  });

  sharedDemoTest('broken down by channel, the table holds every value’s stages', async ({ api, funnelPage: funnel, shot }) => {
    await funnel.chooseMode('cohort');
    await funnel.chooseBreakdown('channel');
    const byChannel = await api('funnel:query', { mode: 'cohort', breakdown: 'channel' });
    expect(byChannel.breakdown!.length).toBeGreaterThan(0);
    await expect.poll(() => funnel.tableColumn('group'), { timeout: 30_000 }).toEqual(byChannel.breakdown!.flatMap((b) => b.stages.map(() => b.value)));
    await expect(funnel.chart()).toHaveInk();
    await shot('funnel-breakdown.png');
  });

  test('a stage named with markup shows the markup as text in the chart’s tooltip', async ({ funnelPage: funnel }) => {
    await funnel.openPathEditor();
    await expect.poll(() => funnel.stageNames()).not.toEqual([]);
    await funnel.renameStage(0, '<b>x</b>');
    await funnel.savePath();
    await expect.poll(() => tableNames(funnel), { timeout: 30_000 }).toContain('<b>x</b>');
    const tooltip = await funnel.tooltipHolding('<b>x</b>');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('<b>x</b>');
    // Had the name gone in as HTML, the tooltip would hold a <b> element showing just "x".
    await expect(funnel.chart().locator('b')).toHaveCount(0);
  });
});
