import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2eSession } from './harness';
import { ActivityPage } from './pages/ActivityPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { callApi } from './pages/api';

const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

describe('browser mode: 活跃时段 on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  // Opening the demo builds it with the real importer first: give it time on a busy machine.
  const TIMEOUT = 240_000;

  it('draws the heatmap and recommends the three slots with the most active people', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const activity = new ActivityPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('activity');

    expect(await activity.heatmapHasInk()).toBe(true);
    const cells = await callApi(s.page, 'activity:query', {});
    expect(cells).toHaveLength(168);
    const total = cells.reduce((n, c) => n + c.messages, 0);
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => activity.total()).toBe(total);

    // The API's cells ranked by people, then messages, then the earlier slot.
    const expected = [...cells].sort((a, b) => b.people - a.people || b.messages - a.messages || a.weekday - b.weekday || a.hour - b.hour).slice(0, 3);
    const top = await activity.topSlots();
    expect(top.map((t) => [t.weekday, t.hour])).toEqual(expected.map((c) => [c.weekday, c.hour]));
    expect(top[0]!.text).toContain(`${weekdays[expected[0]!.weekday - 1]} ${String(expected[0]!.hour).padStart(2, '0')}:00`);
    expect(top[0]!.text).toContain(`${expected[0]!.people} 人活跃`);

    await activity.chooseMetric('messages');
    expect(await activity.heatmapHasInk()).toBe(true);
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'activity.png'), fullPage: true });
  }, TIMEOUT);
});
