import { describe, expect, it } from 'vitest';
import type { FunnelResult, FunnelStage } from '../../../../src-main/contract';
import { biggestDropOf, formatDropOff, formatRateCI, formatTimeToConvert, funnelColumns, resultRows } from '../../../../src-renderer/views/funnel/funnelColumns';

const none = { rate: null, low: null, high: null };
const st = (name: string, count: number, dropOff: number | null, extra: Partial<FunnelStage> = {}): FunnelStage => ({
  id: name,
  name,
  source: 'person_joined',
  count,
  step: none,
  overall: none,
  dropOff,
  timeToConvert: null,
  ...extra,
});

describe('funnel rate table', () => {
  it('shows a rate with its interval, a rate above 100% alone, and an empty rate as -', () => {
    expect(formatRateCI({ rate: 62.5, low: 30.5745, high: 86.3168 })).toBe('62.50%（30.57%–86.32%）');
    expect(formatRateCI({ rate: 200, low: null, high: null })).toBe('200.00%');
    expect(formatRateCI(none)).toBe('-');
  });

  it('shows time to convert as median [p25, p75] in days, and drops with a sign when a stage rises', () => {
    expect(formatTimeToConvert({ median: 0.75, p25: 0.0625, p75: 4.5625 })).toBe('0.75 [0.06, 4.56]');
    expect(formatTimeToConvert({ median: 12.34, p25: 10.01, p75: 20 })).toBe('12.3 [10.0, 20.0]');
    expect(formatTimeToConvert(null)).toBe('-');
    expect(formatDropOff(null)).toBe('-');
    expect(formatDropOff(3320)).toBe('3,320');
    expect(formatDropOff(-1)).toBe('+1');
  });

  it('marks the biggest drop on the stage name and flags its drop-off cell', () => {
    const result: FunnelResult = { mode: 'period', from: '2024-03-04', to: '2024-03-10', stages: [st('曝光', 100, null), st('入群', 40, 60), st('付费', 10, 30)], biggestDrop: 1, skipped: [], breakdown: null };
    const rows = resultRows(result);
    const cols = funnelColumns('period', false);
    const name = cols.find((c) => c.field === 'name')!;
    const drop = cols.find((c) => c.field === 'dropOff')!;
    expect(rows.map((r) => name.format!(r.name as never, r))).toEqual(['曝光', '入群  ▼最大流失', '付费']);
    expect(rows.map((r) => drop.problem!(r) ?? null)).toEqual([null, '最大流失', null]);
    expect(cols.map((c) => c.field)).toEqual(['name', 'count', 'step', 'overall', 'dropOff']);
  });

  it('adds time to convert in cohort mode and a group column per breakdown value, each with its own biggest drop', () => {
    const a = [st('入群', 10, null), st('发言', 4, 6), st('付费', 1, 3)];
    const b = [st('入群', 5, null), st('发言', 5, 0), st('付费', 1, 4)];
    const result: FunnelResult = { mode: 'cohort', from: null, to: null, stages: a, biggestDrop: 1, skipped: [], breakdown: [{ value: '扫码', stages: a }, { value: '海报', stages: b }] };
    expect(funnelColumns('cohort', true).map((c) => c.field)).toEqual(['group', 'name', 'count', 'step', 'overall', 'dropOff', 'timeToConvert']);
    const rows = resultRows(result);
    expect(rows.map((r) => [r.group, r.name, r.isBiggestDrop])).toEqual([
      ['扫码', '入群', false], ['扫码', '发言', true], ['扫码', '付费', false],
      ['海报', '入群', false], ['海报', '发言', false], ['海报', '付费', true],
    ]);
  });

  it('takes the first of equal drops and none when nothing drops', () => {
    expect(biggestDropOf([st('a', 10, null), st('b', 7, 3), st('c', 4, 3)])).toBe(1);
    expect(biggestDropOf([st('a', 1, null), st('b', 2, -1)])).toBeNull();
  });
});
