// The command line as a built bundle (DESIGN §6): out/cli/qunxi.mjs with its chunks, and the
// worker threads beside it (out/cli/importWorker.js, xlsxWorker.js). Built with esbuild, which
// tsx brings along, in a second or so; bin/qunxi.mjs rebuilds it whenever a file it was built
// from has changed, so there is no build step to forget. `node scripts/cliBundle.mjs` (`npm run
// build:cli`) builds it unconditionally.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const thisScript = fileURLToPath(import.meta.url);

/** Where the bundle is written. */
export const cliOutDir = path.join(root, 'out', 'cli');

const ENTRY = 'qunxi.mjs';
/**
 * The worker threads, built beside the bundle under the names the app's build gives them
 * (electron.vite.config.ts), where the code that starts them looks (import/moduleWorker.ts).
 */
export const cliWorkers = { importWorker: 'src-main/import/worker.ts', xlsxWorker: 'src-main/export/xlsxWorker.ts', reportWorker: 'src-main/export/reportWorker.ts' };
const MANIFEST = 'build.json';
/** npm's record of what node_modules holds, rewritten by every install. */
const NPM_LOCK = path.join(root, 'node_modules', '.package-lock.json');
/** Chunks of an older build are removed once no process started from it can still be loading them. */
const OLD_CHUNK_AGE_MS = 10 * 60_000;

/** Size and modification time of a file, or null when it is gone. */
function stamp(file) {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Writes a file so a reader never sees it half written (another process may build at the same time). */
function writeAtomically(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * Whether the bundle in `outDir` was built from the files as they are now: every file the last
 * build read (the manifest lists them, this script included) still has its size and mtime, and
 * every file it wrote is there. About a hundred and fifty stat calls, a millisecond or two.
 */
export function isCliBundleCurrent(outDir = cliOutDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(outDir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  for (const name of manifest.outputs) if (stamp(path.join(outDir, name)) === null) return false;
  for (const [file, was] of Object.entries(manifest.inputs)) if (stamp(path.resolve(root, file)) !== was) return false;
  return true;
}

/** esbuild as tsx depends on it (the launcher runs on plain Node, without tsx's loader). */
function loadEsbuild() {
  const fromRoot = createRequire(path.join(root, 'package.json'));
  try {
    return createRequire(fromRoot.resolve('tsx/package.json'))('esbuild');
  } catch {
    return fromRoot('esbuild');
  }
}

function removeOldChunks(outDir, current) {
  const dir = path.join(outDir, 'chunks');
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - OLD_CHUNK_AGE_MS;
  for (const name of names) {
    const file = path.join(dir, name);
    if (current.has(`chunks/${name}`)) continue;
    try {
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
}

/**
 * Packages load from node_modules as they do under tsx (DuckDB is native; CommonJS packages such
 * as exceljs and @stdlib cannot be bundled into ES modules as they are, their `require` of Node's
 * own modules fails there), except zod: pure ES modules that the contract, and so `--help`, loads,
 * and one bundled file parses faster than its hundred-odd modules.
 */
const packagesFromNodeModulesButZod = {
  name: 'packages-from-node-modules-but-zod',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || args.path === 'zod' || args.path.startsWith('zod/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Builds the bundle into `outDir`. The CLI is split into chunks so that its entry loads only
 * argument parsing and the usage text; the handlers, and DuckDB with them, are a dynamic import.
 * Throws with esbuild's messages when the sources do not build.
 */
export async function buildCli({ outDir = cliOutDir } = {}) {
  const esbuild = loadEsbuild();
  const startedAt = Date.now();
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [packagesFromNodeModulesButZod],
    outdir: outDir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
  const [cli, worker] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { qunxi: 'src-main/cli/main.ts' },
      splitting: true,
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
    }),
    // The workers without splitting: a worker thread starts from one file.
    esbuild.build({ ...common, entryPoints: cliWorkers, entryNames: '[name]' }),
  ]);
  const files = [...cli.outputFiles, ...worker.outputFiles].map((f) => ({ name: path.relative(outDir, f.path).split(path.sep).join('/'), contents: f.contents }));
  // Chunks first, the entries after them, the manifest last: a concurrent launcher that sees the
  // new manifest finds every file it names.
  files.sort((a, b) => Number(!a.name.startsWith('chunks/')) - Number(!b.name.startsWith('chunks/')));
  for (const f of files) writeAtomically(path.join(outDir, f.name), f.contents);
  const inputs = {};
  const read = [...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs), path.relative(root, thisScript)];
  // Bundled packages (zod, @stdlib: hundreds of small files) change only when npm installs, and
  // npm rewrites node_modules/.package-lock.json whenever it does: one stamp stands for them all,
  // which keeps the launcher's check to the sources.
  const lockStamp = stamp(NPM_LOCK);
  const isPackageFile = (input) => lockStamp !== null && input.split(/[\\/]/).includes('node_modules');
  for (const input of [...read.filter((i) => !isPackageFile(i)), ...(lockStamp !== null ? [path.relative(root, NPM_LOCK)] : [])]) {
    const file = path.resolve(root, input);
    const s = statSync(file);
    // A file saved while the build was reading it may not be in the bundle: record it as changed.
    inputs[path.relative(root, file).split(path.sep).join('/')] = s.mtimeMs >= startedAt ? 'changed during the build' : `${s.size}:${s.mtimeMs}`;
  }
  const outputs = files.map((f) => f.name);
  writeAtomically(path.join(outDir, MANIFEST), `${JSON.stringify({ outputs, inputs }, null, 1)}\n`);
  removeOldChunks(outDir, new Set(outputs));
  return { entry: path.join(outDir, ENTRY), outputs, inputs: Object.keys(inputs), ms: Date.now() - startedAt };
}

/** One line per esbuild message, `file:line:column: text`. */
function buildFailure(e) {
  const messages = Array.isArray(e?.errors) && e.errors.length > 0 ? e.errors : null;
  if (!messages) return e instanceof Error ? e : new Error(String(e));
  const lines = messages.map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text));
  return new Error(lines.join('\n'));
}

