// The warm-up (issue 17): while the user looks at a view, the other views' first questions are
// asked in idle time, one view at a time, so a first visit finds its answers in the query cache
// (or joins the request under way) instead of waiting for the analyses. Each view is rendered off
// screen, in a root of its own that is never attached to the page: the questions are the ones the
// view itself asks, from its own stores and saved definitions, with no second copy to keep in step.
// Its charts and grids draw nothing there (api/warmUpScope.ts). The user comes first: whatever the
// user asks stops the view being warmed (its requests are aborted unless the user's view joined
// them), and warming goes on only once the shown view's figures are on screen again.
import { createElement } from 'react';
import type { Root } from 'react-dom/client';
import { call } from '../../api/client';
import { loadingQueries, subscribeLoadingQueries } from '../../api/useQuery';
import { DWELL_MS, WarmUpContext, type WarmUpScope } from '../../api/warmUpScope';
import type { LazyView } from './lazyView';

/** Where the warm-up stands: `running` while views are left to warm, `done` once none is. */
export type WarmUpStatus = 'idle' | 'running' | 'done';

/** Controls the warm-up of one workspace (see {@link createWarmUp}). */
export interface WarmUp {
  /**
   * The shown view's figures are on screen: warms, in idle time, every view of `tabs` but `shown`
   * for the data `version` (project and data; a definition edit is no new version, the views the
   * user left are not asked about it). A version warmed before goes on where it stopped.
   */
  resume(version: string, tabs: readonly string[], shown: string): void;
  /** The user asked something or went to another view: the view being warmed stops at once. */
  pause(): void;
  /** The user shows `tab`: it needs no warming, its own visit asks. */
  visit(tab: string): void;
  /** Stops until the next {@link WarmUp.resume} (the workspace closed). */
  stop(): void;
  getStatus(): WarmUpStatus;
  /** Listens to status changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** A view's questions count as all asked once none has been under way for this long (an answer's render may ask the next). */
const SETTLED_MS = 150;
/** How often the derived tables' build is checked while it runs: the views' analyses would only wait for it. */
const PREPARATION_POLL_MS = 500;
/** Time an idle callback may wait before it runs anyway. */
const IDLE_TIMEOUT_MS = 1000;

/** The warm-up over `views` (the workspace's lazy views by tab). */
export function createWarmUp(views: Readonly<Record<string, LazyView>>): WarmUp {
  const listeners = new Set<() => void>();
  let status: WarmUpStatus = 'idle';
  let version: string | null = null;
  /** Views left to warm for `version`, the next first. */
  let queue: string[] = [];
  let isPaused = true;
  /** Listening to the user's queries while warming may go on; undefined when stopped. */
  let unsubscribe: (() => void) | undefined;
  /** Bumped by every pause: a step started before it does nothing more. */
  let turn = 0;
  /** Waiting for {@link DWELL_MS} before warming goes on. */
  let dwell: ReturnType<typeof setTimeout> | undefined;
  /** The view rendered now, and how to let it go. */
  let current: { tab: string; root: Root; timer?: ReturnType<typeof setTimeout> } | null = null;

  const setStatus = (next: WarmUpStatus) => {
    if (next === status) return;
    status = next;
    listeners.forEach((l) => l());
  };

  /** Unmounts the view being warmed: its queries stop, aborting what no shown view joined. */
  const release = () => {
    if (!current) return;
    const { root, timer } = current;
    clearTimeout(timer);
    current = null;
    // Not inside the render or effect of another root that told the pause.
    queueMicrotask(() => root.unmount());
  };

  const step = () => {
    if (isPaused || current) return;
    if (!queue.length) return setStatus('done');
    setStatus('running');
    const mine = turn;
    const tab = queue[0]!;
    requestIdleCallback(
      () => {
        if (mine !== turn) return;
        // React DOM's reconciler is loaded by main.tsx before anything renders; imported here, not
        // beside the workspace, it stays out of the page's first task (main.tsx).
        void Promise.all([views[tab]!.load(), import('react-dom/client')]).then(
          ([, { createRoot }]) => waitForTables(mine, () => warm(tab, createRoot)),
          () => next(tab),
        );
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  };

  /** Runs `then` once the derived tables are built (every analysis waits for them anyway). */
  const waitForTables = (mine: number, then: () => void) => {
    void call('project:preparation', {}).then((r) => {
      if (mine !== turn) return;
      if (r.ok && r.value?.isBuilding) setTimeout(() => mine === turn && waitForTables(mine, then), PREPARATION_POLL_MS);
      else then();
    });
  };

  /** Done with `tab` (warmed, or it cannot be): on to the next. */
  const next = (tab: string) => {
    if (current?.tab === tab) release();
    queue = queue.filter((t) => t !== tab);
    step();
  };

  const warm = (tab: string, createRoot: typeof import('react-dom/client').createRoot) => {
    if (isPaused || current) return;
    let loading = 0;
    const settle = () => {
      if (current?.tab !== tab) return;
      clearTimeout(current.timer);
      if (loading === 0) current.timer = setTimeout(() => next(tab), SETTLED_MS);
    };
    const scope: WarmUpScope = {
      onLoadingChange(isLoading) {
        loading += isLoading ? 1 : -1;
        settle();
      },
    };
    // A view that fails off screen is left for its visit to show and report.
    const root = createRoot(document.createElement('div'), { onUncaughtError: () => next(tab), onRecoverableError: () => undefined });
    current = { tab, root };
    root.render(createElement(WarmUpContext.Provider, { value: scope }, createElement(views[tab]!.Component)));
    settle();
  };

  const pause = () => {
    turn++;
    isPaused = true;
    clearTimeout(dwell);
    release();
  };

  return {
    resume(nextVersion, tabs, shown) {
      // Whatever the user asks comes first.
      unsubscribe ??= subscribeLoadingQueries(() => {
        if (loadingQueries() > 0) pause();
      });
      if (nextVersion !== version) {
        version = nextVersion;
        queue = [...tabs];
      }
      queue = queue.filter((t) => t !== shown);
      isPaused = false;
      clearTimeout(dwell);
      if (!queue.length) return step();
      setStatus('running');
      const mine = turn;
      dwell = setTimeout(() => mine === turn && step(), DWELL_MS);
    },
    pause,
    visit(tab) {
      queue = queue.filter((t) => t !== tab);
      pause();
    },
    stop() {
      pause();
      unsubscribe?.();
      unsubscribe = undefined;
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
