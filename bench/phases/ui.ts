// The UI half of `npm run bench -- --only ui` (bench/ui.ts): browser mode (the real server and
// handlers in this process, a built renderer) in Debian's Chromium through playwright-core, on one
// project. Per page load: the first screen (the workspace's side navigation) and the overview's
// figures (its ViewFrame's data-ready); per view, the click on its tab to its figures and charts
// drawn (data-ready again), on the first visit of the load and on a revisit, with the long tasks
// (PerformanceObserver 'longtask') of that time and the handlers' own time for the calls made.
// Several builds are measured over one server process (one project open, the same handlers and
// database), each served by a static server of its own, their page loads alternating (A B, then
// B A, …): the machine drifts over minutes, so builds measured one after the other are not compared
// on equal terms.
//
// argv[2]: the JSON of a UiPhaseInput. Prints one JSON line (a UiPhaseReport per build).
import { copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { makeKeptTables } from '../../src-main/api/handlers/import';
import { growthPeriods, querySegmentCounts } from '../../src-main/analysis/decision/growthDecomposition';
import { channelSql, unknownChannel } from '../../src-main/analysis/channels/channelQueries';
import { scopeParams } from '../../src-main/analysis/base/analysisBase';
import type { Api } from '../../src-main/contract';
import { startServer } from '../../src-main/server/httpServer';
import { tempPaths } from '../../test/support/tempDirs';
import { reportPhase } from './report';

/** What one run of the phase measures. */
export interface UiPhaseInput {
  /** Project file to open (copied into `work` first); null opens the demo project. */
  project: string | null;
  /** The built renderers to measure (`out/renderer` folders), their page loads alternating. */
  rendererDirs: string[];
  /** Scratch folder of this run. */
  work: string;
  /** Page loads per build, each visiting every view once and then once more. */
  runs: number;
  /** The long-task target: the animation frames at least this long are named with their scripts. */
  longTaskMs: number;
}

/** One timed wait for figures. */
export interface UiSample {
  ms: number;
  /** Longest long task and their number between the start and the figures shown. */
  longMaxMs: number;
  longCount: number;
  /**
   * The animation frames of that time at least the long-task target long, each with its longest
   * scripts (Long Animation Frames API): what ran when the page froze, `@start duration ms: …`.
   */
  longFrames: string[];
  /** From the first handler call's start to the last one's end, in that time (0: none asked). */
  apiMs: number;
  apiCalls: number;
  /** From the start of the wait (the click, a few ms before it) to the first handler call's start (0: none asked). */
  askedMs: number;
}

/** What the phase reports. */
export interface UiPhaseReport {
  /** project:open (or openDemo) through the API before the first page load. */
  openMs: number;
  /** Per page load: navigation start to the side navigation, and to the overview's figures. */
  firstScreen: number[];
  overview: UiSample[];
  /** The views visited after the overview, in the side navigation's order (all but the import). */
  views: string[];
  /** Per view: its samples of each load, first visits and revisits. */
  first: Record<string, UiSample[]>;
  revisit: Record<string, UiSample[]>;
  /**
   * Per page load of a second kind: from the overview's figures to the warm-up done (the other
   * views' first questions asked in idle time, views/workspace/warmUp.ts), with the API time of it.
   */
  warmUp: UiSample[];
  /** Per view: its first visit of such a load, once the warm-up is done. */
  firstWarm: Record<string, UiSample[]>;
  /**
   * Per page load, after its visits, counted in the same process instead of read from the tables
   * the file keeps (which the first visits read): 增长点's segment counts and 渠道's people rows.
   */
  countedMs: { growth: number[]; channels: number[] };
  /** Bytes the browser received for the first load's static files (compressed as sent) and the files' own size. */
  staticTransferBytes: number;
  staticBodyBytes: number;
  loadBefore: number;
  loadAfter: number;
}

const input = JSON.parse(process.argv[2]!) as UiPhaseInput;

/** What the page measures of a wait (the rest of a sample is the server's). */
type PageSample = Pick<UiSample, 'ms' | 'longMaxMs' | 'longCount' | 'longFrames'>;

/** Handler calls with their start and end (performance.now of this process). */
const apiCalls: { method: string; start: number; end: number }[] = [];

/** The API with every handler timed: the server runs in this process, so its own time is known exactly. */
function timedHandlers(handlers: Api): Api {
  const timed: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [method, fn] of Object.entries(handlers) as [string, (...args: never[]) => Promise<unknown>][]) {
    timed[method] = async (...args) => {
      const start = performance.now();
      try {
        return await fn(...args);
      } finally {
        apiCalls.push({ method, start, end: performance.now() });
      }
    };
  }
  return timed as unknown as Api; // the same keys and signatures, each wrapped
}

