/** The imported rows as data grids. */
import { dataQuery, type TablePage } from './common';
import { method } from './method';

/** A row of the members data view: one membership spell. */
export interface MemberRow {
  group_name: string;
  member_id: string;
  member_name: string | null;
  member_type: string | null;
  join_time: string | null;
  join_way: string | null;
  inviter: string | null;
  leave_time: string | null;
  leave_way: string | null;
}

/** A row of the messages data view. */
export interface MessageRow {
  sender_id: string;
  sender_name: string | null;
  group_name: string | null;
  sent_at: string;
  msg_type: string | null;
  content: string | null;
}

/** The `data:*` methods. */
export const dataMethods = {
  'data:members': method<TablePage<MemberRow>>()(dataQuery),
  'data:messages': method<TablePage<MessageRow>>()(dataQuery),
};
