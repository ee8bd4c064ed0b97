import { describe, expect, it } from 'vitest';
import { isSafeFileName, safeFileName } from '../../src-main/contract/fileName';

describe('safeFileName', () => {
  it('replaces the characters Windows forbids and control characters with _', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j.xlsx')).toBe('a_b_c_d_e_f_g_h_i_j.xlsx');
    expect(safeFileName('行\u0001\u001f\u007f.csv')).toBe('行___.csv');
  });

  it('drops trailing dots and spaces and surrounding spaces', () => {
    expect(safeFileName(' 复盘 报告. . ')).toBe('复盘 报告');
    expect(safeFileName('报告.xlsx.')).toBe('报告.xlsx');
  });

  it('prefixes the device names Windows reserves, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'CON.xlsx', 'nul.tar.gz']) {
      expect(safeFileName(name)).toBe(`_${name}`);
    }
    expect(safeFileName('CONSOLE.xlsx')).toBe('CONSOLE.xlsx');
    expect(safeFileName('COM10')).toBe('COM10');
  });

  it('answers the fallback when nothing usable is left', () => {
    expect(safeFileName('..', '未命名')).toBe('未命名');
    expect(safeFileName('   ')).toBe('');
  });

  it('cuts an overlong name before its extension', () => {
    const cut = safeFileName(`${'群'.repeat(300)}.xlsx`);
    expect(cut).toBe(`${'群'.repeat(175)}.xlsx`);
  });

  it('keeps Chinese names with spaces as they are', () => {
    expect(safeFileName('流失客户_2026-03-01 至 2026-03-31.xlsx')).toBe('流失客户_2026-03-01 至 2026-03-31.xlsx');
    expect(isSafeFileName('流失客户 2026.xlsx')).toBe(true);
    expect(isSafeFileName('a:b')).toBe(false);
    expect(isSafeFileName('')).toBe(false);
  });
});
