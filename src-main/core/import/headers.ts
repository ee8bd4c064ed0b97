/**
 * Header recognition (DESIGN §3): which row holds the headers, which kind of export it is and
 * which column carries which field. Pure functions over header text.
 */
import type { ImportKind } from '../../api/contract';
import { cleanText, type RawCell } from './values';

/** Fields of a group-member export. */
export const memberFields = ['group_name', 'member_name', 'member_id', 'member_type', 'join_time', 'join_way', 'inviter', 'leave_time', 'leave_way', 'unionid'] as const;
/** Fields of a message export. */
export const messageFields = ['sender_name', 'sender_id', 'group_name', 'sent_at', 'msg_type', 'content', 'unionid'] as const;

/** A field of either kind. */
export type Field = (typeof memberFields)[number] | (typeof messageFields)[number];

/** Header aliases per kind and field, most specific first. */
const aliases: Record<ImportKind, Partial<Record<Field, string[]>>> = {
  members: {
    group_name: ['群名称', '群昵称', '群名', '客户群名称', '客户群'],
    member_name: ['群成员昵称', '成员昵称', '群成员名称', '成员名称', '昵称'],
    member_id: ['成员ID', '成员id', 'external_userid', 'userid', '群成员ID', '用户ID'],
    member_type: ['类型', '成员类型'],
    join_time: ['入群时间', '加入时间'],
    join_way: ['入群方式', '加入方式'],
    inviter: ['邀请员工', '邀请人'],
    leave_time: ['退群时间', '离开时间'],
    leave_way: ['退群方式', '离开方式'],
    unionid: ['unionid', 'UnionID', 'union_id'],
  },
  messages: {
    sender_name: ['发送人', '名称', '发送者', '发送人昵称', '发送者昵称'],
    sender_id: ['发送人ID', '发送者ID', '发送人id', '发送者id', 'userid', 'external_userid', 'sender'],
    group_name: ['群名称', '群聊名称', '会话名称'],
    sent_at: ['发送时间', '消息时间', '时间'],
    msg_type: ['消息类型', '类型'],
    content: ['消息内容', '内容'],
    unionid: ['unionid', 'UnionID', 'union_id'],
  },
};

/** Chinese column names for messages, by field. */
export const fieldLabels: Record<Field, string> = {
  group_name: '群名称',
  member_name: '群成员昵称',
  member_id: '成员ID',
  member_type: '类型',
  join_time: '入群时间',
  join_way: '入群方式',
  inviter: '邀请员工',
  leave_time: '退群时间',
  leave_way: '退群方式',
  unionid: 'unionid',
  sender_name: '发送人',
  sender_id: '发送人ID',
  sent_at: '发送时间',
  msg_type: '消息类型',
  content: '消息内容',
};

/** Fields that must be present for a kind, with the id alternatives spelled out. */
const required: Record<ImportKind, Field[][]> = {
  members: [['group_name'], ['member_id', 'unionid']],
  messages: [['sent_at'], ['sender_id', 'unionid']],
};

/** Fields only one kind has; they decide between kinds that share 群名称 and 类型. */
const distinctive: Record<ImportKind, Field[]> = {
  members: ['join_time', 'leave_time', 'join_way', 'member_name', 'inviter', 'leave_way'],
  messages: ['sent_at', 'content', 'msg_type', 'sender_name'],
};

/** Column index (0-based) of each mapped field. */
export type ColumnMap = Partial<Record<Field, number>>;

/** The result of matching one header row against one kind. */
export interface HeaderMatch {
  /** The kind matched. */
  kind: ImportKind;
  /** Field → column. */
  columns: ColumnMap;
  /** Share of the kind's fields found, 0–1. */
  confidence: number;
  /** Required fields not found (Chinese labels), empty when usable. */
  missing: string[];
  /** Ranking score: distinctive fields weigh double. */
  score: number;
}

function normHeader(v: RawCell): string {
  return (cleanText(v) ?? '').replace(/\s+/g, '').toLowerCase();
}

/** Matches header cells to a kind's fields: exact alias first, then the alias as a substring. */
export function matchHeader(cells: RawCell[], kind: ImportKind): HeaderMatch {
  const headers = Array.from(cells, normHeader);
  const fieldAliases = Object.entries(aliases[kind]) as [Field, string[]][];
  const columns: ColumnMap = {};
  const taken = new Set<number>();
  const pass = (isExact: boolean) => {
    for (const [field, names] of fieldAliases) {
      if (columns[field] !== undefined) continue;
      for (const name of names) {
        const alias = name.toLowerCase();
        const col = headers.findIndex((h, i) => !taken.has(i) && h !== '' && (isExact ? h === alias : h.includes(alias)));
        if (col >= 0) {
          columns[field] = col;
          taken.add(col);
          break;
        }
      }
    }
  };
  pass(true);
  pass(false);
  const found = Object.keys(columns) as Field[];
  const missing = required[kind].filter((alts) => !alts.some((f) => columns[f] !== undefined)).map((alts) => fieldLabels[alts[0]]);
  const score = found.length + found.filter((f) => distinctive[kind].includes(f)).length;
  return { kind, columns, confidence: found.length / fieldAliases.length, missing, score };
}

/** The best header among the first rows of a sheet, for a given kind or for any kind. */
export interface HeaderChoice extends HeaderMatch {
  /** Index in the scanned rows. */
  rowIndex: number;
}

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

/**
 * Picks the header row and kind from the first rows of a sheet: the usable match with the
 * highest score (ties to the earlier row). Returns the best unusable match when none is usable,
 * so the caller can name the missing column.
 */
export function chooseHeader(rows: RawCell[][], kind?: ImportKind): HeaderChoice | null {
  const kinds: ImportKind[] = kind ? [kind] : ['members', 'messages'];
  let best: HeaderChoice | null = null;
  const better = (a: HeaderChoice, b: HeaderChoice | null) => {
    if (!b) return true;
    const usableA = a.missing.length === 0;
    const usableB = b.missing.length === 0;
    if (usableA !== usableB) return usableA;
    return a.score > b.score;
  };
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, rowIndex) => {
    for (const k of kinds) {
      const m: HeaderChoice = { ...matchHeader(cells, k), rowIndex };
      if (m.score > 0 && better(m, best)) best = m;
    }
  });
  return best;
}
