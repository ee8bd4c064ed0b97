import { describe, expect, it } from 'vitest';
import type { ChurnResult, RetentionCohort, SurvivalCurve } from '../../../../src-main/contract';
import { breakdownLabel, breakdownOption, churnSeriesOption, GAP, MAX_BARS, MAX_CURVES_SHOWN, RETENTION_ROWS_SHOWN, retentionHeight, retentionOption, survivalOption } from '../../../../src-renderer/views/churn/churnChartOptions';

type Series = { name: string; type: string; yAxisIndex?: number; step?: string; data: unknown[]; label?: { show?: boolean; formatter?: (p: unknown) => string } };
const seriesOf = (o: { series?: unknown }) => o.series as Series[];
const titleShown = (o: { title?: unknown }) => (o.title as { show: boolean }).show;

const week = (start: string, end: string, churned: number, before: number): ChurnResult['series'][number] => ({
  period_start: start,
  period_end: end,
  churned,
  members_before: before,
  churn_rate: before === 0 ? null : (churned * 100) / before,
});

describe('churnSeriesOption', () => {
  it('draws churned people as bars and the rate as a line on the percent axis, a period without members as a gap', () => {
    const option = churnSeriesOption([week('2024-01-01', '2024-01-07', 2, 0), week('2024-01-08', '2024-01-14', 2, 3)], 'week');
    expect(seriesOf(option).map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ['流失人数', 'bar', 0],
      ['流失率', 'line', 1],
    ]);
    expect(seriesOf(option)[0]!.data).toEqual([2, 2]);
    // 2 of the 3 members at the end of week 1; week 1 had no one before it: a gap, never 0.
    expect(seriesOf(option)[1]!.data).toEqual([GAP, (2 * 100) / 3]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01-01 ~ 01-07', '2024-01-08 ~ 01-14']);
    expect(titleShown(option)).toBe(false);
  });

  it('says so when there is nothing to draw', () => {
    const option = churnSeriesOption([], 'day');
    expect(option.title).toMatchObject({ show: true, text: '所选范围内没有社群数据' });
  });
});

describe('breakdownOption', () => {
  it('labels values in Chinese, first value on top, each bar with its count and share', () => {
    const items = [
      { value: 'left_group', count: 3, share: 50 },
      { value: 'removed', count: 1, share: 100 / 6 },
      { value: 'customer_deleted_staff', count: 2, share: 100 / 3 },
      { value: 'staff_deleted_customer', count: 0, share: 0 },
    ];
    const option = breakdownOption('how', items);
    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.data).toEqual(['主动退群', '被移出群', '客户删除员工', '员工删除客户']);
    expect(yAxis.inverse).toBe(true);
    const bars = seriesOf(option)[0]!;
    expect(bars.data).toEqual([3, 1, 2, 0]);
    expect(bars.label!.formatter!({ value: 1, dataIndex: 1 })).toBe('1（16.67%）');
  });

  it('names unknown channels and contact deletions, tenure buckets in days, and draws at most MAX_BARS bars', () => {
    expect(breakdownLabel('channel', '')).toBe('（未知渠道）');
    expect(breakdownLabel('group', '')).toBe('（删除联系人，无群）');
    expect(breakdownLabel('tenure', '180+')).toBe('180 天以上');
    expect(breakdownLabel('stage', 'added_not_joined')).toBe('已添加未入群');
    expect(breakdownLabel('group', '宝妈福利群')).toBe('宝妈福利群');
    const many = Array.from({ length: 20 }, (_, i) => ({ value: `渠道${i}`, count: 20 - i, share: 5 }));
    expect((breakdownOption('channel', many).yAxis as { data: string[] }).data).toHaveLength(MAX_BARS);
    const empty = breakdownOption('stage', [{ value: 'bought_once', count: 0, share: null }]);
    expect(empty.title).toMatchObject({ show: true, text: '没有流失记录' });
  });
});

