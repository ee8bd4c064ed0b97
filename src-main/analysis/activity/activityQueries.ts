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
import type { ActivityCell, AnalysisScope } from '../../contract';
import { membershipCtes, scopeCondition, scopeParams } from '../base/analysisBase';
import { countPeopleSql, memberFactsParams, memberMsgsCtes } from '../base/memberFacts';
import type { Sql } from '../../db/projectDb';

/** The SQL of {@link queryActivity}; exported so tests can EXPLAIN it. */
export function activitySql(groups: string[] | undefined): string {
  const scoped = !!groups && groups.length > 0;
  return `
WITH
${membershipCtes(scopeCondition(groups))},
${memberMsgsCtes('member_msgs', scoped, `($from IS NULL OR d >= CAST($from AS DATE)) AND ($to IS NULL OR d <= CAST($to AS DATE))`)},
counts AS (
  SELECT isodow(d) AS weekday, h AS hour, count(*) AS messages, ${countPeopleSql()} AS people FROM member_msgs GROUP BY ALL
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
export async function queryActivity(sql: Sql, scope: AnalysisScope, timeZone: string): Promise<ActivityCell[]> {
  return sql.all<ActivityCell>(activitySql(scope.groups), { ...scopeParams(scope, timeZone), ...(await memberFactsParams(sql)) });
}
