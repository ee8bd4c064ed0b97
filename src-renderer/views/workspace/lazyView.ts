// Views load with their own code on first visit (a chunk each in the build), so the first screen
// carries only the shell: see Workspace.tsx's `views` table. Once the first screen is drawn the
// rest are fetched in idle time (`preloadInIdle`), so a click finds its view's code in place.
import { createElement, useEffect, useState, type ComponentType, type FunctionComponent, type ReactNode } from 'react';

/** A view (or a component of one) loaded on first use, and how to start loading it earlier (a pointer over its tab). */
export interface LazyView<P extends object = object> {
  Component: ComponentType<P>;
  /** Starts loading the view's code; later calls reuse the first load. */
  preload(): void;
  /** {@link LazyView.preload}, ending when the code has loaded. */
  load(): Promise<void>;
}

/** What a lazy component shows meanwhile: its code loading, or the failure of that load (thrown to the error boundary). */
type Loaded<P> = { component: ComponentType<P> | null; failure?: { error: unknown } };

/**
 * A view whose module is imported only when it is first shown or preloaded: `load` is the
 * dynamic import, `pick` takes the view's component from the module, `fallback` is shown with the
 * component's props while the code loads (it must say it is busy, aria-busy, where a ViewFrame
 * waits for the figures).
 * Once loaded, the view renders at once.
 *
 * Not React.lazy and Suspense: React shows a suspended boundary's content no sooner than 300 ms
 * after its fallback appeared (its FALLBACK_THROTTLE_MS, for retries), so a view clicked before
 * its code was in asked its first questions 300 ms after the click, and a grid drawn before
 * ag-grid's code was in waited as long (issue 17). A state update once the code is in is not held.
 */
export function lazyView<M, P extends object = object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>, fallback: (props: P) => ReactNode = () => null): LazyView<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const start = () => (loading ??= load().then((m) => (loaded = pick(m))));
  const Component: FunctionComponent<P> = (props) => {
    const [shown, setShown] = useState<Loaded<P>>(() => ({ component: loaded }));
    const isLoaded = shown.component !== null;
    useEffect(() => {
      if (isLoaded) return;
      let isLive = true;
      start().then(
        (component) => void (isLive && setShown({ component })),
        (error: unknown) => void (isLive && setShown({ component: null, failure: { error } })),
      );
      return () => {
        isLive = false;
      };
    }, [isLoaded]);
    if (shown.failure) throw shown.failure.error;
    return shown.component ? createElement(shown.component, props) : fallback(props);
  };
  return {
    Component,
    preload: () => void start().catch(() => undefined),
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
