/**
 * Issue 11 item 12: one count of an import, whichever way the file comes in, and every skipped
 * row listed with its sheet, row and reason. The same real xlsx files are imported through the
 * command line (detected mapping, path) and through the API as the browser-mode UI does it (an
 * upload, inspected, imported with the proposed mapping); both give the same counts and the same
 * list, which is written out by hand below.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { uploadPath } from '../../src-main/api/uploads';
import type { ImportJob, ImportRecord, Result, SkippedRow } from '../../src-main/contract';
import { runCliIn } from '../support/cliInProcess';
import { tempDir, tempPaths } from '../support/tempDirs';

/** The API as a transport serves it. */
type Call = ReturnType<typeof inProcessClient>;

const HEADER = ['群名称', '成员ID', '群成员昵称', '入群时间', '退群时间'];

/** Writes an xlsx of the given sheets; `null` leaves a row blank. */
async function writeXlsx(file: string, sheets: Record<string, ((string | null)[] | null)[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      if (row) ws.getRow(i + 1).values = row.map((v) => v ?? undefined) as ExcelJS.CellValue[];
    });
  }
  await wb.xlsx.writeFile(file);
}

/**
 * 群成员.xlsx, split over two sheets as large exports are: the second has a title row, then the
 * header again. Row by row: 群成员1 r2 u1, r3 u2, r4 blank, r5 u2 again (a repeat of r3), r6 no
 * 成员ID, r7 no 群名称, r8 u5; 群成员2 r1 title, r2 header, r3 u6, r4 u1 again (a repeat of
 * 群成员1 r2), r5 blank. The title row is no data either way (the UI's given mapping read it as a
 * row without 成员ID: 读取 9 / 跳过 5 against the command line's 8 / 4, issue 11 item 12).
 */
async function writeMembers(file: string): Promise<void> {
  await writeXlsx(file, {
    群成员1: [
      HEADER,
      ['A群', 'u1', '甲', '2026-09-01 10:00:00', null],
      ['A群', 'u2', '乙', '2026-09-02 10:00:00', null],
      null,
      ['A群', 'u2', '乙', '2026-09-02 10:00:00', null],
      ['A群', null, '丙', '2026-09-03 10:00:00', null],
      [null, 'u4', '丁', '2026-09-04 10:00:00', null],
      ['A群', 'u5', '戊', '2026-09-05 10:00:00', null],
    ],
    群成员2: [['群成员列表（续）'], HEADER, ['A群', 'u6', '己', '2026-09-06 10:00:00', null], ['A群', 'u1', '甲', '2026-09-01 10:00:00', null], null],
  });
}

/** A later export overlapping the first: u1 now with its leave (fills the open spell), u2 and u6 as before, u7 new. */
async function writeLaterMembers(file: string): Promise<void> {
  await writeXlsx(file, {
    群成员: [
      HEADER,
      ['A群', 'u1', '甲', '2026-09-01 10:00:00', '2026-09-10 09:00:00'],
      ['A群', 'u2', '乙', '2026-09-02 10:00:00', null],
      ['A群', 'u7', '庚', '2026-09-07 10:00:00', null],
      ['A群', 'u6', '己', '2026-09-06 10:00:00', null],
    ],
  });
}

/** What each import must report, known by hand from the rows above. */
const expected = {
  first: {
    counts: { rowsRead: 8, rowsAdded: 4, rowsSkipped: 4 },
    byReason: [
      { reason: 'duplicate', count: 2 },
      { reason: 'missing_key', count: 2 },
    ],
    rows: [
      { sheet: '群成员1', row: 5, reason: 'duplicate', detail: '与第 3 行重复' },
      { sheet: '群成员1', row: 6, reason: 'missing_key', detail: '缺少成员ID' },
      { sheet: '群成员1', row: 7, reason: 'missing_key', detail: '缺少群名称' },
      { sheet: '群成员2', row: 4, reason: 'duplicate', detail: '与第 2 行重复' },
    ] satisfies SkippedRow[],
  },
  later: {
    counts: { rowsRead: 4, rowsAdded: 2, rowsSkipped: 2 },
    byReason: [{ reason: 'known', count: 2 }],
    rows: [
      { sheet: '群成员', row: 3, reason: 'known', detail: '已由导入 #1 导入' },
      { sheet: '群成员', row: 5, reason: 'known', detail: '已由导入 #1 导入' },
    ] satisfies SkippedRow[],
  },
  again: { counts: { rowsRead: 8, rowsAdded: 0, rowsSkipped: 8 }, byReason: [{ reason: 'same_file', count: 8 }] },
};

const countsOf = (r: ImportRecord) => ({ rowsRead: r.rowsRead, rowsAdded: r.rowsAdded, rowsSkipped: r.rowsSkipped });
const orderedReasons = (r: ImportRecord) => [...(r.skippedByReason ?? [])].sort((a, b) => a.reason.localeCompare(b.reason));

