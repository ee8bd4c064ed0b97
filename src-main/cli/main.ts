// Entry point of the command line: wires the real process to runCli. Built into
// out/cli/qunxi.mjs (scripts/cliBundle.mjs), which bin/qunxi.mjs runs for `qunxi` and
// `npm run qunxi`; its static imports stay light so `--help` starts without DuckDB.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstLine } from '../contract/appError';
import { runCli } from './run';
import { cliText } from '../locale/cli';

// Two folders up from both src-main/cli/main.ts and the built out/cli/qunxi.mjs.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Anything that escapes runCli still ends as one line, never a stack trace. */
function die(e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${cliText.internal(firstLine(message))}\n`);
  process.exit(1);
}
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

const status = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isStderrTty: !!process.stderr.isTTY,
  env: process.env,
  repoRoot,
  onInterrupt(listener) {
    // once: with no listener left, Node's default ends the process on the next Ctrl+C.
    process.once('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
process.exitCode = status;
