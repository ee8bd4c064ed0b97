// Views load with their own code on first visit (a chunk each in the build), so the first screen
// carries only the shell: see Workspace.tsx's `views` table. Once the first screen is drawn the
// rest are fetched in idle time (`preloadInIdle`), so a click finds its view's code in place.
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

/** A view (or a component of one) loaded on first use, and how to start loading it earlier (a pointer over its tab). */
export interface LazyView<P extends object = object> {
  Component: ComponentType<P>;
  /** Starts loading the view's code; later calls reuse the first load. */
  preload(): void;
  /** {@link LazyView.preload}, ending when the code has loaded. */
  load(): Promise<void>;
}

/**
 * A view whose module is imported only when it is first shown or preloaded: `load` is the
 * dynamic import, `pick` takes the view's component from the module. Once loaded, the view renders
 * at once (React.lazy would still suspend for a turn on its first render, showing the fallback and
 * putting the view's first queries off).
 */
export function lazyView<M, P extends object = object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  let loaded: ComponentType<P> | null = null;
  const start = () =>
    (loading ??= load().then((m) => {
      loaded = pick(m);
      return { default: loaded };
    }));
  const Lazy = lazy(start);
  const Component: FunctionComponent<P> = (props) => createElement(loaded ?? (Lazy as ComponentType<P>), props);
  return {
    Component,
    preload: () => void start(),
    load: () => start().then(() => undefined),
  };
}

/** Time an idle callback may wait before it runs anyway (a busy page still gets its views). */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Loads `views` one after another, each when the page is idle, so no load competes with the
 * figures being drawn; a failed load is left for the view's visit to report.
 */
export function preloadInIdle(views: readonly LazyView[]): void {
  const next = (i: number) => {
    if (i >= views.length) return;
    requestIdleCallback(
      () => {
        void views[i]!
          .load()
          .catch(() => undefined)
          .then(() => next(i + 1));
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  };
  next(0);
}
