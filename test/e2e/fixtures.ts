import { test as base, expect as baseExpect, type Browser, type BrowserContext, type Dialog, type Locator, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Method, Req, Responses } from '../../src-main/contract';
import { createContext, type AppPaths } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProjectFile, PROJECT_EXT } from '../../src-main/db/projectFile';
import { backupPath } from '../../src-main/db/projectIntegrity';
import { projectMessages } from '../../src-main/locale/project';
import { startServer } from '../../src-main/server/httpServer';
import { tempDir, tempPaths } from '../support/tempDirs';
import { contextOptions } from './browserContext';
import { ActivityPage } from './pages/ActivityPage';
import { callApi } from './pages/api';
import { BehavioursPage } from './pages/BehavioursPage';
import { canvasHasInk } from './pages/chart';
import { ChannelsPage } from './pages/ChannelsPage';
import { ChurnPage } from './pages/ChurnPage';
import { FeaturesPage } from './pages/FeaturesPage';
import { FunnelPage } from './pages/FunnelPage';
import { ImportPage } from './pages/ImportPage';
import { MatchPage } from './pages/MatchPage';
import { MetricsPage } from './pages/MetricsPage';
import { OverviewPage } from './pages/OverviewPage';
import { QuadrantPage } from './pages/QuadrantPage';
import { StartPage } from './pages/StartPage';
import { VvipPage } from './pages/VvipPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { builtProject } from './globalSetup';
import { rendererDir, repoRoot } from './paths';

/** Where `project:openDemo` keeps the demo project (src-main/api/handlers/project.ts). */
const demoFile = (configDir: string) => path.join(configDir, `${projectMessages.demoName}${PROJECT_EXT}`);

/** A browser-mode server of one test, over its own temp folders. */
export interface AppServer {
  /** The tokened address that opens the app. */
  url: string;
  /** The test's temp folder (app folders, written fixtures, downloads). */
  root: string;
  /** The app's folders inside it. */
  paths: AppPaths;
}

/**
 * A worker's server with a project opened in a page of its own, for the tests that only look: they
 * share it, each on the page reloaded (fixtures `sharedDemoTest`, `sharedCommunityTest`).
 */
export interface SharedProject {
  app: AppServer;
  page: Page;
}

/** Calls the API from the page as the UI does: what the tests compare the screen with. */
export type ApiCall = <K extends Method>(method: K, req: Req<K>) => Promise<Responses[K]>;

/** Fixtures shared by the tests of one worker. */
export interface WorkerFixtures {
  /** The demo project, built once per run by the app's own builder from the bundled exports (globalSetup.ts). */
  builtDemo: string;
  /**
   * A project 端到端测试 holding test/support/communityFixture.ts's member list and chat log,
   * imported once per run by the real importer (globalSetup.ts).
   */
  builtCommunity: string;
  /** The worker's server with a copy of the demo open, for the tests that only look. */
  sharedDemo: SharedProject;
  /** The worker's server with a copy of 端到端测试 open, for the tests that only look. */
  sharedCommunity: SharedProject;
  /**
   * The worker's browser context, whose page each test that edits takes in turn (`context`,
   * `page`), left as a new one after the test: a new context and page took 1–2 s of each such test.
   */
  workerContext: BrowserContext;
}

/** Fixtures of one test. */
export interface TestFixtures {
  app: AppServer;
  /** The start screen, loaded from the tokened address. */
  start: StartPage;
  /**
   * The workspace with the demo project opened from the start screen. The demo is a copy of the
   * worker's build, in this test's own folder: opening it does not rebuild it.
   */
  demo: WorkspacePage;
  /** The workspace with a copy of the worker's 端到端测试 project opened by path from the start screen. */
  community: WorkspacePage;
  workspace: WorkspacePage;
  api: ApiCall;
  /**
   * Saves a full-page screenshot to the folder QUNXI_SCREENSHOTS names (to look at the UI); without
   * it, none is taken: the suite's run has no one to look at them (a failure keeps its own).
   */
  shot: (name: string) => Promise<void>;
  activityPage: ActivityPage;
  behavioursPage: BehavioursPage;
  channelsPage: ChannelsPage;
  churnPage: ChurnPage;
  featuresPage: FeaturesPage;
  funnelPage: FunnelPage;
  importPage: ImportPage;
  matchPage: MatchPage;
  metricsPage: MetricsPage;
  overviewPage: OverviewPage;
  quadrantPage: QuadrantPage;
  vvipPage: VvipPage;
}

