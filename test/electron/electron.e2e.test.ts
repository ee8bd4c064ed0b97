/**
 * The real Electron shell, driven by Playwright: the window opens with the app's title and the
 * preload bridge answers `app:info` in electron mode. Skips, saying why, where the Electron
 * binary, a display (or xvfb-run) or the build output is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, hasDisplay } from '../../scripts/electronBinary.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(repoRoot);
const hasXvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const isBuilt = existsSync(path.join(repoRoot, 'out', 'main', 'index.js')) && existsSync(path.join(repoRoot, 'out', 'preload', 'index.cjs'));

const skipReason = !binary.path
  ? binary.reason
  : !hasDisplay() && !hasXvfbRun
    ? 'no display and no xvfb-run'
    : !isBuilt
      ? 'the app is not built (run npm run build)'
      : null;
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

/** Playwright puts its own switches first, so a display-less run goes through a wrapper that hands everything to xvfb-run. */
async function executable(dir: string): Promise<string> {
  if (hasDisplay()) return binary.path!;
  const wrapper = path.join(dir, 'electron-under-xvfb.sh');
  await fs.writeFile(wrapper, `#!/bin/sh\nexec xvfb-run -a ${JSON.stringify(binary.path)} "$@"\n`, { mode: 0o755 });
  return wrapper;
}

describe('Electron shell', () => {
  let app: ElectronApplication | null = null;
  let root = '';

  afterAll(async () => {
    await app?.close();
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)('opens the window titled 群析 Qunxi and serves app:info over the bridge in electron mode', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    Object.assign(env, {
      QUNXI_CONFIG_DIR: path.join(root, 'config'),
      QUNXI_PROJECTS_DIR: path.join(root, 'projects'),
      QUNXI_TEMP_DIR: path.join(root, 'tmp'),
    });
    // Chromium refuses to run as root with its sandbox on; only the test runner is ever root here.
    const rootSwitch = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({ executablePath: await executable(root), args: [...rootSwitch, repoRoot], env, timeout: 60_000 });
    const page = await app.firstWindow();
    // The window exists before the shell loads the page (it opens launch files first), so wait for the page itself.
    // The built page comes from the app:// scheme, never file://.
    await page.waitForURL(/^app:\/\/qunxi\/index\.html/, { timeout: 60_000 });
    await page.waitForLoadState('domcontentloaded');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('群析 Qunxi');
    const info = await page.evaluate(() => (globalThis as unknown as { qunxi: { call(m: string, r: unknown): Promise<unknown> } }).qunxi.call('app:info', {}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', projectsDir: path.join(root, 'projects') } });
    const exposed = await page.evaluate(() => ({
      bridge: Object.keys((globalThis as unknown as { qunxi: object }).qunxi).sort(),
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    }));
    expect(exposed).toEqual({ bridge: ['call', 'cancel', 'getPathForFile'], hasRequire: false, hasProcess: false });
  });
});