/**
 * The launcher's lines in each language: it runs before the bundle, so before the TypeScript
 * locale (src-main/locale/cli.ts) can be loaded.
 */
const launcherText = {
  'zh-CN': {
    rebuilding: 'qunxi：源码有改动，正在重新构建命令行…',
    noEsbuild: (detail) => `qunxi：找不到构建工具 esbuild，使用现有的命令行构建（${detail}）`,
    cannotBuild: 'qunxi：无法构建命令行',
    built: (entry, inputs, ms) => `已构建命令行 ${entry}（${inputs} 个源文件，${ms} ms）`,
  },
  en: {
    rebuilding: 'qunxi: the sources changed, rebuilding the command line…',
    noEsbuild: (detail) => `qunxi: the build tool esbuild is missing, using the existing build (${detail})`,
    cannotBuild: 'qunxi: cannot build the command line',
    built: (entry, inputs, ms) => `Built the command line ${entry} (${inputs} source files, ${ms} ms)`,
  },
};

/** The launcher's texts in the language the command line asks for (`--lang X`, `--lang=X` or QUNXI_LANG, as src-main/cli/run.ts reads them). */
export function launcherTexts(argv = process.argv.slice(2), env = process.env) {
  let language = env.QUNXI_LANG;
  argv.forEach((a, i) => {
    if (a === '--lang') language = argv[i + 1];
    else if (a.startsWith('--lang=')) language = a.slice('--lang='.length);
  });
  return launcherText[language === 'en' ? 'en' : 'zh-CN'];
}

/**
 * The bundle's entry, built first when missing or stale; `log` hears one line when it builds.
 * Without esbuild (an install without the dev tools) an existing bundle is used as it is.
 */
export async function ensureCliBundle({ outDir = cliOutDir, log = () => {}, text = launcherTexts() } = {}) {
  const entry = path.join(outDir, ENTRY);
  if (isCliBundleCurrent(outDir)) return entry;
  log(text.rebuilding);
  try {
    await buildCli({ outDir });
  } catch (e) {
    const failure = buildFailure(e);
    if (e?.code === 'MODULE_NOT_FOUND' && stamp(entry) !== null) {
      log(text.noEsbuild(failure.message.split('\n')[0]));
      return entry;
    }
    throw failure;
  }
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisScript) {
  try {
    const built = await buildCli();
    process.stderr.write(`${launcherTexts().built(path.relative(process.cwd(), built.entry), built.inputs.length, built.ms)}\n`);
  } catch (e) {
    process.stderr.write(`${buildFailure(e).message}\n`);
    process.exitCode = 1;
  }
}
