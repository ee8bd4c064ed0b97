// The logic of the renderer's one query hook (useQuery.ts), kept apart from React so it can be
// tested as plain code: the key of a question, the cache of last answers, and the observer that
// asks, drops superseded answers and aborts what is no longer wanted (after Rill's runtime client).
import type { ApiError, Result } from '../../src-main/contract';

/** The key of one question: the method and the JSON of its request. */
export function queryKey(method: string, req: unknown): string {
  return `${method} ${JSON.stringify(req)}`;
}

/** One remembered answer and the versions it was answered under. */
export interface CachedAnswer {
  value: unknown;
  /** The {@link QueryRequest.stamp} of the request answered. */
  stamp: string;
}

/**
 * The last answers by key, so a revisited view shows its figures at once: without asking when
 * nothing changed since (same versions), else while it asks again.
 */
export interface QueryCache {
  /** The last answer to `key` within `project`, if remembered. */
  read(key: string, project: number): CachedAnswer | undefined;
  /** Remembers an answer to `key` within `project`. */
  write(key: string, project: number, answer: CachedAnswer): void;
  /** The last answer to `key` within `project`, changing nothing (for a check during a render). */
  peek(key: string, project: number): CachedAnswer | undefined;
}

/**
 * A cache of at most `limit` answers, the least recently used forgotten first. Answers belong to
 * one open project: reading or writing for another project forgets them all, so another
 * project's figures are never shown, even briefly.
 */
