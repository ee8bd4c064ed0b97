import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { tempPaths } from '../../support/tempDirs';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  // 12 spells: m00 … m11 in two groups; every third has left; times straddle UTC midnight.
  await insertSpells(
    t.project,
    Array.from({ length: 12 }, (_, i) => ({
      group: i % 2 ? '二群' : '一群',
      id: `m${String(i).padStart(2, '0')}`,
      name: i === 5 ? '=小五🌸' : `成员${i}`,
      join: `2024-03-${String(i + 1).padStart(2, '0')} 16:30:00+00`, // local 00:30 of the next day
      leave: i % 3 === 0 ? `2024-04-01 01:00:00+08` : null,
      joinWay: i < 4 ? '扫码进群' : '直接邀请入群',
    })),
  );
  await insertMessages(t.project, [
    { id: 'm00', group: '一群', at: '2024-03-02 23:59:59+08', content: 'Hello 大家' },
    { id: 'm01', group: '二群', at: '2024-03-03 00:00:00+08', content: '早上好' },
    { id: 'm02', group: null, at: '2024-03-03 12:00:00+08', content: null },
  ]);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('data:members', () => {
  it('pages through all rows in a stable order with the total', async () => {
    const first = await call('data:members', { offset: 0, limit: 5 });
    const rest = await call('data:members', { offset: 5, limit: 100 });
    if (!first.ok || !rest.ok) throw new Error('query failed');
    expect(first.value.total).toBe(12);
    expect(first.value.rows).toHaveLength(5);
    expect(rest.value.rows).toHaveLength(7);
    const ids = [...first.value.rows, ...rest.value.rows].map((r) => r.member_id);
    expect(new Set(ids).size).toBe(12);
  });

  it('returns times as local wall-clock strings of the project time zone', async () => {
    const r = await call('data:members', { offset: 0, limit: 1, sort: [{ colId: 'member_id', sort: 'asc' }] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows[0]).toEqual({
      group_name: '一群',
      member_id: 'm00',
      member_name: '成员0',
      member_type: null,
      join_time: '2024-03-02 00:30:00',
      join_way: '扫码进群',
      inviter: null,
      leave_time: '2024-04-01 01:00:00',
      leave_way: null,
    });
  });

  it('sorts by several columns, times by instant, blanks last', async () => {
    const r = await call('data:members', {
      offset: 0,
      limit: 12,
      sort: [
        { colId: 'leave_time', sort: 'desc' },
        { colId: 'join_time', sort: 'desc' },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.map((x) => x.member_id)).toEqual(['m09', 'm06', 'm03', 'm00', 'm11', 'm10', 'm08', 'm07', 'm05', 'm04', 'm02', 'm01']);
  });

  it('filters by text, case-insensitively and with wildcard characters taken literally', async () => {
    const group = await call('data:members', { offset: 0, limit: 50, filter: { group_name: { filterType: 'text', type: 'equals', filter: '二群' } } });
    if (!group.ok) throw new Error(group.error.message);
    expect(group.value.total).toBe(6);
    const literal = await call('data:members', { offset: 0, limit: 50, filter: { member_name: { filterType: 'text', type: 'contains', filter: '%' } } });
    expect(literal.ok && literal.value.total).toBe(0);
    const emoji = await call('data:members', { offset: 0, limit: 50, filter: { member_name: { filterType: 'text', type: 'startsWith', filter: '=小五' } } });
    expect(emoji.ok && emoji.value.rows.map((x) => x.member_name)).toEqual(['=小五🌸']);
    const blank = await call('data:members', { offset: 0, limit: 50, filter: { leave_time: { filterType: 'text', type: 'blank' } } });
    expect(blank.ok && blank.value.total).toBe(8);
  });

  it('filters by local date, inRange including both ends', async () => {
    // m00 joins 2024-03-01 16:30 UTC = 2024-03-02 00:30 local
    const on = await call('data:members', { offset: 0, limit: 50, filter: { join_time: { filterType: 'date', type: 'equals', dateFrom: '2024-03-02 00:00:00' } } });
    expect(on.ok && on.value.rows.map((x) => x.member_id)).toEqual(['m00']);
    const range = await call('data:members', {
      offset: 0,
      limit: 50,
      filter: { join_time: { filterType: 'date', type: 'inRange', dateFrom: '2024-03-03', dateTo: '2024-03-05' } },
    });
    expect(range.ok && range.value.rows.map((x) => x.member_id)).toEqual(['m01', 'm02', 'm03']);
  });

  it('refuses an unknown column in sort or filter, and a date filter on a text column', async () => {
    const sort = await call('data:members', { offset: 0, limit: 5, sort: [{ colId: 'import_id; DROP TABLE memberships', sort: 'asc' }] });
    expect(sort.ok ? null : sort.error.code).toBe('INVALID_REQUEST');
    const filter = await call('data:members', { offset: 0, limit: 5, filter: { row_key: { filterType: 'text', type: 'contains', filter: 'x' } } });
    expect(filter.ok ? null : filter.error.code).toBe('INVALID_REQUEST');
    const notTime = await call('data:members', { offset: 0, limit: 5, filter: { member_name: { filterType: 'date', type: 'equals', dateFrom: '2024-03-02' } } });
    expect(notTime.ok ? null : notTime.error.code).toBe('INVALID_REQUEST');
    const badDate = await call('data:members', { offset: 0, limit: 5, filter: { join_time: { filterType: 'date', type: 'equals', dateFrom: 'yesterday' } } });
    expect(badDate.ok ? null : badDate.error.code).toBe('INVALID_REQUEST');
  });
});

describe('data:messages', () => {
  it('returns messages with local times, including one-to-one chats without a group', async () => {
    const r = await call('data:messages', { offset: 0, limit: 10, sort: [{ colId: 'sent_at', sort: 'asc' }] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBe(3);
    expect(r.value.rows.map((x) => [x.sender_id, x.group_name, x.sent_at])).toEqual([
      ['m00', '一群', '2024-03-02 23:59:59'],
      ['m01', '二群', '2024-03-03 00:00:00'],
      ['m02', null, '2024-03-03 12:00:00'],
    ]);
  });

  it('filters content by text and refuses member columns', async () => {
    const r = await call('data:messages', { offset: 0, limit: 10, filter: { content: { filterType: 'text', type: 'contains', filter: 'hello' } } });
    expect(r.ok && r.value.rows.map((x) => x.sender_id)).toEqual(['m00']);
    const bad = await call('data:messages', { offset: 0, limit: 10, sort: [{ colId: 'member_id', sort: 'asc' }] });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
  });

  it('says no project is open when none is', async () => {
    const client = inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))));
    const r = await client('data:messages', { offset: 0, limit: 10 });
    expect(r.ok ? null : r.error.code).toBe('PROJECT_NOT_OPEN');
  });
});
