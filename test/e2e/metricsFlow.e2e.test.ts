import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedDaily, expectedWeekly, writeCommunityFixture } from '../support/communityFixture';
import { startSession, type E2eSession } from './harness';
import { ImportPage } from './pages/ImportPage';
import { MetricsPage } from './pages/MetricsPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

const pct = (v: number) => `${v.toFixed(2)}%`;

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
    expect(await metrics.cell(week.period_start, 'total_members')).toBe(String(week.total_members));
    expect(await metrics.cell(week.period_start, 'new_members')).toBe(String(week.new_members));
    expect(await metrics.cell(week.period_start, 'active_members')).toBe(String(week.active_members));
    expect(await metrics.cell(week.period_start, 'active_rate')).toBe(pct(week.active_rate));
    expect(await metrics.cell(week.period_start, 'churned_members')).toBe(String(week.churned_members));
    expect(await metrics.chartHasInk()).toBe(true);

    await metrics.choosePeriod('day');
    const churnDay = expectedDaily.find((d) => d.period_start === '2026-09-10')!;
    expect(await metrics.cell('2026-09-10', 'churned_members')).toBe(String(churnDay.churned_members));
    expect(await metrics.cell('2026-09-10', 'active_rate')).toBe(pct(churnDay.active_rate));
    expect(await metrics.cell('2026-09-08', 'new_members')).toBe('3');

    const copy = path.join(s.root, 'saved', '复盘副本.qunxi');
    await workspace.saveAs(copy);
    await expect.poll(() => workspace.projectName().innerText()).toContain('复盘副本');
    await workspace.closeProject();

    await start.openByPath(copy);
    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    expect(await metrics.cell(week.period_start, 'total_members')).toBe(String(week.total_members));
    expect(await metrics.cell(week.period_start, 'active_rate')).toBe(pct(week.active_rate));
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'metrics-week.png'), fullPage: true });
  });
});
