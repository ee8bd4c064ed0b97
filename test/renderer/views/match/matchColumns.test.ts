import { describe, expect, it } from 'vitest';
import type { UnmatchedRow } from '../../../../src-main/contract';
import { gridCsv, gridTable } from '../../../../src-renderer/components/gridExport';
import { unmatchedColumns } from '../../../../src-renderer/views/match/matchColumns';

/** The 匹配 grid's CSV (its grid's 导出 CSV, the view's only export) of some rows. */
const unmatchedCsv = (rows: UnmatchedRow[]) => gridCsv(gridTable(unmatchedColumns(), rows));

// The nicknames test/export/everyWriterNeutralises.test.ts feeds every Node-side writer.
const HOSTILE = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1', '\r=1'];

const row = (name: string | null, phone: string | null, rowNumber: number): UnmatchedRow => ({ kind: 'orders', file_name: '订单.xlsx', row_number: rowNumber, name, phone, reason: '手机号被打码' });

describe('the 匹配 grid as CSV', () => {
  it('writes the unmatched rows with a BOM and CRLF, separators quoted', () => {
    const csv = unmatchedCsv([row('小一, 二', null, 2)]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,订单\.xlsx,2,"小一, 二",,手机号被打码$/);
    expect(lines[2]).toBe('');
  });

  it('neutralises every formula-looking nickname and phone, and keeps row numbers as numbers', () => {
    const csv = unmatchedCsv(HOSTILE.map((name, i) => row(name, i === 0 ? '+8613800000000' : null, -5 + i)));
    const body = csv.slice(1);
    for (const name of HOSTILE) {
      const field = `'${name}`;
      expect(body).toContain(/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
    }
    expect(body).toContain(",'+8613800000000,");
    expect(body).toContain(',-5,');
    expect(body).not.toMatch(/(^|,|\r\n)(=|\+1\+cmd|@SUM|-2\+3|\t=)/);
  });
});