function apiIn(from: number, to: number): Pick<UiSample, 'apiMs' | 'apiCalls' | 'askedMs'> {
  const inside = apiCalls.filter((c) => c.start >= from && c.start <= to);
  if (!inside.length) return { apiMs: 0, apiCalls: 0, askedMs: 0 };
  const first = Math.min(...inside.map((c) => c.start));
  return { apiMs: Math.max(...inside.map((c) => c.end)) - first, apiCalls: inside.length, askedMs: first - from };
}

/**
 * Installed before the page's own scripts: long tasks, the long animation frames with their
 * scripts, and the moments the first screen and the overview's figures appear. `qx.longsIn(from,
 * to)` sums up those of a time as a sample holds them. Page code is kept as text: it runs in the
 * browser, not here.
 */
const PAGE_PROBE = `(() => {
  const qx = { longTasks: [], longFrames: [], firstScreen: 0, overviewReady: 0 };
  window.__qx = qx;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) qx.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // A script's file without its hash (agGrid-DP0WR8G2.js: agGrid).
  const source = (s) => (s.sourceURL || '').split('/').pop().replace(/-[\\w-]{8}\\.js$/, '') || '?';
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < ${input.longTaskMs}) continue;
      const scripts = [...e.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3)
        .map((s) => s.invoker + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : '') + ' in ' + source(s) + ' ' + Math.round(s.duration) + ' ms' + (s.forcedStyleAndLayoutDuration >= 5 ? ' (' + Math.round(s.forcedStyleAndLayoutDuration) + ' forced layout)' : ''));
      const render = e.renderStart ? ', rendering ' + Math.round(e.startTime + e.duration - e.renderStart) + ' ms' : '';
      qx.longFrames.push([e.startTime, e.duration, Math.round(e.duration) + ' ms: ' + (scripts.join(', ') || 'no script') + render]);
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  qx.longsIn = (from, to) => {
    const longs = qx.longTasks.filter(([s, d]) => s + d > from && s < to).map(([, d]) => d);
    const frames = qx.longFrames.filter(([s, d]) => s + d > from && s < to).map(([s, , text]) => '@' + Math.round(s - Math.max(from, 0)) + ' ' + text);
    return { longMaxMs: longs.length ? Math.max(...longs) : 0, longCount: longs.length, longFrames: frames };
  };
  const observer = new MutationObserver(() => {
    if (!qx.firstScreen && document.querySelector('[data-testid="tab-overview"]')) qx.firstScreen = performance.now();
    if (!qx.overviewReady && document.querySelector('[data-view="overview"][data-ready="true"]')) {
      qx.overviewReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
})()`;

/** In the page: the first screen, the overview's figures and the long tasks before them. */
const PAGE_LOAD = `(() => {
  const qx = window.__qx;
  return { firstScreen: qx.firstScreen, overviewReady: qx.overviewReady, ...qx.longsIn(-Infinity, qx.overviewReady) };
})()`;

/** In the page: waits for the workspace's warm-up to be done; its time from the overview's figures. */
const PAGE_WARM_UP = `async () => {
  const qx = window.__qx;
  await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('warm-up not done within 300 s')), 300000);
    const check = () => {
      if (!document.querySelector('[data-warm-up="done"]')) return;
      clearTimeout(timeout);
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-warm-up'] });
    check();
  });
  const t1 = performance.now();
  return { ms: t1 - qx.overviewReady, ...qx.longsIn(qx.overviewReady, t1) };
}`;

