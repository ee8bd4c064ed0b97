import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppPaths } from '../../src-main/api/context';

/** A fresh temp folder; call the returned cleanup in afterEach/afterAll. */
export function tempDir(prefix = 'qunxi-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** App folders inside a temp folder, so tests never touch the user's home. */
export function tempPaths(root: string, repoRoot = path.resolve(__dirname, '../..')): AppPaths {
  return {
    projectsDir: path.join(root, 'projects'),
    configDir: path.join(root, 'config'),
    demoDir: path.join(repoRoot, 'resources', 'demo'),
    tempDir: path.join(root, 'tmp'),
  };
}
