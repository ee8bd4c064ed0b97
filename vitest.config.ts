import { configDefaults, defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slowFirstSequencer';

/**
 * Test files that share their worker's modules (isolate: false): files whose tests set no module
 * state (no mocks, no language switch, no environment) and pass in any order. A fork and a fresh
 * module graph per file cost more than these files' tests: test/renderer and test/contract, 37
 * files, took 63 s isolated and 12 s shared (28 against 8 CPU-seconds), at the same load;
 * test/analysis, 56 files, 396 s isolated and 187 s shared with 2 workers at a load of ~11.
 * test/api, test/cli, test/db and test/server (49 files) hold their state in temp folders named per
 * test and reset the language they switch; their module caches are keyed by project path.
 */
const sharedModules = [
  'test/renderer/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/analysis/**/*.test.ts',
  'test/import/**/*.test.ts',
  'test/export/**/*.test.ts',
  'test/api/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/db/**/*.test.ts',
  'test/server/**/*.test.ts',
];

/**
 * The files that run the CLI's analyses on the golden projects: they share them, built once per
 * run by the project's global set-up (test/cli/goldenSetup.ts), each file on copies of its own.
 */
const golden = ['test/cli/cliGolden.test.ts', 'test/export/anonymizedCopy.test.ts'];

/**
 * Files under those folders that keep a process of their own: runWorker.test.ts sets module state,
 * test/api/cancellation.test.ts patches DuckDB's connection class; readerLinear.test.ts and
 * test/db/cancellation.test.ts compare durations and want nothing else's leftovers in their process;
 * readerScanner.test.ts streams a sheet a byte at a time, 0.5 s alone, and ran past its 60 s once in
 * a shared process of the whole suite at a load of ~13.
 */
const ownProcess = [
  'test/import/runWorker.test.ts',
  'test/import/readerLinear.test.ts',
  'test/import/readerScanner.test.ts',
  'test/api/cancellation.test.ts',
  'test/db/cancellation.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one fork (cores − 1): the suite ran serially, 8 min.
    // Many files wait on child processes, DuckDB and the disk; two forks keep both cores busy.
    maxWorkers: 2,
    reporters: ['default', './test/support/summaryReporter.ts'],
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        // The end-to-end tests run on Playwright's own runner (playwright.config.ts).
        test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/e2e/**', ...sharedModules] },
      },
      { extends: true, test: { name: 'shared', include: sharedModules, exclude: [...configDefaults.exclude, ...ownProcess, ...golden], isolate: false } },
      { extends: true, test: { name: 'golden', include: golden, isolate: false, globalSetup: ['test/cli/goldenSetup.ts'] } },
      { extends: true, test: { name: 'own-process', include: ownProcess } },
    ],
  },
});
