import { describe, expect, it } from 'vitest';
import { dateProblem, monthGrid, parseDate, shiftDay, shiftMonth } from '../../../src-renderer/components/dateFieldModel';

describe('date field model', () => {
  it('reads yyyy-MM-dd and the usual Chinese ways of writing a day, as yyyy-MM-dd', () => {
    expect(parseDate('2026-09-01')).toBe('2026-09-01');
    expect(parseDate(' 2026/9/1 ')).toBe('2026-09-01');
    expect(parseDate('2026.10.31')).toBe('2026-10-31');
    expect(parseDate('2026年9月1日')).toBe('2026-09-01');
  });

  it('refuses what is not a real day, and the US order a native field shows', () => {
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('09/01/2026')).toBeNull();
    expect(parseDate('2026-09')).toBeNull();
  });

  it('says why a typed date cannot be taken, an empty one being no bound', () => {
    expect(dateProblem('')).toBeNull();
    expect(dateProblem('2026-9-x')).toBe('format');
    expect(dateProblem('2026-08-31', '2026-09-01')).toBe('beforeMin');
    expect(dateProblem('2026-10-01', undefined, '2026-09-30')).toBe('afterMax');
    expect(dateProblem('2026-09-30', '2026-09-01', '2026-09-30')).toBeNull();
  });

  it('lays a month out Monday first, neighbours filling the first and last weeks', () => {
    // 2026-09-01 is a Tuesday: the grid starts on Monday 2026-08-31 and ends on Sunday 2026-10-04.
    const weeks = monthGrid(2026, 9);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toEqual({ iso: '2026-08-31', day: 31, isInMonth: false });
    expect(weeks[0]![1]).toEqual({ iso: '2026-09-01', day: 1, isInMonth: true });
    expect(weeks[4]![6]).toEqual({ iso: '2026-10-04', day: 4, isInMonth: false });
    // 2026-06-01 is a Monday: no neighbour before it.
    expect(monthGrid(2026, 6)[0]![0]).toEqual({ iso: '2026-06-01', day: 1, isInMonth: true });
    // February 2027 starts on a Monday and has 28 days: exactly four weeks.
    expect(monthGrid(2027, 2)).toHaveLength(4);
  });

  it('steps months and days across year ends', () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });
});
