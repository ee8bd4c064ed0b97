import type { LiftRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { behavioursText } from '../../../src-main/locale/behaviours';
import { formatCount, formatRate } from '../metrics/metricsFormat';

/** A lift as `1.23×`; '-' when empty. */
export function formatLift(lift: number | null | undefined): string {
  return lift === null || lift === undefined || !Number.isFinite(lift) ? '-' : `${lift.toFixed(2)}×`;
}

/** The 95% interval of a lift as `0.50 – 17.95`; '-' when it has none. */
export function formatInterval(row: Pick<LiftRow, 'lift_low' | 'lift_high'>): string {
  return row.lift_low === null || row.lift_high === null ? '-' : `${row.lift_low.toFixed(2)} – ${row.lift_high.toFixed(2)}`;
}

/** Columns of the lift table; column ids are the LiftRow fields (e2e tests find cells by them). */
export function liftColumns(): GridColumn<LiftRow>[] {
  const col = behavioursText.liftCol;
  const count = (field: 'doers' | 'doers_converted' | 'others' | 'others_converted'): GridColumn<LiftRow> => ({
    field,
    headerName: col[field],
    isNumeric: true,
    flex: 1,
    format: (v) => formatCount(v as number),
  });
  const rate = (field: 'doers_rate' | 'others_rate'): GridColumn<LiftRow> => ({
    field,
    headerName: col[field],
    isNumeric: true,
    flex: 1,
    format: (v) => formatRate(v as number | null),
  });
  return [
    { field: 'name', headerName: col.name, isPinned: true, width: 130 },
    count('doers'),
    count('doers_converted'),
    rate('doers_rate'),
    count('others'),
    count('others_converted'),
    rate('others_rate'),
    { field: 'lift', headerName: col.lift, isNumeric: true, flex: 1, format: (v) => formatLift(v as number | null) },
    { field: 'lift_low', headerName: col.interval, isNumeric: true, flex: 1.3, sortable: false, format: (_v, row) => formatInterval(row) },
  ];
}
