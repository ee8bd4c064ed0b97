import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, sharedDemoTest as test } from '../../fixtures';
import { readXlsxParts } from '../../../support/xlsxParts';

test.describe('导出周报 (issue 15 item 1)', () => {
  test('the top bar writes the weekly report of the demo: a download whose sheets are the cover and the analyses, with charts', async ({ demo, page, app }) => {
    await demo.openTab('metrics');
    const downloaded = page.waitForEvent('download', { timeout: 180_000 });
    // The report starts a job, no navigation: don't wait for one (a busy machine times that out).
    await page.getByTestId('report-export').click({ noWaitAfter: true });
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/-周报-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(app.root, download.suggestedFilename());
    await download.saveAs(file);
    const book = readXlsxParts(readFileSync(file));
    expect(book.sheets.map((s) => s.name)).toEqual(['封面', '指标', '路径与漏斗', '流失与留存', '渠道', '四象限', 'VVIP', '增长点', 'AB 对比', '社群价值', '贡献度']);
    expect(book.sheets.find((s) => s.name === '指标')!.images).toHaveLength(2);
    await expect(page.getByTestId('report-progress')).toHaveCount(0);
    await expect(page.getByTestId('report-export')).toBeEnabled();
  });

  test('shows progress with a cancel button, and cancelling saves nothing', async ({ demo, page }) => {
    await demo.openTab('metrics');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('report-period').selectOption('month');
    await expect(page.getByTestId('report-export')).toHaveText('导出月报');
    await page.getByTestId('report-export').click();
    await expect(page.getByTestId('report-progress')).toBeVisible();
    await expect(page.getByTestId('report-export')).toBeDisabled();
    await page.getByTestId('report-cancel').click();
    await expect(page.getByTestId('report-progress')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('report-export')).toBeEnabled();
    expect(downloads).toBe(0);
  });
});