let tmp: ReturnType<typeof tempDir>;
let first: string;
let later: string;
beforeEach(async () => {
  tmp = tempDir('qunxi-skipped-');
  first = path.join(tmp.dir, '群成员.xlsx');
  later = path.join(tmp.dir, '群成员-后来的导出.xlsx');
  await writeMembers(first);
  await writeLaterMembers(later);
});
afterEach(() => tmp.cleanup());

/** The browser-mode UI's way: upload the bytes, inspect, import with the proposed mapping, poll. */
async function importAsTheUi(call: Call, paths: ReturnType<typeof tempPaths>, file: string): Promise<ImportRecord> {
  const uploadId = randomUUID();
  mkdirSync(path.dirname(uploadPath(paths, uploadId)), { recursive: true });
  copyFileSync(file, uploadPath(paths, uploadId));
  const source = { uploadId, name: path.basename(file) };
  const preview = await call('import:inspect', { source });
  if (!preview.ok) throw new Error(preview.error.message);
  const mapping = preview.value.tables[0]!.mapping;
  const started = await call('import:start', { source, kind: mapping.kind, mapping });
  if (!started.ok) throw new Error(started.error.message);
  let job: ImportJob = started.value;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    const status: Result<ImportJob> = await call('import:status', { jobId: job.jobId });
    if (!status.ok) throw new Error(status.error.message);
    job = status.value;
  }
  if (!job.result) throw new Error(`${job.state}: ${job.error?.message}`);
  return job.result;
}

/** Every skipped row of an import through the API, a page of 3 at a time (so paging is crossed). */
async function skippedOf(call: Call, importId: number): Promise<SkippedRow[]> {
  const rows: SkippedRow[] = [];
  for (let offset = 0; ; offset += 3) {
    const page = await call('import:skipped', { importId, offset, limit: 3 });
    if (!page.ok) throw new Error(page.error.message);
    rows.push(...page.value.rows);
    if (rows.length >= page.value.total) return rows;
  }
}

/** Runs `fn` over the API as the browser-mode UI calls it, with a new project `name` open. */
async function inUiProject(name: string, fn: (call: Call, paths: ReturnType<typeof tempPaths>) => Promise<void>): Promise<void> {
  const paths = tempPaths(tmp.dir);
  const call = inProcessClient(createHandlers(createContext('browser', paths)));
  try {
    expect((await call('project:new', { path: path.join(tmp.dir, name) })).ok).toBe(true);
    await fn(call, paths);
  } finally {
    await call('project:close', {});
  }
}

describe('skipped rows', () => {
  it('the UI way (upload, inspected mapping) counts and lists the skipped rows with their hand-known reasons', async () => {
    await inUiProject('ui.qunxi', async (call, paths) => {
      const one = await importAsTheUi(call, paths, first);
      expect(countsOf(one)).toEqual(expected.first.counts);
      expect(orderedReasons(one)).toEqual(expected.first.byReason);
      expect(await skippedOf(call, one.importId)).toEqual(expected.first.rows);

      const two = await importAsTheUi(call, paths, later);
      expect(countsOf(two)).toEqual(expected.later.counts);
      expect(orderedReasons(two)).toEqual(expected.later.byReason);
      expect(await skippedOf(call, two.importId)).toEqual(expected.later.rows);

      const again = await importAsTheUi(call, paths, first);
      expect(countsOf(again)).toEqual(expected.again.counts);
      expect(again.skippedByReason).toEqual(expected.again.byReason);

      // The history says the same, and removing an import removes its list.
      const history = await call('import:history', {});
      expect(history.ok && history.value.map((r) => [countsOf(r), orderedReasons(r)])).toEqual([
        [expected.first.counts, expected.first.byReason],
        [expected.later.counts, expected.later.byReason],
      ]);
      expect((await call('import:remove', { importId: two.importId })).ok).toBe(true);
      const gone = await call('import:skipped', { importId: two.importId, offset: 0, limit: 10 });
      expect(!gone.ok && gone.error.code).toBe('IMPORT_NOT_FOUND');
    });
  });

  it('the command line (path, detected mapping) gives the same counts, the reasons\' totals, and the same list', async () => {
    const project = path.join(tmp.dir, 'cli.qunxi');
    const one = await runCliIn(tmp.dir, 'import', '--project', project, first);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('已导入 群成员.xlsx（群成员）：读取 8 行，新增 4 行，跳过 4 行');
    expect(one.stderr).toContain('跳过原因：文件内重复 2 行；缺少标识列的值 2 行');
    expect(one.stderr).toContain(`imports --project ${project} skipped 1`);
    const two = await runCliIn(tmp.dir, 'import', '--project', project, later);
    expect(two.stderr).toContain('读取 4 行，新增 2 行，跳过 2 行');
    expect(two.stderr).toContain('跳过原因：已在项目中（重复导入） 2 行');
    const again = await runCliIn(tmp.dir, 'import', '--project', project, first);
    expect(again.stderr).toContain('读取 8 行，新增 0 行，跳过 8 行');
    expect(again.stderr).toContain('跳过原因：同一文件已导入过 8 行');
    expect(again.stderr).not.toContain('skipped 1');

    const listed = await runCliIn(tmp.dir, 'imports', '--project', project, 'skipped', '1');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(expected.first.rows);
    const csv = await runCliIn(tmp.dir, 'imports', '--project', project, 'skipped', '2', '--format', 'csv');
    expect(csv.stdout).toBe(
      '\uFEFFsheet,row,reason,reason_text,detail\r\n群成员,3,known,已在项目中（重复导入）,已由导入 #1 导入\r\n群成员,5,known,已在项目中（重复导入）,已由导入 #1 导入\r\n',
    );
    const history = await runCliIn(tmp.dir, 'imports', '--project', project);
    const records = JSON.parse(history.stdout) as ImportRecord[];
    expect(records.map((r) => [countsOf(r), orderedReasons(r)])).toEqual([
      [expected.first.counts, expected.first.byReason],
      [expected.later.counts, expected.later.byReason],
    ]);
  });
});

