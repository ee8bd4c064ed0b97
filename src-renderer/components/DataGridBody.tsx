// The read-only grid's ag-grid part (DataGrid.tsx): a chunk of its own, loaded beside the view's
// first questions instead of before them (issue 17: 指标, the first view a user opens after the
// overview, waited for ag-grid's 980 kB of code before it asked for its figures).
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { gridLocaleText } from '../../src-main/locale/common';
import { gridTheme } from './agGrid';

/**
 * Rows drawn beyond those in sight, above and below: ag-grid's default of 10 drew some 10 rows more
 * of 客户360's 26 columns with the list's first page, all in one React commit. Its first visit at
 * 100,000 people had a task of 50 ms or more in 23 of 24 quiet loads (51–84 ms); with 2, in 3 of 24
 * (51–58 ms) (issue 17). Rows scrolled into sight are drawn as they come.
 */
const ROW_BUFFER = 2;

/** ag-grid with the app's theme and Chinese texts. */
export function DataGridBody<R>(props: AgGridReactProps<R>) {
  return <AgGridReact<R> theme={gridTheme} localeText={gridLocaleText} rowBuffer={ROW_BUFFER} {...props} />;
}
