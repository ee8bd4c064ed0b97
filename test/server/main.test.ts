/**
 * `npm run serve` as users run it: a child process that opens the demo, prints one line with
 * the tokenised URL, serves the API, and on SIGTERM closes the project and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest } from './rawRequest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let child: ChildProcess | null = null;
let root = '';

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (root) await fs.rm(root, { recursive: true, force: true });
});

/** Resolves with the first stdout line, or rejects with stderr if the process ends first. */
function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    proc.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

describe('browser-mode launcher', () => {
  it('opens the demo, prints the tokenised URL, serves it and shuts down cleanly on SIGTERM', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-serve-'));
    const env = {
      ...process.env,
      QUNXI_CONFIG_DIR: path.join(root, 'config'),
      QUNXI_PROJECTS_DIR: path.join(root, 'projects'),
      QUNXI_TEMP_DIR: path.join(root, 'tmp'),
    };
    child = spawn(process.execPath, [tsxCli, 'src-main/server/main.ts', '--demo', '--port', '0'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await firstLine(child);
    const m = /^群析浏览器模式已启动：(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{48}))$/.exec(line);
    expect(m, line).not.toBeNull();
    const port = Number(m![2]);
    const token = m![3];

    const call = (method: string) =>
      rawRequest(port, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(JSON.parse((await call('app:info')).body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
    const current = JSON.parse((await call('project:current')).body) as { ok: boolean; value: { name: string; path: string } };
    expect(current.value).toMatchObject({ name: '示例项目', path: path.join(root, 'config', '示例项目.qunxi') });
    expect((await rawRequest(port, { method: 'POST', path: '/api/app:info', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Closed cleanly: checkpointed, no write-ahead log left beside the project.
    await expect(fs.stat(`${current.value.path}.wal`)).rejects.toThrow();
  });

  it('refuses an unknown option with a one-line reason and a non-zero exit', async () => {
    const proc = spawn(process.execPath, [tsxCli, 'src-main/server/main.ts', '--bogus'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('未知参数');
  });
});
