import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type E2eSession } from './harness';
import { FeaturesPage } from './pages/FeaturesPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

const money = (v: number) => `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('customer 360 of the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists as many people as the API, sorts by GMV both ways, and exports the rows', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const features = new FeaturesPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('features');

    const api = await features.query();
    expect(api.total).toBeGreaterThan(0);
    expect(await features.total()).toBe(api.total);
    expect((await features.asOf().innerText()).trim()).toBe(`统计日 ${api.asOf}`);

    // ag-grid cycles ascending → descending.
    const asc = await features.query({ sort: [{ colId: 'gmv', sort: 'asc' }] });
    await features.clickHeader('gmv');
    await features.waitFirstRow(asc.rows[0]!.pid);
    expect(await features.cell(0, 'gmv')).toBe(money(asc.rows[0]!.gmv));

    const desc = await features.query({ sort: [{ colId: 'gmv', sort: 'desc' }] });
    await features.clickHeader('gmv');
    await features.waitFirstRow(desc.rows[0]!.pid);
    for (let i = 0; i < 3; i++) {
      expect(await features.cell(i, 'pid')).toBe(desc.rows[i]!.pid);
      expect(await features.cell(i, 'gmv')).toBe(money(desc.rows[i]!.gmv));
    }
    expect(desc.rows[0]!.gmv).toBeGreaterThanOrEqual(desc.rows[1]!.gmv);

    const file = await features.exportXlsx();
    expect(file.name).toBe(`客户360_${api.asOf}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(api.total + 1);
    // The export keeps the grid's order: by GMV, highest first.
    expect(ws.getRow(2).getCell(1).value).toBe(desc.rows[0]!.pid);
  });
});
