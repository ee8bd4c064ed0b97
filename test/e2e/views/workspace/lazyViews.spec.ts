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
    for (const chunk of ['OverviewView', 'FunnelView', 'Chart', 'DataGrid']) {
      const file = assets.find((f) => f.startsWith(`${chunk}-`) && f.endsWith('.js'));
      expect(file, chunk).toBeDefined();
      expect(scripts, chunk).not.toContain(`assets/${file}`);
    }
  });

  test('a view’s code is fetched when it is first visited, and its figures are then shown', async ({ demo, page }) => {
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    await expect(page.locator('[data-view="overview"][data-ready="true"]')).toBeAttached();
    expect((await fetched()).filter((p) => /\/assets\/OverviewView-[^/]*\.js$/.test(p))).toHaveLength(1);
    expect((await fetched()).filter((p) => /\/assets\/FunnelView-[^/]*\.js$/.test(p))).toEqual([]);

    await demo.openTab('funnel');
    await expect(page.locator('[data-view="funnel"][data-ready="true"]')).toBeAttached();
    await expect(page.getByTestId('funnel-view')).toBeVisible();
    expect((await fetched()).filter((p) => /\/assets\/FunnelView-[^/]*\.js$/.test(p))).toHaveLength(1);
  });
});
