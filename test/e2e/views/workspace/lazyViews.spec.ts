import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { rendererDir } from '../../paths';

/** The most the first page load may fetch of scripts before any view (entry + modulepreloads), unpacked. */
const FIRST_LOAD_SCRIPT_LIMIT = 350 * 1024;

/** The scripts index.html loads: its module entry and the chunks it preloads. */
function firstLoadScripts(): string[] {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

test.describe('the renderer, split per view', () => {
  test('the first page load fetches under 350 KB of script, without the views, the charts or the grid', () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, s) => sum + statSync(path.join(rendererDir, s)).size, 0);
    expect(bytes).toBeLessThan(FIRST_LOAD_SCRIPT_LIMIT);
    const assets = readdirSync(path.join(rendererDir, 'assets'));
    // React DOM's reconciler: a chunk of its own, which main.tsx imports once the entry has run (it
    // is evaluated in a task of its own), preloaded beside the entry.
    const reactDom = assets.find((f) => f.startsWith('client-') && f.endsWith('.js'));
    expect(reactDom).toBeDefined();
    expect(scripts[0]).not.toBe(`assets/${reactDom}`);
    expect(scripts).toContain(`assets/${reactDom}`);
    // DrawnChart: ECharts, loaded apart from the views' chunks (components/Chart.tsx).
    for (const chunk of ['OverviewView', 'FunnelView', 'Chart', 'DrawnChart', 'DataGrid', 'agGrid']) {
      const file = assets.find((f) => f.startsWith(`${chunk}-`) && f.endsWith('.js'));
      expect(file, chunk).toBeDefined();
      expect(scripts, chunk).not.toContain(`assets/${file}`);
    }
  });

  test('the other views’ code is fetched once the overview’s figures are shown, each once, and a visited view then shows its figures', async ({ demo, page }) => {
    type Fetch = { path: string; startTime: number; responseEnd: number };
    const fetched = () =>
      page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, responseEnd: e.responseEnd })),
      );
    const of = (all: Fetch[], pattern: RegExp) => all.filter((f) => pattern.test(f.path));
    const funnelChunk = /\/assets\/FunnelView-[^/]*\.js$/;
    await expect(page.locator('[data-view="overview"][data-ready="true"]')).toBeAttached();
    // Loaded in idle time after the first screen, so that a click finds its view's code in place.
    await expect.poll(async () => of(await fetched(), funnelChunk).length, { timeout: 30_000 }).toBe(1);
    const all = await fetched();
    expect(of(all, /\/assets\/OverviewView-[^/]*\.js$/)).toHaveLength(1);
    // Not before the overview's figures: after its answer arrived.
    const overviewAnswer = of(all, /\/api\/overview:query$/)[0]!;
    expect(of(all, funnelChunk)[0]!.startTime).toBeGreaterThanOrEqual(overviewAnswer.responseEnd);

    await demo.showTab('funnel');
    await expect(page.getByTestId('funnel-view')).toBeVisible();
    expect(of(await fetched(), funnelChunk)).toHaveLength(1);
  });
});