/** A browser-mode server over its own temp folders, closed with the project it has open. */
async function serveApp(use: (app: AppServer) => Promise<void>): Promise<void> {
  const tmp = tempDir('qunxi-e2e-');
  const paths = tempPaths(tmp.dir, repoRoot);
  const ctx = createContext('browser', paths);
  const server = await startServer({ handlers: createHandlers(ctx), paths, staticDir: rendererDir });
  try {
    await use({ url: `http://127.0.0.1:${server.port}/?token=${server.token}`, root: tmp.dir, paths });
  } finally {
    await server.close();
    if (ctx.project) await closeProjectFile(ctx.project);
    ctx.project = null;
    tmp.cleanup();
  }
}

/**
 * Copies a built project with its last good copy (`.bak`), as a project folder is copied: the
 * built projects were opened again after their last change (globalSetup.ts), so the open finds the
 * file as its last good copy and does not read it whole again (db/projectIntegrity.ts).
 */
function copyProject(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(backupPath(from))) copyFileSync(backupPath(from), backupPath(to));
}

/** Copies the worker's demo where `project:openDemo` looks for it, and opens it from the start screen. */
async function openDemoCopy(app: AppServer, builtDemo: string, start: StartPage): Promise<void> {
  mkdirSync(app.paths.configDir, { recursive: true });
  copyProject(builtDemo, demoFile(app.paths.configDir));
  await start.openDemo();
}

/** Copies the worker's 端到端测试 project into the app's projects folder and opens it by path. */
async function openCommunityCopy(app: AppServer, builtCommunity: string, start: StartPage): Promise<void> {
  const file = path.join(app.paths.projectsDir, path.basename(builtCommunity));
  mkdirSync(app.paths.projectsDir, { recursive: true });
  copyProject(builtCommunity, file);
  await start.openByPath(file);
}

/**
 * A worker's server and page with a project opened from the start screen (`open`, which may go on
 * to work in it), closed when the worker ends.
 */
export async function shareProject(
  browser: Browser,
  open: (app: AppServer, start: StartPage, page: Page) => Promise<void>,
  use: (shared: SharedProject) => Promise<void>,
): Promise<void> {
  await serveApp(async (app) => {
    const context = await browser.newContext(contextOptions);
    try {
      const page = await context.newPage();
      const start = new StartPage(page);
      await start.goto(app.url);
      await open(app, start, page);
      await use({ app, page });
    } finally {
      await context.close();
    }
  });
}

/** Runs `navigation` letting go of an unsaved draft of the test before, which asks before the page goes (beforeunload). */
async function lettingDraftsGo(page: Page, navigation: () => Promise<unknown>): Promise<void> {
  const leave = (dialog: Dialog) => void dialog.accept();
  page.on('dialog', leave);
  try {
    await navigation();
  } finally {
    page.off('dialog', leave);
  }
}

/**
 * Starts a test that only looks from where the first opening left the page: the overview of the
 * open project, every store in its initial state, nothing remembered (localStorage), the configured
 * viewport. A reload does it in half a second where a new server, page and opening take seven; the
 * server keeps the project open, and the app shows it again on loading (store/project.ts `init`).
 */
async function freshView(page: Page): Promise<Page> {
  await page.setViewportSize(contextOptions.viewport);
  await page.evaluate(() => localStorage.clear());
  await lettingDraftsGo(page, () => page.reload());
  await page.getByTestId('project-name').waitFor();
  return page;
}

/** The page events the tests listen to: what one test added is not heard by the next. */
const testEvents = ['dialog', 'download', 'request', 'response', 'console', 'pageerror', 'popup'] as const;

/**
 * Leaves the worker's context as a new one for the next test: its other pages closed, its cookies
 * gone, and its page (unless the test closed it) without the test's listeners, routes, size or
 * storage, on a blank document. A new server's port may be one an earlier test's server had, so its
 * origin's storage is cleared, not left to the port. After a failure Playwright ends the worker.
 */
