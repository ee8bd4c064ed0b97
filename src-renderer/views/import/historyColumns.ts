import type { ReactNode } from 'react';
import type { ImportRecord } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { importKindText } from '../../../src-main/locale/common';

const count = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : '');

/** A local time `yyyy-MM-dd HH:mm:ss` from an ISO instant. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Cell contents the view supplies: the skipped-rows and problems toggles and the row's buttons. */
export interface HistoryCells {
  skipped: (r: ImportRecord) => ReactNode;
  problems: (r: ImportRecord) => ReactNode;
  actions: (r: ImportRecord) => ReactNode;
}

/** Columns of the import history grid. */
export function historyColumns(cells?: HistoryCells): GridColumn<ImportRecord>[] {
  const c = t.import.col;
  const cols: GridColumn<ImportRecord>[] = [
    { field: 'importId', headerName: c.importId, width: 80, isNumeric: true },
    { field: 'fileName', headerName: c.fileName, flex: 2, filter: 'text' },
    { field: 'kind', headerName: c.kind, width: 110, format: (v) => importKindText[v as ImportRecord['kind']] ?? String(v) },
    { field: 'importedAt', headerName: c.importedAt, width: 180, format: (v) => formatInstant(String(v)) },
    { field: 'rowsRead', headerName: c.rowsRead, width: 110, isNumeric: true, format: count },
    { field: 'rowsAdded', headerName: c.rowsAdded, width: 110, isNumeric: true, format: count },
    { field: 'rowsSkipped', headerName: c.rowsSkipped, width: 110, isNumeric: true, format: count, render: cells?.skipped },
    { field: 'problemCount', headerName: c.problemCount, width: 120, isNumeric: true, format: (v) => count(v ?? 0), render: cells?.problems },
  ];
  if (cells) cols.push({ field: 'fileHash', headerName: c.actions, width: 120, sortable: false, render: cells.actions });
  return cols;
}
