import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '../../fixtures';

// 导入全部 of several files (issue 16 item 3): one progress bar over all files, which file of how
// many is in progress, and 取消, which keeps the files imported before and rolls back the one in
// progress. Every wait is for something the page shows, never for a time.

/** A chat log export of `rows` messages (a whole 聊天记录 header, so 导入全部 takes it as it is), by exceljs's streaming writer. */
async function writeChatLog(file: string, rows: number, tag: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('聊天记录');
  ws.addRow(['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容']).commit();
  for (let i = 0; i < rows; i++) {
    const who = i % 300;
    ws.addRow([`用户${who}`, `wm${who}`, `社群${who % 5}群`, `2026-09-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`, 'text', `${tag}-${i}`]).commit();
  }
  ws.commit();
  await wb.commit();
}

test.describe('导入全部 of three chat logs', () => {
  test('shows one bar over the three files, and 取消 during the second keeps the first and imports neither the second nor the third', async ({ app, page, start, workspace, importPage, shot }) => {
    // The second file long enough (120,000 rows) to be cancelled while it is read.
    const files = [
      ['聊天记录-1.xlsx', 200],
      ['聊天记录-2.xlsx', 120_000],
      ['聊天记录-3.xlsx', 200],
    ] as const;
    const paths: string[] = [];
    for (const [name, rows] of files) {
      const file = path.join(app.root, name);
      await writeChatLog(file, rows, name);
      paths.push(file);
    }
    await start.createProject('三个聊天记录');
    await workspace.openTab('import');
    await importPage.stageFiles(paths);
    await importPage.recordBatchFractions();
    await page.getByTestId('import-all').click();

    // The second file in progress: one bar for the whole import, none per file.
    await expect(importPage.batch()).toHaveAttribute('data-current', '2', { timeout: 60_000 });
    await expect(importPage.batch().getByTestId('import-batch-file')).toHaveText('第 2/3 个文件：聊天记录-2.xlsx');
    await expect(page.locator('.import-view').getByRole('progressbar')).toHaveCount(1);
    // The bar's count is of every file so far (the first file's 200 rows and on), and says so beside the file rows' own counts.
    const batchRows = importPage.batch().getByTestId('import-batch-rows');
    await expect(batchRows).toHaveText(/ · 共已读取 [\d,]+ 行$/);
    await expect.poll(async () => Number((await batchRows.innerText()).replace(/^.*共已读取 ([\d,]+) 行$/, '$1').replaceAll(',', ''))).toBeGreaterThanOrEqual(200);
    await shot('import-batch-progress.png');
    await importPage.batch().getByTestId('import-batch-cancel').click();

    await expect(importPage.job('聊天记录-2.xlsx')).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
    await expect(importPage.job('聊天记录-1.xlsx')).toHaveAttribute('data-state', 'done');
    await expect(importPage.job('聊天记录-3.xlsx')).toHaveAttribute('data-state', 'cancelled');
    await expect(importPage.job('聊天记录-3.xlsx').getByTestId('import-error')).toContainText('未开始导入');
    await expect(importPage.batch()).toHaveCount(0);
    // Only the first file is in the history: nothing of the second was kept.
    await expect(importPage.historyRow('聊天记录-1.xlsx')).toHaveCount(1);
    await expect(page.getByTestId('import-history').locator('.ag-row')).toHaveCount(1);
    const fractions = await importPage.batchFractions();
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    await shot('import-batch-cancelled.png');
  });
});
