import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../../../src-renderer/views/match/csv';

describe('toCsv', () => {
  it('starts with a BOM, quotes separators and neutralises formula-looking text', () => {
    const csv = toCsv(['姓名', '手机号'], [
      ['=HYPERLINK("x")', '+8613800000000'],
      ['小一, 二', null],
    ]);
    expect(csv).toBe('\uFEFF姓名,手机号\r\n"\'=HYPERLINK(""x"")",\'+8613800000000\r\n"小一, 二",\r\n');
  });

  it('leaves numbers and ordinary text alone', () => {
    expect(neutralise(-5)).toBe('-5');
    expect(neutralise('@小二')).toBe("'@小二");
    expect(neutralise('小三-1')).toBe('小三-1');
  });
});
