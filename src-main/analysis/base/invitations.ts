/**
 * Who invited whom (DESIGN §3 inviters): each join of the member export that names an inviter
 * (邀请人), tied to the person it names. One definition for the referrals of 客户360 and the
 * quadrant (features), the path's 推荐 stage (funnel) and the list of unmatched rows (identity).
 *
 * The inviter column holds a member id or, in most exports, a nickname:
 * - a member id (of any group) is that person;
 * - a nickname (trimmed) is the member of the join's group who held it at the time of the join:
 *   in the group at that instant (joined at or before it, not left by then; a spell without a join
 *   time counts as begun) with that nickname on that spell. A nickname held by one member of the
 *   group is theirs even when members of other groups use it too; held by several, the join ties
 *   to nobody and is listed as unmatched, never credited to one of them. A join without a join
 *   time cannot be placed: any member of the group who ever held the nickname is a holder.
 * Nobody invites themselves: the person who joined is never their own inviter nor a holder. An
 * inviter no member matches (a staff account outside the export) ties to nobody and is not listed.
 * Nickname matching across kinds (identity.ts `identity.allow_nickname`) does not apply here: the
 * export names the inviter within one group of the same file.
 */

/** Name of the table of {@link invitationsSql} in the derived database (derivedTables.ts keeps it). */
export const INVITATIONS_TABLE = 'invitations';

/**
 * SQL of every join with an inviter: `(rid, group_name, referee, t, inviter, referrer, holders,
 * import_id, source_row)` — rid the spell's rowid in `memberships`, referee the person who joined
 * at t, inviter the trimmed text, referrer the person it ties to (NULL: none), holders how many
 * members of the group held the nickname at the join (0 when the inviter is a member id).
 */
export function invitationsSql(): string {
  return `
  WITH inv_joins AS (
    SELECT rowid AS rid, group_name, member_id AS referee, join_time AS t, trim(inviter) AS inviter, import_id, source_row
    FROM memberships WHERE nullif(trim(inviter), '') IS NOT NULL
  ),
  inv_ids AS (SELECT DISTINCT member_id AS pid FROM memberships),
  inv_holders AS (
    SELECT j.rid, count(DISTINCT h.member_id) AS holders, min(h.member_id) AS pid
    FROM inv_joins j
    JOIN memberships h ON h.group_name = j.group_name AND trim(h.member_name) = j.inviter AND h.member_id <> j.referee
    WHERE j.t IS NULL OR ((h.join_time IS NULL OR h.join_time <= j.t) AND (h.leave_time IS NULL OR h.leave_time > j.t))
    GROUP BY j.rid
  )
  SELECT j.rid, j.group_name, j.referee, j.t, j.inviter,
         coalesce(i.pid, CASE WHEN h.holders = 1 THEN h.pid END) AS referrer,
         CAST(CASE WHEN i.pid IS NULL THEN coalesce(h.holders, 0) ELSE 0 END AS INTEGER) AS holders,
         j.import_id, j.source_row
  FROM inv_joins j
  LEFT JOIN inv_ids i ON i.pid = j.inviter AND i.pid <> j.referee
  LEFT JOIN inv_holders h ON h.rid = j.rid`;
}
