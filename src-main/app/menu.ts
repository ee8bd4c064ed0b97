/** The application menu in the current language, as a plain template so it can be checked without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import { shellText } from '../locale/shell';
import { sharingText } from '../locale/sharing';
import type { MenuActions } from './menuActions';

/**
 * The menu template. `run` wraps each command so a failure ends in an error box rather than an
 * unhandled rejection in the main process.
 */
export function menuTemplate(actions: MenuActions, options: { isMac: boolean; isDev: boolean }, run: (task: () => Promise<void>) => void): MenuItemConstructorOptions[] {
  const m = shellText.menu;
  const file: MenuItemConstructorOptions = {
    label: m.file,
    submenu: [
      { label: m.newProject, accelerator: 'CmdOrCtrl+N', click: () => run(actions.newProject) },
      { label: m.openProject, accelerator: 'CmdOrCtrl+O', click: () => run(actions.openProject) },
      { label: m.openDemo, click: () => run(actions.openDemo) },
      { type: 'separator' },
      { label: m.importFiles, accelerator: 'CmdOrCtrl+I', click: () => run(actions.importFiles) },
      { label: m.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => run(actions.saveProjectAs) },
      { label: sharingText.anonymizeMenu, click: () => run(actions.anonymizeCopy) },
      { type: 'separator' },
      { label: sharingText.mergeMenu, click: () => run(actions.mergeProject) },
      { label: sharingText.parquetMenu, click: () => run(actions.exportParquet) },
      { type: 'separator' },
      { label: m.closeProject, click: () => run(actions.closeProject) },
      { type: 'separator' },
      { label: m.quit, role: 'quit', accelerator: options.isMac ? 'Cmd+Q' : 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: m.edit,
    submenu: [
      { label: m.undo, role: 'undo' },
      { label: m.redo, role: 'redo' },
      { type: 'separator' },
      { label: m.cut, role: 'cut' },
      { label: m.copy, role: 'copy' },
      { label: m.paste, role: 'paste' },
      { label: m.selectAll, role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      { label: m.reload, role: 'reload' },
      ...(options.isDev ? [{ label: m.devTools, role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      { type: 'separator' },
      { label: m.resetZoom, role: 'resetZoom' },
      { label: m.zoomIn, role: 'zoomIn' },
      { label: m.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: m.fullScreen, role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: m.window,
    submenu: [
      { label: m.minimize, role: 'minimize' },
      { label: m.closeWindow, role: 'close' },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{ label: shellText.appName, submenu: [{ label: m.about, role: 'about' }, { type: 'separator' }, { label: m.hide, role: 'hide' }, { label: m.quitApp, role: 'quit' }] }]
    : [];
  return [...appMenu, file, edit, view, windowMenu];
}
