/**
 * Starting a worker thread from one of our modules, the same way for every worker (the import
 * parser, the xlsx writer): its TypeScript source under tsx / vitest, or the bundle electron-vite
 * writes beside the main bundle in the app's build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundledWorker } from './devWorkerBundle';

/**
 * The worker script of a module at `from`: the TypeScript source `source` next to it, or the
 * bundled `bundle` that electron-vite writes beside the main bundle (which may sit one folder up
 * when the module lives in a chunk); null when neither is there.
 */
export function findWorkerScript(from: string, source: string, bundle: string): string | null {
  const candidates = [`./${source}`, `./${bundle}`, `../${bundle}`].map((rel) => fileURLToPath(new URL(rel, from)));
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Path of tsx's ESM register API (its CommonJS twin cannot be imported from a worker's eval). */
function tsxEsmApi(): string {
  const req = createRequire(import.meta.url);
  const pkgPath = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return path.join(path.dirname(pkgPath), pkg.exports['./esm/api'].import.default);
}

/**
 * Starts the worker script `file`. A bundled .js entry starts directly. A .ts source is bundled
 * first (devWorkerBundle.ts) and started without the parent's `--import tsx`, which would load
 * tsx's hooks into the thread for nothing. Failing that, it needs tsx inside the thread: Node 20
 * does not apply `--import tsx` from a worker's execArgv to the worker's entry module, so a tiny
 * eval bootstrap registers tsx's loader first and then imports the source.
 */
export function startModuleWorker(file: string, options: WorkerOptions = {}): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, options);
  const bundle = bundledWorker(file);
  if (bundle) return new Worker(bundle, { ...options, execArgv: [] });
  const tsxApi = pathToFileURL(tsxEsmApi()).href;
  const entry = pathToFileURL(file).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
