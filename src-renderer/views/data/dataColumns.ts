import type { MemberRow, MessageRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { msgTypeLabel } from '../../../src-main/locale/common';

const timeColumns = new Set<string>(['join_time', 'leave_time', 'sent_at']);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function columnsOf<R>(labels: Record<keyof R & string, string>, widths: Partial<Record<keyof R & string, number>>): GridColumn<R>[] {
  return (Object.keys(labels) as (keyof R & string)[]).map((field) => ({
    field,
    headerName: labels[field],
    filter: timeColumns.has(field) ? 'date' : 'text',
    format: (v) => text(v),
    ...(widths[field] ? { width: widths[field] } : { flex: 1 }),
  }));
}

/** Columns of the 群成员 grid: text filters, date filters on the time columns. */
export function memberColumns(): GridColumn<MemberRow>[] {
  return columnsOf<MemberRow>(t.data.memberCol, { join_time: 170, leave_time: 170, member_type: 110, leave_way: 110 });
}

/** Columns of the 聊天记录 grid. */
export function messageColumns(): GridColumn<MessageRow>[] {
  const cols = columnsOf<MessageRow>(t.data.messageCol, { sent_at: 170, msg_type: 100, sender_id: 160, sender_name: 140, group_name: 180 });
  return cols.map((c) =>
    c.field === 'content' ? { ...c, flex: 3, sortable: false } : c.field === 'msg_type' ? { ...c, format: (v) => (typeof v === 'string' ? msgTypeLabel(v) : text(v)) } : c,
  );
}
