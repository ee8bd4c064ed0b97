import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_CONF, ALLOCATOR_ENV } from '../../src-main/db/allocator';

const root = path.resolve(import.meta.dirname, '..', '..');
const probe = path.join(root, 'test', 'support', 'duckdbLoadProbe.cjs');

/** Runs an entry point under tsx with the probe preloaded: what the allocator's variable was when DuckDB loaded. */
function atDuckDbLoad(entry: string, args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env[ALLOCATOR_ENV];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--require', probe, '--import', 'tsx', entry, ...args], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith(`${ALLOCATOR_ENV}=`));
      if (line) resolve(line.slice(ALLOCATOR_ENV.length + 1));
      else reject(new Error(`DuckDB never loaded (${error?.message ?? 'no error'}): ${stderr.slice(0, 500)}`));
    });
  });
}

/** The relative modules a file imports statically (not `import()`), resolved to .ts files. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('DuckDB allocator settings (db/allocator.ts)', () => {
  it('are in the environment when the browser-mode server and the command line load DuckDB', async () => {
    expect(await atDuckDbLoad(path.join('src-main', 'server', 'main.ts'), [])).toBe(ALLOCATOR_CONF);
    expect(await atDuckDbLoad(path.join('src-main', 'cli', 'main.ts'), ['metrics', '--project', path.join(root, 'no-such.qunxi'), '--period', 'week'])).toBe(ALLOCATOR_CONF);
  }, 240_000);

  it('leave a setting already in the environment as it is', async () => {
    const env = { ...process.env, [ALLOCATOR_ENV]: 'dirty_decay_ms:1000' };
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--require', probe, '--import', 'tsx', path.join('src-main', 'server', 'main.ts')], { cwd: root, env, timeout: 120_000 }, (error, stdout) =>
        stdout ? resolve(stdout) : reject(error ?? new Error('no output')),
      ),
    );
    expect(out).toContain(`${ALLOCATOR_ENV}=dirty_decay_ms:1000`);
  }, 120_000);

  it('are set by the app’s entry before anything it imports statically can load DuckDB', () => {
    // electron-vite's main entry is boot.ts, which imports main.ts (and with it DuckDB) only dynamically.
    expect(readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8')).toMatch(/index: resolve\(__dirname, 'src-main\/app\/boot\.ts'\)/);
    const boot = path.join(root, 'src-main', 'app', 'boot.ts');
    expect(staticImports(boot)).toEqual(['../db/allocatorSetup']);
    const setup = path.join(root, 'src-main', 'db', 'allocatorSetup.ts');
    expect(staticImports(setup)).toEqual(['./allocator']);
    expect(staticImports(path.join(root, 'src-main', 'db', 'allocator.ts'))).toEqual([]);
    expect(readFileSync(boot, 'utf8')).toMatch(/^await import\('\.\/main'\);$/m);
  });
});
