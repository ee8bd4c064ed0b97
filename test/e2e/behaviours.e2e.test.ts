import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2eSession } from './harness';
import { BehavioursPage } from './pages/BehavioursPage';
import { MetricsPage } from './pages/MetricsPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

const count = (n: number) => n.toLocaleString('zh-CN');

describe('key behaviours on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('counts a typed keyword live, undoes it, saves an edit and reads it back after a reload', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const kb = new BehavioursPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('behaviours');

    // The default rules, counted as the API counts them.
    const defaults = await kb.saved();
    expect(defaults.map((b) => b.name)).toEqual(['打卡', '话题参与', '关键字回复', '接龙', '红包']);
    const before = await kb.counts({ behaviours: defaults });
    for (const [i, c] of before.entries()) expect(await kb.live(i, 'people')).toBe(count(c.people));
    expect(before[0]!.people).toBeGreaterThan(0); // the demo writes 打卡 as text: 打卡第3天

    // 话题参与 (row 1) gets a keyword that the demo's questions carry.
    const edited = defaults.map((b, i) => (i === 1 ? { ...b, pattern: '敏感肌', isRegex: false } : b));
    await s.page.getByTestId('behaviours-grid').locator('.ag-row[row-index="1"] [data-testid="behaviours-grid-isRegex-1"]').uncheck();
    await kb.setPattern(1, '敏感肌');
    const expected = await kb.counts({ behaviours: edited });
    expect(expected[1]!.people).not.toBe(before[1]!.people);
    await kb.waitLive(1, 'people', count(expected[1]!.people));
    expect(await kb.live(1, 'occurrences')).toBe(count(expected[1]!.occurrences));
    expect(await kb.isUnsaved()).toBe(true);

    // A regular expression RE2 refuses is flagged on its cell; the other rows are still counted.
    await kb.setPattern(2, '(?=请问)');
    await s.page.getByTestId('behaviours-grid-problems').filter({ hasText: '正则表达式无效' }).waitFor();
    expect((await kb.pattern(2)).isFlagged).toBe(true);
    expect(await kb.live(2, 'people')).toBe('-');
    expect(await kb.live(1, 'people')).toBe(count(expected[1]!.people));
    expect(await s.page.getByTestId('behaviours-save').isDisabled()).toBe(true);

    // Undo takes back the bad pattern, then the keyword and the regex box: the saved rules again.
    await kb.undo();
    await kb.waitLive(2, 'people', count(before[2]!.people));
    await kb.undo();
    await kb.undo();
    await kb.waitLive(1, 'people', count(before[1]!.people));
    expect(await kb.isUnsaved()).toBe(false);
    expect((await kb.pattern(1)).text).toBe(defaults[1]!.pattern);

    // Edit again and save.
    await s.page.getByTestId('behaviours-grid').locator('[data-testid="behaviours-grid-isRegex-1"]').uncheck();
    await kb.setPattern(1, '敏感肌');
    await kb.waitLive(1, 'people', count(expected[1]!.people));
    await kb.save();
    expect(await kb.saved()).toEqual(edited);
    // The analysis follows the saved rules: 话题参与's doers are the people counted live.
    expect(await kb.liftCell(1, 'name')).toBe('话题参与');
    const lift = (await kb.query({})).lift[1]!;
    expect(await kb.liftCell(1, 'doers')).toBe(count(lift.doers));

    await s.page.reload();
    if (await s.page.getByTestId('start-new-name').isVisible()) await start.openDemo();
    await workspace.openTab('behaviours');
    await kb.waitCounted();
    expect((await kb.pattern(1)).text).toBe('敏感肌');
    expect(await kb.live(1, 'people')).toBe(count(expected[1]!.people));
    expect(await kb.isUnsaved()).toBe(false);
    expect(await kb.saved()).toEqual(edited);
  });

  it('switches what counts as activity, and 指标 shows the active members it gives', async () => {
    const kb = new BehavioursPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const metrics = new MetricsPage(s.page);
    expect(await kb.activeBy()).toEqual({ activeBy: 'message' });
    const byMessage = await kb.metrics('week');
    await kb.setActiveBy('behaviour');
    expect(await kb.activeBy()).toEqual({ activeBy: 'behaviour' });
    const byBehaviour = await kb.metrics('week');
    // A week where fewer members did a key behaviour than wrote at all (the demo's image senders, say).
    const i = byBehaviour.findIndex((r, k) => r.active_members < byMessage[k]!.active_members);
    expect(i).toBeGreaterThanOrEqual(0);
    const week = byBehaviour[i]!;

    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    await expect.poll(() => metrics.cell(week.period_start, 'active_members')).toBe(count(week.active_members));

    await workspace.openTab('behaviours');
    await kb.setActiveBy('message');
    expect(await kb.activeBy()).toEqual({ activeBy: 'message' });
    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    await expect.poll(() => metrics.cell(week.period_start, 'active_members')).toBe(count(byMessage[i]!.active_members));
  });
});
