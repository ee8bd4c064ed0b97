import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../paths';

/** The four usual exports, as the demo bundles them (the same files as shared/samples). */
const usual = ['群成员.xlsx', '聊天记录.xlsx', '客户列表.xlsx', '订单.xlsx'].map((f) => path.join(repoRoot, 'resources', 'demo', f));

test.describe('导入全部 of the four usual exports', () => {
  test('imports all four, lists what still needs a decision and why, and the overview shows conversion and GMV', async ({ app, page, start, workspace, importPage, overviewPage, shot }) => {
    // Beside the four: an order export without its order number, and a sheet that shares one
    // column name with the customer list and nothing else.
    const noOrderNo = path.join(app.root, '无订单号.csv');
    writeFileSync(noOrderNo, '\uFEFF订单状态,买家付款时间,订单实付金额\n交易成功,2026-10-01 10:00:00,100\n', 'utf8');
    const loose = path.join(app.root, '杂表.csv');
    writeFileSync(loose, '\uFEFF客户,甲,乙,丙,丁,戊,己,庚,辛,壬\n张三,1,2,3,4,5,6,7,8,9\n', 'utf8');

    await start.createProject('四个导出');
    await workspace.openTab('import');
    await importPage.stageFiles([...usual, noOrderNo, loose]);
    await page.getByTestId('import-all').click();
    await expect(importPage.job('订单.xlsx')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    for (const f of usual) await expect(importPage.job(path.basename(f))).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

    // What 导入全部 left is listed in one place, each with its reason.
    const pending = page.getByTestId('import-pending');
    await expect(pending).toContainText('2 个文件需要你确认后才能导入');
    await expect(pending.locator('[data-testid="import-pending-file"][data-file="无订单号.csv"]')).toContainText('缺少必需字段：订单号');
    await expect(pending.locator('[data-testid="import-pending-file"][data-file="杂表.csv"]')).toContainText('可信度 17%');
    await expect(importPage.job('无订单号.csv')).toHaveAttribute('data-state', 'review');
    await shot('import-all-pending.png');

    await workspace.openTab('overview');
    await overviewPage.waitLoaded();
    await expect(page.getByTestId('overview-missing')).toHaveCount(0);
    await expect(overviewPage.card('converted_members').value).toHaveText(/^[1-9][\d,]*$/);
    await expect(overviewPage.card('gmv').value).toHaveText(/^¥[1-9][\d,.]*$/);
    await shot('overview-after-import-all.png');
  });

  test('an overview without orders says that conversion and GMV cannot be computed, and leads to 导入', async ({ page, start, workspace, importPage, overviewPage, shot }) => {
    await start.createProject('没有订单');
    await workspace.openTab('import');
    await importPage.importFiles(usual.slice(0, 2));
    await workspace.openTab('overview');
    await overviewPage.waitLoaded();
    const missing = page.getByTestId('overview-missing-orders');
    await expect(missing).toContainText('未导入订单：转化与GMV无法计算');
    await expect(page.getByTestId('overview-missing-customers')).toBeVisible();
    await expect(page.getByTestId('overview-missing-messages')).toHaveCount(0);
    await shot('overview-missing-orders.png');
    await missing.getByTestId('overview-missing-import').click();
    await expect(workspace.tab('import')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('import-drop-zone')).toBeVisible();
  });
});
