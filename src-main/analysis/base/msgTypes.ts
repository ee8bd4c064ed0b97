/**
 * The message types of the group messages with their messages, for 关键行为's type picker: a
 * derived table (derivedTables.ts builds it with the data), since reading it from two million
 * messages at the first visit of 关键行为 took 60–240 ms beside the view's analyses (issue 17).
 */

/** Name of the table of {@link msgTypesSql} in the derived database. */
export const MSG_TYPES_TABLE = 'msg_types';

/** SQL of every message type of the group messages (trimmed; blanks left out): `(msg_type, count)`. */
export const msgTypesSql = `SELECT trim(msg_type) AS msg_type, CAST(count(*) AS INTEGER) AS count
  FROM messages WHERE group_name IS NOT NULL AND nullif(trim(msg_type), '') IS NOT NULL
  GROUP BY 1`;
