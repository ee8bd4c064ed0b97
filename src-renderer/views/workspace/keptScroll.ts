// Where a kept view was scrolled (Workspace.tsx's KeptView). A view out of the page loses its
// scroll offsets: the browser drops them with the element's layout, so 客户360's list, scrolled
// down and right, came back at its first row and column. The tab body, the scroller every view
// shares, kept the last view's offset instead, so the next view opened part way down.

/** Keeps a view's scroll offsets across its time out of the page (see {@link createScrollKeeper}). */
export interface ScrollKeeper {
  /** Reads the offsets of `host` and of the view's scrolled elements, before the view leaves the page. */
  keep(host: Element): void;
  /**
   * Puts them back once the view is in the page again: the elements' first (their content sets the
   * host's range), then the host's. A view shown for the first time starts at the top.
   */
  restore(host: Element): void;
  /** Stops following the view's scrolls. */
  dispose(): void;
}

/**
 * Follows which elements of `view` scroll (a capture listener: scroll events do not bubble), so
 * leaving reads those few offsets only: reading every element's took 10–14 ms in a view of 900
 * elements at M, in the click that leaves it.
 */
export function createScrollKeeper(view: Element): ScrollKeeper {
  const scrolled = new Set<Element>();
  const onScroll = (e: Event) => {
    if (e.target instanceof Element) scrolled.add(e.target);
  };
  view.addEventListener('scroll', onScroll, { capture: true, passive: true });
  let host: { top: number; left: number } | null = null;
  let inside: { el: Element; top: number; left: number }[] = [];
  return {
    keep(hostEl) {
      host = { top: hostEl.scrollTop, left: hostEl.scrollLeft };
      inside = [];
      for (const el of scrolled) {
        if (!view.contains(el)) scrolled.delete(el);
        else if (el.scrollTop !== 0 || el.scrollLeft !== 0) inside.push({ el, top: el.scrollTop, left: el.scrollLeft });
      }
    },
    restore(hostEl) {
      for (const { el, top, left } of inside) {
        el.scrollTop = top;
        el.scrollLeft = left;
      }
      inside = [];
      hostEl.scrollTop = host?.top ?? 0;
      hostEl.scrollLeft = host?.left ?? 0;
    },
    dispose() {
      view.removeEventListener('scroll', onScroll, { capture: true });
    },
  };
}
