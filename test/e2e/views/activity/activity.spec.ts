import { expect, sharedDemoTest as test } from '../../fixtures';

const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

test.describe('活跃时段 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    await demo.openTab('activity');
  });

  test('shows the total of messages the API counts over the 168 hours of the week', async ({ api, activityPage }) => {
    const cells = await api('activity:query', {});
    expect(cells).toHaveLength(168);
    const total = cells.reduce((n, c) => n + c.messages, 0);
    expect(total).toBeGreaterThan(0);
    await expect(activityPage.total()).toHaveAttribute('data-total', String(total));
  });

  test('draws the heatmap', async ({ activityPage }) => {
    await expect(activityPage.heatmap()).toHaveInk();
  });

  test('recommends the three slots with the most active people', async ({ api, activityPage }) => {
    const cells = await api('activity:query', {});
    // The API's cells ranked by people, then messages, then the earlier slot.
    const expected = [...cells].sort((a, b) => b.people - a.people || b.messages - a.messages || a.weekday - b.weekday || a.hour - b.hour).slice(0, 3);
    await expect.poll(async () => (await activityPage.topSlots()).map((t) => [t.weekday, t.hour])).toEqual(expected.map((c) => [c.weekday, c.hour]));
    const first = (await activityPage.topSlots())[0]!.text;
    expect(first).toContain(`${weekdays[expected[0]!.weekday - 1]} ${String(expected[0]!.hour).padStart(2, '0')}:00`);
    expect(first).toContain(`${expected[0]!.people} 人活跃`);
  });

  test('switching to 消息数 draws the heatmap of messages', async ({ activityPage, shot }) => {
    await activityPage.chooseMetric('messages');
    await expect(activityPage.metricChoice('messages')).toHaveAttribute('aria-checked', 'true');
    await expect(activityPage.heatmap()).toHaveInk();
    await shot('activity.png');
  });
});
