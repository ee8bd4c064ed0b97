import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CallContext } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { cancelledError } from '../../src-main/db/cancellation';
import { startServer, type RunningServer } from '../../src-main/server/httpServer';

let root: string;
let server: RunningServer;

/** The signal each call of a stand-in handler got, in call order. */
const slowSignals: AbortSignal[] = [];
const quickSignals: AbortSignal[] = [];
/** Resolves when the slow stand-in has been entered (the request reached the handler). */
let entered: () => void = () => {};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-server-cancel-'));
  const paths = { projectsDir: path.join(root, 'projects'), configDir: path.join(root, 'config'), demoDir: path.join(root, 'demo'), tempDir: path.join(root, 'tmp') };
  const handlers = {
    ...createHandlers(createContext('browser', paths)),
    // Stands in for a long query: ends with CANCELLED when its signal aborts, after 20 s otherwise.
    'behaviours:defaults': (_req: unknown, call?: CallContext) => {
      slowSignals.push(call!.signal!);
      entered();
      return new Promise<never>((resolve, reject) => {
        const timer = setTimeout(() => resolve([] as never), 20_000);
        call!.signal!.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(cancelledError());
        });
      });
    },
    // Stands in for a quick read.
    'vvip:get': async (_req: unknown, call?: CallContext) => {
      quickSignals.push(call!.signal!);
      return { rules: [] } as never;
    },
  };
  server = await startServer({ handlers, paths, staticDir: path.join(root, 'static'), port: 0 });
});

afterAll(async () => {
  await server?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const post = (method: string, signal?: AbortSignal) =>
  fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: '{}',
    signal,
  });

/** Resolves true once `signal` aborts, false after `ms`. */
const abortedWithin = (signal: AbortSignal, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (signal.aborted) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe('browser mode: a call the page abandons', () => {
  it('a fetch aborted mid-call aborts the signal of its handler', async () => {
    const hasEntered = new Promise<void>((resolve) => (entered = resolve));
    const page = new AbortController();
    const response = post('behaviours:defaults', page.signal);
    await hasEntered;
    const handlerSignal = slowSignals.at(-1)!;
    expect(handlerSignal.aborted).toBe(false);
    page.abort();
    await expect(response).rejects.toThrow();
    expect(await abortedWithin(handlerSignal, 5_000)).toBe(true);
  });

  it('a call answered in full leaves the signal of its handler alone', async () => {
    const res = await post('vvip:get');
    expect(await res.json()).toEqual({ ok: true, value: { rules: [] } });
    expect(await abortedWithin(quickSignals.at(-1)!, 200)).toBe(false);
  });
});
