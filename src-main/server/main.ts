/**
 * Browser mode entry (`npm run serve`): the real handlers over HTTP on 127.0.0.1, serving the
 * built renderer. Prints one line with the URL (token included) on stdout; everything else
 * goes to stderr, and failures end with a one-line reason and a non-zero exit.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, defaultPaths } from '../api/context';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { firstLine } from '../contract/appError';
import { parseServeArgs } from './args';
import { startServer, type RunningServer } from './httpServer';
import { setLanguage } from '../locale/language';
import { serverText } from '../locale/shell';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  process.stderr.write(`${serverText.failed(message)}\n`);
  process.exit(1);
}

async function listen(start: (port: number) => Promise<RunningServer>, port: number, isExplicit: boolean): Promise<RunningServer> {
  try {
    return await start(port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && !isExplicit) return start(0);
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(serverText.portInUse(port));
    throw e;
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    fail((e as Error).message);
  }
  setLanguage(args.language);
  const paths = defaultPaths(repoRoot);
  const ctx = createContext('browser', paths);
  const handlers = createHandlers(ctx);

  const open = args.isDemo ? await dispatch(handlers, 'project:openDemo', {}) : args.project ? await dispatch(handlers, 'project:open', { path: args.project }) : null;
  if (open && !open.ok) fail(open.error.message);

  const staticDir = path.join(repoRoot, 'out', 'renderer');
  let running: RunningServer;
  try {
    running = await listen((port) => startServer({ handlers, paths, staticDir, port }), args.port, args.isPortExplicit);
  } catch (e) {
    await dispatch(handlers, 'project:close', {});
    fail((e as Error).message);
  }
  process.stdout.write(`${serverText.started(running.url)}\n`);

  let isClosing = false;
  const shutdown = async (): Promise<void> => {
    if (isClosing) return;
    isClosing = true;
    await running.close();
    // Closing checkpoints the project so the file is complete on disk.
    const closed = await dispatch(handlers, 'project:close', {});
    if (!closed.ok) process.stderr.write(`${serverText.closeFailed(closed.error.message)}\n`);
    process.exit(closed.ok ? 0 : 1);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => fail(firstLine(e)));
