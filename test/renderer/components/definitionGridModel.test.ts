import { describe, expect, it } from 'vitest';
import { applyPaste, cellText, moveRow, parseCell, splitTsv, validationProblems } from '../../../src-renderer/components/definitionGridModel';
import type { DefinitionColumn } from '../../../src-renderer/components/definitionGridTypes';

interface Row {
  id: string;
  name: string;
  types: string[];
  minCount: number;
  enabled: boolean;
  op: string;
  live: string;
}

const columns: DefinitionColumn<Row>[] = [
  { field: 'name', headerName: '名称', type: 'text', validate: (r, rows) => (!r.name ? '名称不能为空' : rows.filter((x) => x.name === r.name).length > 1 ? '名称重复' : null) },
  { field: 'types', headerName: '消息类型', type: 'multiselect', options: [{ value: 'checkin', label: '打卡' }, { value: 'text', label: '文本' }] },
  { field: 'minCount', headerName: '最少次数', type: 'number' },
  { field: 'live', headerName: '人数', type: 'text', isReadOnly: true },
  { field: 'enabled', headerName: '启用', type: 'boolean' },
  { field: 'op', headerName: '比较', type: 'select', options: [{ value: '>=', label: '≥' }, { value: '<', label: '<' }] },
];
let seq = 0;
const newRow = (): Row => ({ id: `n${++seq}`, name: '', types: [], minCount: 1, enabled: true, op: '>=', live: '' });
const row = (name: string, extra: Partial<Row> = {}): Row => ({ ...newRow(), name, ...extra });

describe('parseCell', () => {
  it('reads numbers as spreadsheets write them', () => {
    expect(parseCell(columns[2]!, ' 1,234 ')).toEqual({ ok: true, value: 1234 });
    expect(parseCell(columns[2]!, '￥12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseCell(columns[2]!, '12%')).toEqual({ ok: true, value: 12 });
    expect(parseCell(columns[2]!, 'abc')).toEqual({ ok: false, reason: '“abc”不是数字' });
    expect(parseCell(columns[2]!, '')).toEqual({ ok: false, reason: '“最少次数”需要一个数字' });
  });
  it('reads booleans in Chinese and English, and refuses anything else', () => {
    for (const t of ['是', 'TRUE', '1', '✓', '启用']) expect(parseCell(columns[4]!, t)).toEqual({ ok: true, value: true });
    for (const t of ['否', 'false', '0', '']) expect(parseCell(columns[4]!, t)).toEqual({ ok: true, value: false });
    expect(parseCell(columns[4]!, '也许').ok).toBe(false);
  });
  it('accepts a choice by label or by value', () => {
    expect(parseCell(columns[5]!, '≥')).toEqual({ ok: true, value: '>=' });
    expect(parseCell(columns[5]!, '<')).toEqual({ ok: true, value: '<' });
    expect(parseCell(columns[5]!, '大于').ok).toBe(false);
  });
  it('splits several choices on Chinese and Latin separators, keeping unknown ones once', () => {
    expect(parseCell(columns[1]!, '打卡、文本，打卡;红包')).toEqual({ ok: true, value: ['checkin', 'text', '红包'] });
  });
});

describe('cellText', () => {
  it('shows labels, ticks and lists', () => {
    const r = row('a', { types: ['checkin', 'x'], op: '>=' });
    expect(cellText(columns[1]!, r)).toBe('打卡、x');
    expect(cellText(columns[5]!, r)).toBe('≥');
    expect(cellText(columns[4]!, r)).toBe('✓');
    expect(cellText(columns[4]!, { ...r, enabled: false })).toBe('');
  });
});

describe('splitTsv', () => {
  it('splits Excel clipboard text, with quoted line breaks and a trailing newline', () => {
    expect(splitTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(splitTsv('"x\ny"\t"say ""hi"""\n1\t')).toEqual([['x\ny', 'say "hi"'], ['1', '']]);
    expect(splitTsv('single')).toEqual([['single']]);
  });
});

describe('applyPaste', () => {
  it('fills right over editable columns (skipping read-only ones) and down, adding rows', () => {
    const rows = [row('a'), row('b')];
    const r = applyPaste(rows, columns, 1, 'name', '签到\t打卡\t3\t是\n接龙\t文本\t2\t否\n', newRow);
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(8);
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toBe(rows[0]);
    expect(r.rows[1]).toMatchObject({ name: '签到', types: ['checkin'], minCount: 3, enabled: true, live: '' });
    expect(r.rows[2]).toMatchObject({ name: '接龙', types: ['text'], minCount: 2, enabled: false });
    // The input rows are never mutated.
    expect(rows[1]!.name).toBe('b');
  });
  it('keeps cells that do not parse as they were and names them by row and column', () => {
    const rows = [row('a', { minCount: 5 })];
    const r = applyPaste(rows, columns, 0, 'minCount', 'x\t是\t≥', newRow);
    expect(r.rows[0]).toMatchObject({ minCount: 5, enabled: true, op: '>=' });
    expect(r.problems).toEqual(['第 1 行「最少次数」：“x”不是数字']);
    expect(r.written).toBe(2);
  });
  it('stops at maxRows and says so', () => {
    const r = applyPaste([row('a')], columns, 0, 'name', 'x\ny\nz', newRow, 2);
    expect(r.rows.map((x) => x.name)).toEqual(['x', 'y']);
    expect(r.problems).toEqual(['最多 2 行，多余的行没有粘贴']);
  });
  it('ignores a paste that starts on a column it does not know', () => {
    const rows = [row('a')];
    expect(applyPaste(rows, columns, 0, '__index', 'x', newRow).rows).toBe(rows);
  });
});

describe('moveRow and validationProblems', () => {
  it('moves within bounds only', () => {
    const rows = [row('a'), row('b'), row('c')];
    expect(moveRow(rows, 2, -1).map((r) => r.name)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 2, 1)).toBe(rows);
  });
  it('names every problem by row and column', () => {
    expect(validationProblems([row('a'), row(''), row('a')], columns)).toEqual([
      '第 1 行「名称」：名称重复',
      '第 2 行「名称」：名称不能为空',
      '第 3 行「名称」：名称重复',
    ]);
  });
});
