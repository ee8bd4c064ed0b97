import { describe, expect, it } from 'vitest';
import { cleanText, parseTime, wallFromSerial } from '../../../src-main/core/import/values';

describe('time cells', () => {
  it.each([
    ['2026-09-01 08:07:53', '2026-09-01 08:07:53'],
    ['2026-09-01 08:07', '2026-09-01 08:07:00'],
    ['2026/9/1', '2026-09-01 00:00:00'],
    ['2026/09/01 8:05:09', '2026-09-01 08:05:09'],
    ['2026年9月1日', '2026-09-01 00:00:00'],
    [' 2026-09-01 08:07:53 ', '2026-09-01 08:07:53'],
  ])('reads text %j as wall-clock time', (text, wall) => {
    expect(parseTime(text)).toEqual({ ok: true, value: wall });
  });

  it('reads a real date cell by its UTC fields, which carry the wall-clock time', () => {
    expect(parseTime(new Date(Date.UTC(2026, 8, 1, 23, 30, 0)))).toEqual({ ok: true, value: '2026-09-01 23:30:00' });
  });

  it('reads Excel serial numbers in the 1900 and 1904 systems', () => {
    expect(parseTime(46266.5)).toEqual({ ok: true, value: '2026-09-01 12:00:00' });
    expect(parseTime('46266.5')).toEqual({ ok: true, value: '2026-09-01 12:00:00' });
    expect(wallFromSerial(46266.5 - 1462, true)).toBe('2026-09-01 12:00:00');
  });

  it('reads 13-digit epoch milliseconds as a UTC instant', () => {
    expect(parseTime(1788192000000)).toEqual({ ok: true, value: '2026-08-31T16:00:00.000Z' });
    expect(parseTime('1788192000000')).toEqual({ ok: true, value: '2026-08-31T16:00:00.000Z' });
  });

  it('treats placeholders and blanks as no value', () => {
    for (const v of ['-', '——', ' ', '', null, undefined]) expect(parseTime(v)).toEqual({ ok: true, value: null });
  });

  it('refuses text that is no date, and impossible dates', () => {
    expect(parseTime('昨天')).toEqual({ ok: false });
    expect(parseTime('2026-02-30 00:00:00')).toEqual({ ok: false });
    expect(parseTime('2026-13-01')).toEqual({ ok: false });
  });
});

describe('text cells', () => {
  it('keeps emoji and rare CJK, trims spaces, and nulls placeholders', () => {
    expect(cleanText(' 用户𠮷😀 ')).toBe('用户𠮷😀');
    expect(cleanText({ richText: [{ text: '小' }, { text: '美' }] })).toBe('小美');
    expect(cleanText('——')).toBeNull();
    expect(cleanText('\u3000')).toBeNull();
  });
});
