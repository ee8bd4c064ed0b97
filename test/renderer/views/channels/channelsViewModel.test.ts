import { describe, expect, it } from 'vitest';
import type { ChannelRow } from '../../../../src-main/contract';
import { adCostColumns, channelColumns, channelGridRows } from '../../../../src-renderer/views/channels/channelsColumns';
import { channelPeopleOption, channelRoiOption } from '../../../../src-renderer/views/channels/channelsChartOption';
import { costColumns, fromEditRows, hasCostProblems, newCostRow, toEditRows } from '../../../../src-renderer/views/channels/costGrid';

const row = (channel: string, added: number, joined: number, converted: number, gmv: number, cost: number | null, roi: number | null): ChannelRow => ({
  dimension: 'source',
  channel,
  added,
  joined,
  active: 0,
  converted,
  gmv,
  churned: 0,
  cost,
  cost_per_acquisition: cost === null || added === 0 ? null : cost / added,
  cost_per_conversion: cost === null || converted === 0 ? null : cost / converted,
  roi,
});

const rows = [row('直播间', 3, 2, 2, 290.5, 300, ((290.5 - 300) * 100) / 300), row('抖音', 0, 0, 0, 0, 0, null), row('朋友圈海报', 3, 1, 0, 0, 120, -100)];

describe('channel grid', () => {
  it('adds the join and conversion rates over the people added, empty when nobody was added', () => {
    const grid = channelGridRows(rows);
    expect(grid.map((r) => [r.channel, r.join_rate, r.conversion_rate])).toEqual([
      ['直播间', 200 / 3, 200 / 3],
      ['抖音', null, null],
      ['朋友圈海报', 100 / 3, 0],
    ]);
  });

  it('shows money as ¥, rates as percent and empty figures as -, under Chinese headers', () => {
    const columns = channelColumns();
    expect(columns.map((c) => c.headerName)).toEqual(['渠道', '新增客户', '入群人数', '入群率', '活跃人数', '转化人数', '转化率', '渠道带来的GMV（全部订单）', '流失人数', '成本', '获客成本', '转化成本', 'ROI']);
    const [live, douyin] = channelGridRows(rows);
    const shown = (r: typeof live) => Object.fromEntries(columns.map((c) => [c.field, c.format ? c.format(r![c.field] as never, r!) : String(r![c.field])]));
    expect(shown(live)).toMatchObject({ gmv: '¥290.50', cost: '¥300.00', cost_per_acquisition: '¥100.00', cost_per_conversion: '¥150.00', roi: '-3.17%', join_rate: '66.67%' });
    expect(shown(douyin)).toMatchObject({ cost: '¥0.00', cost_per_acquisition: '-', cost_per_conversion: '-', roi: '-', join_rate: '-' });
    expect(adCostColumns().map((c) => c.headerName)).toEqual(['渠道', '天数', '曝光', '点击', '花费']);
  });
});

type Bar = { name: string; data: unknown[] };

describe('channel charts', () => {
  it('draws added and converted people per channel in the grid order', () => {
    const option = channelPeopleOption(rows);
    expect((option.xAxis as { data: string[] }).data).toEqual(['直播间', '抖音', '朋友圈海报']);
    expect((option.series as Bar[]).map((s) => [s.name, s.data])).toEqual([
      ['新增客户', [3, 0, 3]],
      ['转化人数', [2, 0, 0]],
    ]);
    expect((option.title as { show: boolean }).show).toBe(false);
    expect((channelPeopleOption([]).title as { show: boolean; text: string }).text).toContain('没有新增客户');
  });

  it('draws ROI only for channels that have one, losses in red', () => {
    const option = channelRoiOption(rows);
    expect((option.xAxis as { data: string[] }).data).toEqual(['直播间', '朋友圈海报']);
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]!.data;
    expect(data.map((d) => d.value)).toEqual([((290.5 - 300) * 100) / 300, -100]);
    expect(data.every((d) => d.itemStyle.color === '#e5533d')).toBe(true);
    expect((channelRoiOption([row('x', 1, 0, 1, 200, 100, 100)]).series as { data: { itemStyle: { color: string } }[] }[])[0]!.data[0]!.itemStyle.color).toBe('#07a35a');
    expect((channelRoiOption([rows[1]!]).title as { show: boolean }).show).toBe(true);
  });
});

describe('cost grid', () => {
  it('round-trips saved costs through grid rows with ids, trimming names', () => {
    const edit = toEditRows([{ dimension: 'source', channel: '直播间', cost: 300 }]);
    expect(edit[0]!.id).toMatch(/^cost-/);
    expect(fromEditRows([...edit, { ...newCostRow('add_way'), channel: ' 抖音 ', cost: 50 }])).toEqual([
      { dimension: 'source', channel: '直播间', cost: 300 },
      { dimension: 'add_way', channel: '抖音', cost: 50 },
    ]);
  });

  it('flags a blank name, the same channel twice in one dimension, and a negative cost', () => {
    const [dimension, channel, cost] = costColumns();
    expect(dimension!.options?.map((o) => o.label)).toEqual(['渠道', '渠道活码', '添加方式']);
    const a = { ...newCostRow('source'), channel: '直播间', cost: 1 };
    const b = { ...newCostRow('source'), channel: '直播间 ', cost: 2 };
    const c = { ...newCostRow('add_way'), channel: '直播间', cost: 3 };
    expect(channel!.validate!(a, [a, b, c])).toBe('“直播间”重复：同一维度的渠道只能录入一次');
    expect(channel!.validate!(c, [a, b, c])).toBeNull();
    expect(channel!.validate!(newCostRow('source'), [])).toBe('渠道名称不能为空');
    expect(cost!.validate!({ ...a, cost: -1 }, [])).toBe('成本不能小于 0');
    expect(hasCostProblems([a, c])).toBe(false);
    expect(hasCostProblems([a, b])).toBe(true);
  });
});
