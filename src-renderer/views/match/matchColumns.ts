import type { UnmatchedRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { importKindText } from '../../../src-main/locale/common';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The unmatched-people fields in column order (also the CSV's). */
export const unmatchedFields = ['kind', 'file_name', 'row_number', 'name', 'phone', 'reason'] as const satisfies readonly (keyof UnmatchedRow)[];

/** Display text of one field of an unmatched row (kinds in Chinese). */
export function unmatchedText(row: UnmatchedRow, field: (typeof unmatchedFields)[number]): string | number | null {
  if (field === 'kind') return importKindText[row.kind] ?? row.kind;
  return row[field];
}

/** Columns of the 未匹配的人 grid. */
export function unmatchedColumns(): GridColumn<UnmatchedRow>[] {
  const c = t.match.col;
  return [
    { field: 'kind', headerName: c.kind, width: 120, format: (_v, r) => text(unmatchedText(r, 'kind')) },
    { field: 'file_name', headerName: c.file_name, flex: 2, filter: 'text', format: text },
    { field: 'row_number', headerName: c.row_number, width: 90, isNumeric: true, format: text },
    { field: 'name', headerName: c.name, flex: 1, filter: 'text', format: text },
    { field: 'phone', headerName: c.phone, width: 150, filter: 'text', format: text },
    { field: 'reason', headerName: c.reason, flex: 2, filter: 'text', format: text },
  ];
}
