import { describe, expect, it } from 'vitest';
import { cleanText, parseDateOnly, parseMoney, parseNumber, parsePercent, parsePhone, parseTime, wallFromSerial } from '../../src-main/import/values';

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

describe('number, money, percent, phone and day cells', () => {
  it('reads money with currency signs, thousands separators and 元', () => {
    expect(parseMoney('¥1,234.50')).toEqual({ ok: true, value: 1234.5 });
    expect(parseMoney('￥99')).toEqual({ ok: true, value: 99 });
    expect(parseMoney('450.5元')).toEqual({ ok: true, value: 450.5 });
    expect(parseMoney('-')).toEqual({ ok: true, value: null });
    expect(parseMoney('免费')).toEqual({ ok: false });
  });

  it('reads a rate with or without the percent sign as percent, and a dash as no value', () => {
    expect(parsePercent('60.25%')).toEqual({ ok: true, value: 60.25 });
    expect(parsePercent('60.25')).toEqual({ ok: true, value: 60.25 });
    expect(parsePercent('12.22%')).toEqual({ ok: true, value: 12.22 });
    expect(parsePercent('-')).toEqual({ ok: true, value: null });
  });

  it('reads plain numbers stored as text', () => {
    expect(parseNumber('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(' 3.5 ')).toEqual({ ok: true, value: 3.5 });
    expect(parseNumber(7)).toEqual({ ok: true, value: 7 });
    expect(parseNumber('abc')).toEqual({ ok: false });
  });

  it('keeps a masked phone but flags it, and drops a +86 prefix from a full one', () => {
    expect(parsePhone('186******05')).toEqual({ phone: '186******05', isMasked: true });
    expect(parsePhone('+86 138-0013-8000')).toEqual({ phone: '13800138000', isMasked: false });
    expect(parsePhone('-')).toBeNull();
  });

  it('reads a day from text, serials and epoch instants in the project zone', () => {
    expect(parseDateOnly('2026/9/1')).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDateOnly('2026年9月1日')).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDateOnly(46266)).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDateOnly(1788192000000)).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDateOnly('昨天')).toEqual({ ok: false });
  });
});
