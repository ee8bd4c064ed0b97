import type { Responses } from '../../../../src-main/contract';
import { expect, sharedDemoTest, test } from '../../fixtures';
import type { BehavioursPage } from '../../pages/BehavioursPage';

const count = (n: number) => n.toLocaleString('zh-CN');

/** The demo's rules with 话题参与 (row 1) matching a keyword its questions carry, as plain text. */
const withKeyword = (rules: Responses['behaviours:get']) => rules.map((b, i) => (i === 1 ? { ...b, pattern: '敏感肌', isRegex: false } : b));

/** Types the keyword into row 1 as a user would (the regex box off first), and waits for its live count. */
async function typeKeyword(kb: BehavioursPage, rules: Responses['behaviours:get']): Promise<Responses['behaviours:counts']> {
  await kb.regexBox(1).uncheck();
  await kb.setPattern(1, '敏感肌');
  const expected = await kb.counts({ behaviours: withKeyword(rules) });
  await expect(kb.live(1, 'people')).toHaveText(count(expected[1]!.people));
  return expected;
}

test.describe('关键行为 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    await demo.openTab('behaviours');
  });

  sharedDemoTest('counts the default rules live as the API counts them', async ({ behavioursPage: kb }) => {
    const defaults = await kb.saved();
    expect(defaults.map((b) => b.name)).toEqual(['打卡', '话题参与', '关键字回复', '接龙', '红包']);
    const before = await kb.counts({ behaviours: defaults });
    expect(before[0]!.people).toBeGreaterThan(0); // the demo writes 打卡 as text: 打卡第3天
    for (const [i, c] of before.entries()) await expect(kb.live(i, 'people')).toHaveText(count(c.people));
  });

  sharedDemoTest('a typed keyword is counted live and marks the rules unsaved', async ({ behavioursPage: kb }) => {
    const defaults = await kb.saved();
    const before = await kb.counts({ behaviours: defaults });
    const expected = await typeKeyword(kb, defaults);
    expect(expected[1]!.people).not.toBe(before[1]!.people);
    await expect(kb.live(1, 'occurrences')).toHaveText(count(expected[1]!.occurrences));
    await expect(kb.unsaved()).toBeVisible();
  });

  sharedDemoTest('a regular expression RE2 refuses is flagged on its cell, the other rows are still counted, and nothing can be saved', async ({ behavioursPage: kb }) => {
    const expected = await typeKeyword(kb, await kb.saved());
    await kb.setPattern(2, '(?=请问)');
    await expect(kb.problems()).toContainText('正则表达式无效');
    await expect(kb.patternCell(2)).toHaveClass(/cell-problem/);
    await expect(kb.rulesCard()).toHaveAttribute('aria-busy', 'false');
    await expect(kb.live(2, 'people')).toHaveText('-');
    await expect(kb.live(1, 'people')).toHaveText(count(expected[1]!.people));
    await expect(kb.saveButton()).toBeDisabled();
  });

  sharedDemoTest('undo takes back the bad pattern, then the keyword and the regex box', async ({ behavioursPage: kb }) => {
    const defaults = await kb.saved();
    const before = await kb.counts({ behaviours: defaults });
    await typeKeyword(kb, defaults);
    await kb.setPattern(2, '(?=请问)');
    await expect(kb.live(2, 'people')).toHaveText('-');

    await kb.undo();
    await expect(kb.live(2, 'people')).toHaveText(count(before[2]!.people));
    await kb.undo();
    await kb.undo();
    await expect(kb.live(1, 'people')).toHaveText(count(before[1]!.people));
    await expect(kb.unsaved()).toBeHidden();
    await expect(kb.patternCell(1)).toHaveText(defaults[1]!.pattern);
  });

  test('saved rules drive the lift analysis and are read back after a reload', async ({ page, demo, behavioursPage: kb }) => {
    const defaults = await kb.saved();
    const expected = await typeKeyword(kb, defaults);
    await kb.save();
    expect(await kb.saved()).toEqual(withKeyword(defaults));
    // The analysis follows the saved rules: 话题参与's doers are the people counted live.
    await expect(kb.liftCell(1, 'name')).toHaveText('话题参与');
    const lift = (await kb.query({})).lift[1]!;
    await expect(kb.liftCell(1, 'doers')).toHaveText(count(lift.doers));

    await page.reload();
    await demo.openTab('behaviours');
    await expect(kb.rulesCard()).toHaveAttribute('aria-busy', 'false');
    await expect(kb.patternCell(1)).toHaveText('敏感肌');
    await expect(kb.live(1, 'people')).toHaveText(count(expected[1]!.people));
    await expect(kb.unsaved()).toBeHidden();
    expect(await kb.saved()).toEqual(withKeyword(defaults));
  });

  test('switching 活跃口径 to key behaviours changes the active members 指标 shows, and switching back restores them', async ({ demo, behavioursPage: kb, metricsPage }) => {
    expect(await kb.activeBy()).toEqual({ activeBy: 'message' });
    const byMessage = await kb.metrics('week');
    await kb.setActiveBy('behaviour');
    expect(await kb.activeBy()).toEqual({ activeBy: 'behaviour' });
    const byBehaviour = await kb.metrics('week');
    // A week where fewer members did a key behaviour than wrote at all (the demo's image senders, say).
    const i = byBehaviour.findIndex((r, k) => r.active_members < byMessage[k]!.active_members);
    expect(i).toBeGreaterThanOrEqual(0);
    const week = byBehaviour[i]!;

    await demo.openTab('metrics');
    await metricsPage.choosePeriod('week');
    await expect.poll(() => metricsPage.cell(week.period_start, 'active_members')).toBe(count(week.active_members));

    await demo.openTab('behaviours');
    await kb.setActiveBy('message');
    expect(await kb.activeBy()).toEqual({ activeBy: 'message' });
    await demo.openTab('metrics');
    await metricsPage.choosePeriod('week');
    await expect.poll(() => metricsPage.cell(week.period_start, 'active_members')).toBe(count(byMessage[i]!.active_members));
  });
});
