import { beforeAll, describe, expect, it, vi } from 'vitest';

/** What the preload did with Electron's renderer-side modules, recorded by the stand-ins below. */
const seen = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoked: [] as unknown[][],
  sent: [] as unknown[][],
  pathAsked: [] as unknown[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void seen.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (seen.invoked.push(args), Promise.resolve('answer')),
    send: (...args: unknown[]) => void seen.sent.push(args),
  },
  webUtils: { getPathForFile: (file: unknown) => (seen.pathAsked.push(file), '/home/u/群成员.xlsx') },
}));

type Bridge = { call(method: string, req: unknown, id?: unknown): Promise<unknown>; cancel(id: unknown): void; getPathForFile(file: unknown): string };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../src-main/preload/index');
  bridge = seen.exposed[0]?.[1] as Bridge;
});

describe('preload bridge', () => {
  it('exposes one object, window.qunxi, with exactly call, cancel and getPathForFile', () => {
    expect(seen.exposed.map(([key]) => key)).toEqual(['qunxi']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'getPathForFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends every call on the one API channel, with the id only when it is a valid call id', async () => {
    expect(await bridge.call('metrics:query', { period: 'week' }, 3)).toBe('answer');
    await bridge.call('app:info', {});
    await bridge.call('app:info', {}, -1);
    await bridge.call('app:info', {}, '4');
    expect(seen.invoked).toEqual([
      ['qunxi:call', 'metrics:query', { period: 'week' }, 3],
      ['qunxi:call', 'app:info', {}],
      ['qunxi:call', 'app:info', {}],
      ['qunxi:call', 'app:info', {}],
    ]);
  });

  it('sends a cancel only for a valid call id', () => {
    bridge.cancel(5);
    bridge.cancel(0);
    bridge.cancel('5');
    bridge.cancel(1.5);
    expect(seen.sent).toEqual([['qunxi:cancel', 5]]);
  });

  it('hands a dropped file to webUtils for its path', () => {
    const file = { name: '群成员.xlsx' };
    expect(bridge.getPathForFile(file)).toBe('/home/u/群成员.xlsx');
    expect(seen.pathAsked).toEqual([file]);
  });
});
