import type { ImportRecord } from '../../../src-main/api/contract';
import type { GridColumn } from '../../components/gridTypes';
import { importKindText, t } from '../../locale/zh-CN';

const count = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : '');

/** A local time `yyyy-MM-dd HH:mm:ss` from an ISO instant. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Columns of the import history grid. */
export function historyColumns(): GridColumn<ImportRecord>[] {
  const c = t.import.col;
  return [
    { field: 'importId', headerName: c.importId, width: 80, isNumeric: true },
    { field: 'fileName', headerName: c.fileName, flex: 2, filter: 'text' },
    { field: 'kind', headerName: c.kind, width: 110, format: (v) => importKindText[v as ImportRecord['kind']] ?? String(v) },
    { field: 'importedAt', headerName: c.importedAt, width: 180, format: (v) => formatInstant(String(v)) },
    { field: 'rowsRead', headerName: c.rowsRead, width: 110, isNumeric: true, format: count },
    { field: 'rowsAdded', headerName: c.rowsAdded, width: 110, isNumeric: true, format: count },
    { field: 'rowsSkipped', headerName: c.rowsSkipped, width: 110, isNumeric: true, format: count },
  ];
}
