import { expect, sharedDemoTest as test } from '../../fixtures';
import { columnValues, csvRows, firstSheet, headerRow } from '../../pages/download';

test.describe('流失与留存 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    await demo.openTab('churn');
  });

  test('lists as many churn events as the API, the oldest first', async ({ api, churnPage }) => {
    const weekly = await api('churn:query', { period: 'week' });
    expect(weekly.events.length).toBeGreaterThan(0);
    await expect.poll(() => churnPage.listCounts()).toEqual({ label: weekly.events.length, grid: weekly.events.length });
    await expect.poll(async () => (await churnPage.visibleLeftAt()).slice(0, 3)).toEqual(weekly.events.slice(0, 3).map((e) => e.left_at.replace('T', ' ')));
  });

  test('pages every event from the Node side: the last row after scrolling, and the newest first once sorted so', async ({ api, churnPage }) => {
    const { eventCount } = await api('churn:query', { period: 'week' });
    const oldestFirst = await api('churn:events', { offset: 0, limit: 5000, sort: [], filter: {} });
    expect(oldestFirst.total).toBe(eventCount);
    await expect.poll(() => churnPage.listCounts()).toEqual({ label: eventCount, grid: eventCount });
    await churnPage.scrollTo('end');
    await expect.poll(async () => (await churnPage.visibleLeftAt()).at(-1)).toBe(oldestFirst.rows.at(-1)!.left_at);
    // Ascending, then descending: each an answer of churn:events with that sort.
    await churnPage.scrollTo('start');
    await churnPage.clickHeader('left_at');
    await churnPage.clickHeader('left_at');
    const newestFirst = await api('churn:events', { offset: 0, limit: 3, sort: [{ colId: 'left_at', sort: 'desc' }], filter: {} });
    await expect.poll(async () => (await churnPage.visibleLeftAt()).slice(0, 3)).toEqual(newestFirst.rows.map((r) => r.left_at));
  });

  test('shows the weekly churned total and draws the trend and the breakdowns', async ({ api, churnPage }) => {
    const weekly = await api('churn:query', { period: 'week' });
    const weekTotal = weekly.series.reduce((n, r) => n + r.churned, 0);
    await expect(churnPage.total()).toHaveText(weekTotal.toLocaleString('zh-CN'));
    await expect(churnPage.chart('churn-series-chart')).toHaveInk();
    for (const key of ['stage', 'how', 'tenure']) await expect(churnPage.chart(`churn-breakdown-${key}`)).toHaveInk();
  });

  test('one export control: its xlsx 流失记录.xlsx holds every event of the scope, oldest first, as churn:events lists them', async ({ api, churnPage }) => {
    const weekly = await api('churn:query', { period: 'week' });
    await expect.poll(() => churnPage.listCounts()).toEqual({ label: weekly.events.length, grid: weekly.events.length });
    await expect(churnPage.xlsxButtons()).toHaveCount(1);
    const file = await churnPage.exportList();
    expect(file.name).toBe('流失记录.xlsx');
    const sheet = await firstSheet(file);
    expect(headerRow(sheet)).toEqual(['流失时间', '昵称', '流失方式', '群', '所处阶段', '来源渠道', '在群天数', '成员ID']);
    const all = await api('churn:events', { offset: 0, limit: 5000, sort: [], filter: {} });
    expect(all.total).toBe(weekly.eventCount);
    expect(columnValues(sheet, 8)).toEqual(all.rows.map((r) => r.pid ?? '未匹配'));
  });

  test('sorted by 在群天数, both files hold the events in the order the grid shows (the CSV the rows of the xlsx)', async ({ api, churnPage }) => {
    const weekly = await api('churn:query', { period: 'week' });
    await expect.poll(() => churnPage.listCounts()).toEqual({ label: weekly.events.length, grid: weekly.events.length });
    await expect(churnPage.exportHint()).toHaveAttribute('title', /当前排序与筛选/);
    // Ascending, then descending: the grid asks churn:events for the longest first.
    await churnPage.clickHeader('tenure_days');
    await churnPage.clickHeader('tenure_days');
    const sorted = await api('churn:events', { offset: 0, limit: 5000, sort: [{ colId: 'tenure_days', sort: 'desc' }], filter: {} });
    await expect.poll(async () => (await churnPage.visibleLeftAt()).slice(0, 3)).toEqual(sorted.rows.slice(0, 3).map((r) => r.left_at));
    const xlsx = await firstSheet(await churnPage.exportList('xlsx'));
    const csv = await churnPage.exportList('csv');
    expect(csv.name).toBe('流失记录.csv');
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual(headerRow(xlsx));
    const pids = sorted.rows.map((r) => r.pid ?? '未匹配');
    expect(columnValues(xlsx, 8)).toEqual(pids);
    expect(rows.map((r) => r[7])).toEqual(pids);
    expect(rows.map((r) => Number(r[6]))).toEqual(sorted.rows.map((r) => r.tenure_days));
    expect(rows.map((r) => r[0])).toEqual(sorted.rows.map((r) => r.left_at));
  });

  test('by day, shows the daily churned total and draws its trend', async ({ api, churnPage }) => {
    await churnPage.choosePeriod('day');
    const daily = await api('churn:query', { period: 'day' });
    // A person who leaves twice in a week is churned once that week but on two days: the totals can differ.
    const dayTotal = daily.series.reduce((n, r) => n + r.churned, 0);
    await expect(churnPage.total()).toHaveText(dayTotal.toLocaleString('zh-CN'));
    await expect(churnPage.chart('churn-series-chart')).toHaveInk();
  });

  test('draws the retention heatmap of the cohorts', async ({ api, churnPage }) => {
    const cohorts = await api('churn:retention', {});
    expect(cohorts.length).toBeGreaterThan(0);
    await expect(churnPage.chart('churn-retention-chart')).toHaveInk();
  });

  test('draws the survival curves, and by group shows one median per group', async ({ api, churnPage, shot }) => {
    await expect(churnPage.chart('churn-survival-chart')).toHaveInk();
    await churnPage.chooseSurvivalBy('group');
    const byGroup = await api('churn:survival', { by: 'group' });
    await expect(churnPage.medians()).toHaveCount(byGroup.length);
    await expect(churnPage.chart('churn-survival-chart')).toHaveInk();
    await shot('churn.png');
  });
});
