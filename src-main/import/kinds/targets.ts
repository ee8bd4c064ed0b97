/**
 * How the records of a kind land in the project tables: the staged columns and, per table, the
 * columns, natural key and updatable fields the generic merge needs, all derived from the
 * kind registry. Members and messages keep their own merges (spells, message occurrences).
 */
import type { ImportKind } from '../../contract';
import type { LoadPlan, StageColumn } from '../importLoad';
import type { MergeTarget, StageType } from '../../db/importStore';
import { CONTENT_NFKC, kindSpecs, type KindSpec } from './index';

/** Fields of an item-level order row that belong to `order_items`, not to `orders`. */
const ORDER_ITEM_FIELDS = ['item_name', 'item_amount', 'quantity'];

/** The staged column types of a kind; the rest field holds JSON text. */
export function stageFields(spec: KindSpec): { id: string; type: StageType }[] {
  return spec.fields.map((x) => ({ id: x.id, type: x.id === spec.restField ? 'json' : x.type }));
}

/** The data row's sequence number and its row in the file: the bookkeeping columns of the hand-over. */
const SEQ: StageColumn = { id: 'seq', type: 'bigint' };
const SOURCE_ROW: StageColumn = { id: 'source_row', type: 'integer' };

/**
 * Fields of members and messages that their tables store (unionid only stands in for a missing id
 * while parsing), and for messages the content in NFKC that the parser adds (db/messageText.ts).
 */
const OWN_COLUMNS: Partial<Record<ImportKind, string[]>> = {
  members: ['group_name', 'member_id', 'member_name', 'member_type', 'join_time', 'join_way', 'inviter', 'staff', 'leave_time', 'leave_way'],
  messages: ['sender_id', 'sender_name', 'group_name', 'sent_at', 'msg_type', 'content', CONTENT_NFKC],
};

/**
 * How a kind's records are written (import/importLoad.ts), with the columns of the hand-over
 * files the parsing worker writes, in order, so the worker and the store agree from one
 * definition. A kind with one plain target table is written directly; one that updates rows or
 * rolls items up (orders) is staged, with `seq` for the merge's file order.
 */
export function loadPlan(kind: ImportKind): LoadPlan {
  const spec = kindSpecs[kind];
  const own = OWN_COLUMNS[kind];
  if (own) {
    const byId: Record<string, StageType> = { ...types(spec), [CONTENT_NFKC]: 'text' };
    const columns = [SOURCE_ROW, ...own.map((id) => ({ id, type: byId[id]! }))];
    return kind === 'members' ? { mode: 'members', columns } : { mode: 'messages', columns };
  }
  const columns: StageColumn[] = [SOURCE_ROW, ...stageFields(spec)];
  if (spec.fields.some((x) => x.type === 'phone')) columns.push({ id: 'is_phone_masked', type: 'boolean' });
  const targets = mergeTargets(kind);
  const [only] = targets;
  if (targets.length === 1 && !only!.updatable?.length && !only!.rollups?.length && !only!.isRepeatable) {
    return { mode: 'direct', columns, target: only! };
  }
  return { mode: 'staged', columns: [SEQ, ...columns], targets };
}

function types(spec: KindSpec): Record<string, StageType> {
  return Object.fromEntries(stageFields(spec).map((x) => [x.id, x.type]));
}

/** The tables a kind's records are merged into, in order. */
export function mergeTargets(kind: ImportKind): MergeTarget[] {
  const spec = kindSpecs[kind];
  const hasPhone = spec.fields.some((x) => x.type === 'phone');
  const own = spec.fields.map((x) => x.id).filter((id) => kind !== 'orders' || !ORDER_ITEM_FIELDS.includes(id));
  const main: MergeTarget = {
    table: spec.table as MergeTarget['table'],
    columns: hasPhone ? [...own, 'is_phone_masked'] : own,
    types: types(spec),
    naturalKey: spec.naturalKey,
    updatable: spec.updatable,
    rollups:
      kind === 'orders'
        ? [
            // An item-level export without order-level amount or product list: the order's are its items' (line amounts summed).
            { column: 'paid_amount', from: 'item_amount', how: 'sum' },
            { column: 'items', from: 'item_name', how: 'list' },
          ]
        : undefined,
  };
  if (kind !== 'orders') return [main];
  // Item-level exports: one row per product, order fields repeated; the order is kept once and each product row
  // (its occurrence numbering keeps two identical products of one order apart) goes to order_items.
  const items: MergeTarget = {
    table: 'order_items',
    columns: ['order_no', ...ORDER_ITEM_FIELDS],
    types: types(spec),
    naturalKey: [['order_no', 'item_name', 'item_amount', 'quantity']],
    requireAny: ['item_name'],
    isRepeatable: true,
  };
  return [main, items];
}
