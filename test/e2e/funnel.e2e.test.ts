import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2eSession } from './harness';
import { FunnelPage } from './pages/FunnelPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { callApi } from './pages/api';

describe('browser mode: 路径与漏斗 on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Opening the demo builds it with the real importer first: give it time on a busy machine.
  const TIMEOUT = 240_000;
  const shot = (name: string) => s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, name), fullPage: true });

  it(
    'draws the funnel with the API’s counts, renames a stage and undoes it, switches to cohort mode and opens the lost list',
    async () => {
      const start = new StartPage(s.page);
      const workspace = new WorkspacePage(s.page);
      const funnel = new FunnelPage(s.page);
      await start.goto(s.url);
      await start.openDemo();
      await workspace.openTab('funnel');

      // Period mode over the default path: the table shows what the API answers for the same request.
      const period = await callApi(s.page, 'funnel:query', { mode: 'period' });
      expect(period.stages.length).toBeGreaterThanOrEqual(2);
      expect(period.stages[0]!.count).toBeGreaterThan(0);
      await expect.poll(() => funnel.tableColumn('count'), { timeout: 30_000 }).toEqual(period.stages.map((x) => x.count.toLocaleString('zh-CN')));
      expect((await funnel.tableColumn('name')).map((n) => n.replace(/\s+▼.*$/, ''))).toEqual(period.stages.map((x) => x.name));
      expect(await funnel.chartHasInk()).toBe(true);
      await expect.poll(() => s.page.getByTestId('funnel-range').innerText()).toBe(`${period.from} 至 ${period.to}`);
      await shot('funnel-period.png');

      // Rename the first stage: the grid shows it and marks the path unsaved; undo restores it.
      await funnel.openPathEditor();
      const names = await funnel.stageNames();
      expect(names).toEqual(period.stages.map((x) => x.name));
      await funnel.renameStage(0, '第一站');
      await expect.poll(() => funnel.stageNames()).toEqual(['第一站', ...names.slice(1)]);
      await expect(funnel.unsavedMarker().isVisible()).resolves.toBe(true);
      await funnel.undo();
      await expect.poll(() => funnel.stageNames()).toEqual(names);
      await expect.poll(() => funnel.unsavedMarker().count()).toBe(0);

      // Rename and save: the marker goes, the path is saved and the funnel follows it.
      await funnel.renameStage(0, '加微信');
      await expect(funnel.unsavedMarker().isVisible()).resolves.toBe(true);
      await s.page.getByTestId('path-save').click();
      await expect.poll(() => funnel.unsavedMarker().count()).toBe(0);
      const saved = await callApi(s.page, 'path:get', {});
      expect(saved.isSaved).toBe(true);
      expect(saved.path.stages.map((x) => x.name)).toEqual(['加微信', ...names.slice(1)]);
      await expect.poll(async () => (await funnel.tableColumn('name')).map((n) => n.replace(/\s+▼.*$/, ''))).toEqual(['加微信', ...names.slice(1)]);

      // Cohort mode: the per-person stages, counts as the API gives them.
      await funnel.chooseMode('cohort');
      const cohort = await callApi(s.page, 'funnel:query', { mode: 'cohort' });
      expect(cohort.stages.length).toBeGreaterThanOrEqual(2);
      await expect.poll(() => funnel.tableColumn('count'), { timeout: 30_000 }).toEqual(cohort.stages.map((x) => x.count.toLocaleString('zh-CN')));
      expect(await funnel.chartHasInk()).toBe(true);

      // The biggest drop is marked in the table
      expect(cohort.biggestDrop).not.toBeNull();
      const marked = await funnel.tableColumn('name');
      expect(marked.map((n) => n.includes('最大流失'))).toEqual(cohort.stages.map((_, i) => i === cohort.biggestDrop));

      // The lost list opens on the biggest drop and holds the people the API lists there, as many as its drop-off.
      const step = cohort.biggestDrop!;
      const lost = await callApi(s.page, 'funnel:lost', { stageIndex: step });
      expect(lost.length).toBe(cohort.stages[step]!.dropOff);
      await expect.poll(() => funnel.lostCount().innerText(), { timeout: 30_000 }).toBe(`共 ${lost.length.toLocaleString('zh-CN')} 人`);
      await expect.poll(() => funnel.lostGridRows()).toBe(lost.length);
      await shot('funnel-cohort.png');
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('funnel-lost-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^流失名单.*\.xlsx$/);

      // Another step: the list follows the choice.
      await funnel.chooseLostStep(1);
      const first = await callApi(s.page, 'funnel:lost', { stageIndex: 1 });
      await expect.poll(() => funnel.lostCount().innerText(), { timeout: 30_000 }).toBe(`共 ${first.length.toLocaleString('zh-CN')} 人`);

      // Broken down by channel: one funnel per value, the table holds every value's stages.
      await funnel.chooseBreakdown('channel');
      const byChannel = await callApi(s.page, 'funnel:query', { mode: 'cohort', breakdown: 'channel' });
      expect(byChannel.breakdown!.length).toBeGreaterThan(0);
      await expect
        .poll(() => funnel.tableColumn('group'), { timeout: 30_000 })
        .toEqual(byChannel.breakdown!.flatMap((b) => b.stages.map(() => b.value)));
      expect(await funnel.chartHasInk()).toBe(true);
      await shot('funnel-breakdown.png');
    },
    TIMEOUT,
  );
});
