// Entry point of `npm run qunxi -- <command>`: wires the real process to runCli.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Anything that escapes runCli still ends as one line, never a stack trace. */
function die(e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`内部错误：${message.split('\n')[0]}\n`);
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
});
process.exitCode = status;
