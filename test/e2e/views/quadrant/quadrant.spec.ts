import type { QuadrantDefinition, QuadrantResult } from '../../../../src-main/contract';
import { expect, sharedDemoTest, test } from '../../fixtures';
import { columnValues, firstSheet, headerRow } from '../../pages/download';
import type { QuadrantPage, ShownCounts } from '../../pages/QuadrantPage';

/** The counts a result should show on the cards (unclassified only when someone is, in score mode). */
function cardCounts(r: QuadrantResult): ShownCounts {
  return Object.fromEntries(r.counts.filter((c) => c.type !== 'unclassified' || c.count > 0).map((c) => [c.type, c.count]));
}

/** The counts of every type, as the rule mode shows them. */
const byType = (r: QuadrantResult): ShownCounts => Object.fromEntries(r.counts.map((c) => [c.type, c.count]));

/** The saved definition with satisfaction high only for the top fifth. */
async function topFifth(quadrant: QuadrantPage): Promise<QuadrantDefinition> {
  const saved = await quadrant.saved();
  return { ...saved, x: { ...saved.x, threshold: { kind: 'percentile', value: 80 } } };
}

/** The saved definition in rule mode with 需求型 one place up, and the API's answers for both orders. */
async function needyUp(quadrant: QuadrantPage) {
  const ruleDef = { ...(await quadrant.saved()), mode: 'rule' as const };
  const needyAt = ruleDef.types.findIndex((t) => t.type === 'needy');
  const reordered = { ...ruleDef, types: [...ruleDef.types] };
  [reordered.types[needyAt - 1], reordered.types[needyAt]] = [reordered.types[needyAt]!, reordered.types[needyAt - 1]!];
  return { needyAt, byRules: await quadrant.query({ quadrant: ruleDef }), reordered: await quadrant.query({ quadrant: reordered }) };
}

