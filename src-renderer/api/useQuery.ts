import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Method, Req, Responses } from '../../src-main/contract';
import { selectDataVersion, selectDefinitionsVersion, selectProjectVersion, useDataVersion } from '../store/dataVersion';
import { reportError } from '../store/toasts';
import { call } from './client';
import { createInflight, createQueryCache, createQueryObserver, queryKey, type QueryState } from './queryCache';
import { useViewVisibility } from './viewShown';
import { useWarmUpScope } from './warmUpScope';

/** How {@link useQuery} asks. */
export interface QueryOptions {
  /** Quiet time after the last change of the request before asking (a definition being edited). */
  debounceMs?: number;
}

/** What {@link useQuery} gives a view. */
export interface QueryResult<T> extends QueryState<T> {
  /** Asks again now, for a change no version tells (a list the view itself edited). */
  refresh(): void;
}

/** The answers of the whole renderer, shared by every query. */
const cache = createQueryCache();

/** The requests under way of the whole renderer, joined by a second asker of the same question. */
const inflight = createInflight();

const ignoreError = () => undefined;

/** Queries of the whole renderer under way (waiting for their quiet time or their answer). */
let loadingCount = 0;
const loadingListeners = new Set<() => void>();
function countLoading(isLoading: boolean): void {
  loadingCount += isLoading ? 1 : -1;
  loadingListeners.forEach((l) => l());
}

/** How many queries are under way in the renderer: a view's figures are shown once none is. */
export function loadingQueries(): number {
  return loadingCount;
}

/** Listens to changes of {@link loadingQueries}; returns the unsubscribe. */
export function subscribeLoadingQueries(listener: () => void): () => void {
  loadingListeners.add(listener);
  return () => loadingListeners.delete(listener);
}

/**
 * The one way a view reads from the API: the answer to `method` with `req`, keyed by the
 * method and the request's JSON (a new object with the same content asks nothing). Only the
 * latest request's answer is kept; a superseded or unmounted request is aborted. Every query
 * asks again when the project's data or a saved definition change (store/dataVersion.ts): an
 * analysis depends on both, and reading the saved definitions again is cheap. A request asked
 * before shows its last answer at once while it is asked again (`isStale` says when that answer
 * predates a change). `req` null: nothing can be asked now; the last answer stays. Failures are
 * reported as toasts. The same question under way (asked by the warm-up) is joined, not asked again.
 * In a view kept mounted but not shown, nothing is asked until it is shown again.
 */
export function useQuery<K extends Method>(method: K, req: Req<K> | null, { debounceMs = 0 }: QueryOptions = {}): QueryResult<Responses[K]> {
  const dataVersion = useDataVersion(selectDataVersion);
  const definitionsVersion = useDataVersion(selectDefinitionsVersion);
  const project = useDataVersion(selectProjectVersion);
  const body = req === null ? null : JSON.stringify(req);
  const key = body === null ? null : queryKey(method, req);
  const stamp = `${dataVersion}:${definitionsVersion}`;
  const warmUp = useWarmUpScope();
  const [observer] = useState(() =>
    createQueryObserver<Responses[K]>({
      cache,
      onError: warmUp ? ignoreError : reportError,
      initial: { key, stamp, project },
      onLoadingChange: warmUp ? warmUp.onLoadingChange : countLoading,
    }),
  );
  const state = useSyncExternalStore(observer.subscribe, observer.getState);

  const visibility = useViewVisibility();
  useEffect(() => {
    const req = {
      key,
      stamp,
      project,
      debounceMs,
      fetch: (signal: AbortSignal) => inflight.run(`${project} ${stamp} ${key}`, signal, (shared) => call(method, JSON.parse(body!) as Req<K>, { signal: shared })),
    };
    const tell = () => {
      if (visibility.isShown()) observer.update(req);
      // A view kept out of sight (api/viewShown.ts): what it has under way stops, so the view shown
      // waits for nothing of it; on its return it asks again what it still lacks.
      else if (observer.getState().isLoading) observer.stop();
    };
    tell();
    return visibility.subscribe(tell);
  }, [observer, method, key, body, stamp, project, debounceMs, visibility]);
  useEffect(() => () => observer.stop(), [observer]);

  // Loading from the render that wants a new answer on, not from its effect: a frame shown in
  // between (a definition just loaded, the query it allows not yet asked) would say "ready" with
  // no figures for it.
  const isAsking = state.isLoading || observer.willAsk({ key, stamp, project });
  return { ...state, isLoading: isAsking, refresh: observer.refresh };
}
