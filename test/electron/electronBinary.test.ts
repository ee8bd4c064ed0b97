import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, hasDisplay } from '../../scripts/electronBinary.mjs';
import { tempDir } from '../support/tempDirs';

const made: ReturnType<typeof tempDir>[] = [];
afterAll(() => made.forEach((t) => t.cleanup()));

/** A project folder with a fake electron package, optionally "downloaded"; removed after the file's tests. */
function fakeProject(isDownloaded: boolean): string {
  const temp = tempDir('qunxi-electron-bin-');
  made.push(temp);
  const dir = temp.dir;
  const pkg = path.join(dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (isDownloaded) {
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    mkdirSync(path.join(pkg, 'dist'));
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
  }
  return dir;
}

describe('finding Electron without downloading it', () => {
  it('reports a package whose binary was never downloaded', () => {
    const r = findElectronBinary(fakeProject(false));
    expect(r.path).toBeNull();
    expect(r.reason).toContain('never downloaded');
  });

  it('finds a downloaded binary', () => {
    const dir = fakeProject(true);
    expect(findElectronBinary(dir)).toEqual({ path: path.join(dir, 'node_modules', 'electron', 'dist', 'electron'), reason: '' });
  });

  it('needs a display only on Linux', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});
