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
  RenderApiModule,
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
  // Whether a grid has drawn its rows: its queue of animation frames is empty (DataGrid.tsx's useDrawn)
  RenderApiModule,
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

// Column header widths need no ag-grid (DataGrid.tsx reads them before the grid's code loads).
export { headerFit } from './gridHeader';
