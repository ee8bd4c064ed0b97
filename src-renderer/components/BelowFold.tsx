// Content below the fold (issue 17): a view's charts, grids and questions that the screen does not
// show when the view opens are made when the user scrolls them into sight, or once the view's figures
// have been on screen a moment with nothing asked; the figures the user sees come first. On two
// cores, 流失与留存's list, retention and survival (two more analyses, three charts and a grid) made
// at the click held its trend and breakdowns back by a third. A view the warm-up renders off screen
// makes everything at once, so every question of it is asked ahead of the visit.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DWELL_MS, useWarmUpScope } from '../api/warmUpScope';

/** Time an idle callback may wait before it runs anyway. */
const IDLE_TIMEOUT_MS = 1000;

/** Props of {@link BelowFold}. */
export interface BelowFoldProps {
  /** The room kept meanwhile (CSS), about the content's height, so the page does not jump when it comes. */
  minHeight: number | string;
  /** For content that is a card: the card's heading, shown meanwhile on an empty card filling the room. */
  cardTitle?: string;
  children: ReactNode;
}

/** The nearest ancestor of `el` that scrolls (the workspace's view area), or null: the page itself. */
function scrollingParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

/**
 * `children`, made once in sight or after the view's figures (its ViewFrame's `data-ready`)
 * stood {@link DWELL_MS}. Until it knows whether it is on screen the room it keeps is
 * busy (`aria-busy`), so a frame whose content is in sight is not called ready without it; a room
 * out of sight is not busy, and the frame is ready once what is in sight is shown.
 */
export function BelowFold({ minHeight, cardTitle, children }: BelowFoldProps) {
  const isWarming = useWarmUpScope() !== null;
  const [state, setState] = useState<'unknown' | 'away' | 'made'>(isWarming ? 'made' : 'unknown');
  const ref = useRef<HTMLDivElement>(null);
  const isMade = state === 'made';

  useEffect(() => {
    const el = ref.current;
    if (isMade || !el) return;
    const make = () => setState('made');
    const tell = (isInSight: boolean) => setState(isInSight ? 'made' : (s) => (s === 'unknown' ? 'away' : s));
    // In sight of the area that scrolls it: an observer of the page would see the room clipped by
    // that area, whatever margin it is given.
    const area = scrollingParent(el);
    // Where it stands once laid out, measured at the next frame, so the view's readiness does not
    // hang on the observer's first report; the observer tells of the changes after that (a scroll).
    const first = requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      const bounds = area?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
      tell(el.isConnected && r.width > 0 && r.top < bounds.bottom && r.bottom > bounds.top);
    });
    const near = new IntersectionObserver((entries) => tell(entries.some((e) => e.isIntersecting)), { root: area });
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
      }, DWELL_MS);
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
  return (
    <div ref={ref} className="below-fold" style={{ minHeight }} aria-busy={state === 'unknown'} data-testid="below-fold">
      {cardTitle !== undefined && (
        <section className="card below-fold-card" style={{ minHeight }}>
          <h3>{cardTitle}</h3>
        </section>
      )}
    </div>
  );
}
