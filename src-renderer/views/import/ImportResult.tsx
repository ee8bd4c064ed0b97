import { useCallback, useMemo, useState } from 'react';
import type { ImportRecord, SkippedRow } from '../../../src-main/contract';
import { skipReasonText as text } from '../../../src-main/locale/import';
import { punctuation } from '../../../src-main/locale/common';
import { call } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { gridHeight, type GridColumn, type PageLoader } from '../../components/gridTypes';
import { reportError } from '../../store/toasts';

/** Columns of the skipped-rows grid: where the row is and why it was skipped; the Node side keeps the file's order. */
export function skippedColumns(): GridColumn<SkippedRow>[] {
  const c = text.col;
  return [
    { field: 'sheet', headerName: c.sheet, width: 140, sortable: false, format: (v) => (v === null ? '' : String(v)) },
    { field: 'row', headerName: c.row, width: 90, sortable: false, isNumeric: true },
    { field: 'reason', headerName: c.reason, width: 220, sortable: false, format: (v) => text.reason[v as SkippedRow['reason']] ?? String(v) },
    { field: 'detail', headerName: c.detail, flex: 1, sortable: false, format: (v) => (v === null ? '' : String(v)) },
  ];
}

/** Whether an import's skipped rows can be listed row by row (a file imported before, or an old import, lists none). */
const isListable = (r: ImportRecord) => (r.skippedByReason ?? []).some((c) => c.count > 0 && c.reason !== 'same_file' && c.reason !== 'not_recorded');

/**
 * A finished import: 读取 / 新增 / 跳过, and when rows were skipped, the totals by reason and the rows
 * themselves in a grid paged from the Node side (a re-import can skip millions), which exports in full.
 */
export function ImportResult({ record }: { record: ImportRecord }) {
  const [isOpen, setOpen] = useState(true);
  const columns = useMemo(() => skippedColumns(), []);
  const importId = record.importId;
  const loader = useCallback<PageLoader<SkippedRow>>(
    async ({ offset, limit }) => {
      const r = await call('import:skipped', { importId, offset, limit });
      if (r.ok) return r.value;
      reportError(r.error);
      return null;
    },
    [importId],
  );
  const reasons = (record.skippedByReason ?? []).filter((c) => c.count > 0);
  return (
    <div className="import-job-result" data-testid="import-result" data-read={record.rowsRead} data-added={record.rowsAdded} data-skipped={record.rowsSkipped}>
      <div data-testid="import-result-counts">{text.counts(record.rowsRead, record.rowsAdded, record.rowsSkipped)}</div>
      {reasons.length > 0 && (
        <ul className="skip-reasons" data-testid="import-skip-reasons">
          {reasons.map((c) => (
            <li key={c.reason} data-testid="import-skip-reason" data-reason={c.reason} data-count={c.count}>
              {`${text.reason[c.reason]}${punctuation.colon}${text.rows(c.count)}`}
            </li>
          ))}
        </ul>
      )}
      {isListable(record) && (
        <>
          <button type="button" className="link" data-testid="import-skipped-toggle" onClick={() => setOpen((x) => !x)}>
            {isOpen ? text.hide : text.show(record.rowsSkipped)}
          </button>
          {isOpen && (
            <div className="grid-box skipped-rows" style={{ height: gridHeight(record.rowsSkipped, 320) }}>
              <DataGrid columns={columns} loader={loader} reloadKey={importId} testId="import-skipped" exportTitle={`${text.listTitle} ${record.fileName}`} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
