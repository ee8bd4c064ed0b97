// ag-grid's one-time set-up shared by DataGrid (read-only) and DefinitionGrid (editable): the
// modules the app uses and the theme. Only these three files import ag-grid.
import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  createGrid,
  CustomEditorModule,
  DateFilterModule,
  GridBodyCtrl,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  RenderApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  themeQuartz,
} from 'ag-grid-community';
import { inCreationTurn } from './creationTurn';

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
  // Whether a grid has drawn its rows: its queue of animation frames is empty (DataGrid.tsx's useDrawn)
  RenderApiModule,
  // Editing (DefinitionGrid)
  TextEditorModule,
  NumberEditorModule,
  CheckboxEditorModule,
  SelectEditorModule,
  CustomEditorModule,
]);

// A grid out of the page (a visited view hidden: Workspace.tsx's KeptView detaches it) measures a
// viewport 0 px wide, which ag-grid takes as "draw every column" (its column viewport suppresses
// virtualisation at a width of 0). Leaving 客户360, its grid drew the cells of all 26 columns while
// out of sight, some 420 cells in the next view's first frames: one task of 70–100 ms in someone
// else's visit (issue 17). Out of the page, a grid's columns stay as they were; back in it, its
// resize handler measures it again.
const updateColumnViewport = GridBodyCtrl.prototype.updateColumnViewport;
GridBodyCtrl.prototype.updateColumnViewport = function (this: GridBodyCtrl, afterScroll?: boolean) {
  if (this.eGridViewport.isConnected) updateColumnViewport.call(this, afterScroll);
};

/** System fonts only: the quartz default names a Google font, which we must never fetch. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'],
  headerFontWeight: 600,
  fontSize: 13,
  accentColor: '#07a35a',
  spacing: 6,
});

// The page's first grid paid for every grid after it: the theme's style sheets written into the
// document (and the whole page's styles computed again for them), ag-grid's code run for the first
// time. 漏斗's grid, the first of a page load, took 80–100 ms to make against some 30 for the next
// (issue 17: no task over 100 ms). A grid of no columns and no rows, out of sight, is made in a
// creation turn of its own once ag-grid is loaded and the page is idle, and kept for the page's
// life: ag-grid takes its theme's style sheets out again once no grid uses them. Idle, not at once:
// queued as the chunk loaded, it fell in the first visit of the view being opened.
if (typeof document !== 'undefined') {
  requestIdleCallback(() =>
    inCreationTurn(() => {
      const holder = document.createElement('div');
      holder.className = 'grid-primer';
      holder.setAttribute('aria-hidden', 'true');
      document.body.append(holder);
      createGrid(holder, { theme: gridTheme, columnDefs: [], rowData: [] });
    }),
  );
}

// Column header widths need no ag-grid (DataGrid.tsx reads them before the grid's code loads).
export { headerFit } from './gridHeader';
