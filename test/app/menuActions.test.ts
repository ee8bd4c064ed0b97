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
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual(['新建项目…', '打开项目…', '打开示例项目', '导入数据…', '另存为…', '另存为脱敏副本…', '合并项目…', '导出 Parquet…', '关闭项目', '退出']);
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

describe('menu sharing commands (脱敏副本, 合并项目, 导出 Parquet, a project held elsewhere)', () => {
  function sharing(answers: Record<string, Result<unknown>>, opts: { open?: string; save?: string; folder?: string; answer?: { button: number; isChecked: boolean } }) {
    const calls: [string, unknown][] = [];
    const events: string[] = [];
    const call = (async (name: string, req: unknown) => {
      calls.push([name, req]);
      if (name === 'project:open' && (req as { readOnly?: boolean }).readOnly) return { ok: true, value: null };
      return answers[name] ?? { ok: true, value: null };
    }) as ApiClient;
    const dialogs: NativeDialogs = { openProject: async () => opts.open ?? null, saveProject: async (n) => (events.push(`suggest:${n}`), opts.save ?? null), importFiles: async () => null };
    const actions = createMenuActions({
      call, dialogs, refresh: () => events.push('refresh'), showError: (m) => events.push(`error:${m}`),
      ask: async (q) => (events.push(`ask:${q.message}|${q.buttons.join('/')}${q.checkbox ? `|${q.checkbox}` : ''}`), opts.answer ?? { button: 0, isChecked: false }),
      chooseFolder: async () => opts.folder ?? null,
      info: (m) => events.push(`info:${m}`),
      busy: (b) => events.push(`busy:${b}`),
    });
    return { actions, calls, events };
  }
  const open = { 'project:current': { ok: true, value: { name: '客户群' } } } satisfies Record<string, Result<unknown>>;

  it('offers a read-only look at a project someone else holds, saying who', async () => {
    const locked = { ok: false, error: { code: 'PROJECT_LOCKED', message: '此项目正由 alice 在 pc-1 上打开（自 2026-12-03 09:00）：“a.qunxi”', details: { canOpenReadOnly: 1 } } } satisfies Result<unknown>;
    const { actions, calls, events } = sharing({ 'project:open': locked }, { open: '/p/a.qunxi' });
    await actions.openProject();
    expect(events).toEqual(['ask:此项目正由 alice 在 pc-1 上打开（自 2026-12-03 09:00）：“a.qunxi”|以只读方式打开/取消', 'refresh']);
    expect(calls).toEqual([['project:open', { path: '/p/a.qunxi' }], ['project:open', { path: '/p/a.qunxi', readOnly: true }]]);
    const cancelled = sharing({ 'project:open': locked }, { open: '/p/a.qunxi', answer: { button: 1, isChecked: false } });
    await cancelled.actions.openProject();
    expect(cancelled.calls).toHaveLength(1);
  });

  it('writes an anonymised copy with the options chosen, showing progress and the outcome', async () => {
    const done = { ok: true, value: { path: '/p/c.qunxi', names: 12, staff: 2, groups: 3, messages: 40, behaviourRules: 5 } } satisfies Result<unknown>;
    const { actions, calls, events } = sharing({ ...open, 'project:anonymize': done }, { save: '/p/c.qunxi', answer: { button: 1, isChecked: true } });
    await actions.anonymizeCopy();
    expect(calls.at(-1)).toEqual(['project:anonymize', { path: '/p/c.qunxi', maskGroups: true, maskStaff: true, overwrite: true }]);
    expect(events[0]).toBe('suggest:客户群（脱敏）');
    expect(events[1]).toMatch(/^ask:另存为脱敏副本\|保留群名\/群名也脱敏\/取消\|员工姓名也脱敏/);
    expect(events.slice(2)).toEqual(['busy:true', 'busy:false', 'info:已写入脱敏副本“/p/c.qunxi”：12 个姓名、3 个群、40 条消息（内容已删除，关键行为命中保留）']);
    const cancelled = sharing(open, { save: '/p/c.qunxi', answer: { button: 2, isChecked: false } });
    await cancelled.actions.anonymizeCopy();
    expect(cancelled.calls.map((c) => c[0])).toEqual(['project:current']);
  });

  it('merges a chosen project and reloads; a failed merge says the project was not changed', async () => {
    const merged = { ok: true, value: { imports: 3, skippedFiles: 1, added: 120, existing: 8 } } satisfies Result<unknown>;
    const ok = sharing({ ...open, 'project:merge': merged }, { open: '/p/b.qunxi' });
    await ok.actions.mergeProject();
    expect(ok.calls.at(-1)).toEqual(['project:merge', { path: '/p/b.qunxi' }]);
    expect(ok.events).toEqual(['busy:true', 'busy:false', 'info:已合并“/p/b.qunxi”：3 次导入，新增 120 行，8 行已存在（未重复计入）', 'refresh']);
    const failed = sharing({ ...open, 'project:merge': { ok: false, error: { code: 'PROJECT_LOCKED', message: '正被打开' } } }, { open: '/p/b.qunxi' });
    await failed.actions.mergeProject();
    expect(failed.events.at(-1)).toBe('error:合并“/p/b.qunxi”失败，本项目没有改动：正被打开');
  });

  it('exports Parquet into a chosen folder', async () => {
    const written = { ok: true, value: { folder: '/out', tables: [{ table: 'messages', file: '/out/messages.parquet', rows: 3 }] } } satisfies Result<unknown>;
    const { actions, calls, events } = sharing({ ...open, 'project:exportParquet': written }, { folder: '/out' });
    await actions.exportParquet();
    expect(calls.at(-1)).toEqual(['project:exportParquet', { folder: '/out' }]);
    expect(events.at(-1)).toBe('info:已导出 1 个表到“/out”（每个表一个 .parquet 文件）');
  });
});