describe('skipped rows of the other ways an import is written', () => {
  it('orders (merged, with updates): a repeat, a row without 订单号, and on re-export an unchanged order; a changed one counts as added', async () => {
    await inUiProject('orders.qunxi', async (call, paths) => {
      const head = '订单号,订单状态,买家付款时间,订单实付金额\n';
      const one = path.join(tmp.dir, '订单.csv');
      writeFileSync(one, `${head}O1,交易成功,2026-09-01 10:00:00,100\nO2,交易成功,2026-09-02 10:00:00,50\nO1,交易成功,2026-09-01 10:00:00,100\n,交易成功,2026-09-03 10:00:00,30\n`, 'utf8');
      const first = await importAsTheUi(call, paths, one);
      expect(countsOf(first)).toEqual({ rowsRead: 4, rowsAdded: 2, rowsSkipped: 2 });
      expect(await skippedOf(call, first.importId)).toEqual([
        { sheet: null, row: 4, reason: 'duplicate', detail: null },
        { sheet: null, row: 5, reason: 'missing_key', detail: '缺少订单号' },
      ]);
      const two = path.join(tmp.dir, '订单-后来的导出.csv');
      writeFileSync(two, `${head}O1,已退款,2026-09-01 10:00:00,100\nO2,交易成功,2026-09-02 10:00:00,50\nO3,交易成功,2026-09-04 10:00:00,70\n`, 'utf8');
      const second = await importAsTheUi(call, paths, two);
      expect(countsOf(second)).toEqual({ rowsRead: 3, rowsAdded: 2, rowsSkipped: 1 });
      expect(await skippedOf(call, second.importId)).toEqual([{ sheet: null, row: 3, reason: 'known', detail: '已由导入 #1 导入' }]);
    });
  });

  it('customers (written directly by natural key): a row with none of its keys, a repeat, and a known one', async () => {
    await inUiProject('customers.qunxi', async (call, paths) => {
      const head = '客户,external_userid,添加时间,备注\n';
      const one = path.join(tmp.dir, '客户列表.csv');
      writeFileSync(one, `${head}张三,wm1,2026-09-01 10:00:00,a\n李四,wm2,2026-09-02 10:00:00,b\n张三,wm1,2026-09-01 10:00:00,c\n,,,只有备注\n`, 'utf8');
      const first = await importAsTheUi(call, paths, one);
      expect(countsOf(first)).toEqual({ rowsRead: 4, rowsAdded: 2, rowsSkipped: 2 });
      expect(await skippedOf(call, first.importId)).toEqual([
        { sheet: null, row: 4, reason: 'duplicate', detail: '与第 2 行重复' },
        { sheet: null, row: 5, reason: 'missing_key', detail: '缺少external_userid或unionid或电话或客户' },
      ]);
      const two = path.join(tmp.dir, '客户列表2.csv');
      writeFileSync(two, `${head}李四,wm2,2026-09-02 10:00:00,b\n王五,wm3,2026-09-03 10:00:00,d\n`, 'utf8');
      const second = await importAsTheUi(call, paths, two);
      expect(countsOf(second)).toEqual({ rowsRead: 2, rowsAdded: 1, rowsSkipped: 1 });
      expect(await skippedOf(call, second.importId)).toEqual([{ sheet: null, row: 2, reason: 'known', detail: '已由导入 #1 导入' }]);
    });
  });
});
