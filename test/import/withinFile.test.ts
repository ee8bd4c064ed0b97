/**
 * The rules that look at a whole file (duplicates within it, rows the project already has) hold
 * however the file reaches the store: the parsing worker hands it over in chunks that are
 * written one by one, and the rules run over them all once the file is read.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile';
import type { OpenProject } from '../../src-main/db/projectFile';
import { memberships, tempProject, writeXlsx } from './helpers';

let a: Awaited<ReturnType<typeof tempProject>>;
let b: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  a = await tempProject();
  b = await tempProject();
});
afterEach(async () => {
  written.clear();
  await a.cleanup();
  await b.cleanup();
});

/** One row a chunk: every rule has to work across chunk boundaries. */
const tiny = { rows: 1, bytes: 1024 * 1024 };

/** The workbooks written so far, by name: each is written once, so both projects import the same bytes. */
const written = new Map<string, Promise<string>>();

async function importInto(env: Awaited<ReturnType<typeof tempProject>>, rows: unknown[][], name: string, chunkSize?: { rows: number; bytes: number }) {
  if (!written.has(name)) written.set(name, writeXlsx(path.join(a.dir, name), { Sheet1: rows }));
  const file = await written.get(name)!;
  const rec = await importFile(env.project, { path: file, fileName: name }, { tempDir: env.tempDir, chunkSize });
  const { importedAt: _at, ...rest } = rec;
  return rest;
}

/** Every stored column of a table, row keys and provenance included, in a stable order. */
async function dump(project: OpenProject, table: string) {
  return project.db.all(`SELECT * EXCLUDE (import_id), import_id::INTEGER AS import_id FROM ${table} ORDER BY ALL`);
}

const memberHeader = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', '退群方式'];
const messageHeader = ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'];
const customerHeader = ['客户名称', '所属员工', '添加时间', '手机号', 'external_userid'];

describe('rules over the whole file, with the file handed over a row at a time', () => {
  it('a membership spell listed thrice is stored once, from the row with the earliest leave', async () => {
    const rows = [
      memberHeader,
      ['g', 'a1', 'id1', '', '2026-09-01 08:00:00'],
      ['g', 'b', 'id2', '', '2026-09-01 09:00:00'],
      ['g', 'a2', 'id1', '', '2026-09-01 08:00:00', '', '', '2026-09-05 10:00:00', '自己退群'],
      ['g', 'a3', 'id1', '', '2026-09-01 08:00:00', '', '', '2026-09-03 10:00:00', '被移出'],
      ['g', 'b2', 'id2', '', '2026-09-01 09:00:00'],
    ];
    const rec = await importInto(a, rows, 'm.xlsx', tiny);
    expect(rec).toMatchObject({ rowsRead: 5, rowsAdded: 2, rowsSkipped: 3 });
    expect(await memberships(a.project)).toEqual([
      { group_name: 'g', member_id: 'id1', member_name: 'a3', join_time: '2026-09-01 08:00:00', leave_time: '2026-09-03 10:00:00', leave_way: '被移出' },
      // No leave on either row: the first.
      { group_name: 'g', member_id: 'id2', member_name: 'b', join_time: '2026-09-01 09:00:00', leave_time: null, leave_way: null },
    ]);
    expect(await importInto(b, rows, 'm.xlsx')).toEqual(rec);
    expect(await dump(a.project, 'memberships')).toEqual(await dump(b.project, 'memberships'));
  });

  it('identical messages in different chunks are numbered in file order, and an overlapping export matches them', async () => {
    const plus = ['小美', 'wm1', '群', '2026-09-01 20:00:00', 'text', '+1'];
    const week1 = [messageHeader, plus, ['阿杰', 'wm2', '群', '2026-09-01 20:00:00', 'text', '好'], plus, plus];
    const week2 = [messageHeader, plus, plus, plus, plus, ['阿杰', 'wm2', '群', '2026-09-02 08:00:00', 'text', '早']];
    for (const [env, size] of [[a, tiny], [b, undefined]] as const) {
      expect(await importInto(env, week1, 'w1.xlsx', size)).toMatchObject({ rowsRead: 4, rowsAdded: 4 });
      // Three "+1"s were there: the fourth and the new message are added.
      expect(await importInto(env, week2, 'w2.xlsx', size)).toMatchObject({ rowsRead: 5, rowsAdded: 2, rowsSkipped: 3 });
    }
    expect(await dump(a.project, 'messages')).toEqual(await dump(b.project, 'messages'));
    expect(await dump(a.project, 'import_rows')).toEqual(await dump(b.project, 'import_rows'));
    const rows = await a.project.db.all<{ source_row: number; n: number }>(
      `SELECT source_row, import_id::INTEGER AS n FROM messages WHERE content = '+1' ORDER BY import_id, source_row`,
    );
    // The first file's three in its rows 2, 4 and 5; the second file's fourth "+1", its row 5.
    expect(rows).toEqual([
      { source_row: 2, n: 1 },
      { source_row: 4, n: 1 },
      { source_row: 5, n: 1 },
      { source_row: 5, n: 2 },
    ]);
  });

  it('of two customers with one key in a file the first is kept, and masked phones are reported from every row read', async () => {
    const rows = [
      customerHeader,
      ['小美', '阿杰', '2026-09-01 08:00:00', '186******05', 'wmA'],
      ['阿强', 'Lily', '2026-09-02 08:00:00', '13800138000', 'wmB'],
      ['小美（新）', 'Lily', '2026-09-03 08:00:00', '139****0000', 'wmA'],
      ['', '', '', '', ''],
      ['无名', '', '', '137******11', ''],
    ];
    const rec = await importInto(a, rows, 'c.xlsx', tiny);
    expect(rec).toMatchObject({ kind: 'customers', rowsRead: 4, rowsAdded: 3, problemCount: 3 });
    expect(rec.problems).toEqual([
      '工作表“Sheet1”第 2 行“电话”列：号码“186******05”已打码，已保留但不会用于匹配客户',
      '工作表“Sheet1”第 4 行“电话”列：号码“139****0000”已打码，已保留但不会用于匹配客户',
      '工作表“Sheet1”第 6 行“电话”列：号码“137******11”已打码，已保留但不会用于匹配客户',
    ]);
    const names = await a.project.db.all<{ customer_name: string }>(`SELECT customer_name FROM customers ORDER BY source_row`);
    expect(names.map((r) => r.customer_name)).toEqual(['小美', '阿强', '无名']);
    expect(await importInto(b, rows, 'c.xlsx')).toEqual(rec);
    expect(await dump(a.project, 'customers')).toEqual(await dump(b.project, 'customers'));
  });
});
