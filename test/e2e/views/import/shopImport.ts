import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeCommunityFixture } from '../../../support/communityFixture';
import { shareProject, test as base, type SharedProject } from '../../fixtures';
import { encodeGb18030 } from '../../gb18030';
import { ImportPage } from '../../pages/ImportPage';
import { WorkspacePage } from '../../pages/WorkspacePage';

/** File name of the customer list. */
export const CUSTOMERS = '客户列表_测试.xlsx';
/** File name of the order export. */
export const ORDERS = '有赞订单_GB18030.csv';
/** The week of the fixture's orders. */
export const WEEK = '2026-09-07';
/** 贡献GMV of {@link WEEK}: 99.50 + 200.00 (with 商品金额合计 it would be 364). */
export const EXPECTED_GMV = 299.5;
/** The name the corrected mapping is saved under. */
export const TEMPLATE = '有赞订单（实付）';

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
 * - E003 路人 (a contact, no member) pays 80.00 on 09-10 → tied to the contact by phone, not GMV;
 * - E004 路人二 pays 50.00 with a masked phone, which can match nobody → not GMV.
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

/** A figure shown in yuan, as a number. */
export const money = (text: string) => Number(text.replace(/[^\d.-]/g, '') || 'NaN');

/** The text of the file a click downloads, saved under `dir`. */
export async function readDownload(page: Page, dir: string, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const target = path.join(dir, 'downloads', download.suggestedFilename());
  await download.saveAs(target);
  return readFileSync(target, 'utf8');
}

/** The files of a small shop: the community's member list, a customer list and a GB18030 order export. */
export interface ShopFiles {
  members: string;
  customers: string;
  orders: string;
}

/** The shop's files, written in `dir`. */
async function writeShop(dir: string): Promise<ShopFiles> {
  const community = await writeCommunityFixture(dir);
  return { members: community.members, customers: await writeCustomers(dir), orders: writeOrders(dir) };
}

/**
 * Imports the shop through the import tab, shown: the orders with the paid-amount column mapped by
 * hand and the mapping saved as the template {@link TEMPLATE}, then the member and customer lists.
 */
async function importShop(page: Page, shop: ShopFiles): Promise<void> {
  const importPage = new ImportPage(page);
  await importPage.stageFiles([shop.members, shop.customers, shop.orders]);
  const panel = importPage.mapping(ORDERS);
  await panel.mapColumn('商品金额合计', '忽略');
  await panel.mapColumn('订单实付金额', '订单实付金额');
  await panel.root.getByTestId('mapping-save-template').check();
  await panel.root.getByTestId('mapping-template-name').fill(TEMPLATE);
  await panel.start();
  // An import is the server's work: 60 s, as ImportPage's waits for a job give it.
  await importPage.job(ORDERS).and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
  // The member list goes with the one-click path; the customer list is started from its panel.
  await page.getByTestId('import-all').click();
  const customersPanel = importPage.mapping(CUSTOMERS);
  if (await customersPanel.root.isVisible()) await customersPanel.start();
  await importPage.waitFinished();
}

/** A worker's server and page with the shop imported in a new project 映射端到端, on the import tab. */
export interface SharedShop extends SharedProject {
  files: ShopFiles;
}

export const test = base.extend<
  {
    /** A new project 映射端到端 open on the import tab, and the shop's files written beside it. */
    shop: ShopFiles;
    /** The shop imported through the import tab ({@link importShop}), in this test's own project. */
    shopImported: ShopFiles;
  },
  {
    /** The shop imported once for the tests of a serial describe that take turns on its page ({@link sharedShopTest}). */
    sharedShop: SharedShop;
  }
>({
  shop: async ({ app, start, workspace }, use) => {
    const files = await writeShop(app.root);
    await start.createProject('映射端到端');
    await workspace.openTab('import');
    await use(files);
  },

  shopImported: async ({ page, shop }, use) => {
    await importShop(page, shop);
    await use(shop);
  },

  sharedShop: [
    async ({ browser }, use) => {
      let files: ShopFiles | undefined;
      await shareProject(
        browser,
        async (app, start, page) => {
          files = await writeShop(app.root);
          await start.createProject('映射端到端');
          await new WorkspacePage(page).openTab('import');
          await importShop(page, files);
        },
        (shared) => use({ ...shared, files: files! }),
      );
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/**
 * Tests over ONE shop import ({@link SharedShop}), for a `serial` describe: each goes on from the
 * page as the one before left it, not reloaded (its own project, server and page are `sharedShop`'s),
 * so each must leave the page in a state the next asserts about (argued at the describe).
 */
export const sharedShopTest = test.extend({
  app: async ({ sharedShop }, use) => use(sharedShop.app),
  page: async ({ sharedShop }, use) => use(sharedShop.page),
  shopImported: async ({ sharedShop }, use) => use(sharedShop.files),
});
