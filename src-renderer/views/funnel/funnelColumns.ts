// The rate table of the funnel: one row per stage, built as plain data for DataGrid.
import type { FunnelResult, FunnelStage, LostPerson, RateCI, TimeToConvert } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { funnelText } from '../../../src-main/locale/funnel';
import { bracketed } from '../../../src-main/locale/common';
import { formatCount, formatRate } from '../metrics/metricsFormat';

/** One row of the rate table. */
export interface FunnelRow {
  /** Position in the funnel, 0-based; also the row id. */
  index: number;
  name: string;
  count: number;
  step: RateCI;
  overall: RateCI;
  dropOff: number | null;
  timeToConvert: TimeToConvert | null;
  isBiggestDrop: boolean;
  /** Breakdown value, when the table shows broken-down funnels. */
  group?: string;
}

/** A rate with its interval: `62.50%（30.57%–86.32%）`; without bounds (a stage above the one before) the rate alone; '-' when empty. */
export function formatRateCI(r: RateCI): string {
  if (r.rate === null) return '-';
  if (r.low === null || r.high === null) return formatRate(r.rate);
  return `${formatRate(r.rate)}${bracketed(`${formatRate(r.low)}–${formatRate(r.high)}`)}`;
}

const days = (d: number) => (d < 10 ? d.toFixed(2) : d.toFixed(1));

/** Time to convert in days: `0.75 [0.06, 4.56]`; '-' when nobody reached the stage (or for the first). */
export function formatTimeToConvert(t: TimeToConvert | null): string {
  return t ? `${days(t.median)} [${days(t.p25)}, ${days(t.p75)}]` : '-';
}

/** A drop-off: the count, '-' for the first stage; a rise (negative drop) shown with its sign. */
export function formatDropOff(d: number | null): string {
  if (d === null) return '-';
  return d < 0 ? `+${formatCount(-d)}` : formatCount(d);
}

/** Rows of one funnel. */
export function funnelRows(stages: readonly FunnelStage[], biggest: number | null, group?: string): FunnelRow[] {
  return stages.map((s, index) => ({
    index,
    name: s.name,
    count: s.count,
    step: s.step,
    overall: s.overall,
    dropOff: s.dropOff,
    timeToConvert: s.timeToConvert,
    isBiggestDrop: index === biggest,
    ...(group !== undefined ? { group } : {}),
  }));
}

/** Index of the largest positive drop of a list of stages (the first of equal drops), as the server computes it. */
export function biggestDropOf(stages: readonly FunnelStage[]): number | null {
  let best: number | null = null;
  for (const [i, s] of stages.entries()) if ((s.dropOff ?? 0) > 0 && (best === null || s.dropOff! > stages[best]!.dropOff!)) best = i;
  return best;
}

/** Rows of the table: the funnel, or every breakdown funnel one after another. */
export function resultRows(result: FunnelResult): FunnelRow[] {
  if (result.breakdown) return result.breakdown.flatMap((b) => funnelRows(b.stages, biggestDropOf(b.stages), b.value));
  return funnelRows(result.stages, result.biggestDrop);
}

/** Columns of the rate table; the drop-off cell of the biggest drop is flagged, time to convert only in cohort mode. */
export function funnelColumns(mode: FunnelResult['mode'], hasBreakdown: boolean): GridColumn<FunnelRow>[] {
  const col = funnelText.col;
  const cols: GridColumn<FunnelRow>[] = [
    ...(hasBreakdown ? [{ field: 'group', headerName: funnelText.breakdownValue, width: 120, sortable: false } satisfies GridColumn<FunnelRow>] : []),
    {
      field: 'name',
      headerName: col.name,
      width: 170,
      sortable: false,
      format: (_v, row) => (row.isBiggestDrop ? `${row.name}  ▼${funnelText.biggestDrop}` : row.name),
    },
    { field: 'count', headerName: mode === 'cohort' ? col.cohortCount : col.count, isNumeric: true, width: 110, sortable: false, format: (v) => formatCount(v as number) },
    { field: 'step', headerName: col.step, isNumeric: true, flex: 1, sortable: false, format: (v) => formatRateCI(v as RateCI) },
    { field: 'overall', headerName: col.overall, isNumeric: true, flex: 1, sortable: false, format: (v) => formatRateCI(v as RateCI) },
    {
      field: 'dropOff',
      headerName: col.dropOff,
      isNumeric: true,
      width: 100,
      sortable: false,
      format: (v) => formatDropOff(v as number | null),
      problem: (row) => (row.isBiggestDrop ? funnelText.biggestDrop : null),
    },
  ];
  if (mode === 'cohort') {
    cols.push({ field: 'timeToConvert', headerName: col.ttc, headerTooltip: col.ttcTooltip, isNumeric: true, width: 200, sortable: false, format: (v) => formatTimeToConvert(v as TimeToConvert | null) });
  }
  return cols;
}

/** Columns of the lost list; the entry time shown as local `YYYY-MM-DD HH:MM:SS`. */
export function lostColumns(): GridColumn<LostPerson>[] {
  const col = funnelText.lost.col;
  return [
    { field: 'pid', headerName: col.pid, width: 180, filter: 'text' },
    { field: 'name', headerName: col.name, flex: 1, filter: 'text', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'channel', headerName: col.channel, width: 130, filter: 'text', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'staff', headerName: col.staff, width: 110, filter: 'text', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'entered_at', headerName: col.entered_at, width: 180, format: (v) => String(v ?? '').replace('T', ' ') },
    { field: 'last_stage', headerName: col.last_stage, width: 140 },
  ];
}
