import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MappingTemplate } from '../../src-main/contract';
import { inspectFile } from '../../src-main/import/inspect';
import { parseFileToChunks } from '../../src-main/import/parseFile';
import { tempDir } from '../support/tempDirs';
import { writeCsv, writeLargeXlsx, writeXlsx } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('qunxi-inspect-');
});
afterEach(() => tmp.cleanup());

const opts = { timeZone: 'Asia/Shanghai', templates: [] as MappingTemplate[] };
const src = (file: string) => ({ path: file, fileName: path.basename(file) });

describe('inspectFile', () => {
  it('finds a header below title rows and proposes the kind and mapping', async () => {
    const file = await writeXlsx(path.join(tmp.dir, '订单导出.xlsx'), {
      订单: [
        ['有赞订单导出'],
        ['导出时间：2026-09-30 10:00'],
        [],
        ['订单号', '订单状态', '买家付款时间', '订单实付金额', '买家手机号', '备用列'],
        ['E001', '交易成功', '2026-09-01 10:00:00', '¥1,234.50', '13800138000', 'x'],
        ['E002', '交易成功', '2026-09-02 11:00:00', '￥12', '13900139000', 'y'],
        ['合计', '', '', '1246.5', '', ''],
      ],
    });
    const preview = await inspectFile(src(file), opts);
    expect(preview.fileName).toBe('订单导出.xlsx');
    expect(preview.tables).toHaveLength(1);
    const [t] = preview.tables;
    expect(t.mapping).toMatchObject({ kind: 'orders', sheet: '订单', headerRow: 4 });
    expect(t.headers).toEqual(['订单号', '订单状态', '买家付款时间', '订单实付金额', '买家手机号', '备用列']);
    expect(t.mapping.columns.map((c) => c.field)).toEqual(['order_no', 'status', 'paid_at', 'paid_amount', 'buyer_phone', null]);
    expect(t.confidence).toBeGreaterThan(0);
    expect(t.missing).toEqual([]);
    expect(t.templateName).toBeNull();
    // The 合计 row is not data.
    expect(t.rows.map((r) => r.rowNumber)).toEqual([5, 6]);
    expect(t.rows[0].cells[3]).toEqual({ raw: '¥1,234.50', value: 1234.5 });
    expect(t.rows[0].cells[2]).toEqual({ raw: '2026-09-01 10:00:00', value: '2026-09-01 10:00:00' });
  });

  it('offers each of two different tables of one workbook', async () => {
    const file = await writeXlsx(path.join(tmp.dir, '两表.xlsx'), {
      客户列表: [
        ['客户', '所属员工', '添加时间', '客户状态', '性别'],
        ['张三', '小王', '2026-09-01 10:00:00', '正常', '男'],
      ],
      订单: [
        ['订单号', '订单实付金额', '买家付款时间'],
        ['E1', '10', '2026-09-02 10:00:00'],
      ],
    });
    const preview = await inspectFile(src(file), opts);
    expect(preview.tables.map((t) => [t.sheets, t.mapping.kind])).toEqual([
      [['客户列表'], 'customers'],
      [['订单'], 'orders'],
    ]);
  });

  it('joins continuation sheets name0, name1 to the first, with or without their header', async () => {
    const header = ['发送人ID', '发送时间', '消息内容'];
    const file = await writeXlsx(path.join(tmp.dir, '分表.xlsx'), {
      聊天记录0: [header, ['wm1', '2026-09-01 10:00:00', 'a']],
      聊天记录1: [['wm2', '2026-09-01 11:00:00', 'b']],
      聊天记录2: [header, ['wm3', '2026-09-01 12:00:00', 'c']],
    });
    const preview = await inspectFile(src(file), opts);
    expect(preview.tables).toHaveLength(1);
    expect(preview.tables[0].sheets).toEqual(['聊天记录0', '聊天记录1', '聊天记录2']);
    expect(preview.tables[0].mapping.kind).toBe('messages');
  });

  it('marks cells that cannot be stored as they are: a bad date, a masked phone, an unreadable amount', async () => {
    const file = await writeCsv(path.join(tmp.dir, '客户.csv'), [
      ['客户', '添加时间', '手机号', '所属员工'],
      ['张三', '2026-13-45', '186******05', '小王'],
      ['李四', '2026年9月3日', '+86 139 0013 9000', '小王'],
    ]);
    const preview = await inspectFile(src(file), opts);
    const [t] = preview.tables;
    expect(t.mapping).toMatchObject({ kind: 'customers', sheet: null, headerRow: 1 });
    expect(t.rows[0].cells[1]).toEqual({ raw: '2026-13-45', value: null, problem: '不是可识别的日期' });
    expect(t.rows[0].cells[2]).toEqual({ raw: '186******05', value: '186******05', problem: '手机号已打码，不能用于匹配' });
    expect(t.rows[1].cells[1]).toEqual({ raw: '2026年9月3日', value: '2026-09-03 00:00:00' });
    expect(t.rows[1].cells[2]).toEqual({ raw: '+86 139 0013 9000', value: '13900139000' });
    expect(t.rows[1].cells[0].problem).toBeUndefined();

    const orders = await writeCsv(path.join(tmp.dir, '订单.csv'), [
      ['订单号', '订单实付金额'],
      ['E1', '约十元'],
    ]);
    const [o] = (await inspectFile(src(orders), opts)).tables;
    expect(o.rows[0].cells[1]).toEqual({ raw: '约十元', value: null, problem: '金额无法识别' });
  });

  it('lists the required fields a table lacks, and a forced kind maps what it can', async () => {
    const file = await writeCsv(path.join(tmp.dir, 'x.csv'), [
      ['群名称', '入群时间'],
      ['g', '2026-09-01 10:00:00'],
    ]);
    const [t] = (await inspectFile(src(file), { ...opts, kind: 'members' })).tables;
    expect(t.mapping.kind).toBe('members');
    expect(t.missing).toEqual(['成员ID']);
  });

  it('takes the mapping from a template with the same headers in another order, and names it', async () => {
    const file = await writeCsv(path.join(tmp.dir, '怪表头.csv'), [
      ['金额', '单号', '时间'],
      ['12.5', 'N1', '2026-09-01 10:00:00'],
    ]);
    const template: MappingTemplate = {
      id: 't1',
      name: '自建商城订单',
      kind: 'orders',
      headers: ['单号', '时间', '金额'],
      fields: { 单号: 'order_no', 时间: 'paid_at', 金额: 'paid_amount' },
      savedAt: '2026-09-01T00:00:00.000Z',
    };
    const [t] = (await inspectFile(src(file), { ...opts, templates: [template] })).tables;
    expect(t.templateName).toBe('自建商城订单');
    expect(t.mapping.kind).toBe('orders');
    expect(t.mapping.columns.map((c) => c.field)).toEqual(['paid_amount', 'order_no', 'paid_at']);
    expect(t.rows[0].cells[0]).toEqual({ raw: '12.5', value: 12.5 });
    expect(t.missing).toEqual([]);
  });

  it('reads only the head of a large file', async () => {
    const file = await writeLargeXlsx(path.join(tmp.dir, 'big.xlsx'), ['发送人ID', '发送时间', '消息内容'], 30_000, (i) => [`wm${i % 100}`, '2026-09-01 10:00:00', `m${i}`]);
    // Damage the middle of the file, which lies deep inside the sheet (by far its largest part):
    // a reader that went through the whole sheet meets it, one that stops after the head does not.
    const bytes = await readFile(file);
    bytes.fill(0x55, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    await writeFile(file, bytes);
    await expect(new ExcelJS.Workbook().xlsx.readFile(file)).rejects.toThrow();
    // Refused either way the damage shows (exceljs stamps the time in the file, so the bytes differ
    // run to run): garbage read as a bad value, or the part ending short of its declared size.
    await expect(parseFileToChunks(file, 'big.xlsx', tmp.dir, { kind: 'messages', timeZone: 'Asia/Shanghai', onChunk: () => undefined })).rejects.toMatchObject({
      code: expect.stringMatching(/^IMPORT_(FILE_UNREADABLE|BAD_VALUE)$/),
      details: { file: 'big.xlsx' },
    });

    const preview = await inspectFile(src(file), opts);
    expect(preview.tables[0].rows).toHaveLength(20);
    expect(preview.tables[0].rows[19]!.cells[2]).toEqual({ raw: 'm19', value: 'm19' });
    expect(preview.tables[0].mapping.kind).toBe('messages');
  });
});
