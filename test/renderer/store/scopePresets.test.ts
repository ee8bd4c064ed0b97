import { describe, expect, it } from 'vitest';
import { presetRange, todayIn } from '../../../src-renderer/store/scopePresets';
import { restoredScope } from '../../../src-renderer/store/scope';

describe('scope bar presets', () => {
  // 2026-10-15 is a Thursday.
  it('weeks run Monday to Sunday', () => {
    expect(presetRange('thisWeek', '2026-10-15')).toEqual({ from: '2026-10-12', to: '2026-10-18' });
    expect(presetRange('lastWeek', '2026-10-15')).toEqual({ from: '2026-10-05', to: '2026-10-11' });
    // A Sunday belongs to the week that began the Monday before it.
    expect(presetRange('thisWeek', '2026-10-18')).toEqual({ from: '2026-10-12', to: '2026-10-18' });
    // A Monday starts its own week.
    expect(presetRange('thisWeek', '2026-10-19')).toEqual({ from: '2026-10-19', to: '2026-10-25' });
  });

  it('months are calendar months, last month across a year end', () => {
    expect(presetRange('thisMonth', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('近7天 and 近30天 end today and count today', () => {
    expect(presetRange('last7', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetRange('last30', '2026-03-03')).toEqual({ from: '2026-02-02', to: '2026-03-03' });
    expect(presetRange('custom', '2026-03-03')).toBeNull();
  });

  it('today is the day in the project time zone, not UTC', () => {
    // 2026-10-11T17:00Z is already Monday 01:00 in Shanghai, still Sunday in UTC.
    const now = new Date('2026-10-11T17:00:00Z');
    expect(todayIn('Asia/Shanghai', now)).toBe('2026-10-12');
    expect(todayIn('UTC', now)).toBe('2026-10-11');
  });
});

describe('a remembered scope', () => {
  it('re-reads a relative preset on the day the project is reopened', () => {
    expect(restoredScope({ groups: ['A群'], from: '2026-10-01', to: '2026-10-31', preset: 'thisMonth' }, '2026-11-20')).toEqual({
      groups: ['A群'],
      from: '2026-11-01',
      to: '2026-11-30',
      preset: 'thisMonth',
    });
  });

  it('keeps a custom range and drops what is not a scope', () => {
    expect(restoredScope({ groups: ['A群', 3], from: '2026-10-01', to: 'x', preset: 'custom' }, '2026-11-20')).toEqual({
      groups: ['A群'],
      from: '2026-10-01',
      to: '',
      preset: 'custom',
    });
    expect(restoredScope('garbage', '2026-11-20')).toEqual({ groups: [], from: '', to: '', preset: null });
  });
});
