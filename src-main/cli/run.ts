import { toApiError } from '../contract/appError';
import { parseCliArgs, USAGE } from './args';
import type { CliIo } from './io';

export type { CliIo } from './io';

/**
 * Runs one command line through the same handlers every other transport uses and returns the
 * exit status: 0 done, 1 failed, 2 bad usage. On failure the last stderr line is the reason.
 * Help and usage errors are answered from the arguments alone; only a command to run loads the
 * handlers (execute.ts), and with them DuckDB.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let cmd;
  try {
    cmd = parseCliArgs(argv);
  } catch (e) {
    io.err(`${USAGE}\n${toApiError(e).message}\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const { executeCommand } = await import('./execute');
  return executeCommand(cmd, io);
}
