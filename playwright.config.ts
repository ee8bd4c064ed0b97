import { defineConfig } from '@playwright/test';
import { contextOptions } from './test/e2e/browserContext';

/**
 * End-to-end tests: the real browser-mode server (real handlers, real DuckDB) in the test worker,
 * driven through Debian's Chromium. Never `npx playwright install`: no browser is downloaded.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Builds the app when `npm run build` has not (test/e2e/globalSetup.ts).
  globalSetup: './test/e2e/globalSetup.ts',
  // The machine has 2 cores shared with the build and other work: 2 workers at most, unless
  // QUNXI_E2E_WORKERS says otherwise (`QUNXI_E2E_WORKERS=3 npm test`, for a quiet machine's trial:
  // the whole run used 413 CPU-seconds at a load of 11–13, where the quiet CI at 220921c took 312 s
  // on 2 cores, some 620 core-seconds; under a load of 16–23, 3 workers took 459 CPU-seconds and
  // importAll.spec's four-file import ran past its 60 s).
  workers: Number(process.env.QUNXI_E2E_WORKERS) || 2,
  fullyParallel: true,
  // A flaky test is fixed, not retried.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous for a loaded machine (a page load alone took 10–20 s at a load average of 20, with the
  // trace recording); every wait is on an event, never on time.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.QUNXI_E2E_JSON ?? 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.QUNXI_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    ...contextOptions,
    // A trace records every action's DOM snapshot and a screencast: a fifth of the run's CPU (the
    // 12 tests of overview and vvip: 109 CPU-seconds with it, 86 without). Asked for with
    // QUNXI_E2E_TRACE=1 when a failure needs more than its screenshot and error context.
    trace: process.env.QUNXI_E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
