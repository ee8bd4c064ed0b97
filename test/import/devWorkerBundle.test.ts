/**
 * The parsing worker run from its TypeScript sources is bundled once and started from the
 * bundle (devWorkerBundle.ts); a changed source must never start a stale bundle.
 */
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledWorker } from '../../src-main/import/devWorkerBundle';

let dir: string;
/** The cache folder the bundles went to, to clear this test's entries from. */
let cacheDir: string | null = null;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-bundle-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  if (!cacheDir) return;
  for (const name of await readdir(cacheDir)) if (name.startsWith(`testWorker${process.pid}`)) await rm(path.join(cacheDir, name), { force: true });
});

describe('the bundled worker of the sources', () => {
  it('is built once, reused while its sources stand, and rebuilt when one of them changes', async () => {
    // A name of its own, so this test's cache entry is not the real worker's.
    const entry = path.join(dir, `testWorker${process.pid}.ts`);
    const dep = path.join(dir, 'dep.ts');
    await writeFile(dep, "export const word: string = 'one';\n");
    await writeFile(entry, "import { word } from './dep';\nconsole.log(word);\n");
    const first = bundledWorker(entry);
    expect(first).not.toBeNull();
    cacheDir = path.dirname(first!);
    expect(await readFile(first!, 'utf8')).toContain('"one"');
    expect(bundledWorker(entry)).toBe(first);
    await writeFile(dep, "export const word: string = 'two';\n");
    // Same size, so only the modification time tells.
    await utimes(dep, new Date(), new Date(Date.now() + 5000));
    const second = bundledWorker(entry);
    expect(second).not.toBe(first);
    expect(await readFile(second!, 'utf8')).toContain('"two"');
  });

  it('is null for a source that does not build, so the worker starts through tsx instead', async () => {
    const entry = path.join(dir, `brokenWorker${process.pid}.ts`);
    await writeFile(entry, "import { nothing } from './missing';\nconsole.log(nothing);\n");
    expect(bundledWorker(entry)).toBeNull();
  });
});
