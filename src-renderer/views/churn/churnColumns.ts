import type { ChurnEvent, ChurnEventRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { churnStageText, churnText, churnWayText } from '../../../src-main/locale/churn';
import { channelMessages } from '../../../src-main/locale/analysis';

/** A local ISO date-time as the grids show times: `2024-01-07 23:59:59`. */
export const formatLeftAt = (iso: string): string => iso.replace('T', ' ');

/**
 * A churn event as the list holds it: the time as shown and the Chinese labels of its way and
 * stage are the row's fields, so the grid's text filter and sort work on what the user reads.
 */
export type ChurnListRow = ChurnEventRow;

/** The rows of the churn list. */
export function churnListRows(events: readonly ChurnEvent[]): ChurnListRow[] {
  return events.map((e) => ({ ...e, left_at: formatLeftAt(e.left_at), how_text: churnWayText[e.how], stage_text: churnStageText[e.stage] }));
}

/** Columns of the churn list (sorted and filtered on the Node side, churn:events). */
export function churnColumns(): GridColumn<ChurnListRow>[] {
  const col = churnText.col;
  return [
    { field: 'left_at', headerName: col.left_at, width: 170, filter: 'text' },
    { field: 'name', headerName: col.name, flex: 1, filter: 'text', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'how_text', headerName: col.how, width: 130, filter: 'text' },
    { field: 'group_name', headerName: col.group_name, flex: 1, filter: 'text', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'stage_text', headerName: col.stage, width: 130, filter: 'text' },
    { field: 'channel', headerName: col.channel, flex: 1, filter: 'text', format: (v) => (v === null ? channelMessages.unknownChannel : String(v)) },
    { field: 'tenure_days', headerName: col.tenure_days, width: 110, isNumeric: true, filter: 'number', format: (v) => (v === null ? '-' : String(v)) },
    { field: 'pid', headerName: col.pid, flex: 1, filter: 'text', format: (v) => (v === null ? churnText.unmatched : String(v)) },
  ];
}
