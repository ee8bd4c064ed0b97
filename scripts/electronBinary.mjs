// Where the Electron executable is, found without `require('electron')`: that module tries to
// download the binary when it is missing, which must never happen offline or in a test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable, or null with the reason it is unavailable.
 * @param {string} fromDir a folder inside the project, to resolve `electron` from
 * @returns {{ path: string | null, reason: string }}
 */
export function findElectronBinary(fromDir) {
  let pkgDir;
  try {
    pkgDir = path.dirname(createRequire(path.join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return { path: null, reason: `the Electron binary was never downloaded (${path.join(pkgDir, 'dist')} is absent)` };
  const binary = path.join(distDir, relative ?? 'electron');
  if (!existsSync(binary)) return { path: null, reason: `the Electron binary is missing (${binary})` };
  return { path: binary, reason: '' };
}

/**
 * Whether a window can be shown: macOS and Windows always can; Linux needs an X or Wayland display.
 * @param {NodeJS.Platform} platform
 * @param {NodeJS.ProcessEnv} env
 */
export function hasDisplay(platform = process.platform, env = process.env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
