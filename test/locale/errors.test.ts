import { describe, expect, it } from 'vitest';
import { describeError, errorText } from '../../src-main/locale/errors';

describe('describeError', () => {
  it('puts the translated code before the message that names the place', () => {
    expect(describeError({ code: 'IMPORT_BAD_VALUE', message: 'a.xlsx · Sheet1 · 第 12 行 · 入群时间' })).toBe(
      '文件中有无法解析的值：a.xlsx · Sheet1 · 第 12 行 · 入群时间',
    );
  });

  it('does not repeat a message that only restates the code', () => {
    expect(describeError({ code: 'IMPORT_CANCELLED', message: errorText.IMPORT_CANCELLED })).toBe('导入已取消');
    expect(describeError({ code: 'PROJECT_NOT_OPEN', message: '' })).toBe('尚未打开项目');
  });

  it('falls back to the raw code for a code it does not know', () => {
    expect(describeError({ code: 'SOMETHING_NEW' as never, message: 'x' })).toBe('SOMETHING_NEW：x');
  });
});
