import { execFile } from 'node:child_process';
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkers, ensureCliBundle, isCliBundleCurrent } from '../../scripts/cliBundle.mjs';
import { runCliIn } from '../support/cliInProcess';

const repoRoot = path.resolve(__dirname, '../..');
const demoDir = path.join(repoRoot, 'resources', 'demo');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let root: string;

/** The environment of a plain shell: none of the npm_* variables an npm-started vitest inherits. */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...env,
    QUNXI_CONFIG_DIR: path.join(root, 'config'),
    QUNXI_PROJECTS_DIR: path.join(root, 'projects'),
    QUNXI_TEMP_DIR: path.join(root, 'tmp'),
    ...extra,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = shellEnv()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `npm run qunxi -- …args`, as a user types it. */
const npmQunxi = (...args: string[]) => run('npm', ['run', 'qunxi', '--', ...args]);

/**
 * Runs `node bin/qunxi.mjs …args` with a module hook that logs every module the process resolves
 * (the launcher, the bundle and anything they import, node_modules included) and returns them.
 */
async function modulesLoadedBy(...args: string[]): Promise<{ run: Run; urls: string[] }> {
  const dir = await fs.mkdtemp(path.join(root, 'hook-'));
  const log = path.join(dir, 'loaded.txt');
  await fs.writeFile(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(log, r.url + '\\n');
  return r;
}
`,
  );
  await fs.writeFile(
    path.join(dir, 'register.mjs'),
    `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: ${JSON.stringify(log)} } });
`,
  );
  const r = await run(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, 'bin/qunxi.mjs', ...args]);
  const urls = (await fs.readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { run: r, urls };
}

const isDuckdb = (url: string) => url.includes('/node_modules/@duckdb/');
const isExceljs = (url: string) => url.includes('/node_modules/exceljs/');

describe('the command line as a built bundle', () => {
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-cli-bundle-'));
  });
  afterAll(async () => fs.rm(root, { recursive: true, force: true }));

  it('npm run qunxi prints only the answer on stdout: the whole of it parses as JSON', async () => {
    const project = path.join(root, 'demo.qunxi');
    const imported = await npmQunxi('import', '--project', project, path.join(demoDir, '群成员.xlsx'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('');

    const r = await npmQunxi('metrics', '--project', project, '--period', 'week', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(2);
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['period_start', 'period_end', 'total_members']);
    // The bundle answers exactly as the sources run in-process do.
    const inProcess = await runCliIn(root, 'metrics', '--project', project, '--period', 'week', '--format', 'json');
    expect(inProcess.code, inProcess.stderr).toBe(0);
    expect(r.stdout).toBe(inProcess.stdout);
  }, 180_000); // two npm runs (an import, a query), each paying npm's start-up

  it('a failing npm run qunxi leaves stdout empty and its reason as the last stderr line', async () => {
    const r = await npmQunxi('metrics', '--project', path.join(root, 'missing', 'none.qunxi'), '--period', 'week', '--format', 'json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/none\.qunxi/);
  });

  it('qunxi --help prints the usage without loading DuckDB or exceljs', async () => {
    const { run: r, urls } = await modulesLoadedBy('--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^用法：/);
    // The hook saw the bundle itself, so an empty log cannot pass for a light start.
    expect(urls.some((u) => u.endsWith('/out/cli/qunxi.mjs'))).toBe(true);
    expect(urls.filter(isDuckdb)).toEqual([]);
    expect(urls.filter(isExceljs)).toEqual([]);
  });

  it('a command that opens a project does load DuckDB, as the help check would see', async () => {
    const { run: r, urls } = await modulesLoadedBy('metrics', '--project', path.join(root, 'missing', 'none.qunxi'), '--period', 'week');
    expect(r.code).not.toBe(0);
    expect(urls.some(isDuckdb)).toBe(true);
  });

  it('builds beside the bundle every worker thread the app build has, from the same source', () => {
    const config = readFileSync(path.join(repoRoot, 'electron.vite.config.ts'), 'utf8');
    const appWorkers = Object.fromEntries([...config.matchAll(/(\w+Worker): resolve\(__dirname, '([^']+)'\)/g)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(appWorkers)).toContain('importWorker');
    expect(cliWorkers).toEqual(appWorkers);
  });

  it('the launcher rebuilds the bundle when a file it was built from changed, and not otherwise', async () => {
    const outDir = path.join(root, 'bundle');
    const built: string[] = [];
    const log = (line: string) => built.push(line);

    const entry = await ensureCliBundle({ outDir, log });
    expect(built).toHaveLength(1);
    expect(entry).toBe(path.join(outDir, 'qunxi.mjs'));
    for (const worker of Object.keys(cliWorkers)) await expect(fs.stat(path.join(outDir, `${worker}.js`))).resolves.toBeTruthy();
    expect(isCliBundleCurrent(outDir)).toBe(true);

    await ensureCliBundle({ outDir, log });
    expect(built).toHaveLength(1);

    // As if src-main/cli/run.ts had been saved since the build: its recorded stamp no longer matches.
    const manifestFile = path.join(outDir, 'build.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toContain('src-main/cli/run.ts');
    manifest.inputs['src-main/cli/run.ts'] = '0:0';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(isCliBundleCurrent(outDir)).toBe(false);
    await ensureCliBundle({ outDir, log });
    expect(built).toHaveLength(2);
    expect(isCliBundleCurrent(outDir)).toBe(true);

    await fs.rm(path.join(outDir, 'importWorker.js'));
    expect(isCliBundleCurrent(outDir)).toBe(false);
    await ensureCliBundle({ outDir, log });
    expect(built).toHaveLength(3);
  });
});