async function leaveAsNew(context: BrowserContext, page: Page): Promise<void> {
  for (const other of context.pages()) if (other !== page) await other.close();
  await context.clearCookies();
  if (page.isClosed()) return;
  for (const event of testEvents) page.removeAllListeners(event);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  if (page.url().startsWith('http')) await page.evaluate(() => localStorage.clear());
  await lettingDraftsGo(page, () => page.goto('about:blank'));
  await page.setViewportSize(contextOptions.viewport);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  workerContext: [
    async ({ browser }, use) => {
      const context = await browser.newContext(contextOptions);
      try {
        await use(context);
      } finally {
        await context.close();
      }
    },
    { scope: 'worker' },
  ],

  context: async ({ workerContext }, use) => use(workerContext),

  page: async ({ context }, use, testInfo) => {
    const page = context.pages().find((p) => !p.isClosed()) ?? (await context.newPage());
    await use(page);
    // A failed test's worker ends with its context: nothing to leave for a next test.
    if (testInfo.status === testInfo.expectedStatus) await leaveAsNew(context, page);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  builtDemo: [async ({}, use) => use(builtProject('demo')), { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  builtCommunity: [async ({}, use) => use(builtProject('community')), { scope: 'worker' }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  app: async ({}, use) => serveApp(use),

  start: async ({ page, app }, use) => {
    const start = new StartPage(page);
    await start.goto(app.url);
    await use(start);
  },

  demo: async ({ app, builtDemo, start, page }, use) => {
    await openDemoCopy(app, builtDemo, start);
    await use(new WorkspacePage(page));
  },

  community: async ({ app, builtCommunity, start, page }, use) => {
    await openCommunityCopy(app, builtCommunity, start);
    await use(new WorkspacePage(page));
  },

  sharedDemo: [async ({ browser, builtDemo }, use) => shareProject(browser, (app, start) => openDemoCopy(app, builtDemo, start), use), { scope: 'worker', timeout: 120_000 }],

  sharedCommunity: [
    async ({ browser, builtCommunity }, use) => shareProject(browser, (app, start) => openCommunityCopy(app, builtCommunity, start), use),
    { scope: 'worker', timeout: 120_000 },
  ],

  workspace: async ({ page }, use) => use(new WorkspacePage(page)),
  api: async ({ page }, use) => use((method, req) => callApi(page, method, req)),
  shot: async ({ page }, use) => {
    const dir = process.env.QUNXI_SCREENSHOTS;
    await use(async (name) => {
      if (dir) await page.screenshot({ path: path.join(dir, name), fullPage: true });
    });
  },

  activityPage: async ({ page }, use) => use(new ActivityPage(page)),
  behavioursPage: async ({ page }, use) => use(new BehavioursPage(page)),
  channelsPage: async ({ page }, use) => use(new ChannelsPage(page)),
  churnPage: async ({ page }, use) => use(new ChurnPage(page)),
  featuresPage: async ({ page }, use) => use(new FeaturesPage(page)),
  funnelPage: async ({ page }, use) => use(new FunnelPage(page)),
  importPage: async ({ page }, use) => use(new ImportPage(page)),
  matchPage: async ({ page }, use) => use(new MatchPage(page)),
  metricsPage: async ({ page }, use) => use(new MetricsPage(page)),
  overviewPage: async ({ page }, use) => use(new OverviewPage(page)),
  quadrantPage: async ({ page }, use) => use(new QuadrantPage(page)),
  vvipPage: async ({ page }, use) => use(new VvipPage(page)),
});

/**
 * Tests that only look at the demo (they never save a definition, import, close or reopen): they
 * share the worker's server, page and opened demo, each starting on the page reloaded to its
 * initial state (`freshView`). `app` is the worker's server; `demo` is the reloaded workspace.
 */
export const sharedDemoTest = test.extend({
  app: async ({ sharedDemo }, use) => use(sharedDemo.app),
  page: async ({ sharedDemo }, use) => use(await freshView(sharedDemo.page)),
  demo: async ({ page }, use) => use(new WorkspacePage(page)),
});

/** Tests that only look at the 端到端测试 project, sharing the worker's as `sharedDemoTest` shares the demo. */
export const sharedCommunityTest = test.extend({
  app: async ({ sharedCommunity }, use) => use(sharedCommunity.app),
  page: async ({ sharedCommunity }, use) => use(await freshView(sharedCommunity.page)),
  community: async ({ page }, use) => use(new WorkspacePage(page)),
});

export const expect = baseExpect.extend({
  /**
   * An ECharts chart has finished drawing (`data-rendered="true"`) and its canvas has ink:
   * retried until the expect timeout, as web-first assertions are.
   */
  async toHaveInk(chart: Locator, options?: { timeout?: number }) {
    const expected = !this.isNot;
    let pass: boolean;
    try {
      await baseExpect
        .poll(async () => (await chart.getAttribute('data-rendered', { timeout: 1000 }).catch(() => null)) === 'true' && (await chart.evaluate(canvasHasInk)), {
          timeout: options?.timeout ?? this.timeout,
        })
        .toBe(expected);
      pass = expected;
    } catch {
      pass = !expected;
    }
    return {
      name: 'toHaveInk',
      pass,
      message: () => `${this.utils.matcherHint('toHaveInk', chart.toString(), '', { isNot: this.isNot })}\n\nexpected the chart ${this.isNot ? 'not ' : ''}to be drawn with ink`,
    };
  },
});
