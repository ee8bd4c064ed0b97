// `npm test`: type check and lint, build, then both runners — vitest (unit and integration) and
// Playwright (end to end, test/e2e/**/*.spec.ts) — ending with ONE line that sums both,
// `tests: N passed, N failed, N skipped`: CI reads the last line. Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const vitestCounts = path.join(results, 'vitest-counts.json');
const playwrightReport = path.join(results, 'e2e-report.json');

/** Runs a command with the terminal attached; resolves to its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
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
function runCaptured(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

const vitestCode = await run('npx', ['vitest', 'run'], { QUNXI_VITEST_COUNTS: vitestCounts });
const playwrightCode = await run('npx', ['playwright', 'test'], { QUNXI_E2E_JSON: playwrightReport });

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
