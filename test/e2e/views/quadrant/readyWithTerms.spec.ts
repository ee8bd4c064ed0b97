import { expect, sharedDemoTest as test } from '../../fixtures';

// A definition grid takes new rows in a creation turn of its own (creationTurn.ts's
// useInCreationTurn), not in the render that brought the answer, and is busy meanwhile. Whatever
// the order of its answers (here the result, asked for the definition once loaded, comes last), the
// view is called ready only over the saved terms: read at the moment 四象限 is first called ready,
// with nothing waited for after it.
test('四象限 is called ready only once its axis grids show the saved terms', async ({ page, demo, quadrantPage }) => {
  const saved = await quadrantPage.saved();
  expect(saved.x.terms.length + saved.y.terms.length).toBeGreaterThan(0);
  await page.evaluate(() => {
    const w = window as unknown as { __termsAtReady?: Record<string, string[]> };
    const readiness = new MutationObserver(() => {
      if (!document.querySelector('[data-view="quadrant"][data-ready="true"]')) return;
      const weights = (axis: string) =>
        [...document.querySelectorAll(`[data-testid="quadrant-terms-${axis}"] .ag-row`)]
          .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
          .map((row) => row.querySelector('.ag-cell[col-id="weight"]')?.textContent ?? '');
      w.__termsAtReady = { x: weights('x'), y: weights('y') };
      readiness.disconnect();
    });
    readiness.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await demo.showTab('quadrant');
  const atReady = await page.evaluate(() => (window as unknown as { __termsAtReady?: Record<string, string[]> }).__termsAtReady);
  expect(atReady).toEqual({ x: saved.x.terms.map((t) => String(t.weight)), y: saved.y.terms.map((t) => String(t.weight)) });
});
