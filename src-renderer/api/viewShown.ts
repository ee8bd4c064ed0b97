// Whether the view a component belongs to is the one shown. A visited view stays mounted, detached
// from the page, while another is shown (views/workspace/Workspace.tsx), so that going back to it
// draws nothing anew. Meanwhile its queries are told nothing (api/useQuery.ts): what they had under
// way stops, and on its return they ask what changed, as a first visit would. An object to read and
// follow rather than a context value, so hiding and showing a view renders none of it again.
import { createContext, useContext } from 'react';

/** Whether a view is shown, and its changes. */
export interface ViewVisibility {
  isShown(): boolean;
  /** Listens to changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** A view's visibility, changed by the workspace that shows and hides it. */
export interface ViewVisibilityControl extends ViewVisibility {
  set(isShown: boolean): void;
}

/** A visibility starting as `isShown`. */
export function createViewVisibility(isShown: boolean): ViewVisibilityControl {
  const listeners = new Set<() => void>();
  let current = isShown;
  return {
    isShown: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === current) return;
      current = next;
      listeners.forEach((l) => l());
    },
  };
}

/** Shown for good: anything outside a kept view (the start screen, the warm-up's renders). */
const alwaysShown: ViewVisibility = { isShown: () => true, subscribe: () => () => undefined };

/** The visibility of the view around; always shown outside a kept view. */
export const ViewVisibilityContext = createContext<ViewVisibility>(alwaysShown);

/** The visibility of this component's view. */
export const useViewVisibility = (): ViewVisibility => useContext(ViewVisibilityContext);
