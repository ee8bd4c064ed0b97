import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../../src-main/analysis/base/calendar';

describe('isCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(isCalendarDate('2026-09-07')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });
  it('refuses impossible dates and other shapes', () => {
    for (const s of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-9-7', '2026/09/07', '2026-09-07T00:00', '']) {
      expect(isCalendarDate(s), s).toBe(false);
    }
  });
});
