import { describe, expect, it } from 'vitest';
import type { ActivityCell } from '../../../../src-main/contract';
import { activityHeatmapOption, topSlots } from '../../../../src-renderer/views/activity/activityChartOption';

/** The 168 cells with a few busy ones: `weekday-hour` → [messages, people]. */
function week(busy: Record<string, [number, number]>): ActivityCell[] {
  return Array.from({ length: 168 }, (_, i) => {
    const weekday = Math.floor(i / 24) + 1;
    const hour = i % 24;
    const [messages, people] = busy[`${weekday}-${hour}`] ?? [0, 0];
    return { weekday, hour, messages, people };
  });
}

const cells = week({ '1-0': [3, 2], '3-20': [40, 9], '5-21': [12, 9], '7-23': [90, 4], '2-15': [5, 9] });

describe('recommended posting times', () => {
  it('are the 3 cells with the most active people, ties broken by messages then the earlier slot', () => {
    // 9 people thrice: 3-20 (40 messages) before 5-21 (12) before 2-15 (5); 7-23 has more messages but fewer people.
    expect(topSlots(cells).map((c) => `${c.weekday}-${c.hour}`)).toEqual(['3-20', '5-21', '2-15']);
    expect(topSlots(week({ '4-9': [1, 1], '2-9': [1, 1] }), 3).map((c) => `${c.weekday}-${c.hour}`)).toEqual(['2-9', '4-9']);
  });

  it('are none for a silent week', () => {
    expect(topSlots(week({}))).toEqual([]);
  });
});

describe('activity heatmap', () => {
  it('puts hours across and 周一 … 周日 down, Monday on top', () => {
    const option = activityHeatmapOption(cells, 'people');
    expect((option.xAxis as { data: string[] }).data).toEqual(Array.from({ length: 24 }, (_, h) => `${h}时`));
    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.data).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(yAxis.inverse).toBe(true);
  });

  it('colours by the chosen figure on a scale from 0 to the busiest cell', () => {
    const byPeople = activityHeatmapOption(cells, 'people');
    const data = (byPeople.series as { data: [number, number, number][] }[])[0]!.data;
    expect(data).toHaveLength(168);
    expect(data.find(([h, row]) => h === 20 && row === 2)).toEqual([20, 2, 9]); // 周三 20 时: 9 people
    expect((byPeople.visualMap as { max: number }).max).toBe(9);
    const byMessages = activityHeatmapOption(cells, 'messages');
    expect((byMessages.series as { data: [number, number, number][] }[])[0]!.data.find(([h, row]) => h === 23 && row === 6)).toEqual([23, 6, 90]);
    expect((byMessages.visualMap as { max: number }).max).toBe(90);
  });

  it('says so on a silent week instead of a blank scale', () => {
    const option = activityHeatmapOption(week({}), 'messages');
    expect((option.title as { show: boolean }).show).toBe(true);
    expect((option.visualMap as { max: number }).max).toBe(1);
  });

  it('names the slot and both figures in the tooltip', () => {
    const option = activityHeatmapOption(cells, 'people');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: [20, 2, 9] })).toBe('周三 20:00–21:00<br/>消息数 40<br/>活跃人数 9');
  });
});
