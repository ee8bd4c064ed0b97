// The frame of the view shown: its code loading (a lazy view) and the signal that its figures are
// on screen, which the UI bench (bench/ui.ts) and tests wait for instead of sleeping.
import { Suspense, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { loadingQueries, subscribeLoadingQueries } from '../../api/useQuery';

/** Props of {@link ViewFrame}. */
export interface ViewFrameProps {
  /** The view's id (the tab), set as `data-view`. */
  view: string;
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
 * Mounted after the view inside the Suspense boundary, so its effect runs once the view's code
 * has loaded and the view's own effects (its first queries) have run. Sets `data-ready` on the
 * frame whenever the state settles: a check is put off to the next task, so a query asked by the
 * effect of an answer's render is counted before the frame is called ready.
 */
function ReadyProbe({ frame }: { frame: RefObject<HTMLDivElement | null> }) {
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(() => el.setAttribute('data-ready', String(isShown(el))), 0);
    };
    const observer = new MutationObserver(check);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-rendered'] });
    const unsubscribe = subscribeLoadingQueries(check);
    check();
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      unsubscribe();
      el.setAttribute('data-ready', 'false');
    };
  }, [frame]);
  return null;
}

/**
 * One view with `data-view` and `data-ready` ("true" once its figures and charts are shown). While
 * its code loads, an empty placeholder that shows a progress line only after a moment (CSS), so a
 * quick load does not flash.
 */
export function ViewFrame({ view, children }: ViewFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} className="view-frame" data-view={view} data-ready="false">
      <Suspense fallback={<div className="view-loading" data-testid="view-loading"><div className="spinner-line" /></div>}>
        {children}
        <ReadyProbe frame={ref} />
      </Suspense>
    </div>
  );
}
