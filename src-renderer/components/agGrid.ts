// ag-grid's one-time set-up shared by DataGrid (read-only) and DefinitionGrid (editable): the
// modules the app uses and the theme. Only these three files import ag-grid.
import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  DateFilterModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  themeQuartz,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  CellStyleModule, // the 'rightAligned' column type sets cellClass
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  TextFilterModule,
  DateFilterModule,
  NumberFilterModule,
  ColumnAutoSizeModule,
  LocaleModule,
  TooltipModule,
  // The grids' 导出 reads the rows as shown and the sort (GridExport.tsx)
  ClientSideRowModelApiModule,
  ColumnApiModule,
  // Editing (DefinitionGrid)
  TextEditorModule,
  NumberEditorModule,
  CheckboxEditorModule,
  SelectEditorModule,
  CustomEditorModule,
]);

/** System fonts only: the quartz default names a Google font, which we must never fetch. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'],
  headerFontWeight: 600,
  fontSize: 13,
  accentColor: '#07a35a',
  spacing: 6,
});

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
