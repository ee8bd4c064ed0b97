// `npm test`: type check and lint, build, then both runners at once — vitest (unit and integration)
// and Playwright (end to end, test/e2e/**/*.spec.ts) — ending with ONE line that sums both,
// `tests: N passed, N failed, N skipped`: CI reads the last line. Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const vitestCounts = path.join(results, 'vitest-counts.json');
const playwrightReport = path.join(results, 'e2e-report.json');

/**
 * Runs a command with the terminal attached; resolves to its exit code. A `niceness` above 0 lowers
 * its priority (and that of the processes it starts, which inherit it) when the system allows.
 */
function run(command, args, env = {}, niceness = 0) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (niceness > 0 && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, niceness);
      } catch {
        // Not allowed here: the runners then share the cores as equals.
      }
    }
    child.on('error', (e) => {
      process.stderr.write(`cannot start ${command}: ${e.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The JSON a runner left, or null when it left none (it crashed before its end). */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Runs a command with its output kept until it ends (several run at once: their lines would
 * interleave); resolves to its exit code and what it printed.
 */
function runCaptured(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) => resolve({ code: 1, output: `cannot start ${command}: ${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

// The type check (tsc, one core, the longest step: about 45 CPU-seconds from a fresh clone) runs
// beside everything else, and its output is printed whole when it ends; a failure still fails the
// run (counted below). The lint (one core) runs beside it, then the build: electron-vite writes its
// bundled config beside the sources for a moment, and ESLint, listing the files meanwhile, failed to
// read it once gone. One after the other the type check kept a core idle for some 40 s before the
// tests; the tests themselves need neither's output. (`npm run check` is the two, one after the other.)
const typecheck = runCaptured('npm', ['run', 'typecheck']).then((o) => {
  process.stdout.write(o.output);
  return o.code;
});
const lint = await runCaptured('npm', ['run', 'lint']);
process.stdout.write(lint.output);
if (lint.code !== 0) {
  await typecheck;
  process.exit(lint.code);
}
const buildCode = await run('npm', ['run', 'build']);
if (buildCode !== 0) {
  await typecheck;
  process.exit(buildCode);
}

mkdirSync(results, { recursive: true });
rmSync(vitestCounts, { force: true });
rmSync(playwrightReport, { force: true });

// The two runners side by side. In the quiet fresh-clone CI of 5d60b70 they took 428 s (vitest)
// and 324 s (Playwright) one after the other. Vitest keeps both cores busy: 988 CPU-seconds (user +
// sys) in a run at a load of ~12, where Playwright took 445 for as many tests, so about 2/3 of the
// 648 core-seconds of its 324 s on a quiet machine at most: its workers mostly wait on the browser,
// the server and charts drawn. Playwright keeps its priority, so its waits on events stay as short
// as when it ran alone (its 119 tests passed beside vitest at a load of 12–19); vitest, which only
// needs throughput, runs at a lower one and takes the cores whenever Playwright leaves them.
// Vitest's output is live; Playwright's is printed whole after it.
const playwright = runCaptured('npx', ['playwright', 'test'], { QUNXI_E2E_JSON: playwrightReport });
const vitestCode = await run('npx', ['vitest', 'run'], { QUNXI_VITEST_COUNTS: vitestCounts }, 10);
const { code: playwrightCode, output: playwrightOutput } = await playwright;
process.stdout.write(playwrightOutput);

const unit = readJson(vitestCounts) ?? { passed: 0, failed: 0, skipped: 0, failures: [] };
// Playwright's stats: expected = passed, unexpected = failed, flaky = passed only on a retry (none: retries 0).
const stats = readJson(playwrightReport)?.stats ?? { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
const e2e = { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };

/** Playwright's failed tests, file:line › describe › title, from its JSON report (a suite per file, then one per describe). */
function e2eFailures(report) {
  const names = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      if ((spec.tests ?? []).some((t) => t.status === 'unexpected' || t.status === 'flaky')) {
        names.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const s of report?.suites ?? []) walk(s, []);
  return names;
}

const typecheckCode = await typecheck;

let failed = unit.failed + e2e.failed;
// A runner that failed without a failed test (it crashed, found no test, a global set-up broke) still fails the run.
if (vitestCode !== 0 && unit.failed === 0) failed++;
if (playwrightCode !== 0 && e2e.failed === 0) failed++;
// So does a type error, though every test passed.
if (typecheckCode !== 0) failed++;

// Named before the counts, so a log cut to its tail still says which tests failed.
if (typecheckCode !== 0) process.stdout.write('\nfailed: the type check (npm run typecheck, its errors above)');
for (const f of unit.failures ?? []) process.stdout.write(`\nfailed (vitest): ${f}`);
for (const f of e2eFailures(readJson(playwrightReport))) process.stdout.write(`\nfailed (playwright): ${f}`);
process.stdout.write(`\nvitest: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped\n`);
process.stdout.write(`playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped\n`);
process.stdout.write(`tests: ${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