describe('retentionOption', () => {
  const cohorts: RetentionCohort[] = [
    { cohort_week: '2024-01-01', size: 5, retained: [60, 40, 60, null], counts: [3, 2, 3, null] },
    { cohort_week: '2024-01-08', size: 2, retained: [50, 50, null, null], counts: [1, 1, null, null] },
  ];

  it('puts a cell per known cohort × week in percent, weeks not over left out, rows labelled with their size', () => {
    const option = retentionOption(cohorts);
    expect((option.xAxis as { data: string[] }).data).toEqual(['第 0 周', '第 1 周', '第 2 周', '第 3 周']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['2024-01-01（5 人）', '2024-01-08（2 人）']);
    expect(seriesOf(option)[0]!.type).toBe('heatmap');
    expect(seriesOf(option)[0]!.data).toEqual([
      [0, 0, 60],
      [1, 0, 40],
      [2, 0, 60],
      [0, 1, 50],
      [1, 1, 50],
    ]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 100 });
  });

  it('shows the count behind a cell in its tooltip', () => {
    const tooltip = retentionOption(cohorts).tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ value: [1, 0, 40] })).toBe('2024-01-01（5 人）<br/>第 1 周：40.00%（留存人数 2）');
  });

  it('says so when no one joined', () => {
    expect(retentionOption([]).title).toMatchObject({ show: true, text: '所选范围内没有入群记录' });
  });

  it('shows the latest join weeks past the rows shown at once, the older ones behind a slider, every cell kept', () => {
    const many: RetentionCohort[] = Array.from({ length: RETENTION_ROWS_SHOWN + 5 }, (_, i) => ({ cohort_week: `2024-01-${String(i + 1).padStart(2, '0')}`, size: 1, retained: [100], counts: [1] }));
    const option = retentionOption(many);
    expect(option.dataZoom).toEqual([expect.objectContaining({ type: 'slider', yAxisIndex: 0, startValue: 5, endValue: RETENTION_ROWS_SHOWN + 4, zoomLock: true })]);
    expect(seriesOf(option)[0]!.data).toHaveLength(RETENTION_ROWS_SHOWN + 5);
    expect(retentionHeight(many.length)).toBe(retentionHeight(RETENTION_ROWS_SHOWN));
    expect(retentionHeight(RETENTION_ROWS_SHOWN)).toBeGreaterThan(retentionHeight(RETENTION_ROWS_SHOWN - 5));
    expect(retentionOption(cohorts).dataZoom).toEqual([]);
  });
});

describe('survivalOption', () => {
  const curve = (label: string, n: number): SurvivalCurve => ({
    label,
    n,
    events: 2,
    median_days: 6,
    points: [
      { day: 4, survival: 2 / 3, at_risk: 3, events: 1, censored: 0 },
      { day: 6, survival: 1 / 3, at_risk: 2, events: 1, censored: 0 },
      { day: 15, survival: 1 / 3, at_risk: 1, events: 0, censored: 1 },
    ],
  });

  it('draws each curve as a step line starting at 100 % on day 0, stepping at the end of each interval', () => {
    const option = survivalOption([curve('B', 3)]);
    const [s] = seriesOf(option);
    expect(s).toMatchObject({ name: 'B', type: 'line', step: 'end' });
    expect(s!.data).toEqual([[0, 1], [4, 2 / 3], [6, 1 / 3], [15, 1 / 3]]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
  });

  it('shows the largest curves first and leaves the rest switched off in the legend', () => {
    const curves = Array.from({ length: MAX_CURVES_SHOWN + 2 }, (_, i) => curve(`群${i}`, 100 - i));
    const legend = survivalOption(curves).legend as { selected: Record<string, boolean> };
    expect(Object.values(legend.selected).filter(Boolean)).toHaveLength(MAX_CURVES_SHOWN);
    expect(legend.selected[`群${MAX_CURVES_SHOWN}`]).toBe(false);
    expect(legend.selected['群0']).toBe(true);
  });
});
