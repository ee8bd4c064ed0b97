import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createContext } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { startServer } from '../../src-main/server/httpServer';
import { tempDir, tempPaths } from '../support/tempDirs';

const repoRoot = path.resolve(__dirname, '../..');
// QUNXI_E2E_OUT lets parallel work build into its own folder (`npx electron-vite build --outDir DIR`).
const outDir = path.resolve(repoRoot, process.env.QUNXI_E2E_OUT ?? 'out');
const staticDir = path.join(outDir, 'renderer');
const CHROMIUM = process.env.QUNXI_CHROMIUM ?? '/usr/bin/chromium';

/** Builds the renderer once if `npm test` has not already done so. */
function ensureBuilt(): void {
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: repoRoot, stdio: 'inherit' });
  }
}

/** One end-to-end session: a browser-mode server over its own temp folders, and a Chromium page. */
export interface E2eSession {
  page: Page;
  root: string;
  url: string;
  close(): Promise<void>;
}

/** Starts the real server (real handlers, real DuckDB) and a headless Debian Chromium. */
export async function startSession(): Promise<E2eSession> {
  ensureBuilt();
  const tmp = tempDir('qunxi-e2e-');
  const ctx = createContext('browser', tempPaths(tmp.dir));
  const server = await startServer({ handlers: createHandlers(ctx), paths: ctx.paths, staticDir });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const url = `http://127.0.0.1:${server.port}/?token=${server.token}`;
  return {
    page,
    root: tmp.dir,
    url,
    async close() {
      await browser.close();
      await server.close();
      if (ctx.project) {
        const { closeProjectFile } = await import('../../src-main/db/projectFile');
        await closeProjectFile(ctx.project);
        ctx.project = null;
      }
      tmp.cleanup();
    },
  };
}
