/**
 * One running Qunxi per user (Electron's single-instance lock): double-clicking a .qunxi file while
 * the app runs hands the file to the running app instead of starting a second one, which could not
 * open the project anyway (the first holds its lock). Windows and Linux start a second process
 * whose command line arrives as 'second-instance'; macOS sends 'open-file' to the running app,
 * also before it is ready when the file started it. Plain functions over the few app methods they
 * use, so a fake app can test them (test/app/singleInstance.test.ts).
 */

/** The parts of Electron's `app` this needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

/** What the shell does with what it is handed. */
export interface InstanceHandlers {
  /** Whether the app has started (its window and API are up). */
  isReady(): boolean;
  /** Brings the window to the front. */
  focus(): void;
  /** Acts on a command line (launch.ts planLaunch reads it: a project, exports to import …). */
  open(argv: string[], workingDirectory: string): void;
}

/**
 * Claims the lock. Without it another instance runs: this one quits (it has handed its command
 * line over through the lock) and false is returned. With it, files arriving later are opened, and
 * files macOS sends before the app is ready are kept and returned by the `pending` function.
 */
export function claimSingleInstance(app: InstanceApp, handlers: InstanceHandlers, cwd: () => string): { isPrimary: boolean; pending: () => string[] } {
  const early: string[] = [];
  const pending = () => early.splice(0);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { isPrimary: false, pending };
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    handlers.focus();
    handlers.open(argv, workingDirectory);
  });
  app.on('open-file', (event, file) => {
    // Handled here, not by the default (which would do nothing with it).
    event.preventDefault();
    if (!handlers.isReady()) {
      early.push(file);
      return;
    }
    handlers.focus();
    // planLaunch reads argv[1…]: the file as the one argument.
    handlers.open(['', file], cwd());
  });
  return { isPrimary: true, pending };
}
