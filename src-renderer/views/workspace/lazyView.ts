// Views load with their own code on first visit (a chunk each in the build), so the first screen
// carries only the shell: see Workspace.tsx's `views` table.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A view loaded on first use, and how to start loading it earlier (a pointer over its tab). */
export interface LazyView {
  Component: LazyExoticComponent<ComponentType>;
  /** Starts loading the view's code; later calls reuse the first load. */
  preload(): void;
}

/**
 * A view whose module is imported only when it is first shown or preloaded: `load` is the
 * dynamic import, `pick` takes the view's component from the module.
 */
export function lazyView<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyView {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const start = () => (loading ??= load().then((m) => ({ default: pick(m) })));
  return {
    Component: lazy(start),
    preload: () => void start(),
  };
}
