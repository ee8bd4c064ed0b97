import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedDaily, expectedWeekly, writeCommunityFixture } from '../support/communityFixture';
import { startSession, type E2eSession } from './harness';
import { ImportPage } from './pages/ImportPage';
import { MetricsPage } from './pages/MetricsPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

const ids = ['total_members', 'new_members', 'active_members', 'active_rate', 'churned_members'] as const;

/** How the grid shows a row of figures: counts as integers, rates as percent with 2 decimals. */
function shown(row: { total_members: number; new_members: number; active_members: number; active_rate: number; churned_members: number }) {
  return {
    total_members: String(row.total_members),
    new_members: String(row.new_members),
    active_members: String(row.active_members),
    active_rate: `${row.active_rate.toFixed(2)}%`,
    churned_members: String(row.churned_members),
  };
}

describe('browser mode: create, import, read the metrics, save, reopen', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the hand-computed figures, draws the chart, and shows the same after save as and reopen', async () => {
    const files = await writeCommunityFixture(s.root);
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const importPage = new ImportPage(s.page);
    const metrics = new MetricsPage(s.page);

    await start.goto(s.url);
    await start.createProject('端到端测试');
    await expect(workspace.projectName().innerText()).resolves.toContain('端到端测试');

    await workspace.openTab('import');
    await importPage.importFiles([files.members, files.messages]);
    const states = await importPage.jobs().evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states).toEqual(['done', 'done']);

    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    const week = expectedWeekly[0]!;
    // The grid reloads after the switch: poll until the week row shows the hand-computed figures.
    await expect.poll(() => metrics.row(week.period_start, ids)).toEqual(shown(week));
    expect(await metrics.chartHasInk()).toBe(true);

    await metrics.choosePeriod('day');
    for (const day of expectedDaily.filter((d) => ['2026-09-08', '2026-09-10', '2026-09-11'].includes(d.period_start))) {
      await expect.poll(() => metrics.row(day.period_start, ids)).toEqual(shown(day));
    }

    const copy = path.join(s.root, 'saved', '复盘副本.qunxi');
    await workspace.saveAs(copy);
    await expect.poll(() => workspace.projectName().innerText()).toContain('复盘副本');
    await workspace.closeProject();

    await start.openByPath(copy);
    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    await expect.poll(() => metrics.row(week.period_start, ids)).toEqual(shown(week));
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'metrics-week.png'), fullPage: true });
  });
});
