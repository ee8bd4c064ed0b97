import { expect, sharedDemoTest as test } from '../../fixtures';
import { firstSheet } from '../../pages/download';
import type { FeaturesPage } from '../../pages/FeaturesPage';

const money = (v: number) => `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Sorts by GMV, highest first: ag-grid cycles ascending → descending, each sort reloading the pages. */
async function sortByGmvDescending(features: FeaturesPage) {
  const asc = await features.query({ sort: [{ colId: 'gmv', sort: 'asc' }] });
  await features.clickHeader('gmv');
  await expect(features.cell(0, 'pid')).toHaveText(asc.rows[0]!.pid);
  const desc = await features.query({ sort: [{ colId: 'gmv', sort: 'desc' }] });
  await features.clickHeader('gmv');
  await expect(features.cell(0, 'pid')).toHaveText(desc.rows[0]!.pid);
  return { asc, desc };
}

test.describe('客户360 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    // The tests ask the API while the view computes its first page: first computations of the feature
    // table at once are safe (featuresCache.ts keeps its bookkeeping in turn).
    await demo.openTab('features');
  });

  test('counts as shown (data-ready) only once its first page has answered: the total is there at that moment', async ({ page, featuresPage: features }) => {
    await page.locator('[data-view="features"][data-ready="true"]').waitFor({ state: 'attached' });
    // Read once, not retried: a grid whose page was still on its way let the view say ready (issue 17).
    expect(await features.total().count()).toBe(1);
  });

  test('lists as many people as the API, as of its date', async ({ featuresPage: features }) => {
    const api = await features.query();
    expect(api.total).toBeGreaterThan(0);
    await expect(features.total()).toHaveAttribute('data-total', String(api.total));
    await expect(features.asOf()).toHaveText(`统计日 ${api.asOf}`);
  });

  test('sorts by GMV ascending, then descending', async ({ featuresPage: features }) => {
    const asc = await features.query({ sort: [{ colId: 'gmv', sort: 'asc' }] });
    await features.clickHeader('gmv');
    await expect(features.cell(0, 'pid')).toHaveText(asc.rows[0]!.pid);
    await expect(features.cell(0, 'gmv')).toHaveText(money(asc.rows[0]!.gmv));

    const desc = await features.query({ sort: [{ colId: 'gmv', sort: 'desc' }] });
    expect(desc.rows[0]!.gmv).toBeGreaterThanOrEqual(desc.rows[1]!.gmv);
    await features.clickHeader('gmv');
    await expect(features.cell(0, 'pid')).toHaveText(desc.rows[0]!.pid);
    for (let i = 0; i < 3; i++) {
      await expect(features.cell(i, 'pid')).toHaveText(desc.rows[i]!.pid);
      await expect(features.cell(i, 'gmv')).toHaveText(money(desc.rows[i]!.gmv));
    }
  });

  test('exports every row in the grid’s order', async ({ featuresPage: features }) => {
    const api = await features.query();
    const { desc } = await sortByGmvDescending(features);
    const file = await features.exportXlsx();
    expect(file.name).toBe(`客户360_${api.asOf}.xlsx`);
    const ws = await firstSheet(file);
    expect(ws.rowCount).toBe(api.total + 1);
    // The export keeps the grid's order: by GMV, highest first.
    expect(ws.getRow(2).getCell(1).value).toBe(desc.rows[0]!.pid);
  });
});
