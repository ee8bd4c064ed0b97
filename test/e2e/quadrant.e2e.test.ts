import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuadrantDefinition, QuadrantResult } from '../../src-main/contract';
import { startSession, type E2eSession } from './harness';
import { QuadrantPage, type ShownCounts } from './pages/QuadrantPage';
import { StartPage } from './pages/StartPage';
import { WorkspacePage } from './pages/WorkspacePage';

/** The counts a result should show on the cards (unclassified only when someone is, in score mode). */
function cardCounts(r: QuadrantResult): ShownCounts {
  return Object.fromEntries(r.counts.filter((c) => c.type !== 'unclassified' || c.count > 0).map((c) => [c.type, c.count]));
}

describe('四象限 on the demo project', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('recounts and redraws as a threshold changes, saves it, and shows the same counts after reopening the project', async () => {
    const start = new StartPage(s.page);
    const workspace = new WorkspacePage(s.page);
    const quadrant = new QuadrantPage(s.page);
    await start.goto(s.url);
    await start.openDemo();
    await workspace.openTab('quadrant');

    // The default definition: both thresholds at the 50th percentile.
    const savedDef = await quadrant.saved();
    const before = await quadrant.query();
    expect(before.pids.length).toBeGreaterThan(0);
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(before));
    const loyal = before.counts.find((c) => c.type === 'loyal')!;
    expect(await quadrant.share('loyal')).toBe(`${loyal.share!.toFixed(2)}%`);
    expect(await quadrant.thresholdValue('x')).toBe('50');
    const imageBefore = await quadrant.chartImage();
    expect(await quadrant.chartThresholds()).toEqual({ x: String(before.thresholdX), y: String(before.thresholdY) });

    // Satisfaction high only for the top fifth: what the API answers for that definition.
    const edited: QuadrantDefinition = { ...savedDef, x: { ...savedDef.x, threshold: { kind: 'percentile', value: 80 } } };
    const expected = await quadrant.query({ quadrant: edited });
    expect(cardCounts(expected)).not.toEqual(cardCounts(before));

    await quadrant.setThreshold('x', 80);
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(expected));
    expect(await quadrant.chartThresholds()).toEqual({ x: String(expected.thresholdX), y: String(expected.thresholdY) });
    await expect.poll(() => quadrant.chartImage()).not.toBe(imageBefore);
    expect(await quadrant.isUnsaved()).toBe(true);

    // The list of a type is the people of that type, in the result's order.
    await quadrant.openList('loyal');
    const loyalIndex = expected.counts.findIndex((c) => c.type === 'loyal');
    const firstLoyal = expected.pids.find((_, i) => expected.type[i] === loyalIndex)!;
    expect(await quadrant.listedPid(0)).toBe(firstLoyal);

    await quadrant.save();
    expect(await quadrant.saved()).toEqual(edited);
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'quadrant-score.png'), fullPage: true });

    // Close the project and reopen it from the start screen's recent list.
    const projectPath = await quadrant.projectPath();
    await workspace.closeProject();
    await start.recentEntries().locator(`button.project-item[data-path="${projectPath}"]`).click();
    await workspace.projectName().waitFor();
    await workspace.openTab('quadrant');
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(expected));
    expect(await quadrant.thresholdValue('x')).toBe('80');
    expect(await quadrant.isUnsaved()).toBe(false);
  });

  it('in rule mode counts by priority, reorders it with 上移, and refuses a percentile above 100 without recomputing', async () => {
    const quadrant = new QuadrantPage(s.page);
    // Continues on the reopened demo project, 四象限 open.
    const saved = await quadrant.saved();
    await quadrant.chooseMode('rule');
    const ruleDef = { ...saved, mode: 'rule' as const };
    const byRules = await quadrant.query({ quadrant: ruleDef });
    await expect.poll(() => quadrant.counts()).toEqual(Object.fromEntries(byRules.counts.map((c) => [c.type, c.count])));

    // 需求型 one place up, above the type before it (低需求 in the seed order): the API's answer for that order is what the cards show.
    const needyAt = ruleDef.types.findIndex((t) => t.type === 'needy');
    const reordered = { ...ruleDef, types: [...ruleDef.types] };
    [reordered.types[needyAt - 1], reordered.types[needyAt]] = [reordered.types[needyAt]!, reordered.types[needyAt - 1]!];
    const expected = await quadrant.query({ quadrant: reordered });
    const byType = (counts: typeof expected.counts) => Object.fromEntries(counts.map((c) => [c.type, c.count]));
    expect(byType(expected.counts)).not.toEqual(byType(byRules.counts));
    await s.page.getByTestId('quadrant-up-needy').click();
    await expect.poll(() => quadrant.counts()).toEqual(Object.fromEntries(expected.counts.map((c) => [c.type, c.count])));
    expect(await s.page.getByTestId('quadrant-type-needy').getAttribute('data-priority')).toBe(String(needyAt));
    await s.page.screenshot({ path: path.join(process.env.QUNXI_SCREENSHOTS ?? s.root, 'quadrant-rule.png'), fullPage: true });

    // Back to score mode (one undo step per edit), then a percentile of 150 is refused on the spot.
    await quadrant.undo();
    await quadrant.undo();
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(await quadrant.query()));
    await quadrant.setThreshold('y', 150);
    await s.page.getByTestId('quadrant-invalid').waitFor();
    expect(await s.page.getByTestId('quadrant-save').isDisabled()).toBe(true);
    expect(await quadrant.counts()).toEqual(cardCounts(await quadrant.query()));
  });
});
