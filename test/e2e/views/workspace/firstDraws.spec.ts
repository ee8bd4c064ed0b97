import { expect, test } from '../../fixtures';

/**
 * Installed before the page's scripts: per chart (its test id), when ECharts was made in it (the
 * delivery that added its drawing surface, once the task that made it has run) and when it first
 * drew on a canvas.
 */
const RECORD_CHARTS = `(() => {
  const charts = {};
  window.__charts = charts;
  const entry = (el) => {
    const id = el && el.closest && el.closest('.chart[data-testid]')?.getAttribute('data-testid');
    return id ? (charts[id] ??= {}) : null;
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) if (r.target instanceof Element && r.target.matches('.chart[data-testid]') && r.addedNodes.length) entry(r.target).madeAt ??= now;
  }).observe(document, { subtree: true, childList: true });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'fillText', 'fill', 'stroke', 'drawImage']) {
    const draw = proto[name];
    proto[name] = function (...args) {
      const e = entry(this.canvas);
      if (e) e.drawnAt ??= performance.now();
      return draw.apply(this, args);
    };
  }
})()`;

test.describe('a chart’s first draw (components/Chart.tsx)', () => {
  test('is drawn in a task after the one that made the chart', async ({ demo, page }) => {
    await page.addInitScript(RECORD_CHARTS);
    await page.reload();
    await expect(page.locator('[data-view="overview"][data-ready="true"]')).toBeAttached();
    await demo.showTab('funnel');
    await expect(page.getByTestId('funnel-chart')).toHaveInk();

    const charts = (await page.evaluate('window.__charts')) as Record<string, { madeAt?: number; drawnAt?: number }>;
    for (const id of ['overview-trend', 'overview-funnel', 'funnel-chart']) {
      const chart = charts[id];
      expect(chart?.madeAt, `${id}: ${JSON.stringify(charts)}`).toBeGreaterThan(0);
      // Drawn in the same task, the drawing would come before the delivery that reports the chart made.
      expect(chart!.drawnAt, `${id}: ${JSON.stringify(charts)}`).toBeGreaterThan(chart!.madeAt!);
    }
  });
});
