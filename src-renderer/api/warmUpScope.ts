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

/**
 * How long the shown view's figures must have been on screen, the user asking nothing, before work
 * the user did not ask for starts: the warm-up (views/workspace/warmUp.ts) and the content below
 * the fold (components/BelowFold.tsx). A user going from view to view needs both cores for the view
 * asked for, and a warmed view's analysis, aborted at the click, still held the database for up to
 * a few hundred ms (every first visit clicked right after the previous view's figures waited on it).
 */
export const DWELL_MS = 1000;
