import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, so whoever reads only
 * the last line of CI sees the whole verdict. Under scripts/test.mjs (QUNXI_VITEST_COUNTS names a
 * file) the counts go to that file as JSON instead, and the line says `vitest:`: the script ends
 * with the `tests:` line of both runners.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      const failedBefore = failed;
      for (const t of mod.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed with no failed test (it did not load, or a beforeAll threw and its tests were skipped) counts once.
      if (mod.state() === 'failed' && failed === failedBefore) failed++;
    }
    const countsFile = process.env.QUNXI_VITEST_COUNTS;
    if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed, failed, skipped }));
    process.stdout.write(`\n${countsFile ? 'vitest' : 'tests'}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
