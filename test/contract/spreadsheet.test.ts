import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, neutraliseCell } from '../../src-main/contract/spreadsheet';

describe('neutraliseCell', () => {
  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutraliseCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(neutraliseCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('\t=1')).toBe("'\t=1");
    expect(neutraliseCell('\r=1')).toBe("'\r=1");
  });

  it('keeps numbers, booleans, dates and ordinary text as they are', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(0.25)).toBe(0.25);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell('小三-1')).toBe('小三-1');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(Number.NaN)).toBeNull();
  });
});

describe('csvDocument', () => {
  it('starts with a BOM, ends lines with CRLF, quotes separators and neutralises formula-looking text', () => {
    const csv = csvDocument(['姓名', '手机号', '金额'], [
      ['=HYPERLINK("x")', '+8613800000000', -5],
      ['小一, 二', null, 3.5],
    ]);
    expect(csv).toBe('\uFEFF姓名,手机号,金额\r\n"\'=HYPERLINK(""x"")",\'+8613800000000,-5\r\n"小一, 二",,3.5\r\n');
  });

  it('quotes a neutralised carriage return so the row stays one row', () => {
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('writes objects as JSON and booleans as true/false', () => {
    expect(csvDocument(['a', 'b'], [[{ x: 1 }, false]])).toBe('\uFEFFa,b\r\n"{""x"":1}",false\r\n');
  });
});
