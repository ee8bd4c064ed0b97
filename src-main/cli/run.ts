import { toApiError } from '../contract/appError';
import { parseCliArgs, usage } from './args';
import { cliText } from '../locale/cli';
import { errorMessage } from '../locale/errors';
import { defaultLanguage, isLanguage, setLanguage } from '../locale/language';
import type { CliIo } from './io';

export type { CliIo } from './io';

/**
 * Runs one command line through the same handlers every other transport uses and returns the
 * exit status: 0 done, 1 failed, 2 bad usage. On failure the last stderr line is the reason.
 * Help and usage errors are answered from the arguments alone; only a command to run loads the
 * handlers (execute.ts), and with them DuckDB.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const chosen = takeLanguage(argv, io.env);
  if (!chosen.ok) {
    io.err(`${usage()}\n${cliText.badLanguage(chosen.value)}\n`);
    return 2;
  }
  let cmd;
  try {
    cmd = parseCliArgs(chosen.argv);
  } catch (e) {
    io.err(`${usage()}\n${errorMessage(toApiError(e))}\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    io.out(`${usage()}\n`);
    return 0;
  }
  const { executeCommand } = await import('./execute');
  return executeCommand(cmd, io);
}

/**
 * Sets the language from `--lang X` / `--lang=X` (anywhere on the line) or QUNXI_LANG, Chinese by
 * default, and returns the arguments without it: messages, summaries and usage follow it; JSON keys
 * and CSV headers are ids in every language.
 */
function takeLanguage(argv: string[], env: NodeJS.ProcessEnv | undefined): { ok: true; argv: string[] } | { ok: false; value: string } {
  let value = env?.QUNXI_LANG;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else rest.push(a);
  }
  // Every run starts from the default: in-process runs (tests) must not inherit the last one's.
  setLanguage(defaultLanguage);
  if (value === undefined || value === '') return { ok: true, argv: rest };
  if (!isLanguage(value)) return { ok: false, value };
  setLanguage(value);
  return { ok: true, argv: rest };
}
