// Content below the fold (issue 17): a view's charts, grids and questions that the screen does not
// show when the view opens are made when the user scrolls near them, or once the view's figures
// have been on screen a moment with nothing asked; the figures the user sees come first. On two
// cores, 流失与留存's list, retention and survival (two more analyses, three charts and a grid) made
// at the click held its trend and breakdowns back by a third. A view the warm-up renders off screen
// makes everything at once, so every question of it is asked ahead of the visit.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useWarmUpScope } from '../api/warmUpScope';

/** How far below the screen content is made already: the first move of a scroll brings it. */
const NEAR_PX = 240;
/**
 * How long the view's figures must have been on screen before the rest is made anyway: as the
 * warm-up's dwell (views/workspace/warmUp.ts), a user going on to another view keeps both cores.
 */
export const BELOW_FOLD_DWELL_MS = 1000;
/** Time an idle callback may wait before it runs anyway. */
const IDLE_TIMEOUT_MS = 1000;

/** Props of {@link BelowFold}. */
export interface BelowFoldProps {
  /** The room kept meanwhile (CSS), about the content's height, so the page does not jump when it comes. */
  minHeight: number | string;
  children: ReactNode;
}

/**
 * `children`, made once near the screen or after the view's figures (its ViewFrame's `data-ready`)
 * stood {@link BELOW_FOLD_DWELL_MS}. Until it knows whether it is on screen the room it keeps is
 * busy (`aria-busy`), so a frame whose content is in sight is not called ready without it; a room
 * out of sight is not busy, and the frame is ready once what is in sight is shown.
 */
export function BelowFold({ minHeight, children }: BelowFoldProps) {
  const isWarming = useWarmUpScope() !== null;
  const [state, setState] = useState<'unknown' | 'away' | 'made'>(isWarming ? 'made' : 'unknown');
  const ref = useRef<HTMLDivElement>(null);
  const isMade = state === 'made';

  useEffect(() => {
    const el = ref.current;
    if (isMade || !el) return;
    const make = () => setState('made');
    const tell = (isNear: boolean) => setState(isNear ? 'made' : (s) => (s === 'unknown' ? 'away' : s));
    // Where it stands once laid out, measured at the next frame, so the view's readiness does not
    // hang on the observer's first report; the observer tells of the changes after that (a scroll).
    const first = requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      tell(el.isConnected && r.bottom > -NEAR_PX && r.top < window.innerHeight + NEAR_PX && r.width > 0);
    });
    const near = new IntersectionObserver((entries) => tell(entries.some((e) => e.isIntersecting)), { rootMargin: `0px 0px ${NEAR_PX}px 0px` });
    near.observe(el);
    // The view's figures on screen a moment, the user asking nothing: made in idle time.
    const frame = el.closest('[data-view]');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle = 0;
    const follow = () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
      if (frame?.getAttribute('data-ready') !== 'true') return;
      timer = setTimeout(() => {
        idle = requestIdleCallback(make, { timeout: IDLE_TIMEOUT_MS });
      }, BELOW_FOLD_DWELL_MS);
    };
    const readiness = frame ? new MutationObserver(follow) : null;
    if (frame) readiness!.observe(frame, { attributes: true, attributeFilter: ['data-ready'] });
    follow();
    return () => {
      cancelAnimationFrame(first);
      near.disconnect();
      readiness?.disconnect();
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [isMade]);

  if (isMade) return <>{children}</>;
  return <div ref={ref} className="below-fold" style={{ minHeight }} aria-busy={state === 'unknown'} data-testid="below-fold" />;
}
