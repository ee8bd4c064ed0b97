import { expect, sharedDemoTest as test } from '../../fixtures';

test.describe('switching a threshold between 固定值 and 百分位', () => {
  test('converts the value to its equivalent, so nobody changes type, and says what it did', async ({ demo: _, page, workspace, quadrantPage: q, shot }) => {
    await workspace.openTab('quadrant');
    const before = await q.counts();
    const resolved = await q.chartCard().getAttribute('data-threshold-x');
    expect(resolved).not.toBe('');

    // Percentile → fixed: the value the percentile resolved to.
    await q.chooseThresholdKind('x', 'fixed');
    await expect(q.threshold('x')).toHaveValue(resolved!);
    await expect(page.getByTestId('quadrant-threshold-note-x')).toContainText('已换算为固定值');
    expect(await q.counts()).toEqual(before);

    // A typed fixed 0.45 → the share of people scoring below 0.45, not the 0.45th percentile.
    await q.setThreshold('x', 0.45);
    await q.waitSettled();
    const atFixed = await q.counts();
    const saved = await q.saved();
    const everyone = await q.people({ quadrant: { ...saved, x: { ...saved.x, threshold: { kind: 'fixed', value: 0.45 } } }, offset: 0, limit: 5000 });
    expect(everyone.rows).toHaveLength(everyone.total);
    const scores = everyone.rows.map((r) => r.x);
    const below = scores.filter((s) => s < 0.45).length;
    await q.chooseThresholdKind('x', 'percentile');
    const shown = Number(await q.threshold('x').inputValue());
    expect(shown).not.toBe(0.45);
    expect(shown).toBeLessThanOrEqual((100 * below) / scores.length);
    expect(shown).toBeGreaterThan((100 * (below - 1)) / scores.length);
    await expect(page.getByTestId('quadrant-threshold-note-x')).toContainText('固定值 0.45 已换算为第');
    expect(await q.counts()).toEqual(atFixed);
    await shot('quadrant-threshold-switch.png');
  });
});
