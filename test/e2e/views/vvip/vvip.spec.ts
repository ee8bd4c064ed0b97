import type { VvipDefinition } from '../../../../src-main/contract';
import { expect, sharedDemoTest, test } from '../../fixtures';
import { columnValues, csvRows, firstSheet, headerRow } from '../../pages/download';

const count = (n: number) => n.toLocaleString('zh-CN');

/** The default rules with the GMV bar lowered from 1000 to 500. */
const gmv500: VvipDefinition = {
  rules: [
    { join: 'and', field: 'gmv', op: '>=', value: 500 },
    { join: 'or', field: 'referrals_bought', op: '>=', value: 2 },
    { join: 'or', field: 'messages', op: '>=', value: 200 },
  ],
};

test.describe('VVIP on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    // The tests ask the API while the view computes its first answer: first computations of the
    // feature table at once are safe (featuresCache.ts keeps its bookkeeping in turn).
    await demo.openTab('vvip');
  });

  sharedDemoTest('the default rules show the API’s count of all the people, read as a sentence', async ({ vvipPage: vvip }) => {
    // The default rules: GMV ≥ 1000 or 推荐且购买人数 ≥ 2 or 发言数 ≥ 200.
    const saved = await vvip.query();
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    await expect(vvip.figure('vvip-count-note')).toHaveText(`共 ${count(saved.total_people)} 人`);
    await expect(vvip.figure('vvip-sentence')).toContainText('（累计GMV ≥ 1000） 或 （推荐且购买人数 ≥ 2） 或 （发言数 ≥ 200）');
  });

  sharedDemoTest('a changed rule value recounts, with the GMV share and the people, and marks the rules unsaved', async ({ vvipPage: vvip }) => {
    const saved = await vvip.query();
    const expected = await vvip.query(gmv500);
    expect(expected.count).not.toBe(saved.count);
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    await vvip.setValue(0, 500);
    await expect(vvip.figure('vvip-count')).toHaveText(count(expected.count));
    await expect(vvip.figure('vvip-gmv-share')).toHaveText(`${expected.gmv_share!.toFixed(2)}%`);
    await expect(vvip.unsaved()).toBeVisible();
    for (let i = 0; i < 3; i++) await expect(vvip.listedPid(i)).toHaveText(expected.people[i]!.pid);
  });

  sharedDemoTest('one export control, the list’s: its xlsx holds every VVIP the rules match, by GMV as listed', async ({ vvipPage: vvip }) => {
    const saved = await vvip.query();
    expect(saved.count).toBeGreaterThan(0);
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    await expect(vvip.xlsxButtons()).toHaveCount(1);
    const file = await vvip.exportList();
    expect(file.name).toBe(`VVIP_${saved.asOf}.xlsx`);
    const sheet = await firstSheet(file);
    // Every one the rules match, beyond the listed first VVIP_LIST_LIMIT.
    expect(sheet.rowCount).toBe(saved.count + 1);
    expect(columnValues(sheet, 1).slice(0, saved.people.length)).toEqual(saved.people.map((p) => p.pid));
  });

  sharedDemoTest('its CSV holds the rows of its xlsx, everyone the rules match, and its hint says the files hold the whole list', async ({ vvipPage: vvip }) => {
    // The demo's 600 people are fewer than the list shows (VVIP_LIST_LIMIT): that both files go past it is the Node side's (test/export/sheetCsv.test.ts).
    const saved = await vvip.query();
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    await expect(vvip.exportHint()).toHaveAttribute('title', /整份名单/);
    const xlsx = await firstSheet(await vvip.exportList('xlsx'));
    const csv = await vvip.exportList('csv');
    expect(csv.name).toBe(`VVIP_${saved.asOf}.csv`);
    const [header, ...rows] = csvRows(csv);
    expect(header!.map((h) => h.replace(/ \(%\)$/, ''))).toEqual(headerRow(xlsx));
    expect(rows.length).toBe(saved.count);
    expect(rows.map((r) => r[0])).toEqual(columnValues(xlsx, 1));
    expect(rows.map((r) => r[1])).toEqual(columnValues(xlsx, 2).map((v) => String(v ?? '')));
    expect(rows.map((r) => r[0])).toEqual(saved.people.map((p) => p.pid));
  });

  test('saved rules are the API’s rules and are shown again when the view is reopened', async ({ demo, vvipPage: vvip }) => {
    const expected = await vvip.query(gmv500);
    await vvip.setValue(0, 500);
    await expect(vvip.figure('vvip-count')).toHaveText(count(expected.count));
    await vvip.save();
    expect(await vvip.query()).toEqual(expected);

    await demo.openTab('features');
    await demo.openTab('vvip');
    await expect(vvip.value(0)).toHaveText('500');
    await expect(vvip.figure('vvip-count')).toHaveText(count(expected.count));
    await expect(vvip.unsaved()).toBeHidden();
  });

  sharedDemoTest('takes a block pasted from Excel, adding rows, and undoes it in one step', async ({ vvipPage: vvip }) => {
    const saved = await vvip.query();
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    // 值 of row 3 becomes 300 and a fourth row (a new row: 或 GMV ≥ …) gets 50.
    await vvip.pasteAtValue(2, '300\n50');
    const pasted: VvipDefinition = {
      rules: [
        { join: 'and', field: 'gmv', op: '>=', value: 1000 },
        { join: 'or', field: 'referrals_bought', op: '>=', value: 2 },
        { join: 'or', field: 'messages', op: '>=', value: 300 },
        { join: 'or', field: 'gmv', op: '>=', value: 50 },
      ],
    };
    const expected = await vvip.query(pasted);
    expect(expected.count).not.toBe(saved.count);
    await expect(vvip.figure('vvip-count')).toHaveText(count(expected.count));
    await expect(vvip.value(3)).toHaveText('50');
    await expect(vvip.figure('vvip-sentence')).toContainText('（发言数 ≥ 300） 或 （累计GMV ≥ 50）');

    await vvip.undo();
    await expect(vvip.figure('vvip-count')).toHaveText(count(saved.count));
    await expect(vvip.unsaved()).toBeHidden();
  });
});
