// The editable definitions grid: customer path, key behaviours, quadrant axes and rules, VVIP
// rules, channel costs. Spreadsheet habits: type over a cell, Enter / Tab / arrows move, paste a
// block copied from Excel, Ctrl+Z / Ctrl+Y, each problem shown on its cell with the reason.
// The rows are owned by the caller (with useUndoable for history); the grid never mutates them.
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { CellEditRequestEvent, ColDef, GridApi } from 'ag-grid-community';
import { AgGridReact, type CustomCellEditorProps } from 'ag-grid-react';
import { useWarmUpScope } from '../api/warmUpScope';
import { definitionGridText, gridLocaleText } from '../../src-main/locale/common';
import { gridTheme, headerFit } from './agGrid';
import { useCreationTurn } from './creationTurn';
import { applyPaste, cellText, moveRow, parseCell, validationProblems, type CellValue } from './definitionGridModel';
import type { DefinitionColumn, DefinitionGridProps } from './definitionGridTypes';

export type { DefinitionColumn, DefinitionGridProps };

const text = definitionGridText;

/** A popup editor of several choices (ag-grid community has none). */
function MultiSelectEditor(props: CustomCellEditorProps & { getOptions: () => { value: string; label: string }[] }) {
  const options = props.getOptions();
  const chosen = new Set(Array.isArray(props.value) ? (props.value as string[]) : []);
  const toggle = (v: string) => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    props.onValueChange(options.map((o) => o.value).filter((o) => next.has(o)).concat([...next].filter((x) => !options.some((o) => o.value === x))));
  };
  return (
    <div className="multiselect-editor" data-testid="multiselect-editor">
      {options.map((o) => (
        <label key={o.value} className="multiselect-option">
          <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
      <button type="button" className="primary" onClick={() => props.stopEditing()}>
        {text.ok}
      </button>
    </div>
  );
}

/**
 * The room a grid of `rows` rows keeps until it is made: its height once made (autoHeight: the
 * header's 41 px, 36 px a row, the border's 2), so the page does not move when it comes, and what
 * lies below it (a view's content below the fold) is measured where it will be.
 */
const pendingHeight = (rows: number): number => 2 + 41 + 36 * rows;

/**
 * An editable grid of definition rows; see definitionGridTypes.ts for the props. Nothing in a view
 * the warm-up renders off screen (api/warmUpScope.ts).
 */
export function DefinitionGrid<R extends object>(props: DefinitionGridProps<R>) {
  return useWarmUpScope() ? null : <EditableGrid<R> {...props} />;
}

function EditableGrid<R extends object>(props: DefinitionGridProps<R>) {
  const { rows, columns, onChange, newRow, rowId, history, canReorder, minRows = 0, maxRows = Infinity, testId, extraColumns } = props;
  const apiRef = useRef<GridApi<R> | null>(null);
  const isMade = useCreationTurn();
  const [current, setCurrent] = useState<number | null>(null);
  const [pasteNote, setPasteNote] = useState<{ ok: string | null; problems: string[] } | null>(null);

  // Latest rows and columns for the ag-grid callbacks, which are created once per column shape.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const extrasRef = useRef(extraColumns);
  extrasRef.current = extraColumns;
  // What the column definitions are made of. A column's choices, check and live figures change
  // often (a view's first visit: the message types, then the live counts, each arriving on its
  // own): those are read through the refs above and shown by a refresh of the cells, not by new
  // definitions, which ag-grid lays out again whole (~60 ms of one long task at 100,000 people).
  const shape = JSON.stringify([
    columns.map((c) => [c.field, c.headerName, c.width, c.flex, c.type, c.isReadOnly, !!c.validate]),
    (extraColumns ?? []).map((x) => [x.headerName, x.width, x.testId]),
  ]);

  const setCell = useCallback(
    (index: number, field: keyof R & string, value: CellValue) => {
      const list = rowsRef.current;
      if (index < 0 || index >= list.length) return;
      if (Object.is(list[index]![field], value)) return;
      const next = list.slice();
      next[index] = { ...list[index]!, [field]: value };
      onChange(next);
    },
    [onChange],
  );

  const columnDefs = useMemo<ColDef<R>[]>(() => {
    const indexCol: ColDef<R> = {
      headerName: text.index,
      colId: '__index',
      width: 56,
      editable: false,
      sortable: false,
      valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1,
      cellClass: 'muted',
    };
    const defs = columns.map((c, i): ColDef<R> => {
      /** The column as the latest render gave it (the same field and type: the shape is the same). */
      const now = () => columnsRef.current[i] ?? c;
      const def: ColDef<R> = {
        colId: c.field,
        headerName: c.headerName,
        headerTooltip: c.headerName,
        // Columns fit their header (issue 11 item 9), as in DataGrid.
        ...headerFit(c.headerName),
        width: c.width,
        flex: c.flex ?? (c.width ? undefined : 1),
        sortable: false,
        resizable: true,
        editable: !c.isReadOnly && (c.type === 'text' || c.type === 'number' || c.type === 'multiselect'),
        valueGetter: (p) => (p.data ? (p.data[c.field] as unknown) : null),
        valueFormatter: (p) => (p.data ? cellText(now(), p.data) : ''),
        cellClassRules: c.validate
          ? { 'cell-problem': (p) => Boolean(p.data && now().validate?.(p.data, rowsRef.current)) }
          : undefined,
        tooltipValueGetter: c.validate ? (p) => (p.data ? now().validate?.(p.data, rowsRef.current) ?? undefined : undefined) : undefined,
      };
      const cellTestId = (rowIndex: number | null | undefined) => `${testId ?? 'definition-grid'}-${c.field}-${rowIndex ?? 0}`;
      if (c.type === 'number') {
        def.cellEditor = 'agNumberCellEditor';
        def.type = 'rightAligned';
      } else if (c.type === 'text') {
        def.cellEditor = 'agTextCellEditor';
      } else if (c.type === 'multiselect') {
        def.cellEditor = MultiSelectEditor;
        def.cellEditorParams = { getOptions: () => now().options ?? [] };
        def.cellEditorPopup = true;
      } else if (c.type === 'boolean') {
        def.cellRenderer = (p: { data?: R; node: { rowIndex: number | null } }) =>
          p.data ? (
            <input
              type="checkbox"
              className="cell-checkbox"
              data-testid={cellTestId(p.node.rowIndex)}
              checked={Boolean(p.data[c.field])}
              disabled={c.isReadOnly}
              onChange={(e) => setCell(p.node.rowIndex ?? -1, c.field, e.currentTarget.checked)}
            />
          ) : null;
      } else if (c.type === 'select') {
        // A native <select>: one click, keyboard-friendly, the same element everywhere (and in Playwright).
        def.cellRenderer = (p: { data?: R; node: { rowIndex: number | null } }) =>
          p.data ? (
            <select
              className="cell-select"
              data-testid={cellTestId(p.node.rowIndex)}
              value={String(p.data[c.field] ?? '')}
              disabled={c.isReadOnly}
              onChange={(e) => setCell(p.node.rowIndex ?? -1, c.field, e.currentTarget.value)}
            >
              {(now().options ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : null;
      }
      return def;
    });
    const extra = (i: number) => extrasRef.current?.[i];
    const extras = (extraColumns ?? []).map(
      (x, i): ColDef<R> => ({
        colId: `__extra${i}`,
        headerName: x.headerName,
        headerTooltip: x.headerName,
        ...headerFit(x.headerName),
        width: x.width ?? 110,
        editable: false,
        sortable: false,
        type: 'rightAligned',
        cellClass: ['cell-live', 'ag-right-aligned-cell'],
        valueGetter: (p) => (p.data ? (extra(i) ?? x).value(p.data) : ''),
        cellRenderer: (p: { data?: R; node: { rowIndex: number | null } }) =>
          p.data ? <span data-testid={x.testId ? `${x.testId}-${p.node.rowIndex ?? 0}` : undefined}>{(extra(i) ?? x).value(p.data)}</span> : null,
      }),
    );
    return [indexCol, ...defs, ...extras];
    // Made again only when the shape changes: `columns` and `extraColumns` are read through their refs.
  }, [shape, setCell, testId]);

  // New choices, checks or live figures of the same shape: the cells show them again.
  const madeDefs = useRef(columnDefs);
  useEffect(() => {
    if (madeDefs.current === columnDefs) apiRef.current?.refreshCells({ force: true });
    madeDefs.current = columnDefs;
  }, [columns, extraColumns, columnDefs]);

  function onCellEditRequest(e: CellEditRequestEvent<R>) {
    const field = e.colDef.colId as keyof R & string;
    const column = columns.find((c) => c.field === field);
    const index = e.node.rowIndex ?? -1;
    if (!column || index < 0) return;
    let value: CellValue;
    if (column.type === 'number') {
      if (e.newValue === null || e.newValue === undefined || e.newValue === '') {
        setPasteNote({ ok: null, problems: [text.cellProblem(index + 1, column.headerName, text.needsNumber)] });
        return;
      }
      const parsed = typeof e.newValue === 'number' ? ({ ok: true, value: e.newValue } as const) : parseCell(column, String(e.newValue));
      if (!parsed.ok) {
        setPasteNote({ ok: null, problems: [text.cellProblem(index + 1, column.headerName, parsed.reason)] });
        return;
      }
      value = parsed.value;
    } else if (column.type === 'multiselect') {
      value = Array.isArray(e.newValue) ? (e.newValue as string[]) : [];
    } else {
      value = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
    }
    setPasteNote(null);
    setCell(index, field, value);
  }

  function focusedIndex(): number | null {
    return apiRef.current?.getFocusedCell()?.rowIndex ?? current;
  }

  function add() {
    if (rows.length >= maxRows) return;
    const at = focusedIndex();
    const next = rows.slice();
    next.splice(at === null ? rows.length : at + 1, 0, newRow());
    onChange(next);
  }

  function remove() {
    const at = focusedIndex();
    if (at === null || at >= rows.length || rows.length <= minRows) return;
    onChange(rows.filter((_, i) => i !== at));
    setCurrent(Math.min(at, rows.length - 2));
  }

  function move(delta: number) {
    const at = focusedIndex();
    if (at === null) return;
    const next = moveRow(rows, at, delta);
    if (next === rows) return;
    onChange(next);
    const target = at + delta;
    setCurrent(target);
    const colKey = apiRef.current?.getFocusedCell()?.column.getColId();
    if (colKey) requestAnimationFrame(() => apiRef.current?.setFocusedCell(target, colKey));
  }

  const isEditing = () => (apiRef.current?.getEditingCells().length ?? 0) > 0;

  function onKeyDown(e: KeyboardEvent) {
    if (!history || isEditing()) return;
    const mod = e.ctrlKey || e.metaKey;
    if (!mod) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      history.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      history.redo();
    }
  }

  function onPaste(e: ClipboardEvent) {
    if (isEditing()) return;
    const cell = apiRef.current?.getFocusedCell();
    const pasted = e.clipboardData.getData('text/plain');
    if (!cell || !pasted) return;
    e.preventDefault();
    const field = cell.column.getColId();
    const result = applyPaste(rows, columns, cell.rowIndex, field, pasted, newRow, maxRows);
    if (result.written > 0) onChange(result.rows);
    setPasteNote({ ok: result.written > 0 ? text.pasted(result.written) : null, problems: result.problems });
  }

  const problems = validationProblems(rows, columns);
  const at = current;
  return (
    <div className="definition-grid" data-testid={testId} onKeyDown={onKeyDown} onPaste={onPaste}>
      <div className="definition-grid-toolbar">
        <button type="button" onClick={add} disabled={rows.length >= maxRows} data-testid={testId && `${testId}-add`}>
          {text.add}
        </button>
        <button type="button" onClick={remove} disabled={at === null || rows.length <= minRows} data-testid={testId && `${testId}-remove`}>
          {text.remove}
        </button>
        {canReorder && (
          <>
            <button type="button" onClick={() => move(-1)} disabled={at === null || at <= 0} data-testid={testId && `${testId}-up`}>
              {text.up}
            </button>
            <button type="button" onClick={() => move(1)} disabled={at === null || at >= rows.length - 1} data-testid={testId && `${testId}-down`}>
              {text.down}
            </button>
          </>
        )}
        {history && (
          <>
            <button type="button" onClick={history.undo} disabled={!history.canUndo} title="Ctrl+Z" data-testid={testId && `${testId}-undo`}>
              {text.undo}
            </button>
            <button type="button" onClick={history.redo} disabled={!history.canRedo} title="Ctrl+Y" data-testid={testId && `${testId}-redo`}>
              {text.redo}
            </button>
          </>
        )}
        <span className="muted small">{text.pasteHint}</span>
      </div>
      {/* Made in a creation turn of its own (creationTurn.ts), as DataGrid's: busy until then. */}
      {!isMade ? (
        <div className="definition-grid-pending" aria-busy style={{ height: pendingHeight(rows.length) }} />
      ) : (
        <AgGridReact<R>
          theme={gridTheme}
          localeText={gridLocaleText}
          columnDefs={columnDefs}
          rowData={rows}
          getRowId={(p) => rowId(p.data)}
          domLayout="autoHeight"
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellFocused={(e) => setCurrent(typeof e.rowIndex === 'number' ? e.rowIndex : null)}
          onGridReady={(e) => {
            apiRef.current = e.api;
          }}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          singleClickEdit={false}
          tooltipShowDelay={200}
          // Popup editors (several choices) above the page, not clipped by a short grid.
          popupParent={typeof document === 'undefined' ? undefined : document.body}
        />
      )}
      {(problems.length > 0 || pasteNote) && (
        <ul className="definition-grid-problems" data-testid={testId && `${testId}-problems`}>
          {pasteNote?.ok && <li className="ok">{pasteNote.ok}</li>}
          {[...(pasteNote?.problems ?? []), ...problems].map((p) => (
            <li key={p} className="problem">
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
