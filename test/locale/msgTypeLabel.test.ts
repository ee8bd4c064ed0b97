import { afterEach, describe, expect, it } from 'vitest';
import { msgTypeLabel } from '../../src-main/locale/common';
import { setLanguage } from '../../src-main/locale/language';

afterEach(() => setLanguage('zh-CN'));

describe('msgTypeLabel: message types by name, codes kept for matching', () => {
  it('names the codes of the exports in Chinese, whatever their case', () => {
    expect(['text', 'image', 'redpacket', 'external_redpacket', 'Voice'].map(msgTypeLabel)).toEqual(['文本', '图片', '红包', '互通红包', '语音']);
  });

  it('names them in English, Chinese values included, after a switch', () => {
    setLanguage('en');
    expect(['text', '红包', 'external_redpacket'].map(msgTypeLabel)).toEqual(['Text', 'Red packet', 'Interconnected red packet']);
  });

  it('leaves a type it does not know as the data writes it', () => {
    expect(msgTypeLabel('打卡')).toBe('打卡');
    expect(msgTypeLabel('custom_type')).toBe('custom_type');
    expect(msgTypeLabel('toString')).toBe('toString');
  });
});
