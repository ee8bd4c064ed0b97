import { describe, expect, it } from 'vitest';
import type { BehaviourCount, KeyBehaviour } from '../../../../src-main/contract';
import { parseCell } from '../../../../src-renderer/components/definitionGridModel';
import {
  behaviourColumns,
  countableRules,
  liveText,
  msgTypeOptions,
  msgTypesText,
  newBehaviourRow,
  parseWindow,
  rowsAreValid,
  toDefinition,
  toRows,
  type BehaviourRow,
} from '../../../../src-renderer/views/behaviours/behaviourRows';

const rule = (over: Partial<KeyBehaviour>): KeyBehaviour => ({
  id: 'a',
  name: '打卡',
  msgTypes: [],
  pattern: '打卡',
  isRegex: false,
  minCount: 1,
  windowDays: null,
  weight: 1,
  enabled: true,
  ...over,
});

describe('behaviour rows', () => {
  it('carry the window as text and give it back as days or null', () => {
    const defs = [rule({ windowDays: 7 }), rule({ id: 'b', name: '接龙', windowDays: null })];
    const rows = toRows(defs);
    expect(rows.map((r) => r.window)).toEqual(['7', '']);
    expect(toDefinition(rows)).toEqual(defs);
    expect(parseWindow(' 14 ')).toBe(14);
    expect(parseWindow('不限')).toBeNull();
    expect(parseWindow('一周')).toBeNaN();
    expect(parseWindow('1.5')).toBeNaN();
  });

  it('get fresh, distinct ids for new rows', () => {
    const ids = new Set([newBehaviourRow().id, newBehaviourRow().id, newBehaviourRow().id]);
    expect(ids.size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^kb[0-9a-z]+$/);
  });
});

describe('checks before saving', () => {
  const rows = toRows([rule({}), rule({ id: 'b', name: '接龙' })]);
  const none = new Map<string, string>();

  it('accept good rows and refuse an empty or repeated name, a bad count or window, a server error', () => {
    expect(rowsAreValid(rows, none)).toBe(true);
    const columns = behaviourColumns([], none);
    const name = columns.find((c) => c.field === 'name')!;
    const blank: BehaviourRow = { ...rows[1]!, name: '  ' };
    expect(name.validate!(blank, [rows[0]!, blank])).toBe('名称不能为空');
    const twin: BehaviourRow = { ...rows[1]!, name: ' 打卡' };
    expect(name.validate!(twin, [rows[0]!, twin])).toBe('名称与其他行重复');
    expect(rowsAreValid([rows[0]!, twin], none)).toBe(false);
    expect(rowsAreValid([{ ...rows[0]!, minCount: 0 }], none)).toBe(false);
    expect(rowsAreValid([{ ...rows[0]!, minCount: 2.5 }], none)).toBe(false);
    expect(rowsAreValid([{ ...rows[0]!, window: '0' }], none)).toBe(false);
    expect(rowsAreValid([{ ...rows[0]!, window: '3661' }], none)).toBe(false);
    expect(rowsAreValid([{ ...rows[0]!, window: '不限' }], none)).toBe(true);
    expect(rowsAreValid(rows, new Map([['b', '正则表达式无效：缺少 ]']]))).toBe(false);
  });

  it('show the server’s regex error on the pattern cell', () => {
    const pattern = behaviourColumns([], new Map([['b', '正则表达式无效：缺少 ]']])).find((c) => c.field === 'pattern')!;
    expect(pattern.validate!(rows[1]!, rows)).toBe('正则表达式无效：缺少 ]');
    expect(pattern.validate!(rows[0]!, rows)).toBeNull();
    expect(pattern.format!({ ...rows[0]!, pattern: '' })).toBe('任意内容');
  });

  it('make every row countable while the user is still typing', () => {
    const typing: BehaviourRow[] = [{ ...rows[0]!, name: '', minCount: 0, window: 'abc', weight: Number.NaN }];
    expect(countableRules(typing)).toEqual([{ ...rule({}), name: '-', minCount: 1, windowDays: null, weight: 0 }]);
  });
});

describe('grid cells', () => {
  it('offer the data’s types first with their counts, then the usual ones and the rows’ own, once each, by name', () => {
    const options = msgTypeOptions([{ msgType: 'text', count: 1870 }, { msgType: 'redpacket', count: 486 }], toRows([rule({ msgTypes: ['Checkin', 'TEXT'] })]));
    expect(options.slice(0, 3)).toEqual([
      { value: 'text', label: '文本（1,870）' },
      { value: 'redpacket', label: '红包（486）' },
      { value: 'image', label: '图片' },
    ]);
    // 文本, 图片 and 红包 as other tools write them are the same types: not offered again.
    expect(options.map((o) => o.label)).not.toContain('红包');
    expect(options.map((o) => o.label).filter((l) => l.startsWith('文本'))).toHaveLength(1);
    expect(options.map((o) => o.value)).toContain('Checkin');
    expect(options.filter((o) => o.value.toLowerCase() === 'text')).toHaveLength(1);
  });

  it('take pasted 是/否 and several types as the grid parses them', () => {
    const columns = behaviourColumns([{ value: 'redpacket', label: 'redpacket（486）' }], new Map());
    const types = columns.find((c) => c.field === 'msgTypes')!;
    expect(parseCell(types, 'redpacket、红包')).toEqual({ ok: true, value: ['redpacket', '红包'] });
    expect(parseCell(columns.find((c) => c.field === 'isRegex')!, '是')).toEqual({ ok: true, value: true });
    expect(types.format!(toRows([rule({})])[0]!)).toBe('任意类型');
  });

  it('show a rule’s types by name, each name once, never the codes', () => {
    const columns = behaviourColumns([], new Map());
    const types = columns.find((c) => c.field === 'msgTypes')!;
    expect(types.format!(toRows([rule({ msgTypes: ['红包', 'redpacket', 'external_redpacket'] })])[0]!)).toBe('红包、互通红包');
    expect(msgTypesText(['text', 'IMAGE', '打卡'])).toBe('文本、图片、打卡');
  });

  it('keep offering a type a rule holds although its name is offered already, so the rule’s choice shows', () => {
    const options = msgTypeOptions([{ msgType: 'redpacket', count: 3 }], toRows([rule({ msgTypes: ['红包', 'external_redpacket'] })]));
    expect(options.filter((o) => o.value === '红包' || o.value === 'external_redpacket')).toEqual([
      { value: '红包', label: '红包' },
      { value: 'external_redpacket', label: '互通红包' },
    ]);
  });

  it('show live counts, … until counted and - for a rule with an error', () => {
    const row = toRows([rule({})])[0]!;
    const counts = new Map<string, BehaviourCount>([['a', { id: 'a', people: 1234, occurrences: 5678, error: null }]]);
    expect(liveText(counts, row, 'people')).toBe('1,234');
    expect(liveText(counts, row, 'occurrences')).toBe('5,678');
    expect(liveText(new Map(), row, 'people')).toBe('…');
    expect(liveText(new Map([['a', { id: 'a', people: 0, occurrences: 0, error: '正则表达式无效' }]]), row, 'people')).toBe('-');
  });
});
