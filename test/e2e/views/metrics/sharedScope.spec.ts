import type { Request } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { isApiAnswer } from '../../pages/WorkspacePage';
import { ScopeBarPage } from '../../pages/ScopeBarPage';

/** The body of the last request of one API method the page sent, once one with `groups` arrives. */
const scopedBody = (r: Request, method: string) => isApiAnswer(r.url(), method) && Boolean((r.postDataJSON() as { groups?: string[] }).groups);

test.describe('one scope bar for every view, remembered per project (issue 11 item 6)', () => {
  test('a group and October chosen in 指标 are shown and used in 流失与留存, and are still there after reopening', async ({ demo, start, page, api, churnPage }) => {
    const bar = new ScopeBarPage(page);
    const project = await api('project:current', {});
    const group = project!.groups[1]!;

    await demo.openTab('metrics');
    const metricsAsked = page.waitForRequest((r) => scopedBody(r, 'metrics:query') && (r.postDataJSON() as { to?: string }).to === '2026-10-31', { timeout: 60_000 });
    await bar.chooseGroup(group);
    await bar.typeRange('2026-10-01', '2026-10-31');
    expect((await metricsAsked).postDataJSON()).toMatchObject({ groups: [group], from: '2026-10-01', to: '2026-10-31' });
    await expect(bar.preset()).toHaveValue('custom');

    // Same scope shown in 流失与留存 …
    const churnAsked = page.waitForRequest((r) => scopedBody(r, 'churn:query'), { timeout: 60_000 });
    await demo.openTab('churn');
    await expect.poll(() => bar.groups()).toEqual([group]);
    await expect(bar.from()).toHaveValue('2026-10-01');
    await expect(bar.to()).toHaveValue('2026-10-31');
    // … and used: the request carries it, and the figure shown is the scoped one.
    expect((await churnAsked).postDataJSON()).toMatchObject({ groups: [group], from: '2026-10-01', to: '2026-10-31' });
    const scoped = await api('churn:query', { period: 'week', groups: [group], from: '2026-10-01', to: '2026-10-31' });
    const all = await api('churn:query', { period: 'week' });
    const total = (r: typeof scoped) => r.series.reduce((n, s) => n + s.churned, 0);
    expect(total(scoped)).not.toBe(total(all));
    await expect(churnPage.total()).toHaveText(total(scoped).toLocaleString('zh-CN'), { timeout: 60_000 });

    // Reopen the project: the scope comes back with it.
    await demo.closeProject();
    await start.openDemo();
    await demo.openTab('churn');
    await expect.poll(() => bar.groups()).toEqual([group]);
    await expect(bar.from()).toHaveValue('2026-10-01');
    await expect(bar.to()).toHaveValue('2026-10-31');
    await demo.openTab('metrics');
    await expect.poll(() => bar.groups()).toEqual([group]);
    await expect(bar.to()).toHaveValue('2026-10-31');
  });
});
