import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract';
import { electronCall, type QunxiBridge } from '../../../src-renderer/api/electronTransport';

/** A bridge standing in for the preload: records calls and cancels; each call answers when told. */
function recordingBridge() {
  const calls: { method: string; id: number | undefined; answer: (r: Result<unknown>) => void }[] = [];
  const cancels: number[] = [];
  const bridge: QunxiBridge = {
    call: (method, _req, id) => new Promise((resolve) => calls.push({ method, id, answer: resolve })),
    cancel: (id) => void cancels.push(id),
    getPathForFile: () => '',
  };
  return { bridge, calls, cancels };
}

describe('Electron transport', () => {
  it('numbers each call, and an abort sends a cancel for that call id only', async () => {
    const { bridge, calls, cancels } = recordingBridge();
    const first = new AbortController();
    const a = electronCall(bridge, 'quadrant:query', {}, first.signal);
    const b = electronCall(bridge, 'quadrant:query', {}, new AbortController().signal);
    const [callA, callB] = calls;
    expect(callA!.id).toBeGreaterThan(0);
    expect(callB!.id).not.toBe(callA!.id);

    first.abort();
    expect(cancels).toEqual([callA!.id]);
    callA!.answer({ ok: false, error: { code: 'CANCELLED', message: '已取消' } });
    callB!.answer({ ok: true, value: 1 });
    expect(await a).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await b).toEqual({ ok: true, value: 1 });
  });

  it('an abort after the answer sends no cancel; an aborted signal sends no call', async () => {
    const { bridge, calls, cancels } = recordingBridge();
    const controller = new AbortController();
    const done = electronCall(bridge, 'app:info', {}, controller.signal);
    calls[0]!.answer({ ok: true, value: 'x' });
    await done;
    controller.abort();
    expect(cancels).toEqual([]);

    expect(await electronCall(bridge, 'app:info', {}, AbortSignal.abort())).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(calls).toHaveLength(1);
  });

  it('a bridge that throws answers INTERNAL as data', async () => {
    const bridge: QunxiBridge = { call: () => Promise.reject(new Error('渲染进程已断开')), cancel: () => {}, getPathForFile: () => '' };
    expect(await electronCall(bridge, 'app:info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: '渲染进程已断开' } });
  });
});