test.describe('四象限 on the demo project', () => {
  test.beforeEach(async ({ demo }) => {
    // The tests ask the API while the view computes its first answer: first computations of the
    // feature table at once are safe (featuresCache.ts keeps its bookkeeping in turn).
    await demo.openTab('quadrant');
  });

  sharedDemoTest('the default definition shows the API’s counts and shares, thresholds at the 50th percentile, and the chart’s lines', async ({ quadrantPage: quadrant }) => {
    const before = await quadrant.query();
    expect(before.total).toBeGreaterThan(0);
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(before));
    const loyal = before.counts.find((c) => c.type === 'loyal')!;
    await expect(quadrant.share('loyal')).toHaveText(`${loyal.share!.toFixed(2)}%`);
    await expect(quadrant.threshold('x')).toHaveValue('50');
    await expect(quadrant.chartCard()).toHaveAttribute('data-threshold-x', String(before.thresholdX));
    await expect(quadrant.chartCard()).toHaveAttribute('data-threshold-y', String(before.thresholdY));
  });

  sharedDemoTest('the default leaves out 满意度评分 (no survey imported), says which features are empty, and draws people at one spot as one sized point', async ({ page, quadrantPage: quadrant, shot }) => {
    const result = await quadrant.query();
    expect(result.emptyFeatures).toContain('survey_score');
    const note = page.getByTestId('quadrant-empty-features');
    await expect(note).toContainText('满意度评分');
    await expect(page.getByTestId('quadrant-axis-x').getByRole('gridcell', { name: '满意度评分' })).toHaveCount(0);
    await expect(page.getByTestId('quadrant-axis-x')).toContainText('发言数');
    const saved = await quadrant.saved();
    expect([...saved.x.terms, ...saved.y.terms].some((t) => t.feature === 'survey_score')).toBe(false);
    // Many people share few positions (the chart draws one point per position, sized by its count: unit-tested in quadrantChartOption.test.ts).
    // The demo is small: the answer is its people themselves, not their density.
    const points = result.scatter;
    if (points.kind !== 'points') throw new Error(`the demo's ${result.total} people came as a ${points.kind}`);
    const positions = new Set(points.x.map((x, i) => `${x}|${points.y[i]}`)).size;
    expect(positions).toBeLessThan(points.pids.length);
    await expect.poll(() => quadrant.chartImage()).not.toBe('');
    await shot('quadrant-density.png');
  });

  sharedDemoTest('a changed threshold recounts the cards, moves the chart’s lines and marks the definition unsaved', async ({ quadrantPage: quadrant }) => {
    const before = await quadrant.query();
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(before));
    const imageBefore = await quadrant.chartImage();
    const expected = await quadrant.query({ quadrant: await topFifth(quadrant) });
    expect(cardCounts(expected)).not.toEqual(cardCounts(before));

    await quadrant.setThreshold('x', 80);
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(expected));
    await expect(quadrant.chartCard()).toHaveAttribute('data-threshold-x', String(expected.thresholdX));
    await expect(quadrant.chartCard()).toHaveAttribute('data-threshold-y', String(expected.thresholdY));
    await expect.poll(() => quadrant.chartImage()).not.toBe(imageBefore);
    await expect(quadrant.unsaved()).toBeVisible();
  });

  sharedDemoTest('the list of a type holds the people of that type, in pid order', async ({ quadrantPage: quadrant }) => {
    const result = await quadrant.query();
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(result));
    await quadrant.openList('loyal');
    // The first of the type in pid order, as the API's people list gives it.
    const [firstLoyal] = (await quadrant.people({ type: 'loyal', offset: 0, limit: 1 })).rows;
    await expect(quadrant.listedPid(0)).toHaveText(firstLoyal!.pid);
  });

  sharedDemoTest('one export control, the list’s: its xlsx holds every person of the type with its label', async ({ quadrantPage: quadrant }) => {
    const result = await quadrant.query();
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(result));
    await quadrant.openList('loyal');
    await expect(quadrant.xlsxButtons()).toHaveCount(1);
    const loyalIndex = result.counts.findIndex((c) => c.type === 'loyal');
    const loyal = result.counts[loyalIndex]!;
    const file = await quadrant.exportList();
    expect(file.name).toBe(`四象限_${loyal.label}.xlsx`);
    const sheet = await firstSheet(file);
    const header = headerRow(sheet);
    expect(header.slice(0, 4)).toEqual(['成员ID', '昵称', '满意度', '忠诚度']);
    expect(sheet.rowCount).toBe(loyal.count + 1);
    const pids = (await quadrant.people({ type: 'loyal', offset: 0, limit: 5000 })).rows.map((r) => r.pid);
    expect(pids).toHaveLength(loyal.count);
    expect((columnValues(sheet, 1) as string[]).sort()).toEqual([...pids].sort());
    expect(new Set(columnValues(sheet, 5))).toEqual(new Set([loyal.label]));
  });

  test('a saved threshold is kept when the project is reopened from the recent list', async ({ demo, start, quadrantPage: quadrant, shot }) => {
    const edited = await topFifth(quadrant);
    const expected = await quadrant.query({ quadrant: edited });
    await quadrant.setThreshold('x', 80);
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(expected));
    await quadrant.save();
    expect(await quadrant.saved()).toEqual(edited);
    await shot('quadrant-score.png');

    const projectPath = await quadrant.projectPath();
    await demo.closeProject();
    await start.openRecent(projectPath);
    await demo.openTab('quadrant');
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(expected));
    await expect(quadrant.threshold('x')).toHaveValue('80');
    await expect(quadrant.unsaved()).toBeHidden();
  });

  sharedDemoTest('in rule mode the cards count by priority', async ({ quadrantPage: quadrant }) => {
    const { byRules } = await needyUp(quadrant);
    await quadrant.chooseMode('rule');
    await expect.poll(() => quadrant.counts()).toEqual(byType(byRules));
  });

  sharedDemoTest('上移 moves a type up the priority, and the cards count by the new order', async ({ quadrantPage: quadrant, shot }) => {
    // 需求型 above the type before it (低需求 in the seed order): the API's answer for that order is what the cards show.
    const { needyAt, byRules, reordered } = await needyUp(quadrant);
    expect(byType(reordered)).not.toEqual(byType(byRules));
    await quadrant.chooseMode('rule');
    await expect.poll(() => quadrant.counts()).toEqual(byType(byRules));
    await quadrant.moveUp('needy');
    await expect.poll(() => quadrant.counts()).toEqual(byType(reordered));
    await expect(quadrant.typeCard('needy')).toHaveAttribute('data-priority', String(needyAt));
    await shot('quadrant-rule.png');
  });

  sharedDemoTest('undo takes back the new order, then the rule mode, one step per edit', async ({ quadrantPage: quadrant }) => {
    const { byRules, reordered } = await needyUp(quadrant);
    await quadrant.chooseMode('rule');
    await expect.poll(() => quadrant.counts()).toEqual(byType(byRules));
    await quadrant.moveUp('needy');
    await expect.poll(() => quadrant.counts()).toEqual(byType(reordered));
    await quadrant.undo();
    await expect.poll(() => quadrant.counts()).toEqual(byType(byRules));
    await quadrant.undo();
    await expect.poll(() => quadrant.counts()).toEqual(cardCounts(await quadrant.query()));
  });

  sharedDemoTest('a percentile above 100 is refused on the spot, without recomputing', async ({ quadrantPage: quadrant }) => {
    const saved = cardCounts(await quadrant.query());
    await expect.poll(() => quadrant.counts()).toEqual(saved);
    await quadrant.setThreshold('y', 150);
    await expect(quadrant.invalid()).toBeVisible();
    await expect(quadrant.saveButton()).toBeDisabled();
    expect(await quadrant.counts()).toEqual(saved);
  });
});
