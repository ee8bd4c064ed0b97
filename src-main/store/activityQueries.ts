/**
 * When the community talks (DESIGN §2 "activity by hour of day × weekday", to choose when to post):
 * messages and distinct senders per local ISO weekday × local hour.
 *
 * What counts: group messages (one-to-one chats, without a group name, are left out) in the groups
 * of the scope, sent on the local days [from, to], by someone who was a member of the scope at that
 * instant — DESIGN §4's "active" is a message while a member, so the staff's and bots' messages of
 * people absent from the member export, and a leaver's last words after leaving, do not tilt the
 * advice. A project with messages but no member export therefore shows no activity.
 */
import type { ActivityCell, AnalysisScope } from '../api/contract';
import { membershipCtes, scopeCondition, scopeParams } from './analysisBase';
import type { Sql } from './projectDb';

/** The SQL of {@link queryActivity}; exported so tests can EXPLAIN it. */
export function activitySql(groups: string[] | undefined): string {
  return `
WITH
${membershipCtes(scopeCondition(groups))},
msgs AS (
  SELECT sender_id AS pid, sent_at AS t
  FROM messages
  WHERE group_name IS NOT NULL AND ${scopeCondition(groups)}
    AND (CAST($from AS DATE) IS NULL OR sent_at >= timezone($tz, CAST(CAST($from AS DATE) AS TIMESTAMP)))
    AND (CAST($to AS DATE) IS NULL OR sent_at < timezone($tz, CAST(CAST($to AS DATE) + INTERVAL 1 DAY AS TIMESTAMP)))
),
-- Local weekday and hour from 15-minute UTC buckets: every zone offset in use is a multiple of 15
-- minutes, so a bucket never straddles a local hour, and the zone conversion (the costly part) runs
-- once per bucket (≤ 35,040 a year) instead of once per message.
member_msgs AS (
  SELECT m.pid, CAST(floor(epoch_ms(m.t) / 900000) AS BIGINT) AS b
  FROM msgs m JOIN islands i ON i.pid = m.pid AND m.t >= i.s AND m.t < i.e
),
bucket_cells AS (
  SELECT b, isodow(lt) AS weekday, hour(lt) AS hour
  FROM (SELECT b, timezone($tz, to_timestamp(b * 900)) AS lt FROM (SELECT DISTINCT b FROM member_msgs))
),
counts AS (
  SELECT c.weekday, c.hour, count(*) AS messages, count(DISTINCT m.pid) AS people
  FROM member_msgs m JOIN bucket_cells c ON c.b = m.b
  GROUP BY ALL
),
cells AS (
  SELECT w.range AS weekday, h.range AS hour FROM range(1, 8) w CROSS JOIN range(0, 24) h
)
SELECT CAST(c.weekday AS INTEGER) AS weekday, CAST(c.hour AS INTEGER) AS hour,
       CAST(coalesce(n.messages, 0) AS INTEGER) AS messages, CAST(coalesce(n.people, 0) AS INTEGER) AS people
FROM cells c LEFT JOIN counts n ON n.weekday = c.weekday AND n.hour = c.hour
ORDER BY c.weekday, c.hour`;
}

/** All 168 cells, Monday 0 时 first, zeros included. */
export function queryActivity(sql: Sql, scope: AnalysisScope, timeZone: string): Promise<ActivityCell[]> {
  return sql.all<ActivityCell>(activitySql(scope.groups), scopeParams(scope, timeZone));
}
