/** The native-dialog port of `context.ts`, answered by Electron's file dialogs. */
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { NativeDialogs } from '../api/context';
import { safeFileName } from '../contract/fileName';
import { PROJECT_EXT } from '../db/projectFile';
import { shellText } from '../locale/shell';

/** File-type filters of the dialogs, named in the current language. */
export const projectFilters = () => [{ name: shellText.projectFilter, extensions: ['qunxi'] }];
/** Export files the importer reads. */
export const sheetFilters = () => [
  { name: shellText.sheetFilter, extensions: ['xlsx', 'xls', 'csv'] },
  { name: shellText.allFilesFilter, extensions: ['*'] },
];

/** The dialog functions used, so tests can pass a fake. */
export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/**
 * Native dialogs, modal to the current window when there is one. `projectsDir` is where the
 * save dialog starts, so a new project lands next to the others unless the user says otherwise.
 */
export function createNativeDialogs(dialog: DialogApi, getWindow: () => BaseWindow | null, projectsDir: string): NativeDialogs {
  const open = (options: OpenDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  const save = (options: SaveDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  return {
    async openProject() {
      const r = await open({ title: shellText.openProjectTitle, defaultPath: projectsDir, filters: projectFilters(), properties: ['openFile'] });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async saveProject(defaultName) {
      const name = safeFileName(defaultName ?? '', shellText.untitled);
      const r = await save({
        title: shellText.saveProjectTitle,
        defaultPath: path.join(projectsDir, name.toLowerCase().endsWith(PROJECT_EXT) ? name : `${name}${PROJECT_EXT}`),
        filters: projectFilters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (r.canceled || !r.filePath) return null;
      return r.filePath.toLowerCase().endsWith(PROJECT_EXT) ? r.filePath : `${r.filePath}${PROJECT_EXT}`;
    },
    async importFiles() {
      const r = await open({ title: shellText.importFilesTitle, filters: sheetFilters(), properties: ['openFile', 'multiSelections'] });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
  };
}
