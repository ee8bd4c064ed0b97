// Where a kept view was scrolled (Workspace.tsx's KeptView). A view out of the page loses its
// scroll offsets: the browser drops them with the element's layout, so 客户360's list, scrolled
// down and right, came back at its first row and column. The tab body, the scroller every view
// shares, kept the last view's offset instead, so the next view opened part way down.
//
// Offsets are read in scroll events only, when the page has just been laid out: reading or setting
// one while the page has changed lays it out at once, and the switch of views changes it (reading
// every element's as a view left took 10–14 ms of the click at M, setting the tab body's to 0 on
// every return laid out the view before its charts were made). They are set back only where one
// differs from what the page holds.

/** A scroller's offsets. */
export interface ScrollOffset {
  top: number;
  left: number;
}

/** The offsets of `el` as its scroll event found them. */
export const offsetOf = (el: Element): ScrollOffset => ({ top: el.scrollTop, left: el.scrollLeft });

/** Keeps a view's scroll offsets across its time out of the page (see {@link createScrollKeeper}). */
export interface ScrollKeeper {
  /** The view leaves the page with the tab body at `host` (the offset its last scroll event read). */
  keep(host: ScrollOffset): void;
  /**
   * The view is in the page again, with the tab body at `current`: puts its elements' offsets back,
   * then the tab body's (their content sets its range). A view shown for the first time starts at
   * the top. Returns the tab body's offset as set.
   */
  restore(hostEl: Element, current: ScrollOffset): ScrollOffset;
  /** Follows the view's scrolls; returns the stop (an effect's: mounted again, it follows again). */
  follow(): () => void;
}

/** Follows the offsets of the elements of `view` that scroll (a capture listener: scroll events do not bubble). */
export function createScrollKeeper(view: Element): ScrollKeeper {
  const offsets = new Map<Element, ScrollOffset>();
  const onScroll = (e: Event) => {
    if (e.target instanceof Element) offsets.set(e.target, offsetOf(e.target));
  };
  let host: ScrollOffset = { top: 0, left: 0 };
  let inside: [Element, ScrollOffset][] = [];
  return {
    keep(hostOffset) {
      host = hostOffset;
      for (const el of offsets.keys()) if (!view.contains(el)) offsets.delete(el);
      inside = [...offsets].filter(([, o]) => o.top !== 0 || o.left !== 0);
    },
    restore(hostEl, current) {
      for (const [el, { top, left }] of inside) {
        el.scrollTop = top;
        el.scrollLeft = left;
      }
      inside = [];
      if (host.top !== current.top) hostEl.scrollTop = host.top;
      if (host.left !== current.left) hostEl.scrollLeft = host.left;
      return host;
    },
    follow() {
      view.addEventListener('scroll', onScroll, { capture: true, passive: true });
      return () => view.removeEventListener('scroll', onScroll, { capture: true });
    },
  };
}
