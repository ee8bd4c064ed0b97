/**
 * SQL building blocks every analysis shares, so "member of the scope", "a person's channel" and
 * "a paid order" mean the same thing in the metrics, the funnel, churn, channels and features.
 *
 * All CTEs expect the named parameter `$tz` (the project time zone) and, when a scope is given,
 * `$groups` (a VARCHAR list). They are fragments of one WITH list: put `identityCtes()` first.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { AnalysisScope } from '../../contract';
import { AppError } from '../../contract/appError';
import { isCalendarDate } from './calendar';
import { scopeMessages } from '../../locale/analysis';
import { DERIVED_DB } from './identity';
import { FACTS_CHECKED, factsTzCte, factsZoneCte, islandsSql } from './memberFacts';

/** The SQL condition "group_name is in the scope" and whether a scope was given. */
export function scopeCondition(groups: string[] | undefined, column = 'group_name'): string {
  return groups && groups.length > 0 ? `list_contains($groups, ${column})` : 'TRUE';
}

/** Named parameters of a scoped query: `$tz`, `$from`, `$to` and `$groups` when the scope has groups. */
export function scopeParams(scope: AnalysisScope, timeZone: string): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = { tz: timeZone, from: scope.from ?? null, to: scope.to ?? null };
  if (scope.groups && scope.groups.length > 0) params.groups = listValue(scope.groups);
  return params;
}

/** Rejects impossible dates and a reversed range with a message naming the field. */
export function checkDateRange(scope: { from?: string; to?: string }): void {
  for (const [field, value] of [['from', scope.from], ['to', scope.to]] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw new AppError('INVALID_REQUEST', scopeMessages.notADate(field, value), { field });
  }
  if (scope.from && scope.to && scope.from > scope.to) {
    throw new AppError('INVALID_REQUEST', scopeMessages.fromAfterTo(scope.from, scope.to), { from: scope.from, to: scope.to });
  }
}

/**
 * Membership of the scope (DESIGN §4 "Member state"), read from the derived tables
 * (memberFacts.ts), whose local days are the project time zone's (`$tz` must be it):
 * - `scoped(pid, group_name, join_time, leave_time)` spells in the scope's groups, as imported;
 * - `joins` / `leaves (pid, pno, group_name, t, d)` events with their local day;
 * - `spells(pid, pno, group_name, s, e, sday, eday)` each join to the first leave from that group at or after it;
 * - `islands(pid, pno, s, e, sday, eday)` membership of the scope as disjoint intervals (touching spells
 *   merge), e = infinity and eday NULL while still a member; without a scope (`inScope` 'TRUE',
 *   as {@link scopeCondition} gives it) the precomputed islands of all groups;
 * - `island_days` the same (the name the analyses have always read the days under);
 * - `facts_tz(ok)` the check of the time zone, `facts_zone(off_us)` its fixed offset (memberFacts.ts).
 */
export function membershipCtes(inScope: string): string {
  const D = DERIVED_DB;
  const islands = inScope === 'TRUE' ? `SELECT pid, pno, s, e, sday, eday FROM ${D}.islands_all WHERE ${FACTS_CHECKED}` : islandsSql('spells');
  return `
scoped AS (
  SELECT member_id AS pid, group_name, join_time, leave_time FROM memberships WHERE ${inScope}
),
${factsTzCte},
${factsZoneCte},
joins AS (
  SELECT pid, pno, group_name, t, d FROM ${D}.joins WHERE ${inScope} AND ${FACTS_CHECKED}
),
leaves AS (
  SELECT pid, pno, group_name, t, d FROM ${D}.leaves WHERE ${inScope} AND ${FACTS_CHECKED}
),
spells AS (
  SELECT pid, pno, group_name, s, e, sday, eday FROM ${D}.spells WHERE ${inScope} AND ${FACTS_CHECKED}
),
islands AS (${islands}
),
island_days AS (
  SELECT pid, pno, s, e, sday, eday FROM islands
)`;
}

/**
 * The customer-list columns a person's channel is read from, most specific first (DESIGN §4 "A
 * person's channel"): 渠道, then the channel code 来源二维码 / 渠道活码 (`state`), then the source
 * column, which the importer keeps with 添加方式 (来源 / 添加来源 / 添加方式 share one column).
 */
