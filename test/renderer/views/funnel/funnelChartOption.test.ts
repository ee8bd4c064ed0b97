import { describe, expect, it } from 'vitest';
import type { FunnelResult, FunnelStage } from '../../../../src-main/contract';
import { DROP_COLOR, MAX_PANELS, funnelChartOption, stageColors, stageLabel, stageTooltip } from '../../../../src-renderer/views/funnel/funnelChartOption';

const st = (name: string, count: number, dropOff: number | null, overall: number | null = null): FunnelStage => ({
  id: name,
  name,
  source: 'person_joined',
  count,
  step: { rate: null, low: null, high: null },
  overall: { rate: overall, low: null, high: null },
  dropOff,
  timeToConvert: null,
});
type Series = { type: string; name: string; sort: string; data: { name: string; value: number; itemStyle: { color: string }; label: { formatter: string } }[] };
const seriesOf = (o: ReturnType<typeof funnelChartOption>) => o.series as Series[];

describe('funnelChartOption', () => {
  const result: FunnelResult = {
    mode: 'period',
    from: '2024-03-04',
    to: '2024-03-10',
    stages: [st('添加', 1203, null, 100), st('入群', 600, 603, 49.875), st('付费', 88, 512, 7.3150)],
    biggestDrop: 1,
    skipped: [],
    breakdown: null,
  };

  it('draws the stages in path order (never sorted), the biggest drop in red', () => {
    const [series] = seriesOf(funnelChartOption(result, null));
    expect(series!.type).toBe('funnel');
    expect(series!.sort).toBe('none');
    expect(series!.data.map((d) => [d.name, d.value])).toEqual([['添加', 1203], ['入群', 600], ['付费', 88]]);
    expect(series!.data.map((d) => d.itemStyle.color)).toEqual([stageColors[0], DROP_COLOR, stageColors[2]]);
  });

  it('labels each stage with its count and overall rate', () => {
    expect(stageLabel(result.stages[0]!, 0)).toBe('添加\n1,203');
    expect(stageLabel(result.stages[2]!, 2)).toBe('付费\n88 · 7.32%');
  });

  it('says why instead of drawing an empty funnel', () => {
    const option = funnelChartOption(result, '所选范围内没有数据');
    expect(option.series).toEqual([]);
    expect((option.title as { text: string }).text).toBe('所选范围内没有数据');
  });

  it('puts at most four breakdown funnels side by side, titled with the value and the cohort size', () => {
    const values = ['扫码', '海报', '公众号', '转介绍', '（无）'];
    const breakdown = values.map((value, i) => ({ value, stages: [st('入群', 50 - i, null), st('付费', 10 - i, 40)] }));
    const option = funnelChartOption({ ...result, mode: 'cohort', breakdown }, null);
    const series = seriesOf(option);
    expect(series).toHaveLength(MAX_PANELS);
    expect(series.map((s) => s.name)).toEqual(values.slice(0, MAX_PANELS));
    expect((option.title as { text: string; subtext: string }[]).map((t) => [t.text, t.subtext])).toEqual([
      ['扫码', '50 人'],
      ['海报', '49 人'],
      ['公众号', '48 人'],
      ['转介绍', '47 人'],
    ]);
    // Each panel marks its own biggest drop
    expect(series.every((s) => s.data[1]!.itemStyle.color === DROP_COLOR)).toBe(true);
  });

  it('shows a stage name that carries markup as text in its tooltip (names can come from a shared template)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const option = funnelChartOption({ ...result, stages: [st(hostile, 10, null, 100), st('<b>x</b>', 5, 5, 50)] }, null);
    const tooltips = seriesOf(option)[0]!.data.map((d) => (d as unknown as { tooltip: { formatter: string } }).tooltip.formatter);
    expect(tooltips[0]).toBe('&lt;img src=x onerror=alert(1)&gt;：10');
    expect(tooltips[1]!.startsWith('&lt;b&gt;x&lt;/b&gt;：5<br/>')).toBe(true);
    expect(tooltips.join('')).not.toMatch(/<img|<b>/);
    expect(stageTooltip(st('A & B', 3, null), 0)).toBe('A &amp; B：3');
  });
});
