import './noElectron';
import { describe, expect, it } from 'vitest';
import type { ApiClient, Result } from '../../src-main/contract';
import { planLaunch, projectNameForImport, runLaunch } from '../../src-main/app/launch';

describe('launch plan', () => {
  it('opens the demo with --demo (as `electron . --demo` passes it)', () => {
    expect(planLaunch(['/usr/bin/electron', '.', '--demo'], '/repo')).toEqual([{ kind: 'demo' }]);
  });

  it('opens a double-clicked project file, which wins over --demo', () => {
    expect(planLaunch(['Qunxi', '--demo', 'a/客户.qunxi'], '/home/u')).toEqual([{ kind: 'open', path: '/home/u/a/客户.qunxi' }]);
  });

  it('imports double-clicked exports after opening the project', () => {
    expect(planLaunch(['Qunxi', '/d/P.QUNXI', '/d/群成员.xlsx', '/d/聊天.csv', '--inspect=9229'], '/')).toEqual([
      { kind: 'open', path: '/d/P.QUNXI' },
      { kind: 'import', paths: ['/d/群成员.xlsx', '/d/聊天.csv'] },
    ]);
  });

  it('ignores Chromium switches and unrelated arguments', () => {
    expect(planLaunch(['Qunxi', '--no-sandbox', '.', 'readme.txt'], '/')).toEqual([]);
  });

  it('names a project for a lone export after the file and the day', () => {
    expect(projectNameForImport('/d/群成员.xlsx', new Date('2026-03-05T10:00:00Z'))).toBe('群成员 2026-03-05');
  });
});

/** A fake API that records calls and answers from a table. */
function fakeApi(answers: Record<string, Result<unknown>>) {
  const calls: [string, unknown][] = [];
  const call = (async (name: string, req: unknown) => {
    calls.push([name, req]);
    return answers[name] ?? { ok: true, value: null };
  }) as ApiClient;
  return { call, calls };
}

const job = { jobId: 'j1', fileName: 'x.xlsx', state: 'running', phase: 'reading', rowsRead: 0, fraction: null, kind: null };

describe('running the launch plan', () => {
  it('creates a project named after a lone export before importing it', async () => {
    const { call, calls } = fakeApi({ 'project:current': { ok: true, value: null }, 'project:new': { ok: true, value: { path: '/p/群成员.qunxi' } }, 'import:start': { ok: true, value: job } });
    const outcome = await runLaunch(call, [{ kind: 'import', paths: ['/d/群成员.xlsx'] }]);
    expect(calls.map(([n]) => n)).toEqual(['project:current', 'project:new', 'import:start']);
    expect(calls[2][1]).toEqual({ source: { path: '/d/群成员.xlsx' } });
    expect(outcome).toEqual({ jobs: [job], errors: [] });
  });

  it('imports into the open project and collects failures as messages', async () => {
    const { call, calls } = fakeApi({
      'project:current': { ok: true, value: { path: '/p/a.qunxi' } },
      'project:open': { ok: false, error: { code: 'PROJECT_NEWER_VERSION', message: '项目由更新的版本创建' } },
      'import:start': { ok: false, error: { code: 'IMPORT_UNRECOGNISED', message: '无法识别' } },
    });
    const outcome = await runLaunch(call, [{ kind: 'open', path: '/p/b.qunxi' }, { kind: 'import', paths: ['/d/x.csv'] }]);
    expect(calls.map(([n]) => n)).toEqual(['project:open', 'project:current', 'import:start']);
    expect(outcome.errors).toEqual(['项目由更新的版本创建', '无法识别']);
  });

  it('opens the demo project', async () => {
    const { call, calls } = fakeApi({});
    await runLaunch(call, [{ kind: 'demo' }]);
    expect(calls).toEqual([['project:openDemo', {}]]);
  });
});
