import './noElectron';
import { describe, expect, it } from 'vitest';
import type { NativeDialogs } from '../../src-main/api/context';
import type { ApiClient, Result } from '../../src-main/contract';
import { createNativeDialogs, type DialogApi } from '../../src-main/app/dialogs';
import { menuTemplate } from '../../src-main/app/menu';
import { createMenuActions } from '../../src-main/app/menuActions';

function setup(answers: Record<string, Result<unknown>>, dialogAnswers: Partial<NativeDialogs> = {}) {
  const calls: [string, unknown][] = [];
  const events: string[] = [];
  const call = (async (name: string, req: unknown) => {
    calls.push([name, req]);
    return answers[name] ?? { ok: true, value: null };
  }) as ApiClient;
  const dialogs: NativeDialogs = {
    openProject: async () => null,
    saveProject: async () => null,
    importFiles: async () => null,
    ...dialogAnswers,
  };
  const actions = createMenuActions({ call, dialogs, refresh: () => events.push('refresh'), showError: (m) => events.push(`error:${m}`) });
  return { actions, calls, events };
}

describe('menu file commands', () => {
  it('opens the chosen project and reloads the page', async () => {
    const { actions, calls, events } = setup({}, { openProject: async () => '/p/a.qunxi' });
    await actions.openProject();
    expect(calls).toEqual([['project:open', { path: '/p/a.qunxi' }]]);
    expect(events).toEqual(['refresh']);
  });

  it('does nothing when a dialog is cancelled', async () => {
    const { actions, calls, events } = setup({});
    await actions.openProject();
    await actions.newProject();
    await actions.importFiles();
    expect(calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('shows the error message when the API refuses', async () => {
    const { actions, events } = setup({ 'project:new': { ok: false, error: { code: 'PROJECT_EXISTS', message: '文件已存在' } } }, { saveProject: async () => '/p/new.qunxi' });
    await actions.newProject();
    expect(events).toEqual(['error:文件已存在']);
  });

  it('suggests the current project name when saving as, and refuses without a project', async () => {
    let suggested: string | undefined;
    const { actions, calls } = setup({ 'project:current': { ok: true, value: { name: '客户群' } } }, { saveProject: async (n) => ((suggested = n), '/p/副本.qunxi') });
    await actions.saveProjectAs();
    expect(suggested).toBe('客户群');
    expect(calls.at(-1)).toEqual(['project:saveAs', { path: '/p/副本.qunxi', overwrite: true }]);
    const none = setup({ 'project:current': { ok: true, value: null } });
    await none.actions.saveProjectAs();
    expect(none.events).toEqual(['error:请先新建或打开一个项目']);
  });

  it('builds a Chinese file menu whose items run the commands', async () => {
    const ran: string[] = [];
    const { actions } = setup({});
    const template = menuTemplate({ ...actions, openDemo: async () => void ran.push('demo') }, { isMac: false, isDev: false }, (t) => void t());
    const file = template[0];
    expect(file.label).toBe('文件');
    const items = file.submenu as { label?: string; click?: () => void; role?: string }[];
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual(['新建项目…', '打开项目…', '打开示例项目', '导入数据…', '另存为…', '关闭项目', '退出']);
    items.find((i) => i.label === '打开示例项目')!.click!();
    expect(ran).toEqual(['demo']);
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });
});

describe('native dialogs', () => {
  it('filters for project files and spreadsheets and adds the .qunxi extension', async () => {
    const seen: unknown[] = [];
    const fake = {
      showOpenDialog: async (opts: unknown) => (seen.push(opts), { canceled: false, filePaths: ['/p/a.qunxi'] }),
      showSaveDialog: async (opts: unknown) => (seen.push(opts), { canceled: false, filePath: '/p/新项目' }),
    } as unknown as DialogApi;
    const d = createNativeDialogs(fake, () => null, '/home/u/Documents/Qunxi');
    expect(await d.openProject()).toBe('/p/a.qunxi');
    expect(await d.saveProject('客户/群')).toBe('/p/新项目.qunxi');
    expect(await d.importFiles()).toEqual(['/p/a.qunxi']);
    expect(seen[0]).toMatchObject({ filters: [{ name: '群析项目', extensions: ['qunxi'] }] });
    expect(seen[1]).toMatchObject({ defaultPath: '/home/u/Documents/Qunxi/客户_群.qunxi' });
    expect(seen[2]).toMatchObject({ filters: [{ name: '表格', extensions: ['xlsx', 'xls', 'csv'] }, { name: '所有文件' }], properties: ['openFile', 'multiSelections'] });
  });

  it('suggests a name Windows accepts and keeps a .QUNXI the user typed', async () => {
    const seen: { defaultPath?: string }[] = [];
    const fake = {
      showSaveDialog: async (opts: { defaultPath?: string }) => (seen.push(opts), { canceled: false, filePath: 'C:\\项目\\复盘.QUNXI' }),
    } as unknown as DialogApi;
    const d = createNativeDialogs(fake, () => null, '/docs/Qunxi');
    expect(await d.saveProject('CON')).toBe('C:\\项目\\复盘.QUNXI');
    await d.saveProject('复盘 . ');
    await d.saveProject('..');
    expect(seen.map((o) => o.defaultPath)).toEqual(['/docs/Qunxi/_CON.qunxi', '/docs/Qunxi/复盘.qunxi', '/docs/Qunxi/未命名项目.qunxi']);
  });

  it('answers null when cancelled', async () => {
    const fake = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) } as unknown as DialogApi;
    const d = createNativeDialogs(fake, () => null, '/x');
    expect([await d.openProject(), await d.saveProject(), await d.importFiles()]).toEqual([null, null, null]);
  });
});
