// How wide a grid column is made for its header: plain arithmetic on the text at the grid theme's
// 13 px (agGrid.ts), without ag-grid, so a view's grid settings are ready before ag-grid's code.

/** Width in px a header's text needs on one line at the theme's 13 px (CJK and full-width glyphs are about twice a Latin letter). */
function headerTextWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 13.5 : 7.5;
  return Math.ceil(w);
}

/** Header padding, the sort arrow and the filter button beside the text. */
const HEADER_CHROME = 52;
/** Widest a column is made for its header alone; a longer header wraps onto a second line. */
const MAX_HEADER_MIN_WIDTH = 220;

/** The least width of a column whose header is `text` (and a filter button when `hasFilter`). */
const headerMinWidth = (text: string, hasFilter = false): number =>
  Math.min(MAX_HEADER_MIN_WIDTH, headerTextWidth(text) + HEADER_CHROME + (hasFilter ? 16 : 0));

/**
 * A column's header settings: at least as wide as its header on one line (up to a limit), and
 * measured for a second line only where the text may need one. ag-grid measures an auto-height
 * header cell by cell, each measure forcing the page's style and layout anew: 100-130 ms of a
 * grid's creation at 100,000 people for headers that never wrap (issue 17). A quarter of slack on
 * the width estimate keeps a header close to the limit measured.
 */
export function headerFit(text: string, hasFilter = false): { minWidth: number; wrapHeaderText: true; autoHeaderHeight: boolean } {
  const chrome = HEADER_CHROME + (hasFilter ? 16 : 0);
  return { minWidth: headerMinWidth(text, hasFilter), wrapHeaderText: true, autoHeaderHeight: headerTextWidth(text) * 1.25 + chrome > MAX_HEADER_MIN_WIDTH };
}
