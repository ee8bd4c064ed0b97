import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveWorkerFile } from '../../src-main/import/runWorker';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-worker-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('finding the import worker script', () => {
  it('uses the TypeScript source next to the module under tsx and vitest', () => {
    expect(resolveWorkerFile()).toMatch(/src-main[\\/]import[\\/]worker\.ts$/);
  });

  it('uses importWorker.js beside the main bundle, also from a chunk one folder down', async () => {
    await mkdir(path.join(dir, 'chunks'));
    await writeFile(path.join(dir, 'importWorker.js'), '');
    expect(resolveWorkerFile(pathToFileURL(path.join(dir, 'index.js')).href)).toBe(path.join(dir, 'importWorker.js'));
    expect(resolveWorkerFile(pathToFileURL(path.join(dir, 'chunks', 'x.js')).href)).toBe(path.join(dir, 'importWorker.js'));
  });

  it('fails clearly when no worker script is there', () => {
    expect(() => resolveWorkerFile(pathToFileURL(path.join(dir, 'index.js')).href)).toThrow(/导入工作线程/);
  });
});
