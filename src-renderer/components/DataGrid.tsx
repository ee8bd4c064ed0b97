// The read-only grid (STYLE.md: one wrapper per heavy UI library; ag-grid is imported only by
// agGrid.ts, DataGridBody.tsx, this file's ag-grid part, and DefinitionGrid.tsx, the editable one).
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactElement, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import type { AgGridReactProps } from 'ag-grid-react';
import { useViewVisibility } from '../api/viewShown';
import { useWarmUpScope } from '../api/warmUpScope';
import { toDataQuery } from '../views/data/dataQuery';
import { lazyView } from '../views/workspace/lazyView';
import { headerFit } from './gridHeader';
import { inCreationTurn, useCreationTurn } from './creationTurn';
import { GridExport, type GridExportProps } from './GridExport';
import type { DataQuery, ExportFileFormat } from '../../src-main/contract';
import { gridTable, type GridTable } from './gridExport';
import type { GridColumn, PageLoader } from './gridTypes';

/**
 * ag-grid's code, not awaited by the view: the view asks its questions and draws its charts while
 * it loads (its grid is busy until the code is in). Loaded when a grid is first shown, or in idle
 * time once a view with a grid has loaded: asked as this module loaded, its parsing could come
 * between a clicked view's code and the view's first questions.
 */
const gridBody = lazyView(
  () => import('./DataGridBody'),
  // The one generic component, typed for the rows of each grid by the caller.
  (m) => m.DataGridBody as ComponentType<AgGridReactProps<unknown>>,
  // Busy while ag-grid's code loads, so the view is not called ready without its grid.
  () => <div className="data-grid-loading" aria-busy="true" />,
);
requestIdleCallback(gridBody.preload);
/** The grid's body for rows of type `R`. */
const GridBody = gridBody.Component as unknown as <R>(props: AgGridReactProps<R>) => ReactElement;

const filterNames = { text: 'agTextColumnFilter', date: 'agDateColumnFilter', number: 'agNumberColumnFilter' } as const;

/** Rows held in the page, or pages fetched from the Node side (infinite row model). */
export type DataGridSource<R> = { rows: R[] } | { loader: PageLoader<R>; reloadKey?: unknown };

/** Props of {@link DataGrid}. */
export type DataGridProps<R> = {
  columns: GridColumn<R>[];
  testId?: string;
  /** Called with the matching row count after each server page. */
  onTotal?: (total: number) => void;
  /** Stable row ids, so edited rows update in place instead of re-rendering the grid. */
  rowId?: (row: R) => string;
  /** What the grid shows, for its export's file name (the view and the scope are added); '' for the view alone. */
  exportTitle?: string;
  /**
   * Both files (xlsx and CSV) written by the Node side from one row source, given the grid's sort and
   * filter: a server grid follows them; a grid of rows in the page exports its whole list, and says so.
   */
  exportFile?: (format: ExportFileFormat, shown: GridShown) => ReturnType<NonNullable<GridExportProps['file']>>;
  /** The export control disabled (e.g. while the view's definition is invalid). */
  isExportDisabled?: boolean;
  /**
   * A server-side grid whose columns come with its first page (客户360's key behaviours): made
   * once that page has answered, so it lays its columns out once, not once empty and again.
   */
  isMadeAfterFirstPage?: boolean;
} & DataGridSource<R>;

/** Grids of at most this many rows (held in the page) take their rows' height instead of scrolling (issue 11 item 9). */
const AUTO_HEIGHT_ROWS = 15;

/** A grid's current sort and column filters, as a request carries them. */
export type GridShown = Required<Pick<DataQuery, 'sort' | 'filter'>>;

/** Rows per page fetched for the export of a server-side grid. */
const EXPORT_PAGE = 5_000;