export function createQueryCache(limit = 150): QueryCache {
  const entries = new Map<string, CachedAnswer>();
  let current = Number.NaN;
  const enter = (project: number) => {
    if (project === current) return;
    entries.clear();
    current = project;
  };
  return {
    read(key, project) {
      enter(project);
      const answer = entries.get(key);
      if (!answer) return undefined;
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      entries.delete(key);
      entries.set(key, answer);
      return answer;
    },
    write(key, project, answer) {
      enter(project);
      entries.delete(key);
      entries.set(key, answer);
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
    peek: (key, project) => (project === current ? entries.get(key) : undefined),
  };
}

/** Requests under way, shared by everyone asking the same question (see {@link createInflight}). */
export interface InflightRequests {
  /**
   * The answer of `fetch` for `key`: a request for `key` under way is joined instead of asked
   * again. `signal` aborts this asker's wait; the request itself is aborted once every asker has.
   */
  run<T>(key: string, signal: AbortSignal, fetch: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/**
 * Requests under way by key, so a view shown while the warm-up (views/workspace/warmUp.ts) asks
 * its question joins that request rather than asking again, and the warm-up leaving it (the user
 * asked something) does not abort it for the view.
 */
export function createInflight(): InflightRequests {
  const entries = new Map<string, { promise: Promise<unknown>; controller: AbortController; askers: number }>();
  return {
    run<T>(key: string, signal: AbortSignal, fetch: (signal: AbortSignal) => Promise<T>): Promise<T> {
      let entry = entries.get(key);
      if (!entry) {
        const controller = new AbortController();
        const created = { promise: fetch(controller.signal), controller, askers: 0 };
        const forget = () => void (entries.get(key) === created && entries.delete(key));
        created.promise.then(forget, forget);
        entries.set(key, (entry = created));
      }
      const joined = entry;
      joined.askers++;
      const leave = () => {
        if (--joined.askers > 0) return;
        joined.controller.abort();
        if (entries.get(key) === joined) entries.delete(key);
      };
      if (signal.aborted) leave();
      else signal.addEventListener('abort', leave, { once: true });
      return (joined.promise as Promise<T>).finally(() => signal.removeEventListener('abort', leave));
    },
  };
}

/** What a view reads of one query. */
export interface QueryState<T> {
  /** The answer to the current request; while it loads, the last one shown (null before any). */
  data: T | null;
  /**
   * Whether `data` is something else than the answer to the current request under the current
   * versions: a remembered answer from before a change, or the answer to a previous request.
   * An editor waits for a current answer before it starts a draft from it.
   */
  isStale: boolean;
  /** Whether a request is waiting for its quiet time or under way. */
  isLoading: boolean;
  /** Why the last request failed; null when it succeeded. */
  error: ApiError | null;
}

/** One question as the observer is told it. */
export interface QueryRequest<T> {
  /** {@link queryKey} of the request; null when nothing can be asked now (an invalid definition). */
  key: string | null;
  /** The versions the answer depends on; a change asks again with the same key. */
  stamp: string;
  /** The open project the answer belongs to (see {@link createQueryCache}). */
  project: number;
  /** Quiet time after the last change before asking (not before the first question); 0 asks at once. */
  debounceMs: number;
  /** Asks the API; the signal fires when the answer is no longer wanted. */
  fetch(signal: AbortSignal): Promise<Result<T>>;
}

/** Follows one view's question (see {@link createQueryObserver}). */
export interface QueryObserver<T> {
  getState(): QueryState<T>;
  /** Listens to state changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Tells the current question; asks when its key or stamp changed since the last ask. */
  update(req: QueryRequest<T>): void;
  /**
   * Whether telling `req` by {@link QueryObserver.update} would ask: a render already wants it
   * while the effect that tells it has yet to run, so the figures shown are not its answer.
   */
  willAsk(req: Pick<QueryRequest<T>, 'key' | 'stamp' | 'project'>): boolean;
  /** Asks the current question again now (something changed that no version tells). */
  refresh(): void;
  /** Aborts what is under way and forgets what was asked (the view went away). */
  stop(): void;
}

/** What {@link createQueryObserver} needs besides the questions. */
export interface QueryObserverOptions {
  cache: QueryCache;
  /** Told every failure of a current request (a toast); superseded ones are dropped silently. */
  onError(error: ApiError): void;
  /** The first question, to show its remembered answer from the first render on. */
  initial?: Pick<QueryRequest<unknown>, 'key' | 'stamp' | 'project'>;
  /** Told each time the observer starts or stops loading (the renderer counts queries under way). */
  onLoadingChange?(isLoading: boolean): void;
}

/** Which request, under which versions, an answer belongs to. */
type Asked = Pick<QueryRequest<unknown>, 'key' | 'stamp'>;
const isSame = (a: Asked | null | undefined, b: Asked | null | undefined) => !!a && !!b && a.key === b.key && a.stamp === b.stamp;

/**
 * The state of one query over time. Only the latest request's answer is kept: a new key or
 * stamp aborts the request under way and drops its answer whenever it arrives. A key answered
 * before under the same versions shows that answer and asks nothing (the versions tell every
 * change of the data and definitions; `refresh` asks anyway); answered under older versions, it
 * shows that answer at once while it is asked again; an unknown key keeps the last answer until
 * its own arrives. A null key drops the request under way and keeps the last answer.
 */
export function createQueryObserver<T>({ cache, onError, initial, onLoadingChange }: QueryObserverOptions): QueryObserver<T> {
  const listeners = new Set<() => void>();
  /** What the view wants now. */
  let wanted: Asked | null = initial ?? null;
  /** What was last asked (undefined: never, or forgotten by stop). */
  let asked: QueryRequest<T> | undefined;
  /** The request `data` answers. */
  let shown: Asked | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  /** Whether a question was asked before (a later one is an edit, asked after its quiet time). */
  let hasAsked = false;

  const hit = initial?.key ? cache.read(initial.key, initial.project) : undefined;
  if (hit) shown = { key: initial!.key, stamp: hit.stamp };
  let state: QueryState<T> = { data: hit ? (hit.value as T) : null, isStale: !isSame(shown, wanted), isLoading: false, error: null };

  const setState = (patch: Partial<Omit<QueryState<T>, 'isStale'>>) => {
    const next = { ...state, ...patch, isStale: !isSame(shown, wanted) };
    if (next.data === state.data && next.isStale === state.isStale && next.isLoading === state.isLoading && next.error === state.error) return;
    const isLoadingChanged = next.isLoading !== state.isLoading;
    state = next;
    if (isLoadingChanged) onLoadingChange?.(next.isLoading);
    listeners.forEach((l) => l());
  };
  const drop = () => {
    clearTimeout(timer);
    timer = undefined;
    controller?.abort();
    controller = undefined;
  };

  function ask(req: QueryRequest<T>, key: string): void {
    const mine = new AbortController();
    controller = mine;
    const settle = (r: Result<T>) => {
      if (controller !== mine) return;
      controller = undefined;
      if (r.ok) {
        cache.write(key, req.project, { value: r.value, stamp: req.stamp });
        shown = { key, stamp: req.stamp };
        setState({ data: r.value, isLoading: false, error: null });
      } else {
        setState({ isLoading: false, error: r.error });
        onError(r.error);
      }
    };
    req.fetch(mine.signal).then(settle, (e: unknown) => settle({ ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }));
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(req) {
      if (isSame(asked, req)) return;
      drop();
      asked = req;
      wanted = { key: req.key, stamp: req.stamp };
      const key = req.key;
      if (key === null) return setState({ isLoading: false });
      if (key !== shown?.key || req.stamp !== shown.stamp) {
        const remembered = cache.read(key, req.project);
        if (remembered && (key !== shown?.key || remembered.stamp === req.stamp)) {
          shown = { key, stamp: remembered.stamp };
          setState({ data: remembered.value as T, error: null });
        }
      }
      if (isSame(shown, wanted) && state.error === null) return setState({ isLoading: false });
      setState({ isLoading: true });
      // The quiet time is for edits: the first question (the view just shown, its definition just
      // loaded) is asked at once.
      const isEdit = hasAsked;
      hasAsked = true;
      if (req.debounceMs > 0 && isEdit) timer = setTimeout(() => ask(req, key), req.debounceMs);
      else ask(req, key);
    },
    willAsk(req) {
      if (req.key === null || isSame(asked, req)) return false;
      if (isSame(shown, req) && state.error === null) return false;
      const remembered = cache.peek(req.key, req.project);
      return !remembered || remembered.stamp !== req.stamp;
    },
    refresh() {
      if (!asked || asked.key === null) return;
      drop();
      setState({ isLoading: true });
      ask(asked, asked.key);
    },
    stop() {
      drop();
      asked = undefined;
      hasAsked = false;
      setState({ isLoading: false });
    },
  };
}
