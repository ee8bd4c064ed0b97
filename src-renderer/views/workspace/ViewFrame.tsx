// The frame of the view shown: its code loading (a lazy view) and the signal that its figures are
// on screen, which the UI bench (bench/ui.ts) and tests wait for instead of sleeping.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { loadingQueries, subscribeLoadingQueries } from '../../api/useQuery';

/** Props of {@link ViewFrame}. */
export interface ViewFrameProps {
  /** The view's id (the tab), set as `data-view`. */
  view: string;
  /** Told each time the view's figures become shown (`data-ready` turns true). */
  onReady?: () => void;
  /** Whether the view is the one shown: a view kept while another is shown is never ready (default true). */
  isShown?: boolean;
  children: ReactNode;
}

/**
 * Whether everything in `frame` is shown: no query of the renderer under way, no element saying
 * it is busy, every chart drawn (Chart.tsx's `data-rendered`).
 */
function isShown(frame: HTMLElement): boolean {
  return loadingQueries() === 0 && !frame.querySelector('[aria-busy="true"]') && !frame.querySelector('.chart[data-rendered="false"]');
}

/**
 * Mounted after the view, so its effect runs after the view's own effects (its first queries);
 * while the view's code loads, the view shows {@link ViewLoading}, which is busy. Sets `data-ready` on the
 * frame whenever the state settles: a check waits for the next frame to be painted and the task
 * after it, so what it sees is on screen, and a query asked by the effect of an answer's render
 * (React runs those effects before the next frame) is counted before the frame is called ready.
 */
function ReadyProbe({ frame, onReady, isActive }: { frame: RefObject<HTMLDivElement | null>; onReady?: () => void; isActive: boolean }) {
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  useEffect(() => {
    const el = frame.current;
    if (!el || !isActive) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frameId = 0;
    const check = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frameId);
      if (el.getAttribute('data-ready') === 'true' && !isShown(el)) el.setAttribute('data-ready', 'false');
      frameId = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          const isReady = isShown(el);
          const wasReady = el.getAttribute('data-ready') === 'true';
          el.setAttribute('data-ready', String(isReady));
          if (isReady && !wasReady) readyRef.current?.();
        }, 0);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-rendered'] });
    const unsubscribe = subscribeLoadingQueries(check);
    check();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frameId);
      observer.disconnect();
      unsubscribe();
      el.setAttribute('data-ready', 'false');
    };
  }, [frame, isActive]);
  return null;
}

/**
 * What a view shows while its code loads (Workspace's lazy views): empty, a progress line only
 * after a moment (CSS), so a quick load does not flash; busy, so the frame is not called ready.
 */
export function ViewLoading() {
  return (
    <div className="view-loading" data-testid="view-loading" aria-busy="true">
      <div className="spinner-line" />
    </div>
  );
}

/**
 * One view with `data-view` and `data-ready` ("true" once its figures and charts are shown, checked
 * anew each time it is shown again). Nothing in it suspends: a view whose code is loading shows
 * {@link ViewLoading} itself (lazyView.ts).
 */
export function ViewFrame({ view, onReady, isShown = true, children }: ViewFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} className="view-frame" data-view={view} data-ready="false">
      {children}
      <ReadyProbe frame={ref} onReady={onReady} isActive={isShown} />
    </div>
  );
}
