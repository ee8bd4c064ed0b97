// The read-only grid's ag-grid part (DataGrid.tsx): a chunk of its own, loaded beside the view's
// first questions instead of before them (issue 17: 指标, the first view a user opens after the
// overview, waited for ag-grid's 980 kB of code before it asked for its figures).
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { gridLocaleText } from '../../src-main/locale/common';
import { gridTheme } from './agGrid';

/** ag-grid with the app's theme and Chinese texts. */
export function DataGridBody<R>(props: AgGridReactProps<R>) {
  return <AgGridReact<R> theme={gridTheme} localeText={gridLocaleText} {...props} />;
}
