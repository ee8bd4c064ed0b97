import { describe, expect, it } from 'vitest';
import type { UnmatchedRow } from '../../../../src-main/contract';
import { unmatchedCsv } from '../../../../src-renderer/views/match/csv';

const row = (name: string, phone: string | null): UnmatchedRow => ({ kind: 'orders', file_name: '订单.xlsx', row_number: 2, name, phone, reason: '手机号被打码' }) satisfies UnmatchedRow;

describe('unmatchedCsv', () => {
  it('writes the unmatched rows with a BOM and CRLF, nicknames that look like formulas neutralised', () => {
    const csv = unmatchedCsv([row('=HYPERLINK("x")', '+8613800000000'), row('小一, 二', null)]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/,2,"'=HYPERLINK\(""x""\)",'\+8613800000000,/);
    expect(lines[2]).toMatch(/,2,"小一, 二",,/);
    expect(lines[3]).toBe('');
  });
});
