/**
 * The parsing worker when the code runs from its TypeScript sources (tsx: the CLI and browser
 * mode; vitest; the bench). Starting the worker through tsx's loader took most of a second per
 * import (every module resolved through the loader's hooks thread, twice over); the app's
 * build avoids that by bundling the worker (electron-vite's `importWorker.js`). Here the worker
 * is bundled the same way with esbuild, which tsx brings along, into `node_modules/.cache/qunxi`,
 * and rebuilt only when one of its sources changed. Any failure falls back to tsx.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// Type only: esbuild is loaded at run time from tsx's own dependencies, and never in the app's build.
import type * as Esbuild from 'esbuild';

/** What the last build read, to tell whether it is still current. */
interface Manifest {
  /** Bundle file name in the cache folder. */
  output: string;
  /** Each source file with its size and modification time at build time. */
  inputs: Record<string, string>;
}

function stamp(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Writes a file so a reader never sees it half written (another process may build at the same time). */
function writeAtomically(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Whether a bundle of `source` is current; its path if so. */
function currentBundle(dir: string, manifestPath: string): string | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const output = path.join(dir, manifest.output);
  if (stamp(output) === null) return null;
  for (const [file, was] of Object.entries(manifest.inputs)) if (stamp(file) !== was) return null;
  return output;
}

/** Bundles older builds left behind, once no process can still be starting a worker from them. */
function removeOldBundles(dir: string, base: string, current: string): void {
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of readdirSync(dir)) {
    if (name === current || !name.startsWith(`${base}-`) || !name.endsWith('.mjs')) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

/**
 * A bundled ESM copy of the worker source `source`, built if missing or stale; null when it
 * cannot be had (no esbuild next to tsx, a build error), so the caller starts the source with tsx.
 */
export function bundledWorker(source: string): string | null {
  try {
    const fromHere = createRequire(import.meta.url);
    const tsxPackage = fromHere.resolve('tsx/package.json');
    // <root>/node_modules/tsx/package.json → <root>/node_modules/.cache/qunxi: bare imports left
    // outside the bundle (exceljs, saxes) resolve from there as from the sources.
    const dir = path.join(path.dirname(path.dirname(tsxPackage)), '.cache', 'qunxi');
    // One manifest per source path: working trees that share node_modules (git worktrees) would
    // otherwise take each other's bundle whenever their own sources' stamps happened to match.
    const manifestPath = path.join(dir, `${path.basename(source, '.ts')}.${createHash('sha256').update(path.resolve(source)).digest('hex').slice(0, 12)}.json`);
    const current = currentBundle(dir, manifestPath);
    if (current) return current;
    const esbuild = createRequire(tsxPackage)('esbuild') as typeof Esbuild;
    const result = esbuild.buildSync({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const output = `${path.basename(source, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    mkdirSync(dir, { recursive: true });
    writeAtomically(path.join(dir, output), code);
    const root = process.cwd();
    const inputs: Record<string, string> = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const file = path.resolve(root, input);
      inputs[file] = stamp(file) ?? '';
    }
    writeAtomically(manifestPath, JSON.stringify({ output, inputs } satisfies Manifest));
    removeOldBundles(dir, path.basename(source, '.ts'), output);
    return path.join(dir, output);
  } catch {
    return null;
  }
}
