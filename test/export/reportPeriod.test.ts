import { describe, expect, it } from 'vitest';
import { latestFullMonth, periodStart, reportDates, shiftPeriod } from '../../src-main/export/reportPeriod';
import { cellValue, textWidth } from '../../src-main/export/reportWriter';
import { change } from '../../src-main/export/reportCover';

describe('report dates', () => {
  it('defaults to the latest full week before a Thursday, and to that week itself on a Sunday', () => {
    // 2026-05-14 is a Thursday; 2026-05-10 a Sunday.
    expect(reportDates('week', '2026-05-14').current).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(reportDates('week', '2026-05-10').current).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(reportDates('week', '2026-05-14').previous).toEqual({ from: '2026-04-27', to: '2026-05-03' });
  });

  it('takes the latest full calendar month, the month itself on its last day', () => {
    expect(latestFullMonth('2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(latestFullMonth('2026-04-30')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(latestFullMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(reportDates('month', '2026-03-10').previous).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });

  it('shows 12 periods of trend, or from --from when that is earlier', () => {
    expect(reportDates('week', '2026-05-14').trend).toEqual({ from: '2026-02-16', to: '2026-05-10' });
    expect(reportDates('month', '2026-05-14').trend).toEqual({ from: '2025-05-01', to: '2026-04-30' });
    expect(reportDates('week', '2026-12-31', '2025-11-17', '2026-11-15')).toEqual({
      current: { from: '2026-11-09', to: '2026-11-15' },
      previous: { from: '2026-11-02', to: '2026-11-08' },
      trend: { from: '2025-11-17', to: '2026-11-15' },
    });
  });

  it('reports a range shorter than a period as it is, against as many days before it', () => {
    expect(reportDates('week', '2026-05-14', '2026-05-12', '2026-05-14')).toMatchObject({
      current: { from: '2026-05-12', to: '2026-05-14' },
      previous: { from: '2026-05-09', to: '2026-05-11' },
    });
  });

  it('steps weeks and months from their first day', () => {
    expect(periodStart('2026-05-14', 'week')).toBe('2026-05-11');
    expect(periodStart('2026-05-14', 'month')).toBe('2026-05-01');
    expect(shiftPeriod('2026-01-01', 'month', -1)).toBe('2025-12-01');
    expect(shiftPeriod('2026-05-11', 'week', 2)).toBe('2026-05-25');
  });
});

describe('report cells', () => {
  it('stores rates as fractions, money to the cent and dates as UTC-midnight dates', () => {
    expect(cellValue(12.3456789, 'percent')).toBe(0.123457);
    expect(cellValue(1234.5678, 'money')).toBe(1234.57);
    expect(cellValue(2.6, 'count')).toBe(3);
    expect(cellValue('2026-05-04', 'date')).toEqual(new Date(Date.UTC(2026, 4, 4)));
    expect(cellValue(Number.NaN, 'decimal')).toBeNull();
    expect(cellValue('=1+1', 'text')).toBe("'=1+1");
  });

  it('counts a CJK character as two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('社群总人数')).toBe(10);
    expect(textWidth('小三𠮷')).toBe(6);
  });

  it('gives 环比 only against a previous figure that is not 0', () => {
    expect(change(150, 100)).toBe(50);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });
});
