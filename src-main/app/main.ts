/**
 * The Electron shell: lifecycle, the one window, the menu and IPC. Deliberately thin — every
 * decision lives in a module next to this one that tests exercise without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createContext } from '../api/context';
import { dispatch, inProcessClient } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import type { ApiClient } from '../contract';
import { toApiError } from '../contract/appError';
import { APP_SCHEME_PRIVILEGES, serveAppScheme } from './appProtocol';
import { isAppUrl, preloadPath, rendererDir, rendererUrl } from './appUrls';
import { createNativeDialogs } from './dialogs';
import { registerIpc, trustedSenderCheck } from './ipc';
import { planLaunch, runLaunch, type LaunchAction } from './launch';
import { onLanguageChange } from '../locale/language';
import { menuTemplate } from './menu';
import { createMenuActions } from './menuActions';
import { hardenSession, hardenWebContents } from './security';
import { shellPaths } from './shellPaths';
import { claimSingleInstance } from './singleInstance';
import { guardUnload } from './unloadGuard';
import { createMainWindow } from './mainWindow';
import { shellText } from '../locale/shell';
import { errorMessage } from '../locale/errors';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = rendererUrl(devServerUrl, app.isPackaged);
const isOwnPage = (url: string): boolean => isAppUrl(url, appUrl);

let mainWindow: BrowserWindow | null = null;
let isReady = false;
let hasClosedProject = false;
/** Acts on a command line or file handed over once the app has started (set by start). */
let openLaunch: (argv: string[], cwd: string) => void = () => undefined;

function showError(message: string): void {
  dialog.showErrorBox(shellText.appName, message);
}

function run(task: () => Promise<void>): void {
  task().catch((e: unknown) => showError(errorMessage(toApiError(e))));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function perform(call: ApiClient, actions: LaunchAction[]): Promise<void> {
  if (actions.length === 0) return;
  const outcome = await runLaunch(call, actions);
  if (outcome.errors.length > 0) showError(outcome.errors.join('\n'));
}

async function start(): Promise<void> {
  const paths = shellPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    documents: app.getPath('documents'),
    userData: app.getPath('userData'),
    temp: app.getPath('temp'),
  });
  const dialogs = createNativeDialogs(dialog, () => mainWindow, paths.projectsDir);
  const handlers = createHandlers(createContext('electron', paths, dialogs));
  const call: ApiClient = inProcessClient(handlers);

  hardenSession(session.defaultSession, devServerUrl ? new URL(devServerUrl).origin : null);
  serveAppScheme(protocol, rendererDir(app.getAppPath()));
  registerIpc(ipcMain, handlers, trustedSenderCheck(appUrl));

  const refresh = (): void => mainWindow?.webContents.reload();
  const actions = createMenuActions({
    call,
    dialogs,
    refresh,
    showError,
    ask: async (q) => {
      const options = { type: 'question' as const, message: q.message, buttons: q.buttons, cancelId: q.buttons.length - 1, noLink: true, ...(q.detail ? { detail: q.detail } : {}), ...(q.checkbox ? { checkboxLabel: q.checkbox } : {}) };
      const r = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      return { button: r.response, isChecked: r.checkboxChecked };
    },
    chooseFolder: async () => {
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    info: (message) => void (mainWindow ? dialog.showMessageBox(mainWindow, { type: 'info', message }) : dialog.showMessageBox({ type: 'info', message })),
    // An indeterminate bar on the window (and its taskbar or Dock icon) while the work runs.
    busy: (isBusy) => mainWindow?.setProgressBar(isBusy ? 2 : -1),
  });
  const setMenu = (): void =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { isMac: process.platform === 'darwin', isDev: !!devServerUrl }, run)));
  setMenu();
  // The renderer's language switch reaches here through app:setLanguage; the menu follows it.
  onLanguageChange(setMenu);

  openLaunch = (argv, cwd) =>
    run(async () => {
      await perform(call, planLaunch(argv, cwd));
      refresh();
    });
  // From here files handed over are opened at once; those that came earlier wait for the first load below.
  isReady = true;
  // Closing the project checkpoints it, so the file on disk is whole before the process ends.
  app.on('before-quit', (event) => {
    if (hasClosedProject) return;
    event.preventDefault();
    void dispatch(handlers, 'project:close', {}).finally(() => {
      hasClosedProject = true;
      app.quit();
    });
  });

  mainWindow = createMainWindow(BrowserWindow, preloadPath(app.getAppPath()));
  guardUnload(mainWindow, dialog);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  // Open what we were started with before the first page load, so the page starts on it.
  await perform(call, [...planLaunch(process.argv, process.cwd()), ...instance.pending().flatMap((f) => planLaunch(['', f], process.cwd()))]);
  await mainWindow.loadURL(appUrl);
}

// Before the app is ready: app:// must be a standard, secure scheme for its pages to have an origin.
protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

const instance = claimSingleInstance(app, { isReady: () => isReady, focus: focusWindow, open: (argv, cwd) => openLaunch(argv, cwd) }, () => process.cwd());
if (instance.isPrimary) {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOwnPage));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => start())
    .catch((e: unknown) => {
      showError(errorMessage(toApiError(e)));
      app.quit();
    });
}
