import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, Result } from '../../../src-main/contract';
import { createInflight, createQueryCache, createQueryObserver, queryKey, type QueryRequest } from '../../../src-renderer/api/queryCache';

/** A fetch the test answers by hand, recording each call's signal. */
function manualFetch<T>() {
  const calls: { signal: AbortSignal; answer(r: Result<T>): void }[] = [];
  const fetch = (signal: AbortSignal) =>
    new Promise<Result<T>>((resolve) => {
      calls.push({ signal, answer: resolve });
    });
  return { calls, fetch };
}

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });
/** Lets the answered promises' callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function request<T>(fetch: (signal: AbortSignal) => Promise<Result<T>>, key: string | null, over: Partial<QueryRequest<T>> = {}): QueryRequest<T> {
  return { key, stamp: '0:0', project: 1, debounceMs: 0, fetch, ...over };
}

function observer<T>(cache = createQueryCache(), initial?: { key: string | null; stamp: string; project: number }) {
  const errors: ApiError[] = [];
  const o = createQueryObserver<T>({ cache, onError: (e) => errors.push(e), initial });
  return { o, errors, cache };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('queryKey', () => {
  it('is the same for requests of the same content and differs by method or content', () => {
    expect(queryKey('metrics:query', { period: 'day' })).toBe(queryKey('metrics:query', { period: 'day' }));
    expect(queryKey('metrics:query', { period: 'day' })).not.toBe(queryKey('metrics:query', { period: 'week' }));
    expect(queryKey('metrics:query', {})).not.toBe(queryKey('overview:query', {}));
  });
});

describe('createQueryCache', () => {
  it('remembers answers by key and forgets the least recently used past its limit', () => {
    const cache = createQueryCache(2);
    cache.write('a', 1, { value: 'A', stamp: '0:0' });
    cache.write('b', 1, { value: 'B', stamp: '0:0' });
    expect(cache.read('a', 1)).toEqual({ value: 'A', stamp: '0:0' });
    cache.write('c', 1, { value: 'C', stamp: '0:1' });
    expect(cache.read('b', 1)).toBeUndefined();
    expect(cache.read('a', 1)).toEqual({ value: 'A', stamp: '0:0' });
    expect(cache.read('c', 1)).toEqual({ value: 'C', stamp: '0:1' });
  });

  it('forgets every answer when another project asks', () => {
    const cache = createQueryCache();
    cache.write('a', 1, { value: 'A', stamp: '0:0' });
    expect(cache.read('a', 2)).toBeUndefined();
    expect(cache.read('a', 1)).toBeUndefined();
  });
});

describe('createQueryObserver', () => {
  it('keeps only the latest answer: an older one arriving late is dropped', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'old'));
    o.update(request(fetch, 'new'));
    calls[1]!.answer(ok('new answer'));
    await settle();
    calls[0]!.answer(ok('old answer'));
    await settle();
    expect(o.getState()).toEqual({ data: 'new answer', isStale: false, isLoading: false, error: null });
  });

  it('aborts the superseded request, and the one under way when stopped', () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'first'));
    o.update(request(fetch, 'second'));
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);
    o.stop();
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(o.getState().isLoading).toBe(false);
  });

  it('does not report the failure of a superseded request, and reports the current one once', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o, errors } = observer<string>();
    o.update(request(fetch, 'first'));
    o.update(request(fetch, 'second'));
    calls[0]!.answer(failure('aborted'));
    calls[1]!.answer(failure('no such group'));
    await settle();
    expect(errors.map((e) => e.message)).toEqual(['no such group']);
    expect(o.getState()).toMatchObject({ isLoading: false, error: { message: 'no such group' } });
  });

  it('keeps the last answer shown while a new request loads, and after it fails', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'a'));
    calls[0]!.answer(ok('A'));
    await settle();
    o.update(request(fetch, 'b'));
    expect(o.getState()).toEqual({ data: 'A', isStale: true, isLoading: true, error: null });
    calls[1]!.answer(failure('broken'));
    await settle();
    expect(o.getState().data).toBe('A');
  });

  it('shows the remembered answer when a view comes back to the same request under the same versions, and asks nothing', async () => {
    const cache = createQueryCache();
    const first = manualFetch<string>();
    const before = observer<string>(cache);
    before.o.update(request(first.fetch, 'k'));
    first.calls[0]!.answer(ok('remembered'));
    await settle();
    before.o.stop();

    const again = manualFetch<string>();
    const after = observer<string>(cache, { key: 'k', stamp: '0:0', project: 1 });
    expect(after.o.getState()).toMatchObject({ data: 'remembered', isStale: false });
    after.o.update(request(again.fetch, 'k'));
    expect(again.calls).toHaveLength(0);
    expect(after.o.getState()).toEqual({ data: 'remembered', isStale: false, isLoading: false, error: null });
    after.o.refresh();
    expect(again.calls).toHaveLength(1);
  });

  it('shows the remembered answer at once when a view comes back after a change of version, and asks again', async () => {
    const cache = createQueryCache();
    cache.write('k', 1, { value: 'before the import', stamp: '0:0' });
    const again = manualFetch<string>();
    const after = observer<string>(cache, { key: 'k', stamp: '1:0', project: 1 });
    after.o.update(request(again.fetch, 'k', { stamp: '1:0' }));
    expect(again.calls).toHaveLength(1);
    expect(after.o.getState()).toEqual({ data: 'before the import', isStale: true, isLoading: true, error: null });
    again.calls[0]!.answer(ok('fresh'));
    await settle();
    expect(after.o.getState()).toEqual({ data: 'fresh', isStale: false, isLoading: false, error: null });
  });

  it('shows a remembered answer when the request changes back to it before its new answer, without asking it again', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'week'));
    calls[0]!.answer(ok('by week'));
    await settle();
    o.update(request(fetch, 'day'));
    o.update(request(fetch, 'week'));
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(calls).toHaveLength(2);
    expect(o.getState()).toEqual({ data: 'by week', isStale: false, isLoading: false, error: null });
  });

  it('asks again a request whose last ask failed, even under the same versions', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'k'));
    calls[0]!.answer(ok('answer'));
    await settle();
    o.refresh();
    calls[1]!.answer(failure('busy'));
    await settle();
    o.stop();
    o.update(request(fetch, 'k'));
    expect(calls).toHaveLength(3);
  });

  it('tells when it starts and stops loading, once each', async () => {
    const { calls, fetch } = manualFetch<string>();
    const told: boolean[] = [];
    const o = createQueryObserver<string>({ cache: createQueryCache(), onError: () => undefined, onLoadingChange: (b) => told.push(b) });
    o.update(request(fetch, 'a'));
    o.update(request(fetch, 'b'));
    expect(told).toEqual([true]);
    calls[1]!.answer(ok('b'));
    await settle();
    expect(told).toEqual([true, false]);
    o.update(request(fetch, 'c'));
    o.stop();
    expect(told).toEqual([true, false, true, false]);
  });

  it('never shows the remembered answer of another project', () => {
    const cache = createQueryCache();
    cache.write('k', 1, { value: 'project one', stamp: '0:0' });
    const { o } = observer<string>(cache, { key: 'k', stamp: '0:0', project: 2 });
    expect(o.getState().data).toBeNull();
  });

  it('marks a remembered answer from before a change as stale until the current answer arrives', async () => {
    const cache = createQueryCache();
    cache.write('vvip rules', 1, { value: 'rules before the save', stamp: '0:0' });
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>(cache, { key: 'vvip rules', stamp: '0:1', project: 1 });
    expect(o.getState()).toMatchObject({ data: 'rules before the save', isStale: true });
    o.update(request(fetch, 'vvip rules', { stamp: '0:1' }));
    expect(o.getState()).toMatchObject({ data: 'rules before the save', isStale: true, isLoading: true });
    calls[0]!.answer(ok('rules saved'));
    await settle();
    expect(o.getState()).toEqual({ data: 'rules saved', isStale: false, isLoading: false, error: null });
  });

  it('marks the answer shown as stale while a change of version is asked again', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'k', { stamp: '0:0' }));
    calls[0]!.answer(ok('before'));
    await settle();
    o.update(request(fetch, 'k', { stamp: '1:0' }));
    expect(o.getState()).toMatchObject({ data: 'before', isStale: true, isLoading: true });
  });

  it('asks again when a version changes, and not when nothing did', () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'k', { stamp: '0:0' }));
    o.update(request(fetch, 'k', { stamp: '0:0' }));
    expect(calls).toHaveLength(1);
    o.update(request(fetch, 'k', { stamp: '1:0' }));
    o.update(request(fetch, 'k', { stamp: '1:1' }));
    expect(calls).toHaveLength(3);
  });

  it('asks once after the quiet time, with the last request only', async () => {
    vi.useFakeTimers();
    const { calls, fetch } = manualFetch<string>();
    const asked: string[] = [];
    const { o } = observer<string>();
    const ask = (key: string) => o.update(request((signal) => (asked.push(key), fetch(signal)), key, { debounceMs: 300 }));
    ask('');
    calls[0]!.answer(ok('first'));
    await vi.advanceTimersByTimeAsync(0);
    for (const key of ['a', 'ab', 'abc']) ask(key);
    expect(o.getState().isLoading).toBe(true);
    vi.advanceTimersByTime(299);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['', 'abc']);
  });

  it('asks the first question at once, without the quiet time meant for edits', () => {
    vi.useFakeTimers();
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    // Nothing can be asked yet (the definition is loading), then the loaded definition.
    o.update(request(fetch, null, { debounceMs: 300 }));
    o.update(request(fetch, 'loaded', { debounceMs: 300 }));
    expect(calls).toHaveLength(1);
    // A view shown again starts over: its first question is not an edit either.
    o.stop();
    o.update(request(fetch, 'loaded', { debounceMs: 300 }));
    expect(calls).toHaveLength(2);
  });

  it('drops the request under way and keeps the last answer when nothing can be asked', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'valid'));
    calls[0]!.answer(ok('valid answer'));
    await settle();
    o.update(request(fetch, 'edited'));
    o.update(request(fetch, null));
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(o.getState()).toMatchObject({ data: 'valid answer', isLoading: false, error: null });
  });

  it('asks again after a stop (a view mounted again)', () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    o.update(request(fetch, 'k'));
    o.stop();
    o.update(request(fetch, 'k'));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.signal.aborted).toBe(false);
  });

  it('asks the same request again on refresh, dropping the answer under way', async () => {
    const { calls, fetch } = manualFetch<string[]>();
    const { o } = observer<string[]>();
    o.update(request(fetch, 'templates'));
    o.refresh();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.answer(ok(['one template']));
    await settle();
    expect(o.getState().data).toEqual(['one template']);
  });

  it('tells its listeners of each change and stops telling an unsubscribed one', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    const seen: (string | null)[] = [];
    const unsubscribe = o.subscribe(() => seen.push(o.getState().data));
    o.update(request(fetch, 'k'));
    calls[0]!.answer(ok('K'));
    await settle();
    unsubscribe();
    o.update(request(fetch, 'j'));
    expect(seen).toEqual([null, 'K']);
  });

  it('turns a fetch that throws into a reported error', async () => {
    const { o, errors } = observer<string>();
    o.update(request(() => Promise.reject(new Error('socket closed')), 'k'));
    await settle();
    expect(errors).toEqual([{ code: 'INTERNAL', message: 'socket closed' }]);
    expect(o.getState().isLoading).toBe(false);
  });

  it('tells whether a request not yet told would ask: unknown or outdated, not when answered under the same versions', async () => {
    const { calls, fetch } = manualFetch<string>();
    const { o } = observer<string>();
    const want = (key: string | null, stamp = '0:0') => ({ key, stamp, project: 1 });
    // A definition just loaded allows a request whose effect has not run yet: it will ask.
    expect(o.willAsk(want('k'))).toBe(true);
    expect(o.willAsk(want(null))).toBe(false);
    o.update(request(fetch, 'k'));
    // Told: the state's isLoading says it from now on.
    expect(o.willAsk(want('k'))).toBe(false);
    calls[0]!.answer(ok('K'));
    await settle();
    expect(o.willAsk(want('k'))).toBe(false);
    expect(o.willAsk(want('k', '1:0'))).toBe(true);
    o.update(request(fetch, 'j'));
    calls[1]!.answer(ok('J'));
    await settle();
    // Remembered under the same versions: shown without asking.
    expect(o.willAsk(want('k'))).toBe(false);
    expect(o.willAsk(want('k', '0:1'))).toBe(true);
  });
});

describe('createInflight', () => {
  it('a second asker of a request under way joins it: one fetch, both get its answer', async () => {
    const { calls, fetch } = manualFetch<string>();
    const inflight = createInflight();
    const first = inflight.run('k', new AbortController().signal, fetch);
    const second = inflight.run('k', new AbortController().signal, fetch);
    expect(calls).toHaveLength(1);
    calls[0]!.answer(ok('K'));
    expect(await first).toEqual(ok('K'));
    expect(await second).toEqual(ok('K'));
  });

  it('the request goes on while one asker still waits, and is aborted once every asker has left', () => {
    const { calls, fetch } = manualFetch<string>();
    const inflight = createInflight();
    const warmUp = new AbortController();
    const view = new AbortController();
    void inflight.run('k', warmUp.signal, fetch);
    void inflight.run('k', view.signal, fetch);
    warmUp.abort();
    expect(calls[0]!.signal.aborted).toBe(false);
    view.abort();
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('asks again once the request has been answered or aborted, and never joins another key', async () => {
    const { calls, fetch } = manualFetch<string>();
    const inflight = createInflight();
    const gone = new AbortController();
    void inflight.run('k', gone.signal, fetch);
    gone.abort();
    void inflight.run('k', new AbortController().signal, fetch);
    expect(calls).toHaveLength(2);
    void inflight.run('j', new AbortController().signal, fetch);
    expect(calls).toHaveLength(3);
    calls[1]!.answer(ok('K'));
    await settle();
    void inflight.run('k', new AbortController().signal, fetch);
    expect(calls).toHaveLength(4);
  });
});
