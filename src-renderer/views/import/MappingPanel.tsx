import { useMemo, type KeyboardEvent } from 'react';
import type { ImportKind, KindInfo } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { bracketed, importKindText } from '../../../src-main/locale/common';
import { currentTable, useImports, type ImportEntry } from '../../store/imports';
import { duplicateFields, fieldLabels, IGNORE, missingFields } from '../../store/mappingRules';
import { fieldOptions, kindOptions, mappingGridRows, previewGrid, type MappingGridRow, type PreviewGridRow } from './mappingModel';

const noKinds: KindInfo[] = [];

/** Review of one staged file: kind, table, the editable column mapping and a parsed preview. */
export function MappingPanel({ entry }: { entry: ImportEntry }) {
  const kinds = useQuery('import:kinds', {}).data ?? noKinds;
  const cur = currentTable(entry);
  const { setKind, setTable, setField, undo, redo, setTemplate, start, cancel } = useImports.getState();
  const id = entry.id;
  const kind = cur ? kinds.find((k) => k.kind === cur.mapping.kind) : undefined;
  const isBusy = entry.state !== 'review';

  const table = cur?.table;
  const mapping = cur?.mapping;
  const mappingRows = useMemo(() => (table && mapping ? mappingGridRows(table, mapping) : []), [table, mapping]);
  const mappingColumns = useMemo<GridColumn<MappingGridRow>[]>(() => {
    const c = t.mapping.col;
    return [
      { field: 'header', headerName: c.header, flex: 1, sortable: false },
      {
        field: 'field',
        headerName: c.field,
        width: 200,
        sortable: false,
        select: {
          options: fieldOptions(kind, t.mapping.ignore, t.mapping.requiredMark),
          value: (r) => r.field,
          onChange: (r, v) => setField(id, r.index, v === IGNORE ? null : v),
          testId: 'mapping-field',
        },
      },
      { field: 'samples', headerName: c.samples, flex: 2, sortable: false },
    ];
  }, [kind, id, setField]);

  const preview = useMemo(() => (table && mapping ? previewGrid(table, mapping) : null), [table, mapping]);
  const previewColumns = useMemo<GridColumn<PreviewGridRow>[]>(() => {
    if (!mapping || !preview) return [];
    const labels = fieldLabels(kind);
    return [
      { field: 'rowNumber', headerName: t.mapping.col.rowNumber, width: 76, isNumeric: true, isPinned: true },
      ...mapping.columns.map(
        (col): GridColumn<PreviewGridRow> => ({
          field: `c${col.index}`,
          headerName: col.field ? `${col.header} → ${labels.get(col.field) ?? col.field}` : `${col.header}${bracketed(t.mapping.ignore)}`,
          width: 190,
          sortable: false,
          headerTooltip: col.header,
          format: (v) => (v === null || v === undefined ? '' : String(v)),
          problem: (r) => preview.problems.get(`${r.rowNumber}:${col.index}`),
        }),
      ),
    ];
  }, [mapping, preview, kind]);

  if (!entry.preview || !cur) return null;
  const missing = missingFields(kind, cur.table, cur.mapping);
  const duplicates = duplicateFields(kind, cur.mapping);
  const tables = entry.preview.tables;
  // Another table or kind is another set of rows: a fresh grid, not a row-by-row transition.
  const gridKey = `${entry.tableIndex}:${cur.mapping.kind}`;

  function onKeyDown(e: KeyboardEvent) {
    if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).tagName === 'INPUT') return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo(id);
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      redo(id);
    }
  }

  return (
    <div className="mapping-panel" data-testid="mapping-panel" data-file={entry.fileName} onKeyDown={onKeyDown} tabIndex={-1}>
      <div className="mapping-head">
        <label className="field inline">
          <span>{t.mapping.kind}</span>
          <select
            data-testid="mapping-kind"
            value={cur.mapping.kind}
            disabled={isBusy}
            onChange={(e) => void setKind(id, e.currentTarget.value as ImportKind)}
          >
            {kindOptions(kinds.length ? kinds : [{ kind: cur.mapping.kind, label: importKindText[cur.mapping.kind], fields: [] }], (k) => importKindText[k]).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className={cur.table.confidence >= 0.8 ? 'badge' : 'badge badge-warn'} data-testid="mapping-confidence">
          {t.mapping.confidence(cur.table.confidence)}
        </span>
        {tables.length > 1 && (
          <label className="field inline">
            <span>{t.mapping.table}</span>
            <select data-testid="mapping-table" value={entry.tableIndex} onChange={(e) => setTable(id, Number(e.currentTarget.value))}>
              {tables.map((tb, i) => (
                <option key={i} value={i}>
                  {t.mapping.tableOption(tb.sheets, tb.mapping.headerRow)}
                </option>
              ))}
            </select>
          </label>
        )}
        {cur.table.templateName && (
          <span className="badge" data-testid="mapping-template">
            {t.mapping.fromTemplate(cur.table.templateName)}
          </span>
        )}
        <span className="mapping-undo">
          <button type="button" className="small" data-testid="mapping-undo" disabled={!entry.undo.length} onClick={() => undo(id)} title={t.mapping.undoHint}>
            {t.mapping.undo}
          </button>
          <button type="button" className="small" data-testid="mapping-redo" disabled={!entry.redo.length} onClick={() => redo(id)} title={t.mapping.undoHint}>
            {t.mapping.redo}
          </button>
        </span>
      </div>
      {missing.length > 0 && (
        <div className="mapping-missing" data-testid="mapping-missing" role="alert">
          {t.mapping.missing(missing)}
        </div>
      )}
      {duplicates.length > 0 && (
        <div className="mapping-warning" data-testid="mapping-duplicate">
          {t.mapping.duplicate(duplicates)}
        </div>
      )}
      <div className="mapping-grids">
        <div className="mapping-grid-box">
          <h4>{t.mapping.mappingTitle}</h4>
          <div className="grid-box grid-box-mapping">
            <DataGrid key={gridKey} columns={mappingColumns} rows={mappingRows} rowId={(r) => String(r.index)} testId="mapping-grid" />
          </div>
        </div>
        <div className="mapping-grid-box mapping-preview-box">
          <h4>
            {t.mapping.previewTitle} <span className="muted">{t.mapping.previewHint}</span>
          </h4>
          <div className="grid-box grid-box-mapping">
            <DataGrid key={gridKey} columns={previewColumns} rows={preview?.rows ?? []} rowId={(r) => String(r.rowNumber)} testId="mapping-preview" />
          </div>
        </div>
      </div>
      <div className="mapping-actions">
        <label className="field inline">
          <input
            type="checkbox"
            data-testid="mapping-save-template"
            checked={entry.isSavingTemplate}
            onChange={(e) => setTemplate(id, e.currentTarget.checked, entry.templateName || entry.fileName.replace(/\.[^.]+$/, ''))}
          />
          <span>{t.mapping.saveTemplate}</span>
        </label>
        {entry.isSavingTemplate && (
          <input
            data-testid="mapping-template-name"
            placeholder={t.mapping.templateName}
            value={entry.templateName}
            maxLength={200}
            onChange={(e) => setTemplate(id, true, e.currentTarget.value)}
          />
        )}
        <span className="spacer" />
        <button type="button" data-testid="mapping-discard" onClick={() => void cancel(id)}>
          {t.mapping.discard}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="mapping-start"
          disabled={isBusy || missing.length > 0 || (entry.isSavingTemplate && !entry.templateName.trim())}
          onClick={() => start(id)}
        >
          {t.mapping.start}
        </button>
      </div>
    </div>
  );
}
