/** The native-dialog port of `context.ts`, answered by Electron's file dialogs. */
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { NativeDialogs } from '../api/context';
import { PROJECT_EXT } from '../db/projectFile';

/** File-type filters of the dialogs. */
export const PROJECT_FILTERS = [{ name: '群析项目', extensions: ['qunxi'] }];
/** Export files the importer reads. */
export const SHEET_FILTERS = [
  { name: '表格', extensions: ['xlsx', 'xls', 'csv'] },
  { name: '所有文件', extensions: ['*'] },
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
      const r = await open({ title: '打开群析项目', defaultPath: projectsDir, filters: PROJECT_FILTERS, properties: ['openFile'] });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async saveProject(defaultName) {
      const name = (defaultName ?? '未命名项目').replace(/[\\/:*?"<>|]/g, '_');
      const r = await save({
        title: '保存群析项目',
        defaultPath: path.join(projectsDir, name.endsWith(PROJECT_EXT) ? name : `${name}${PROJECT_EXT}`),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (r.canceled || !r.filePath) return null;
      return r.filePath.endsWith(PROJECT_EXT) ? r.filePath : `${r.filePath}${PROJECT_EXT}`;
    },
    async importFiles() {
      const r = await open({ title: '选择要导入的导出文件', filters: SHEET_FILTERS, properties: ['openFile', 'multiSelections'] });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
  };
}