function toColDef<R>(c: GridColumn<R>, isServerSide: boolean): ColDef<R> {
  const def: ColDef<R> = {
    // GridColumn fields are top-level keys of R, a subset of ag-grid's dotted-path field type.
    field: c.field as unknown as ColDef<R>['field'],
    colId: c.field,
    headerName: c.headerName,
    // The full header on hover, even where it fits: the same place always explains the column.
    headerTooltip: c.headerTooltip ?? c.headerName,
    // Columns fit their header (issue 11 item 9): wide enough for it on one line up to a limit, past which it wraps.
    ...headerFit(c.headerName, Boolean(c.filter)),
    sortable: c.sortable ?? true,
    resizable: true,
    width: c.width,
    flex: c.flex,
    pinned: c.isPinned ? 'left' : undefined,
    type: c.isNumeric ? 'rightAligned' : undefined,
  };
  if (c.format) {
    const format = c.format;
    def.valueFormatter = (p) => (p.data ? format(p.value, p.data) : '');
  }
  if (c.problem) {
    const problem = c.problem;
    def.cellClassRules = { 'cell-problem': (p) => Boolean(p.data && problem(p.data)) };
    def.tooltipValueGetter = (p) => (p.data ? problem(p.data) || undefined : undefined);
  } else if (!c.isNumeric && !c.render && !c.select) {
    // A text cut by its column is readable in full on hover.
    const format = c.format;
    def.tooltipValueGetter = (p) => {
      if (!p.data) return undefined;
      const text = format ? format(p.value, p.data) : p.value == null ? '' : String(p.value);
      return text.length > 8 ? text : undefined;
    };
  }
  if (c.select) {
    const { options, value, onChange, testId } = c.select;
    // A native <select> rather than ag-grid's popup editor: one click, keyboard-friendly, and
    // the same element in every browser (and in Playwright).
    def.cellRenderer = (p: { data?: R }) =>
      p.data ? (
        <select
          className="cell-select"
          data-testid={testId}
          value={value(p.data)}
          onChange={(e) => onChange(p.data as R, e.currentTarget.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : null;
  }
  if (c.render) {
    const render = c.render;
    def.cellRenderer = (p: { data?: R }) => (p.data ? render(p.data) : null);
  }
  if (c.filter) {
    def.filter = filterNames[c.filter];
    def.filterParams = {
      maxNumConditions: 1,
      // Server-side filtering: wait for the user rather than query on every key stroke.
      ...(isServerSide ? { buttons: ['apply', 'reset'], closeOnApply: true } : {}),
      ...(c.filter === 'date' ? { browserDatePicker: true } : {}),
    };
  }
  return def;
}

/**
 * A grid over plain rows or over server pages, with Chinese texts and the app's theme. In a view
 * the warm-up renders off screen (api/warmUpScope.ts) it draws nothing; a grid over server pages
 * asks its first page there, so what the Node side makes for it (客户360's feature table, the
 * churn list) is made before the visit.
 */
export function DataGrid<R>(props: DataGridProps<R>) {
  const warmUp = useWarmUpScope();
  if (!warmUp) return <ShownGrid<R> {...props} />;
  return 'loader' in props ? <WarmedFirstPage loader={props.loader} reloadKey={props.reloadKey} /> : null;
}

/** Rows of the infinite model's first block (its cacheBlockSize below). */
const FIRST_BLOCK = 200;
/** The page request of that block, unsorted and unfiltered, as the grid first asks it, and as text to compare with. */
const firstQuery = toDataQuery(0, FIRST_BLOCK, [], {});
const FIRST_QUERY = JSON.stringify(firstQuery);

/** Asks a server-side grid's first page for the warm-up, counted as one of its queries; the answer is not kept. */
function WarmedFirstPage<R>({ loader, reloadKey }: { loader: PageLoader<R>; reloadKey?: unknown }) {
  const warmUp = useWarmUpScope()!;
  useEffect(() => {
    void reloadKey; // asked again for a new key, as the grid would
    const controller = new AbortController();
    warmUp.onLoadingChange(true);
    const done = () => warmUp.onLoadingChange(false);
    loader(firstQuery, controller.signal).then(done, done);
    return () => controller.abort();
  }, [warmUp, loader, reloadKey]);
  return null;
}

/**
 * Whether ag-grid has drawn what it was handed (`rows`, `page`), once `isHanded`: it makes rows and
 * cells in animation frames of its own after it takes them, so a grid handed its rows was called
 * shown while its cells were still to come, and their making (some 30–200 ms at 100,000 people)
 * fell into the next view's visit (issue 17). Drawn once its queue of frames is empty, checked each frame.
 */
function useDrawn<R>(apiRef: RefObject<GridApi<R> | null>, isHanded: boolean, rows: unknown, page: unknown): boolean {
  const [drawn, setDrawn] = useState<{ rows: unknown; page: unknown } | null>(null);
  useEffect(() => {
    if (!isHanded) return;
    let frame = 0;
    const check = () => {
      const api = apiRef.current;
      // A grid destroyed meanwhile has nothing left to draw.
      if (api && (api.isDestroyed() || api.isAnimationFrameQueueEmpty())) setDrawn({ rows, page });
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [apiRef, isHanded, rows, page]);
  return isHanded && drawn !== null && drawn.rows === rows && drawn.page === page;
}

function ShownGrid<R>(props: DataGridProps<R>) {
  const { columns, testId, onTotal, rowId, exportTitle = '', exportFile, isExportDisabled = false, isMadeAfterFirstPage = false } = props;
  const apiRef = useRef<GridApi<R> | null>(null);
  const isServerSide = 'loader' in props;
  const loader = 'loader' in props ? props.loader : null;
  const reloadKey = 'loader' in props ? props.reloadKey : null;
  const rows = 'rows' in props ? props.rows : null;
  // Made in a creation turn of its own (creationTurn.ts), after the view's render: the view and its
  // grid made in one task froze the page past 100 ms. Busy until then, so the view is not called ready.
  const isTurn = useCreationTurn();
  // Asked with the view's first questions (their effects run in the same flush as this one).
  useEffect(gridBody.preload, []);
  // New rows reach the grid in a turn of their own as well: taken in the render that brought the
  // answer, they were drawn in one task with the view's charts (issue 17).
  const [shownRows, setShownRows] = useState(rows);
  const isRowsPending = shownRows !== rows;
  useEffect(() => {
    if (!isRowsPending) return;
    return inCreationTurn(() => flushSync(() => setShownRows(rows)));
  }, [rows, isRowsPending]);

  const columnDefs = useMemo(() => columns.map((c) => toColDef(c, isServerSide)), [columns, isServerSide]);

  // The datasource whose first page has answered: a server-side grid is busy until then, so its
  // view is not called ready over a grid that has yet to show a row.
  const [answered, setAnswered] = useState<IDatasource | undefined>(undefined);
  /** The datasource shown: the answer of one replaced meanwhile ends no wait. */
  const shownSource = useRef<IDatasource | undefined>(undefined);
  /** A datasource's first page, asked before the grid is made (see the effect below). */
  const early = useRef<{ source: IDatasource; page: ReturnType<PageLoader<R>> } | null>(null);
  const datasource = useMemo<IDatasource | undefined>(() => {
    if (!loader) return undefined;
    void reloadKey; // a new key makes a new datasource, which makes the grid reload
    const source: IDatasource = {
      getRows(params) {
        const query = toDataQuery(params.startRow, params.endRow, params.sortModel, params.filterModel as Record<string, unknown>);
        const settle = () => params.startRow === 0 && shownSource.current === source && setAnswered(source);
        const asked = early.current;
        const isAsked = asked?.source === source && JSON.stringify(query) === FIRST_QUERY;
        if (isAsked) early.current = null;
        (isAsked ? asked.page : loader(query)).then(
          (page) => {
            settle();
            if (!page) return params.failCallback();
            onTotal?.(page.total);
            params.successCallback(page.rows, page.total);
          },
          () => {
            settle();
            params.failCallback();
          },
        );
      },
    };
    return source;
  }, [loader, reloadKey, onTotal]);
  // The first page is asked as soon as the grid of the view shown is rendered, beside the view's
  // own questions, and handed to the grid when it asks for it: asked by the grid once made, in its
  // creation turn after the view's charts, 流失与留存's list started some 300 ms after the click
  // (issue 17). A kept view's grid, hidden, asks as it did.
  const visibility = useViewVisibility();
  // Set once the early page of the grid's first datasource has answered, or none was asked (see isMadeAfterFirstPage).
  const [isFirstPageIn, setFirstPageIn] = useState(false);
  useEffect(() => {
    shownSource.current = datasource;
    const page = datasource && loader && visibility.isShown() ? loader(firstQuery) : null;
    early.current = page && datasource ? { source: datasource, page } : null;
    if (!page) return setFirstPageIn(true);
    let isLive = true;
    const arrived = () => void (isLive && setFirstPageIn(true));
    page.then(arrived, arrived);
    return () => {
      isLive = false;
    };
  }, [datasource, loader, visibility]);
  const isPagePending = datasource !== undefined && answered !== datasource;
  const isMade = isTurn && (!isMadeAfterFirstPage || isFirstPageIn);
  const isDrawn = useDrawn(apiRef, isMade && !isRowsPending && !isPagePending, shownRows, answered);

  // The sort and filters the grid shows now, as a page request carries them.
  const shownQuery = useCallback((startRow: number, endRow: number) => {
    const api = apiRef.current;
    const sortModel = (api?.getColumnState() ?? []).filter((c) => c.sort).map((c) => ({ colId: c.colId, sort: c.sort ?? null }));
    return toDataQuery(startRow, endRow, sortModel, (api?.getFilterModel() ?? {}) as Record<string, unknown>);
  }, []);

  // Every row, sorted and filtered as shown: the page's rows, or all the server's pages.
  const exportTable = useCallback(async (): Promise<GridTable> => {
    const api = apiRef.current;
    if (!loader) {
      const shown: R[] = [];
      if (api) api.forEachNodeAfterFilterAndSort((n) => void (n.data !== undefined && shown.push(n.data)));
      return gridTable(columns, api ? shown : (rows ?? []));
    }
    const all: R[] = [];
    for (let total = Infinity; all.length < total; ) {
      const page = await loader(shownQuery(all.length, all.length + EXPORT_PAGE));
      if (!page) break;
      total = page.total;
      all.push(...page.rows);
      if (page.rows.length === 0) break;
    }
    return gridTable(columns, all);
  }, [columns, loader, rows, shownQuery]);

  const file = useMemo(() => {
    if (!exportFile) return undefined;
    return (format: ExportFileFormat) => {
      const { sort, filter } = shownQuery(0, 1);
      return exportFile(format, { sort, filter });
    };
  }, [exportFile, shownQuery]);

  const isAutoHeight = !isServerSide && (shownRows?.length ?? 0) <= AUTO_HEIGHT_ROWS;

  return (
    <div className={isAutoHeight ? 'data-grid data-grid-auto' : 'data-grid'} data-testid={testId}>
      <GridExport
        table={exportTable}
        title={exportTitle}
        testId={`${testId ?? 'grid'}-export`}
        isDisabled={isExportDisabled}
        isWholeList={Boolean(file) && !isServerSide}
        {...(file ? { file } : {})}
      />
      <div className="data-grid-body" aria-busy={!isMade || isRowsPending || isPagePending || !isDrawn}>
        {!isMade ? null : isServerSide ? (
          <GridBody<R>
            columnDefs={columnDefs}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={FIRST_BLOCK}
            maxBlocksInCache={50}
            maxConcurrentDatasourceRequests={2}
            infiniteInitialRowCount={1}
            onGridReady={(e) => (apiRef.current = e.api)}
          />
        ) : (
          <GridBody<R>
            columnDefs={columnDefs}
            rowData={shownRows ?? []}
            getRowId={rowId ? (p) => rowId(p.data) : undefined}
            tooltipShowDelay={200}
            domLayout={isAutoHeight ? 'autoHeight' : 'normal'}
            onGridReady={(e) => (apiRef.current = e.api)}
          />
        )}
      </div>
    </div>
  );
}