const CHANNEL_COLUMNS = ['channel', 'channel_code', 'add_way'] as const;

/**
 * A person's channel (渠道) from a relation with the columns of {@link CHANNEL_COLUMNS}, trimmed
 * and blank as NULL, as `person_customer` holds them: the one definition every view that shows or
 * breaks down by channel uses. NULL when the person has none (each view names that its own way).
 */
export function personChannelSql(alias: string): string {
  return `coalesce(${CHANNEL_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;
}

/**
 * The order in which a person's (or key's) customer rows `alias` give their values: the
 * earliest-added first, rows without an add time last; rows of one add time (or none) tie, and
 * the first of them in the customer list wins (its row number, column `rid`), not whichever row
 * the query plan met first (2,452 people at M have two rows of one add time and different staff).
 * For arg_min, which skips a row whose value is NULL.
 */
export function earliestRowKey(alias: string, addedAt = 'added_at', rid = 'rowid'): string {
  return `(coalesce(${alias}.${addedAt}, 'infinity'::TIMESTAMPTZ), ${alias}.${rid})`;
}

/** The key of a customer or 流失客户 row tied to no person: its own external_userid, else unionid. */
export const ownRowKeySql = (alias: string): string =>
  `coalesce('eu:' || nullif(trim(${alias}.external_userid), ''), 'uid:' || nullif(trim(${alias}.unionid), ''))`;

/**
 * The value of column `col` over a person's (or key's) customer rows `alias` (add time in column
 * `addedAt`, row number in `rid`): that of the earliest-added row with a value that is not blank.
 */
export function earliestValueSql(alias: string, col: string, addedAt = 'added_at', rid = 'rowid'): string {
  return `arg_min(nullif(trim(${alias}.${col}), ''), ${earliestRowKey(alias, addedAt, rid)})`;
}

/** The add way, channel code and channel of customer rows tied to no person, per key, as {@link earliestValueSql} (columns named so). */
export function earliestChannelFieldsSql(alias: string, addedAt = 'added_at', rid = 'rowid'): string {
  return (['add_way', 'channel_code', 'channel'] as const).map((col) => `${earliestValueSql(alias, col, addedAt, rid)} AS ${col}`).join(', ');
}

/**
 * The same channel as an aggregate over the customer rows `alias` of one person or key (add time
 * in column `addedAt`, row number in `rid`): per column the value of the earliest-added row that
 * has one (as `person_customer` takes them, {@link earliestRowKey}), then the first column with a value.
 */
export function customerRowsChannelSql(alias: string, addedAt = 'added_at', rid = 'rowid'): string {
  return `coalesce(${CHANNEL_COLUMNS.map((c) => earliestValueSql(alias, c, addedAt, rid)).join(', ')})`;
}

/** The customer-list status of a contact lost for good, as the Chinese exports write it (data). */
export const CHURNED_STATUS = '已流失'; // eslint-disable-line no-restricted-syntax -- recognition vocabulary of Chinese exports, not UI text

/** Whether every customer row `alias` of a group is in status {@link CHURNED_STATUS} (an aggregate): the contact is lost. */
export const contactLostSql = (alias: string): string => `bool_and(coalesce(trim(${alias}.status), '') = '${CHURNED_STATUS}')`;

/**
 * The SQL of the per-person facts derivedTables.ts keeps (needs `identityCtes()`, or the raw
 * identity CTEs while building them): see {@link personCtes} for what each means.
 */
export const personFactsSql = {
  // Per column the earliest-added row's value (ties by the row's place: earliestRowKey).
  person_customer: `
  SELECT m.pid,
         arg_min(c.customer_name, ${earliestRowKey('c')}) AS customer_name,
         arg_min(c.staff, ${earliestRowKey('c')}) AS staff,
         min(c.added_at) AS added_at,
         ${earliestValueSql('c', 'add_way')} AS add_way,
         ${earliestValueSql('c', 'channel')} AS channel,
         ${earliestValueSql('c', 'channel_code')} AS channel_code,
         ${earliestValueSql('c', 'tags')} AS tags,
         ${contactLostSql('c')} AS is_contact_lost
  FROM customers c JOIN id_matched m ON m.kind = 'customers' AND m.rid = c.rowid
  WHERE m.pid IS NOT NULL
  GROUP BY m.pid`,
  // Blank names never win: a whitespace-only name is no name. (The cheap <> '' test first, trim only on what passes.)
  // A sender name counts only for people without a group nickname, so only their messages are
  // grouped: over every message, the latest name of each of a million senders was most of the step.
  person_names: (personCustomer: string) => `
  SELECT p.pid, coalesce(mn.name, sn.name, pc.customer_name) AS name
  FROM id_people p
  LEFT JOIN (SELECT member_id AS pid, arg_max(member_name, coalesce(join_time, '-infinity'::TIMESTAMPTZ)) AS name
             FROM memberships WHERE member_name <> '' AND trim(member_name) <> '' GROUP BY member_id) mn ON mn.pid = p.pid
  LEFT JOIN (SELECT sender_id AS pid, arg_max(sender_name, sent_at) AS name
             FROM messages WHERE sender_name <> '' AND trim(sender_name) <> ''
               AND sender_id IN (SELECT u.pid FROM id_people u ANTI JOIN memberships n ON n.member_id = u.pid AND n.member_name <> '' AND trim(n.member_name) <> '')
             GROUP BY sender_id) sn ON sn.pid = p.pid
  LEFT JOIN ${personCustomer} pc ON pc.pid = p.pid`,
};

/** Key of the saved tags' document in the definitions table (decision/savedTags.ts writes it). */
export const SAVED_TAGS_KEY = 'savedTags';

/**
 * What the project knows of each person beyond membership (needs `identityCtes()`):
 * - `person_customer(pid, pno, customer_name, staff, added_at, add_way, channel, channel_code, tags, is_contact_lost)`
 *   from the customer list, the earliest-added row of the person when several staff added them
 *   (pno the person's number, memberFacts.ts), is_contact_lost when every row of theirs is 已流失;
 * - `person_names(pid, name)` the latest group nickname, else the latest sender name, else the customer name;
 * - `saved_tags(tag, pid)` the tags saved from an analysis (decision/savedTags.ts: the lookalike's
 *   top list), one row per person of a tag;
 * - `person_tags(pid, pno, tags)` every tag of a person (pno NULL for a saved tag's id that is no person any more), the customer list's then the saved ones (joined
 *   by ','; readers split tags on the customer list's separators), for each person with any: where
 *   tags are a breakdown or a choice, read them here so a saved tag counts as the list's do;
 * - `paid_orders(pid, pno, paid_at, paid, refunded, net)` orders tied to a person, paid and not fully
 *   refunded (net = paid − refunded, never below 0).
 * The first two are read from the project's derived tables (derivedTables.ts): they do not depend
 * on the scope, and naming people reads every message.
 */
export function personCtes(): string {
  return `
person_customer AS (SELECT * FROM ${DERIVED_DB}.person_customer),
person_names AS (SELECT * FROM ${DERIVED_DB}.person_names),
saved_tags AS (
  SELECT DISTINCT tag, pid FROM (
    SELECT t.id AS tag, unnest(t.pids) AS pid
    FROM (SELECT unnest(from_json(value, '[{"id": "VARCHAR", "pids": ["VARCHAR"]}]')) AS t FROM definitions WHERE key = '${SAVED_TAGS_KEY}')
  )
),
person_tags AS (
  SELECT coalesce(pc.pid, s.pid) AS pid, coalesce(pc.pno, s.pno) AS pno, concat_ws(',', pc.tags, s.tags) AS tags
  FROM (SELECT pid, pno, tags FROM person_customer WHERE tags IS NOT NULL) pc
  FULL JOIN (
    SELECT t.pid, any_value(p.pno) AS pno, string_agg(t.tag, ',' ORDER BY t.tag) AS tags FROM saved_tags t LEFT JOIN id_people p ON p.pid = t.pid GROUP BY t.pid
  ) s ON s.pid = pc.pid
),
paid_orders AS (
  SELECT pid, pno, paid_at, paid, refunded, greatest(paid - refunded, 0) AS net
  FROM id_orders WHERE pid IS NOT NULL AND paid_at IS NOT NULL AND refunded < paid
)`;
}
