import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VvipDefinition } from '../../src-main/contract';
import { startSession, type E2eSession } from './harness';
import { StartPage } from './pages/StartPage';
import { VvipPage } from './pages/VvipPage';
import { WorkspacePage } from './pages/WorkspacePage';

describe('VVIP on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('recounts as a rule value changes, saves the rules, and shows the same count after reopening the view', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const vvip = new VvipPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('vvip');

    // The default rules: GMV ≥ 1000 or 推荐且购买人数 ≥ 2 or 发言数 ≥ 200.
    const saved = await vvip.query();
    expect(await vvip.count()).toBe(saved.count);
    expect(await vvip.text('vvip-count-note')).toBe(`共 ${saved.total_people.toLocaleString('zh-CN')} 人`);
    expect(await vvip.text('vvip-sentence')).toContain('（GMV ≥ 1000） 或 （推荐且购买人数 ≥ 2） 或 （发言数 ≥ 200）');

    const edited: VvipDefinition = {
      rules: [
        { join: 'and', field: 'gmv', op: '>=', value: 500 },
        { join: 'or', field: 'referrals_bought', op: '>=', value: 2 },
        { join: 'or', field: 'messages', op: '>=', value: 200 },
      ],
    };
    const expected = await vvip.query(edited);
    expect(expected.count).not.toBe(saved.count);
    await vvip.setValue(0, 500);
    await vvip.waitCount(expected.count);
    expect(await vvip.count()).toBe(expected.count);
    expect(await vvip.text('vvip-gmv-share')).toBe(`${expected.gmv_share!.toFixed(2)}%`);
    expect(await vvip.isUnsaved()).toBe(true);
    for (let i = 0; i < 3; i++) expect(await vvip.listedPid(i)).toBe(expected.people[i]!.pid);

    await vvip.save();
    expect(await vvip.query()).toEqual(expected);

    await workspace.openTab('features');
    await workspace.openTab('vvip');
    expect(await vvip.value(0)).toBe('500');
    expect(await vvip.count()).toBe(expected.count);
    expect(await vvip.isUnsaved()).toBe(false);
  });

  it('takes a block pasted from Excel, adding rows, and undoes it in one step', async () => {
    const vvip = new VvipPage(s.page);
    const saved = await vvip.query();
    // 值 of row 3 becomes 300 and a fourth row (a new row: 或 GMV ≥ …) gets 50.
    await vvip.pasteAtValue(2, '300\n50');
    const pasted: VvipDefinition = {
      rules: [
        { join: 'and', field: 'gmv', op: '>=', value: 500 },
        { join: 'or', field: 'referrals_bought', op: '>=', value: 2 },
        { join: 'or', field: 'messages', op: '>=', value: 300 },
        { join: 'or', field: 'gmv', op: '>=', value: 50 },
      ],
    };
    const expected = await vvip.query(pasted);
    expect(expected.count).not.toBe(saved.count);
    await vvip.waitCount(expected.count);
    expect(await vvip.value(3)).toBe('50');
    expect(await vvip.text('vvip-sentence')).toContain('（发言数 ≥ 300） 或 （GMV ≥ 50）');

    await vvip.undo();
    await vvip.waitCount(saved.count);
    expect(await vvip.isUnsaved()).toBe(false);
  });
});
