import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile';
import { listImports } from '../../src-main/db/importStore';
import type { OpenProject } from '../../src-main/db/projectFile';
import { isAppError, type AppError } from '../../src-main/contract/appError';
import { counts, memberships, messages, tempProject, writeCsv, writeLargeXlsx, writeXlsx } from './helpers';

const demoDir = path.resolve(__dirname, '../../resources/demo');
const memberHeader = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', '退群方式', 'unionid'];
const messageHeader = ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'];

let env: Awaited<ReturnType<typeof tempProject>>;
let project: OpenProject;
beforeEach(async () => {
  env = await tempProject();
  project = env.project;
});
afterEach(async () => env.cleanup());

const run = (file: string, opts: Partial<Parameters<typeof importFile>[2]> = {}) =>
  importFile(project, { path: file, fileName: path.basename(file) }, { ...opts, tempDir: env.tempDir });

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('importing group-member exports', () => {
  it('finds the header below a title row and an export-time row', async () => {
    const file = await writeXlsx(path.join(env.dir, '群成员.xlsx'), {
      Sheet1: [['客户群成员明细'], ['导出时间：2026-09-30 10:00:00'], memberHeader, ['美妆1群', '小美', 'wm001', '外部联系人', '2026-09-01 08:00:00', '直接邀请入群', 'Lily', '-', '-', 'oU1']],
    });
    const rec = await run(file);
    expect(rec).toMatchObject({ kind: 'members', rowsRead: 1, rowsAdded: 1, rowsSkipped: 0, fileName: '群成员.xlsx' });
    expect(await memberships(project)).toEqual([
      { group_name: '美妆1群', member_id: 'wm001', member_name: '小美', join_time: '2026-09-01 08:00:00', leave_time: null, leave_way: null },
    ]);
  });

  it('reads every date form as Shanghai wall-clock time, and epoch milliseconds as UTC instants', async () => {
    const rows = [
      ['g', 'a', 'id1', '', '2026-09-01 08:07:53'],
      ['g', 'b', 'id2', '', '2026-09-01 08:07'],
      ['g', 'c', 'id3', '', '2026/9/1'],
      ['g', 'd', 'id4', '', '2026/09/01 08:07:53'],
      ['g', 'e', 'id5', '', '2026年9月1日'],
      ['g', 'f', 'id6', '', new Date(Date.UTC(2026, 8, 1, 8, 7, 53))],
      ['g', 'h', 'id7', '', 46266.5],
      ['g', 'i', 'id8', '', 1788192000000],
      ['g', 'j', 'id9', '', '1788192000000'],
    ];
    const file = await writeXlsx(path.join(env.dir, 'dates.xlsx'), { Sheet1: [['群名称', '群成员昵称', '成员ID', '类型', '入群时间'], ...rows] });
    await run(file);
    const byId = Object.fromEntries((await memberships(project)).map((m) => [m.member_id, m.join_time]));
    expect(byId).toEqual({
      id1: '2026-09-01 08:07:53',
      id2: '2026-09-01 08:07:00',
      id3: '2026-09-01 00:00:00',
      id4: '2026-09-01 08:07:53',
      id5: '2026-09-01 00:00:00',
      id6: '2026-09-01 08:07:53',
      id7: '2026-09-01 12:00:00',
      id8: '2026-09-01 00:00:00',
      id9: '2026-09-01 00:00:00',
    });
    const [utc] = await project.db.all<{ t: string }>(`SELECT strftime(join_time, '%Y-%m-%dT%H:%M:%SZ') AS t FROM memberships WHERE member_id = 'id8'`);
    expect(utc.t).toBe('2026-08-31T16:00:00Z');
  });

  it('refuses a bad date naming the file, sheet, row and column, and leaves the project untouched', async () => {
    const file = await writeXlsx(path.join(env.dir, '坏日期.xlsx'), {
      成员: [['导出时间 2026-09-30'], memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00'], ['g', 'b', 'id2', '', '2026-09-02 09:00:00', '', '', '昨天下午']],
    });
    const e = await failure(run(file));
    expect(e.code).toBe('IMPORT_BAD_VALUE');
    expect(e.details).toMatchObject({ file: '坏日期.xlsx', sheet: '成员', row: 4, column: '退群时间' });
    expect(e.message).toContain('坏日期.xlsx');
    expect(e.message).toContain('第 4 行');
    expect(e.message).toContain('退群时间');
    expect(await counts(project)).toEqual({ memberships: 0, messages: 0, imports: 0 });
  });

  it('re-importing the same file adds nothing and records nothing new', async () => {
    const file = await writeXlsx(path.join(env.dir, 'm.xlsx'), { Sheet1: [memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00']] });
    const first = await run(file);
    const second = await run(file);
    expect(second).toMatchObject({ importId: first.importId, rowsAdded: 0, rowsSkipped: 1 });
    expect(await counts(project)).toEqual({ memberships: 1, messages: 0, imports: 1 });
  });

  it('an overlapping later export adds only new spells and fills in the leave time of a member who left', async () => {
    const week1 = await writeXlsx(path.join(env.dir, 'week1.xlsx'), {
      Sheet1: [memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00'], ['g', 'b', 'id2', '', '2026-09-02 08:00:00']],
    });
    const week2 = await writeXlsx(path.join(env.dir, 'week2.xlsx'), {
      Sheet1: [
        memberHeader,
        ['g', 'a', 'id1', '', '2026-09-01 08:00:00', '', '', '2026-09-08 10:00:00', '自己退群'],
        ['g', 'b', 'id2', '', '2026-09-02 08:00:00'],
        ['g', 'c', 'id3', '', '2026-09-09 08:00:00'],
      ],
    });
    await run(week1);
    const rec = await run(week2);
    expect(rec).toMatchObject({ rowsRead: 3, rowsAdded: 2, rowsSkipped: 1 });
    const rows = await memberships(project);
    expect(rows.map((r) => [r.member_id, r.leave_time, r.leave_way])).toEqual([
      ['id1', '2026-09-08 10:00:00', '自己退群'],
      ['id2', null, null],
      ['id3', null, null],
    ]);
  });

  it('reads date cells of a workbook in the 1904 date system', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['群名称', '成员ID', '入群时间']);
    ws.addRow(['g', 'id1', new Date(Date.UTC(2026, 8, 1, 8, 7, 53))]);
    const file = path.join(env.dir, 'mac.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await run(file);
    expect((await memberships(project))[0].join_time).toBe('2026-09-01 08:07:53');
  });

  it('keeps emoji and rare CJK nicknames intact', async () => {
    const file = await writeXlsx(path.join(env.dir, 'nick.xlsx'), { Sheet1: [memberHeader, ['宝妈群🌸', '用户𠮷😀', 'id1', '', '2026-09-01 08:00:00']] });
    await run(file);
    expect((await memberships(project))[0]).toMatchObject({ group_name: '宝妈群🌸', member_name: '用户𠮷😀' });
  });

  it('falls back to unionid when the export has no member id column', async () => {
    const file = await writeXlsx(path.join(env.dir, 'u.xlsx'), { Sheet1: [['群名称', '群成员昵称', '入群时间', 'unionid'], ['g', 'a', '2026-09-01', 'oU9']] });
    await run(file);
    expect((await memberships(project))[0].member_id).toBe('oU9');
  });

  it('reads a long export split over sheets, skipping a notes sheet, repeated headers and a total row', async () => {
    const file = await writeXlsx(path.join(env.dir, 'split.xlsx'), {
      说明: [['本表由助手导出'], ['请勿修改']],
      name0: [memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00'], ['g', 'b', 'id2', '', '2026-09-01 09:00:00']],
      name1: [memberHeader, ['g', 'c', 'id3', '', '2026-09-02 08:00:00'], [], ['合计', '', '', '', '']],
    });
    const rec = await run(file);
    expect(rec).toMatchObject({ kind: 'members', rowsRead: 3, rowsAdded: 3 });
    expect((await memberships(project)).map((m) => m.member_id)).toEqual(['id1', 'id2', 'id3']);
  });

  it('reads a continuation sheet that repeats no header (name0 → name1)', async () => {
    const file = await writeXlsx(path.join(env.dir, 'split2.xlsx'), {
      name0: [['群成员导出'], memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00']],
      name1: [['g', 'b', 'id2', '', '2026-09-02 08:00:00'], ['g', 'c', 'id3', '', '2026-09-03 08:00:00']],
    });
    expect(await run(file)).toMatchObject({ rowsRead: 3, rowsAdded: 3 });
  });

  it('reads a GB18030 CSV', async () => {
    const file = path.join(env.dir, 'gbk.csv');
    // 群名称,成员ID,入群时间,群成员昵称 / g,id1,2026-09-01,小美 — in GB18030 bytes.
    const header = Buffer.from('C8BAC3FBB3C62CB3C9D4B149442CC8EBC8BACAB1BCE42CC8BAB3C9D4B1EAC7B3C60D0A', 'hex');
    const row = Buffer.concat([Buffer.from('g,id1,2026-09-01,'), Buffer.from('D0A1C3C00D0A', 'hex')]);
    await writeFile(file, Buffer.concat([header, row]));
    await run(file);
    expect(await memberships(project)).toEqual([
      { group_name: 'g', member_id: 'id1', member_name: '小美', join_time: '2026-09-01 00:00:00', leave_time: null, leave_way: null },
    ]);
  });

  it('imports started together are written one after the other, and both land', async () => {
    const a = await writeXlsx(path.join(env.dir, 'a.xlsx'), { Sheet1: [memberHeader, ['g', 'a', 'id1', '', '2026-09-01 08:00:00']] });
    const b = await writeXlsx(path.join(env.dir, 'b.xlsx'), { Sheet1: [memberHeader, ['g', 'b', 'id2', '', '2026-09-01 08:00:00']] });
    const [ra, rb] = await Promise.all([run(a), run(b)]);
    expect([ra.importId, rb.importId].sort()).toEqual([1, 2]);
    expect(await counts(project)).toEqual({ memberships: 2, messages: 0, imports: 2 });
  });

  it('imports the bundled sample with all 809 member rows', async () => {
    const rec = await run(path.join(demoDir, '群成员.xlsx'));
    expect(rec).toMatchObject({ kind: 'members', rowsRead: 809, rowsAdded: 809 });
    expect((await counts(project)).memberships).toBe(809);
    const rare = await project.db.all(`SELECT 1 FROM memberships WHERE member_name LIKE '%𠮷%' OR member_name LIKE '%😀%'`);
    expect(rare.length).toBeGreaterThan(0);
  });
});

describe('importing message exports', () => {
  it('keeps identical duplicate messages in the same second, and a re-import of an overlapping file adds nothing for them', async () => {
    const dup = ['小美', 'wm1', '群', '2026-09-01 20:00:00', 'text', '+1'];
    const file1 = await writeXlsx(path.join(env.dir, 'a.xlsx'), { Sheet1: [messageHeader, dup, dup] });
    const file2 = await writeXlsx(path.join(env.dir, 'b.xlsx'), { Sheet1: [messageHeader, dup, dup, ['小美', 'wm1', '群', '2026-09-01 20:00:01', 'text', '好']] });
    expect(await run(file1)).toMatchObject({ kind: 'messages', rowsRead: 2, rowsAdded: 2 });
    expect(await run(file2)).toMatchObject({ rowsRead: 3, rowsAdded: 1, rowsSkipped: 2 });
    expect((await counts(project)).messages).toBe(3);
  });

  it('converts epoch-millisecond send times from UTC', async () => {
    const file = await writeCsv(path.join(env.dir, 'msgs.csv'), [messageHeader, ['小美', 'wm1', '', '1788192000000', 'text', '早']], { hasBom: true });
    await run(file);
    expect(await messages(project)).toEqual([
      { sender_id: 'wm1', sender_name: '小美', group_name: null, local: '2026-09-01 00:00:00', utc: '2026-08-31T16:00:00Z', msg_type: 'text', content: '早' },
    ]);
  });

  it('reads CSV in UTF-8 without a BOM, with quoted commas and line breaks', async () => {
    const file = await writeCsv(path.join(env.dir, 'plain.csv'), [messageHeader, ['用户𠮷', 'wm2', '群', '2026/9/1 9:00', '文本', '你好，"朋友"\n第二行, 还有']]);
    await run(file);
    expect((await messages(project))[0]).toMatchObject({ sender_name: '用户𠮷', local: '2026-09-01 09:00:00', content: '你好，"朋友"\n第二行, 还有' });
  });

  it('imports the bundled sample with all 2782 message rows', async () => {
    const rec = await run(path.join(demoDir, '聊天记录.xlsx'));
    expect(rec).toMatchObject({ kind: 'messages', rowsRead: 2782, rowsAdded: 2782 });
    expect((await counts(project)).messages).toBe(2782);
  });

  it('honours a forced kind', async () => {
    const file = await writeXlsx(path.join(env.dir, 'x.xlsx'), { Sheet1: [messageHeader, ['a', 'id', 'g', '2026-09-01', 'text', 'x']] });
    const e = await failure(run(file, { kind: 'members' }));
    expect(e.code).toBe('IMPORT_UNRECOGNISED');
  });
});

describe('refusals and cancel', () => {
  it('refuses a file with unrelated headers, naming the file', async () => {
    const file = await writeXlsx(path.join(env.dir, '杂项.xlsx'), { Sheet1: [['序号', '说明', '数值'], ['1', '9.9', 'x']] });
    const e = await failure(run(file));
    expect(e.code).toBe('IMPORT_UNRECOGNISED');
    expect(e.message).toContain('杂项.xlsx');
    expect(e.message).toContain('无法识别');
  });

  it('names the missing id column of an otherwise recognisable member export', async () => {
    const file = await writeXlsx(path.join(env.dir, 'noid.xlsx'), { Sheet1: [['群名称', '群成员昵称', '入群时间', '入群方式'], ['g', 'a', '2026-09-01', '扫码']] });
    const e = await failure(run(file));
    expect(e.code).toBe('IMPORT_UNRECOGNISED');
    expect(e.message).toContain('成员ID');
  });

  it('refuses a missing file and a header without rows', async () => {
    expect((await failure(run(path.join(env.dir, 'nope.xlsx')))).code).toBe('IMPORT_FILE_NOT_FOUND');
    const empty = await writeXlsx(path.join(env.dir, 'empty.xlsx'), { Sheet1: [memberHeader] });
    expect((await failure(run(empty))).code).toBe('IMPORT_NO_ROWS');
  });

  it('refuses a file that is no spreadsheet', async () => {
    const file = path.join(env.dir, 'broken.xlsx');
    await writeCsv(file, [['not', 'a'], ['zip', 'file']]);
    const e = await failure(run(file));
    expect(e.code).toBe('IMPORT_NOT_SPREADSHEET');
    expect(e.message).toContain('broken.xlsx');
  });

  it('cancel leaves the project exactly as before and removes temp files, also after chunks were written into its tables', async () => {
    await run(await writeXlsx(path.join(env.dir, 'seed.xlsx'), { Sheet1: [messageHeader, ['a', 'seed', 'g', '2026-09-01', 'text', 'x']] }));
    const big = await writeLargeXlsx(path.join(env.dir, 'big.xlsx'), messageHeader, 60_000, (i) => [`用户${i % 500}`, `wm${i % 500}`, '群', `2026-09-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`, 'text', `消息${i}`]);
    const controller = new AbortController();
    let fractionAtAbort: number | null = null;
    let filesAtAbort: string[] = [];
    let rowsAtAbort = 0;
    const p = run(big, {
      signal: controller.signal,
      // Small chunks: by the abort several have been loaded into the import's open transaction.
      chunkSize: { rows: 1000, bytes: 1024 * 1024 },
      onProgress: (pr) => {
        if (pr.rowsRead >= 20_000 && !rowsAtAbort) {
          rowsAtAbort = pr.rowsRead;
          fractionAtAbort = pr.fraction;
          filesAtAbort = readdirSync(env.tempDir, { recursive: true }).map(String);
          controller.abort();
        }
      },
    });
    const e = await failure(p);
    expect(e.code).toBe('IMPORT_CANCELLED');
    expect(rowsAtAbort).toBeGreaterThan(0);
    expect(fractionAtAbort).toBeGreaterThan(0);
    expect(fractionAtAbort).toBeLessThan(1);
    expect(filesAtAbort.some((f) => f.startsWith('import-'))).toBe(true);
    expect(await counts(project)).toEqual({ memberships: 0, messages: 1, imports: 1 });
    expect(await listImports(project.db)).toHaveLength(1);
    expect(await readdir(env.tempDir)).toEqual([]);
    // The project takes the same file afterwards, whole.
    expect(await run(big)).toMatchObject({ rowsRead: 60_000, rowsAdded: 60_000 });
  });
});
