// Issue 11 item 12 from the user's side: an import that skips rows says how many and why, and
// lists every skipped row with its sheet, row number and reason.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { expect, test } from '../../fixtures';

const HEADER = ['群名称', '成员ID', '群成员昵称', '入群时间'];

/** An xlsx of one sheet `群成员`; `null` leaves a row blank. */
async function writeMembers(file: string, rows: ((string | null)[] | null)[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('群成员');
  [HEADER, ...rows].forEach((row, i) => {
    if (row) ws.getRow(i + 1).values = row.map((v) => v ?? undefined) as ExcelJS.CellValue[];
  });
  await wb.xlsx.writeFile(file);
}

test.describe('导入 that skips rows', () => {
  test('the result shows 读取 / 新增 / 跳过 and lists every skipped row with its reason', async ({ app, page, start, workspace, importPage, shot }) => {
    const first = path.join(app.root, '群成员.xlsx');
    // r2 u1, r3 u2, r4 blank, r5 u2 again, r6 no 成员ID, r7 no 群名称.
    await writeMembers(first, [
      ['A群', 'u1', '甲', '2026-09-01 10:00:00'],
      ['A群', 'u2', '乙', '2026-09-02 10:00:00'],
      null,
      ['A群', 'u2', '乙', '2026-09-02 10:00:00'],
      ['A群', null, '丙', '2026-09-03 10:00:00'],
      [null, 'u4', '丁', '2026-09-04 10:00:00'],
    ]);
    const later = path.join(app.root, '群成员-续.xlsx');
    // A later export: u1 again, u5 new.
    await writeMembers(later, [
      ['A群', 'u1', '甲', '2026-09-01 10:00:00'],
      ['A群', 'u5', '戊', '2026-09-05 10:00:00'],
    ]);

    await start.createProject('跳过的行');
    await workspace.openTab('import');
    await importPage.stageFiles([first]);
    await importPage.mapping('群成员.xlsx').start();
    await expect(importPage.job('群成员.xlsx')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const result = importPage.result('群成员.xlsx');
    await expect(result.getByTestId('import-result-counts')).toHaveText('读取 5 行，新增 2 行，跳过 3 行');
    expect(await importPage.skipReasons('群成员.xlsx')).toEqual([
      ['missing_key', 2, '缺少标识列的值：2 行'],
      ['duplicate', 1, '文件内重复：1 行'],
    ]);
    await expect.poll(() => importPage.skippedRows('群成员.xlsx')).toEqual([
      ['群成员', '5', '文件内重复', '与第 3 行重复'],
      ['群成员', '6', '缺少标识列的值', '缺少成员ID'],
      ['群成员', '7', '缺少标识列的值', '缺少群名称'],
    ]);
    await result.scrollIntoViewIfNeeded();
    await shot('import-skipped-rows.png');

    await importPage.stageFiles([later]);
    await importPage.mapping('群成员-续.xlsx').start();
    await expect(importPage.job('群成员-续.xlsx')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(importPage.result('群成员-续.xlsx').getByTestId('import-result-counts')).toHaveText('读取 2 行，新增 1 行，跳过 1 行');
    expect(await importPage.skipReasons('群成员-续.xlsx')).toEqual([['known', 1, '已在项目中（重复导入）：1 行']]);
    await expect.poll(() => importPage.skippedRows('群成员-续.xlsx')).toEqual([['群成员', '2', '已在项目中（重复导入）', '已由导入 #1 导入']]);

    // The history lists the same rows for an earlier import: its 跳过 count opens them.
    await importPage.historyRow('群成员.xlsx').getByTestId('history-skipped').click();
    const fromHistory = page.getByTestId('history-skipped-list');
    await expect(fromHistory.getByTestId('import-skip-reason')).toHaveText(['缺少标识列的值：2 行', '文件内重复：1 行']);
    await expect(fromHistory.getByTestId('import-skipped').locator('.ag-cell[col-id="detail"]')).toHaveText(['与第 3 行重复', '缺少成员ID', '缺少群名称']);
  });
});
