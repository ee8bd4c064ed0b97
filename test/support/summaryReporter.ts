import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, so whoever reads only
 * the last line of CI sees the whole verdict. Under scripts/test.mjs (QUNXI_VITEST_COUNTS names a
 * file) the counts go to that file as JSON instead, and the line says `vitest:`: the script ends
 * with the `tests:` line of both runners. The failed tests are named too (file › test), so a CI log
 * cut to its tail still says which ones failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failures: string[] = [];
    for (const mod of testModules) {
      const failedBefore = failed;
      for (const t of mod.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') {
          failed++;
          const why = t.result().errors?.[0]?.message?.split('\n')[0]?.slice(0, 200);
          failures.push(`${path.relative(process.cwd(), mod.moduleId)} › ${t.fullName}${why ? ` — ${why}` : ''}`);
        } else skipped++;
      }
      // A file that failed with no failed test (it did not load, or a beforeAll threw and its tests were skipped) counts once.
      if (mod.state() === 'failed' && failed === failedBefore) {
        failed++;
        failures.push(`${path.relative(process.cwd(), mod.moduleId)} (the file itself: it did not load, or a hook failed)`);
      }
    }
    const countsFile = process.env.QUNXI_VITEST_COUNTS;
    if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed, failed, skipped, failures }));
    else for (const f of failures) process.stdout.write(`\nfailed: ${f}`);
    process.stdout.write(`\n${countsFile ? 'vitest' : 'tests'}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
