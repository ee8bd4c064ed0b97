// What tells a view rendered by the warm-up (views/workspace/warmUp.ts) from a view the user sees:
// its queries ask the same questions through the same cache, but count apart (the shown view's
// readiness must not wait for them) and fail silently (the visit reports its own failure); the
// chart and grid wrappers draw nothing, since nobody sees them.
import { createContext, useContext } from 'react';

/** The warm-up's side of a view it renders off screen. */
export interface WarmUpScope {
  /** Told each time one of the view's queries starts or stops loading. */
  onLoadingChange(isLoading: boolean): void;
}

/** Set by the warm-up around the view it renders; null in every view the user sees. */
export const WarmUpContext = createContext<WarmUpScope | null>(null);

/** The warm-up's scope when this component is rendered by the warm-up, else null. */
export const useWarmUpScope = (): WarmUpScope | null => useContext(WarmUpContext);
