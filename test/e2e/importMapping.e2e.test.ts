import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { writeCommunityFixture } from '../support/communityFixture';
import { encodeGb18030 } from './gb18030';
import { startSession, type E2eSession } from './harness';
import { ImportPage } from './pages/ImportPage';
import { MatchPage } from './pages/MatchPage';
import { MetricsPage } from './pages/MetricsPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

const CUSTOMERS = '客户列表_测试.xlsx';
const ORDERS = '有赞订单_GB18030.csv';

/**
 * A customer list tying the fixture's members u1 and u3 to phones (external_userid = 成员ID),
 * and one customer who is no member.
 */
async function writeCustomers(dir: string): Promise<string> {
  const file = path.join(dir, CUSTOMERS);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户列表');
  ws.addRow(['客户', '备注', '所属员工', '添加时间', '客户状态', '手机号', 'external_userid']);
  ws.addRow(['小一', '老客户', 'Lily', '2026-09-01 10:00:00', '正常', '13800000001', 'u1']);
  ws.addRow(['小三𠮷', '', 'Lily', '2026-09-02 10:00:00', '正常', '13800000003', 'u3']);
  ws.addRow(['路人', '', 'Lily', '2026-09-03 10:00:00', '正常', '13900000009', 'x9']);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * A 有赞-style order export in GB18030. Orders reach members only by 买家手机号 → 客户列表 →
 * external_userid. 商品金额合计 is the pre-discount total, 订单实付金额 what was paid:
 * - E001 小一 (u1, member since 09-07) pays 99.50 on 09-08;
 * - E002 小三 (u3, in 二群 since 09-08) pays 256.00 on 09-09, 56.00 refunded → 200.00;
 * - E003 路人 (no member) pays 80.00 on 09-10 → not GMV;
 * - E004 路人二 pays 50.00 with a masked phone, which can match nobody → not GMV.
 * 贡献GMV of the week of 2026-09-07: 99.50 + 200.00 = 299.50 (with 商品金额合计 it would be 364).
 */
function writeOrders(dir: string): string {
  const file = path.join(dir, ORDERS);
  const csv = [
    '订单号,订单状态,买家付款时间,商品金额合计,订单实付金额,订单已退款金额,买家昵称,买家手机号',
    'E001,交易成功,2026-09-08 10:00:00,120.00,99.50,0.00,小一,13800000001',
    'E002,交易成功,2026-09-09 11:00:00,300.00,256.00,56.00,小三,13800000003',
    'E003,交易成功,2026-09-10 09:00:00,80.00,80.00,0.00,路人,13900000009',
    'E004,交易成功,2026-09-11 09:00:00,50.00,50.00,0.00,路人二,139****0008',
  ].join('\r\n');
  writeFileSync(file, encodeGb18030(`${csv}\r\n`));
  return file;
}

/** The text of the file a click downloads. */
async function readDownload(s: E2eSession, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([s.page.waitForEvent('download'), click()]);
  const target = path.join(s.root, 'downloads', download.suggestedFilename());
  await download.saveAs(target);
  return readFileSync(target, 'utf8');
}

const EXPECTED_GMV = 299.5;
const WEEK = '2026-09-07';
const money = (text: string) => Number(text.replace(/[^\d.-]/g, '') || 'NaN');
const shot = (s: E2eSession, name: string) => path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, name);

