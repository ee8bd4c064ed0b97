import './noElectron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CallContext } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { registerIpc, trustedSenderCheck, type CallerEvent } from '../../src-main/app/ipc';
import { IPC_CANCEL_CHANNEL, IPC_CHANNEL } from '../../src-main/app/ipcChannel';
import { cancelledError } from '../../src-main/db/cancellation';

type Listener = (event: CallerEvent, ...args: unknown[]) => Promise<unknown>;
type SendListener = (event: CallerEvent, ...args: unknown[]) => void;

const APP_URL = 'app://qunxi/index.html';
/** A fake event from page (webContents) `page` showing `url`. */
const event = (frame: { url: string; parent: unknown } | null, page = 1) => ({ senderFrame: frame, sender: { id: page } }) as unknown as CallerEvent;
const fromApp = event({ url: `${APP_URL}#/start`, parent: null });
const fromOtherAppWindow = event({ url: `${APP_URL}#/start`, parent: null }, 2);
const fromElsewhere = event({ url: 'https://evil.example/', parent: null });
const fromIframe = event({ url: APP_URL, parent: {} });
const fromNowhere = event(null);
/** The built page opened by file:// rather than app:// (as before the app:// scheme). */
const fromFile = event({ url: 'file:///opt/qunxi/out/renderer/index.html', parent: null });

let root: string;
const channels = new Map<string, Listener>();
const sendChannels = new Map<string, SendListener>();
let invoke: (event: CallerEvent, method: unknown, req?: unknown, id?: unknown) => Promise<unknown>;
let cancel: (event: CallerEvent, id: unknown) => void;

/** What the stand-in for a long query saw of its call's signal. */
const slowCalls: { signal?: AbortSignal }[] = [];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-ipc-'));
  const paths = { projectsDir: path.join(root, 'projects'), configDir: path.join(root, 'config'), demoDir: path.join(root, 'demo'), tempDir: path.join(root, 'tmp') };
  const handlers = {
    ...createHandlers(createContext('electron', paths)),
    // Stands in for a long query: answers CANCELLED when its signal aborts, the defaults after 3 s otherwise.
    'behaviours:defaults': (_req: unknown, call?: CallContext) => {
      slowCalls.push({ signal: call?.signal });
      return new Promise<never>((resolve, reject) => {
        const timer = setTimeout(() => resolve([] as never), 3000);
        call?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(cancelledError());
        });
      });
    },
  };
  const fakeIpcMain = {
    handle: (channel: string, listener: Listener) => void channels.set(channel, listener),
    on: (channel: string, listener: SendListener) => void sendChannels.set(channel, listener),
  };
  registerIpc(fakeIpcMain as never, handlers, trustedSenderCheck(APP_URL));
  invoke = (event, method, req, id) => channels.get(IPC_CHANNEL)!(event, method, req, ...(id === undefined ? [] : [id]));
  cancel = (event, id) => sendChannels.get(IPC_CANCEL_CHANNEL)!(event, id);
});

afterAll(async () => {
  await invoke(fromApp, 'project:close', {});
  await fs.rm(root, { recursive: true, force: true });
});

describe('IPC registration', () => {
  it('registers exactly one channel to call and one to cancel', () => {
    expect([...channels.keys()]).toEqual(['qunxi:call']);
    expect([...sendChannels.keys()]).toEqual(['qunxi:cancel']);
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
    for (const event of [fromElsewhere, fromIframe, fromNowhere, fromFile]) {
      expect(await invoke(event, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(await invoke(fromElsewhere, 'project:new', { name: '不应创建' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await expect(fs.stat(path.join(root, 'projects', '不应创建.qunxi'))).rejects.toThrow();
  });
});

describe('IPC cancellation', () => {
  it('a cancel with the call id aborts the signal of its handler, and the call answers CANCELLED', async () => {
    const answer = invoke(fromApp, 'behaviours:defaults', {}, 7);
    await new Promise((resolve) => setImmediate(resolve));
    const seen = slowCalls.at(-1)!;
    expect(seen.signal?.aborted).toBe(false);
    cancel(fromApp, 7);
    expect(seen.signal?.aborted).toBe(true);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('a cancel from another page, an untrusted frame or with another id leaves the call running', async () => {
    const answer = invoke(fromApp, 'behaviours:defaults', {}, 8);
    await new Promise((resolve) => setImmediate(resolve));
    const seen = slowCalls.at(-1)!;
    cancel(fromOtherAppWindow, 8);
    cancel(fromElsewhere, 8);
    cancel(fromIframe, 8);
    cancel(fromApp, 9);
    cancel(fromApp, '8');
    expect(seen.signal?.aborted).toBe(false);
    cancel(fromApp, 8);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses a call id that is not a positive integer, without running the handler', async () => {
    const before = slowCalls.length;
    for (const id of [0, -1, 1.5, '3', null, Number.MAX_SAFE_INTEGER + 2]) {
      expect(await invoke(fromApp, 'behaviours:defaults', {}, id)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(slowCalls.length).toBe(before);
  });
});
