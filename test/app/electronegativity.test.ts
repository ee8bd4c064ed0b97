/**
 * Electronegativity, the static scanner for Electron security mistakes, run over the shell's and the
 * renderer's sources as part of `npm test` (issue 12 item 13). It runs offline: the one check that
 * fetches Electron's release list (AvailableSecurityFixesGlobalCheck, which only reads versions from a
 * package.json, and the sources have none) is skipped, the Electron version is given from
 * package.json, and the translations fetch it tries gives up after 1 s ("Could not retrieve updated
 * translations" on stderr is expected). The scanner is called through its programmatic entry, not the
 * CLI: the CLI's CSV loses the first finding (it writes the header and the rows concurrently) and its
 * exit status does not say whether a file could not be parsed, which would leave that file unscanned.
 *
 * QUNXI_SCAN_ROOT=<another checkout> scans that tree instead (e.g. an older commit, to see this fail).
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import run, { type Issue, type ScanResult } from '@doyensec/electronegativity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceRoot = path.resolve(process.env.QUNXI_SCAN_ROOT ?? repoRoot);
const reportDir = path.join(repoRoot, 'test-results', 'electronegativity');

const packageJson: { devDependencies: Record<string, string> } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The Electron version the app is built with, so the scanner neither detects nor fetches it. */
const electronVersion = /\d+\.\d+\.\d+/.exec(packageJson.devDependencies.electron)?.[0] ?? '';

/** Severities that fail the suite. */
const FAILING_SEVERITIES = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/**
 * Inline `eng-disable` markers allowed in the scanned sources, each the record of a finished manual
 * review (file → the checks it silences). Any other marker fails the suite, so a finding cannot be
 * made to disappear by a comment alone.
 */
const ALLOWED_DISABLES: Readonly<Record<string, readonly string[]>> = {
  // Every preload is flagged for review; ours exposes three functions (test/preload/preload.test.ts).
  'src-main/app/mainWindow.ts': ['PRELOAD_JS_CHECK'],
};

/** One finding on one line, for the test log and failure messages. */
const describeIssue = (i: Issue): string => `${i.severity.name} ${i.confidence.name} ${i.id} ${i.file}:${i.location.line}:${i.location.column} — ${i.description}`;

/** The CSP global check's only TENTATIVE finding is a policy it could not parse (CSPGlobalCheck.js). */
const isUnparsableCsp = (i: Issue): boolean => i.id === 'CSP_GLOBAL_CHECK' && i.confidence.name === 'TENTATIVE';

/** Scans a folder as `npx electronegativity -i <input> -e <electron> -x AvailableSecurityFixesGlobalCheck -r` does. */
function scan(input: string, sarifReport?: string): Promise<ScanResult> {
  return run({
    input,
    output: sarifReport,
    isSarif: sarifReport !== undefined,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
  });
}

/** The `eng-disable` markers under a folder, as `file: [checks]` (the scanner's own pattern). */
async function disableMarkers(dir: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const match of (await fs.readFile(file, 'utf8')).matchAll(/eng-disable[ \t]+([\w \t]+)/gi)) {
      const key = path.relative(dir, file).split(path.sep).join('/');
      found[key] = [...(found[key] ?? []), ...match[1].trim().split(/[\s,]+/)];
    }
  }
  return found;
}

let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-electronegativity-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('knows the Electron version from package.json', () => {
    expect(electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('finds nothing of medium or high severity in the shell and the renderer, and parses every file and CSP', { timeout: 120_000 }, async () => {
    // The shell and the renderer together, so the global checks (navigation limits, permission
    // handler, CSP) see the whole app, and the page's <meta> CSP is evaluated too.
    const input = path.join(tmp, 'app');
    for (const folder of ['src-main', 'src-renderer']) await fs.cp(path.join(sourceRoot, folder), path.join(input, folder), { recursive: true });
    await fs.mkdir(reportDir, { recursive: true });
    const report = path.join(reportDir, 'app.sarif');
    await fs.rm(report, { force: true });

    const result = await scan(input, report);

    console.log(`Electronegativity ${electronVersion}: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings\n${result.issues.map(describeIssue).join('\n')}`);
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.errors.filter((e) => !e.tolerable), 'files the scanner could not parse (so did not scan)').toEqual([]);
    const failing = result.issues.filter((i) => FAILING_SEVERITIES.has(i.severity.name)).map(describeIssue);
    expect(failing, `medium/high findings:\n${failing.join('\n')}`).toEqual([]);
    expect(result.issues.filter(isUnparsableCsp).map(describeIssue), 'CSPs the scanner could not parse').toEqual([]);
    // The scanner found and evaluated both policies: the shell's header and the page's <meta>.
    expect(result.issues.filter((i) => i.id === 'CSP_GLOBAL_CHECK').map((i) => i.file).sort()).toEqual(['src-main/app/security.ts', 'src-renderer/index.html']);
    expect(await disableMarkers(input)).toEqual(ALLOWED_DISABLES);

    // The report is written after the scan resolves; wait for it so the run leaves it whole.
    for (let i = 0; i < 50 && !existsSync(report); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(JSON.parse(await fs.readFile(report, 'utf8')).runs[0].results.length).toBe(result.issues.length);
  });

  it('reports a window built the old way (options from a function, CSP by name) — the scan can fail', { timeout: 60_000 }, async () => {
    const input = path.join(tmp, 'unsafe');
    await fs.mkdir(input);
    await fs.writeFile(
      path.join(input, 'main.js'),
      [
        "const { BrowserWindow, session } = require('electron');",
        "const { windowOptions } = require('./windowOptions');",
        "const csp = \"default-src 'self'\";",
        'session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
        "  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });",
        '});',
        "const win = new BrowserWindow(windowOptions('/app/preload.cjs'));",
        'module.exports = { win };',
        '',
      ].join('\n'),
    );

    const result = await scan(input);

    const failingIds = result.issues.filter((i) => FAILING_SEVERITIES.has(i.severity.name)).map((i) => i.id);
    expect(failingIds).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK']));
    expect(result.issues.filter(isUnparsableCsp)).toHaveLength(1);
  });
});