describe('browser mode: map columns by hand, import, read GMV, undo the import', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a corrected paid-amount mapping gives the hand-computed GMV, and removing the import brings it back to 0', async () => {
    onTestFailed(async () => {
      await s.page.screenshot({ path: shot(s, 'import-mapping-failure.png'), fullPage: true }).catch(() => undefined);
    });
    const community = await writeCommunityFixture(s.root);
    const customers = await writeCustomers(s.root);
    const orders = writeOrders(s.root);
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const importPage = new ImportPage(s.page);
    const metrics = new MetricsPage(s.page);

    await start.goto(s.url);
    await start.createProject('映射端到端');
    await workspace.openTab('import');
    await importPage.stageFiles([community.members, customers, orders]);
    expect(await importPage.jobs().evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['review', 'review', 'review']);

    await expect(importPage.mapping(path.basename(community.members)).kind().inputValue()).resolves.toBe('members');
    await expect(importPage.mapping(CUSTOMERS).kind().inputValue()).resolves.toBe('customers');
    const panel = importPage.mapping(ORDERS);
    await expect(panel.kind().inputValue()).resolves.toBe('orders');
    // The GB18030 headers arrived intact: the grid lists them as source columns.
    await expect(panel.fieldSelect('订单实付金额').count()).resolves.toBe(1);

    // First the wrong mapping: the pre-discount total as the paid amount, the paid column ignored.
    await panel.mapColumn('订单实付金额', '忽略');
    await panel.mapColumn('商品金额合计', '订单实付金额');
    await expect(panel.fieldSelect('商品金额合计').inputValue()).resolves.toBe('paid_amount');
    await s.page.screenshot({ path: shot(s, 'import-mapping-wrong.png'), fullPage: true });

    // Ctrl+Z takes the last edit back, Ctrl+Y puts it again.
    await panel.fieldSelect('商品金额合计').focus();
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => panel.fieldSelect('商品金额合计').inputValue()).not.toBe('paid_amount');
    await s.page.keyboard.press('Control+y');
    await expect.poll(() => panel.fieldSelect('商品金额合计').inputValue()).toBe('paid_amount');

    // Corrected in the grid.
    await panel.mapColumn('商品金额合计', '忽略');
    await panel.mapColumn('订单实付金额', '订单实付金额');
    await expect(panel.fieldSelect('订单实付金额').inputValue()).resolves.toBe('paid_amount');
    await expect(panel.missing().count()).resolves.toBe(0);
    await panel.root.getByTestId('mapping-save-template').check();
    await panel.root.getByTestId('mapping-template-name').fill('有赞订单（实付）');
    if (process.env.QUNXI_E2E_DEBUG) s.page.on('request', (r) => r.url().includes('import:start') && console.log(r.postData()));
    await panel.start();
    await importPage.job(ORDERS).and(s.page.locator('[data-state="done"]')).waitFor();

    // The member list goes with the one-click path; the customer list is started from its panel.
    await s.page.getByTestId('import-all').click();
    const customersPanel = importPage.mapping(CUSTOMERS);
    if (await customersPanel.root.isVisible()) await customersPanel.start();
    await importPage.waitFinished();
    expect(await importPage.jobs().evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['done', 'done', 'done']);
    await expect(s.page.getByTestId('templates-grid').innerText()).resolves.toContain('有赞订单（实付）');
    await importPage.historyRow(ORDERS).waitFor();
    await s.page.screenshot({ path: shot(s, 'import-history.png'), fullPage: true });

    await workspace.openTab('metrics');
    await metrics.choosePeriod('week');
    await expect.poll(async () => money(await metrics.cell(WEEK, 'gmv'))).toBe(EXPECTED_GMV);
    await s.page.screenshot({ path: shot(s, 'metrics-gmv.png'), fullPage: true });

    // The order of 路人 and the customer 路人 tie to nobody: they are listed, not dropped.
    const match = new MatchPage(s.page);
    await workspace.openTab('match');
    await expect.poll(() => match.column('name')).toEqual(expect.arrayContaining(['路人']));
    await s.page.screenshot({ path: shot(s, 'match-unmatched.png'), fullPage: true });
    const csv = await readDownload(s, () => s.page.getByTestId('match-export').click());
    expect(csv.startsWith('\uFEFF来源类型,文件,行号,姓名/昵称,手机号,原因\r\n')).toBe(true);
    expect(csv).toContain('订单,有赞订单_GB18030.csv,4,路人,13900000009,');

    // Templates: the one saved with the import is exported, deleted, and imported back.
    await workspace.openTab('import');
    const templates = s.page.getByTestId('templates');
    const exported = await readDownload(s, () => templates.getByTestId('templates-export').click());
    expect(exported).toContain('有赞订单（实付）');
    await templates.getByTestId('template-delete').click();
    await templates.getByTestId('template-delete-ok').click();
    await templates.getByTestId('templates-empty').waitFor();
    const templateFile = path.join(s.root, '模板.json');
    writeFileSync(templateFile, exported);
    await templates.getByTestId('templates-file-input').setInputFiles(templateFile);
    await expect.poll(() => templates.getByTestId('templates-grid').innerText().catch(() => '')).toContain('有赞订单（实付）');

    // The masked phone of E004 is a problem of the order import, listed on demand.
    const problems = importPage.historyRow(ORDERS).getByTestId('history-problems');
    if (await problems.count()) {
      await problems.click();
      await expect(s.page.getByTestId('history-problem-list').innerText()).resolves.toMatch(/\S/);
    }
    await importPage.historyRow(ORDERS).getByTestId('history-remove').click();
    await s.page.getByTestId('history-remove-confirm').waitFor();
    await s.page.screenshot({ path: shot(s, 'import-history-remove.png'), fullPage: true });
    await s.page.getByTestId('history-remove-ok').click();
    await importPage.historyRow(ORDERS).waitFor({ state: 'detached' });

    await workspace.openTab('metrics');
    await expect.poll(async () => money(await metrics.cell(WEEK, 'gmv'))).toBe(0);

    // A value that cannot be parsed is flagged in the preview, red with the reason as tooltip.
    const bad = path.join(s.root, '坏金额订单.csv');
    writeFileSync(bad, encodeGb18030('订单号,买家付款时间,订单实付金额,订单已退款金额\r\nB001,2026-09-08 10:00:00,一百元,0\r\n'));
    await workspace.openTab('import');
    await importPage.stageFiles([bad]);
    const badPanel = importPage.mapping('坏金额订单.csv');
    await expect.poll(() => badPanel.problemCells().count()).toBeGreaterThan(0);
    await badPanel.problemCells().first().hover();
    await s.page.locator('.ag-tooltip').waitFor();
    await s.page.screenshot({ path: shot(s, 'import-mapping-problem.png'), fullPage: true });
    await badPanel.root.getByTestId('mapping-discard').click();
    await expect(importPage.job('坏金额订单.csv').getAttribute('data-state')).resolves.toBe('cancelled');

    // The same order export again: the saved template supplies the corrected mapping, and says so.
    await importPage.stageFiles([orders]);
    const again = importPage.mapping(ORDERS);
    await expect(again.root.getByTestId('mapping-template').innerText()).resolves.toContain('有赞订单（实付）');
    await expect(again.fieldSelect('订单实付金额').inputValue()).resolves.toBe('paid_amount');
    await s.page.screenshot({ path: shot(s, 'import-mapping-template.png'), fullPage: true });
    await again.root.getByTestId('mapping-discard').click();

    // A workbook with two tables offers both; choosing the other one brings its own kind and mapping.
    const twoTables = path.join(s.root, '两张表.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRows([
      ['客户', '备注', '客户状态', '手机号', 'external_userid'],
      ['小一', '老客户', '正常', '13800000001', 'u1'],
    ]);
    wb.addWorksheet('订单').addRows([
      ['订单号', '买家付款时间', '订单实付金额', '买家手机号'],
      ['T001', '2026-09-08 10:00:00', '10.00', '13800000001'],
    ]);
    await wb.xlsx.writeFile(twoTables);
    await importPage.stageFiles([twoTables]);
    const two = importPage.mapping('两张表.xlsx');
    const tableSelect = two.root.getByTestId('mapping-table');
    await expect(tableSelect.locator('option').count()).resolves.toBe(2);
    const firstKind = await two.kind().inputValue();
    await tableSelect.selectOption({ index: 1 });
    await expect.poll(() => two.kind().inputValue()).not.toBe(firstKind);
    expect([firstKind, await two.kind().inputValue()].sort()).toEqual(['customers', 'orders']);
    await s.page.screenshot({ path: shot(s, 'import-mapping-tables.png'), fullPage: true });
    // Without the order number nothing can be imported: a blocking message, 开始导入 disabled.
    const ordersTable = (await two.kind().inputValue()) === 'orders';
    if (!ordersTable) await tableSelect.selectOption({ index: 0 });
    await two.mapColumn('订单号', '忽略');
    await expect(two.missing().innerText()).resolves.toContain('订单号');
    await expect(two.root.getByTestId('mapping-start').isDisabled()).resolves.toBe(true);
    await s.page.screenshot({ path: shot(s, 'import-mapping-missing.png'), fullPage: true });
    // Another kind re-inspects the table for that kind's fields.
    await two.kind().selectOption('customers');
    await expect.poll(() => two.kind().inputValue()).toBe('customers');
    await two.root.getByTestId('mapping-discard').click();

    // The nickname-matching switch is a project setting: it stays on when the tab is reopened.
    await workspace.openTab('match');
    await match.nicknameToggle().check();
    await workspace.openTab('data');
    await workspace.openTab('match');
    await expect.poll(() => match.nicknameToggle().isChecked()).toBe(true);
  });
});
