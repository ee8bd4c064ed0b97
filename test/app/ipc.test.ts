import './noElectron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { registerIpc, trustedSenderCheck, type SenderEvent } from '../../src-main/app/ipc';
import { IPC_CHANNEL } from '../../src-main/app/ipcChannel';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

const APP_URL = 'file:///opt/qunxi/out/renderer/index.html';
const fromApp: SenderEvent = { senderFrame: { url: `${APP_URL}#/start`, parent: null } } as unknown as SenderEvent;
const fromElsewhere: SenderEvent = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as SenderEvent;
const fromIframe: SenderEvent = { senderFrame: { url: APP_URL, parent: {} } } as unknown as SenderEvent;
const fromNowhere: SenderEvent = { senderFrame: null } as unknown as SenderEvent;

let root: string;
const channels = new Map<string, Listener>();
let invoke: (event: SenderEvent, method: unknown, req?: unknown) => Promise<unknown>;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-ipc-'));
  const paths = { projectsDir: path.join(root, 'projects'), configDir: path.join(root, 'config'), demoDir: path.join(root, 'demo'), tempDir: path.join(root, 'tmp') };
  const handlers = createHandlers(createContext('electron', paths));
  const fakeIpcMain = { handle: (channel: string, listener: Listener) => void channels.set(channel, listener) };
  registerIpc(fakeIpcMain as never, handlers, trustedSenderCheck(APP_URL));
  invoke = (event, method, req) => channels.get(IPC_CHANNEL)!(event, method, req);
});

afterAll(async () => {
  await invoke(fromApp, 'project:close', {});
  await fs.rm(root, { recursive: true, force: true });
});

describe('IPC registration', () => {
  it('registers exactly one channel', () => {
    expect([...channels.keys()]).toEqual(['qunxi:call']);
  });

  it('serves a valid call from the app page', async () => {
    expect(await invoke(fromApp, 'app:info', {})).toMatchObject({ ok: true, value: { mode: 'electron', projectsDir: path.join(root, 'projects') } });
  });

  it('runs a real handler end to end: a new project by name lands in the projects folder', async () => {
    const r = (await invoke(fromApp, 'project:new', { name: 'IPC 测试' })) as { ok: boolean; value: { path: string } };
    expect(r.ok).toBe(true);
    expect(r.value.path).toBe(path.join(root, 'projects', 'IPC 测试.qunxi'));
    await expect(fs.stat(r.value.path)).resolves.toBeTruthy();
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    expect(await invoke(fromApp, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await invoke(fromApp, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await invoke(fromApp, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers bad arguments with INVALID_REQUEST', async () => {
    expect(await invoke(fromApp, 'project:open', { path: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await invoke(fromApp, 'app:info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await invoke(fromApp, 'metrics:query', 'week')).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('refuses callers that are not the app page with UNAUTHORIZED, without running the handler', async () => {
    for (const event of [fromElsewhere, fromIframe, fromNowhere]) {
      expect(await invoke(event, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(await invoke(fromElsewhere, 'project:new', { name: '不应创建' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await expect(fs.stat(path.join(root, 'projects', '不应创建.qunxi'))).rejects.toThrow();
  });
});