/** In the page: clicks a view's tab and waits for its data-ready, without sleeping (a function of the view's id). */
const PAGE_VISIT = `async (view) => {
  const qx = window.__qx;
  const button = document.querySelector('[data-testid="tab-' + view + '"]');
  if (!button) throw new Error('no tab ' + view);
  const t0 = performance.now();
  button.click();
  await new Promise((resolve, reject) => {
    // What still held it back, named, when it never came.
    const holding = () => [...document.querySelectorAll('[data-view="' + view + '"] [aria-busy="true"], [data-view="' + view + '"] .chart[data-rendered="false"]')]
      .map((el) => el.className + ' in ' + (el.closest('[data-testid]')?.getAttribute('data-testid') ?? '?')).join('; ') || 'nothing busy (a query under way?)';
    const timeout = setTimeout(() => reject(new Error(view + ': no data-ready within 120 s; holding it: ' + holding())), 120000);
    const check = () => {
      if (!document.querySelector('[data-view="' + view + '"][data-ready="true"]')) return;
      clearTimeout(timeout);
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    check();
  });
  const t1 = performance.now();
  return { ms: t1 - t0, ...qx.longsIn(t0, t1) };
}`;

const emptyReport = (loadBefore: number): UiPhaseReport => ({ openMs: 0, firstScreen: [], overview: [], views: [], first: {}, revisit: {}, warmUp: [], firstWarm: {}, countedMs: { growth: [], channels: [] }, staticTransferBytes: 0, staticBodyBytes: 0, loadBefore, loadAfter: 0 });

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  const paths = tempPaths(input.work, path.resolve(import.meta.dirname, '..', '..'));
  const ctx = createContext('browser', paths);
  const handlers = createHandlers(ctx);
  const call = inProcessClient(handlers);
  const timed = timedHandlers(handlers);
  const servers = await Promise.all(input.rendererDirs.map((staticDir) => startServer({ handlers: timed, paths, staticDir })));
  const browser = await chromium.launch({
    executablePath: process.env.QUNXI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const reports = input.rendererDirs.map(() => emptyReport(loadBefore));
  try {
    // A page per build; its static files are counted on its first load only.
    const pages = await Promise.all(
      reports.map(async (report) => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
        await page.addInitScript(PAGE_PROBE);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        const counting = { isOn: true };
        cdp.on('Network.loadingFinished', (e) => {
          if (counting.isOn) report.staticTransferBytes += e.encodedDataLength;
        });
        cdp.on('Network.dataReceived', (e) => {
          if (counting.isOn) report.staticBodyBytes += e.dataLength;
        });
        return { page, counting, hasCookie: false };
      }),
    );

    const opened = performance.now();
    if (input.project) {
      const copy = path.join(input.work, path.basename(input.project));
      copyFileSync(input.project, copy);
      unwrap(await call('project:open', { path: copy }));
    } else {
      unwrap(await call('project:openDemo', {}));
    }
    const openMs = performance.now() - opened;
    for (const report of reports) report.openMs = openMs;
    // As a user's file after its import: the derived tables of its data and the tables an import's
    // last step makes kept (a cached project that an older format made has them made again here,
    // before anything is timed).
    const project = ctx.project!;
    await project.db.use((sql) => makeKeptTables(project, sql));

    /** One build's page loads of a run: the first visits and revisits, then a load with the warm-up done and the first visits again. */
    const measureLoads = async (b: number, run: number, report: UiPhaseReport) => {
      const { page, counting } = pages[b]!;
      const server = servers[b]!;
      const visit = async (visits: Record<string, UiSample[]>, view: string) => {
        const from = performance.now();
        const v = (await page.evaluate(`(${PAGE_VISIT})(${JSON.stringify(view)})`)) as PageSample;
        (visits[view] ??= []).push({ ...v, ...apiIn(from, performance.now()) });
      };
      const waitForOverview = () =>
        // A function, not text: Playwright evaluates a text predicate with eval, which the page's CSP refuses.
        page.waitForFunction(() => (globalThis as unknown as { __qx: { overviewReady: number } }).__qx.overviewReady > 0, undefined, { timeout: 120_000, polling: 50 });

      const loadStart = performance.now();
      // The first load of a page trades the token in the URL for its cookie.
      await page.goto(pages[b]!.hasCookie ? `http://127.0.0.1:${server.port}/` : server.url);
      pages[b]!.hasCookie = true;
      await waitForOverview();
      counting.isOn = false;
      const { firstScreen, overviewReady, ...longs } = (await page.evaluate(PAGE_LOAD)) as { firstScreen: number; overviewReady: number } & Omit<PageSample, 'ms'>;
      report.firstScreen.push(firstScreen);
      report.overview.push({ ms: overviewReady, ...longs, ...apiIn(loadStart, performance.now()) });
      // The views as the side navigation lists them (the import view shows no figures).
      if (!report.views.length) {
        const tabs = (await page.evaluate(`[...document.querySelectorAll('[role="tab"][data-testid^="tab-"]')].map((el) => el.dataset.testid.slice(4))`)) as string[];
        report.views = tabs.filter((t) => t !== 'overview' && t !== 'import');
      }
      for (const [visits, views] of [
        [report.first, report.views],
        [report.revisit, [...report.views.slice(1), report.views[0]!, 'overview']],
      ] as const) {
        for (const view of views) await visit(visits, view);
      }
      // The same first visits in a load of their own, once the warm-up has asked every view's questions.
      await page.goto(`http://127.0.0.1:${server.port}/`);
      await waitForOverview();
      const warmFrom = performance.now();
      const warm = (await page.evaluate(`(${PAGE_WARM_UP})()`)) as PageSample;
      report.warmUp.push({ ...warm, ...apiIn(warmFrom, performance.now()) });
      for (const view of report.views) await visit(report.firstWarm, view);
      const timeCounting = async (into: number[], count: Parameters<typeof project.db.use>[0]) => {
        const from = performance.now();
        await project.db.use(count);
        into.push(performance.now() - from);
      };
      await timeCounting(report.countedMs.growth, async (sql) => {
        const { previous, current } = await growthPeriods(sql, {}, project.timeZone);
        await querySegmentCounts(sql, undefined, { from0: previous.from, to0: previous.to, from1: current.from, to1: current.to }, project.timeZone);
      });
      await timeCounting(report.countedMs.channels, (sql) => sql.all(channelSql('source', undefined), { ...scopeParams({}, project.timeZone), unknown: unknownChannel() }));
      // Left idle, the page would ask the server (content below the fold, the warm-up) while another build is measured.
      await page.goto('about:blank');
      const label = input.rendererDirs.length > 1 ? ` (build ${b + 1})` : '';
      process.stderr.write(`  load ${run < 0 ? 'unmeasured' : `${run + 1}/${input.runs}`}${label}: first screen ${firstScreen.toFixed(0)} ms, overview ${overviewReady.toFixed(0)} ms\n`);
    };

    // Builds compared: the process's first answers (the project's pages read from disk, the
    // analyses' first runs) are paid once in a pass of the first build that is not counted, so no
    // build is measured on a colder server than the others. One build alone counts them: its
    // first load is the one a user gets after opening the project.
    if (input.rendererDirs.length > 1) await measureLoads(0, -1, emptyReport(loadBefore));
    for (let run = 0; run < input.runs; run++) {
      // A B, then B A: neither build always follows the other.
      const order = input.rendererDirs.map((_, b) => b);
      for (const b of run % 2 === 0 ? order : order.reverse()) await measureLoads(b, run, reports[b]!);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    await call('project:close', {});
  }
  const loadAfter = os.loadavg()[0]!;
  for (const report of reports) report.loadAfter = loadAfter;
  reportPhase({ reports: JSON.stringify(reports) });
}

await main();
