import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, slowest first: seconds of each in the fresh-clone CI at 220921c (quiet
 * 2-core machine, /tmp/s8/ci-last.log). Vitest without a cache of durations (a fresh clone) runs
 * the larger files first; these are small files, and cliGolden.test.ts (45 s then) started last
 * once, one worker alone for its 41 s while the other had nothing left. Started first, they end
 * beside the other worker's many short files (a schedule of that run's times: 394 s → 374 s).
 * Here rather than in a module of its own: Vite loads this file's relative imports only with
 * their extension natively, and warned of the import without one at each of the five loads.
 */
const slowestFirst = [
  'test/export/anonymizedCopy.test.ts', // 33 s
  'test/import/badInputCorpus.test.ts', // 32 s
  'test/cli/cliGolden.test.ts', // 30 s
  'test/cli/cliProcess.test.ts', // 24 s
  'test/import/mergeProject.test.ts', // 20 s
  'test/import/importFile.test.ts', // 18 s
  'test/api/leftovers.test.ts', // 16 s
  'test/api/importBatch.test.ts', // 15 s
  'test/export/everyWriterNeutralises.test.ts', // 15 s
  'test/import/readerCsv.test.ts', // 14 s
  'test/import/badInput.test.ts', // 14 s
];

/**
 * Vitest's order (a project's files together, then by the durations cached or by size) with the
 * slowest files of each project moved to its front, and the project of the slowest file first (the
 * golden project's two files came after `shared`'s 150 files).
 */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowestFirst.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? slowestFirst.length : i;
    };
    // A project's place: its slowest file's rank, then Vitest's order of the projects.
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const place = new Map(projects.map((name, i) => [name, Math.min(...sorted.filter((f) => f.project.name === name).map(rank)) * projects.length + i]));
    // Array.prototype.sort is stable: the rest keep Vitest's order.
    return sorted.sort((a, b) => place.get(a.project.name)! - place.get(b.project.name)! || rank(a) - rank(b));
  }
}

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
