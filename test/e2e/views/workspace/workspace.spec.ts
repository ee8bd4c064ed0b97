import path from 'node:path';
import { expectedWeekly } from '../../../support/communityFixture';
import { expect, test } from '../../fixtures';
import { rowMetricIds as ids, shownMetrics } from '../../pages/MetricsPage';

test.describe('the top bar of a project', () => {
  test('另存为 switches the open project to the copy', async ({ app, community }) => {
    await expect(community.projectName()).toContainText('端到端测试');
    // saveAs resolves when the API has answered project:saveAs: the top bar follows that answer.
    await community.saveAs(path.join(app.root, 'saved', '复盘副本.qunxi'));
    await expect(community.projectName()).toContainText('复盘副本');
  });

  test('a copy saved with 另存为 reopens by path with the same figures', async ({ app, community, start, metricsPage, shot }) => {
    const copy = path.join(app.root, 'saved', '复盘副本.qunxi');
    await community.saveAs(copy);
    await expect(community.projectName()).toContainText('复盘副本');
    await community.closeProject();

    await start.openByPath(copy);
    await expect(community.projectName()).toContainText('复盘副本');
    await community.openTab('metrics');
    await metricsPage.choosePeriod('week');
    const week = expectedWeekly[0]!;
    await expect.poll(() => metricsPage.row(week.period_start, ids)).toEqual(shownMetrics(week));
    await shot('metrics-week.png');
  });
});
