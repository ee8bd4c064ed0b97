/** The Chinese application menu, as a plain template so it can be checked without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuActions } from './menuActions';

/**
 * The menu template. `run` wraps each command so a failure ends in an error box rather than an
 * unhandled rejection in the main process.
 */
export function menuTemplate(actions: MenuActions, options: { isMac: boolean; isDev: boolean }, run: (task: () => Promise<void>) => void): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建项目…', accelerator: 'CmdOrCtrl+N', click: () => run(actions.newProject) },
      { label: '打开项目…', accelerator: 'CmdOrCtrl+O', click: () => run(actions.openProject) },
      { label: '打开示例项目', click: () => run(actions.openDemo) },
      { type: 'separator' },
      { label: '导入数据…', accelerator: 'CmdOrCtrl+I', click: () => run(actions.importFiles) },
      { label: '另存为…', accelerator: 'CmdOrCtrl+Shift+S', click: () => run(actions.saveProjectAs) },
      { label: '关闭项目', click: () => run(actions.closeProject) },
      { type: 'separator' },
      { label: '退出', role: 'quit', accelerator: options.isMac ? 'Cmd+Q' : 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { label: '重新加载', role: 'reload' },
      ...(options.isDev ? [{ label: '开发者工具', role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      { type: 'separator' },
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    submenu: [
      { label: '最小化', role: 'minimize' },
      { label: '关闭窗口', role: 'close' },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{ label: '群析', submenu: [{ label: '关于群析', role: 'about' }, { type: 'separator' }, { label: '隐藏群析', role: 'hide' }, { label: '退出群析', role: 'quit' }] }]
    : [];
  return [...appMenu, file, edit, view, windowMenu];
}
