/**
 * Scope-free facts of membership and group messages, kept in the derived database
 * (derivedTables.ts) so the analyses that read every message do not redo, per query, what
 * depends only on the data:
 *
 * - `id_people(pid, pno)` every person with a dense integer number: the message-sized tables
 *   carry the number, not the id text, so their joins and DISTINCTs hash integers;
 * - `group_nos(group_name, gno)` every group with a number, likewise;
 * - `joins`, `leaves(pid, pno, group_name, t, d)` the distinct join and leave events with their local day;
 * - `spells(pid, pno, group_name, s, e, sday, eday)` each join into a group to the first leave from that
 *   group at or after it (e = infinity, eday NULL while still a member) — the ASOF join of DESIGN
 *   §4's member state, over every group; a scope only selects its groups' spells
 *   (analysisBase.ts membershipCtes);
 * - `islands_all(pid, pno, s, e, sday, eday)` membership of all groups as disjoint intervals
 *   ({@link islandsSql}): the islands of a query without a scope;
 * - `msgs(rid, pno, gno, t, d, h, own)` every group message (one-to-one chats never count as
 *   activity), rid its rowid in `messages`, with its local day and hour in the project's time zone
 *   and `own`: whether the sender was a member of the message's own group at that instant;
 * - `msgs_elsewhere(pno, t, d, h)` the messages not `own` whose sender was a member of some group at
 *   that instant (a member of another group writing in this one): with the own ones, the messages
 *   of a member when the scope is every group, without joining the others to the islands per query;
 * - `last_member_msgs(pno, t)` each person's last message sent while a member of some group (the
 *   own ones and `msgs_elsewhere`): 渠道's 活跃 over every group reads it instead of grouping every
 *   message by person (at L, 18,000,000 rows into 1,000,000 groups in each query);
 * - `member_spans(pno, last_e, last_leave)` per person who joined or left a group: the end of their
 *   last island (infinity while still a member; NULL without one) and their last leave: 渠道's
 *   入群 and 流失 over every group read it instead of joining the cohort to every island and leave
 *   and removing the duplicates (at L, a million rows each, per query);
 * - `person_joins(pno, ts)` each person's join instants, ascending: a funnel step to 入群 takes a
 *   person's first join in its window from their list instead of joining the cohort to every join
 *   and grouping the matches per person (at L, a million rows each, per query);
 * - `msg_days(d, people)` every local day with a group message, and the people who sent one while
 *   a member of some group that day as bits over their numbers (NULL when none did): the active
 *   members over every group of any period are the bits of its days together, and the days bound
 *   the data, without reading every message per query (at L, 18,000,000);
 * - `facts_info(tz, off_us, max_pno)` the zone of the local days, its fixed offset (localTime.ts
 *   `fixedOffsetCte`; NULL when it has none) and the highest person number.
 *
 * `own` is what makes "a message while a member of the scope" cheap: the message's group is in
 * the scope whenever the message is, so an own message is always one of a member of the scope,
 * whatever the scope. Only the others (a leaver's last words, a sender absent from the member
 * export, a member of another group of the scope writing in this one) need the exact check
 * against the scope's islands — {@link memberMsgsCtes} does both.
 */
import { DERIVED_DB, PEOPLE_SQL } from './identity';
import { fixedOffsetCte, localDaySql, localHourSql } from './localTime';
import type { Sql } from '../../db/projectDb';

/** Statements {@link buildMemberFacts} runs, each told to its `onStep` when done. */
export const MEMBER_FACTS_STEPS = 13;

/** `sql.run` that tells `onStep` each statement done (a build's progress counts its statements). */
export function stepRunner(sql: Sql, onStep: () => void): (text: string, params?: Parameters<Sql['run']>[1]) => Promise<void> {
  return async (text, params) => {
    await sql.run(text, params);
    onStep();
  };
}

/**
 * Builds the tables above (`id_people` first: identity reads it) for the project time zone `tz`,
 * into `target` (the derived database, or the schema of the project file that keeps them).
 * `onStep` is told each statement done (for the progress of the build, {@link MEMBER_FACTS_STEPS} in all).
 */
export async function buildMemberFacts(sql: Sql, tz: string, target: string = DERIVED_DB, onStep: () => void = () => undefined): Promise<void> {
  const D = target;
  // The zone's fixed offset, if it has one (localTime.ts), read once for every step's local days.
  const zone = await sql.one<{ off: string | null }>(`WITH ${fixedOffsetCte('z')} SELECT CAST(off_us AS VARCHAR) AS off FROM z`, { tz });
  const params = { tz, off: zone?.off ?? null };
  const z = `z AS (SELECT CAST($off AS BIGINT) AS off_us)`;
  const run = stepRunner(sql, onStep);
  await run(`CREATE OR REPLACE TABLE ${D}.id_people AS
    SELECT pid, CAST(row_number() OVER (ORDER BY pid) AS INTEGER) AS pno FROM (${PEOPLE_SQL})`);
  await run(`CREATE OR REPLACE TABLE ${D}.group_nos AS
    SELECT group_name, CAST(row_number() OVER (ORDER BY group_name) AS INTEGER) AS gno
    FROM (SELECT group_name FROM memberships UNION SELECT group_name FROM messages WHERE group_name IS NOT NULL)`);
  // Every member id is a person (PEOPLE_SQL), so the join to the numbers keeps every row.
  for (const [table, col] of [['joins', 'join_time'], ['leaves', 'leave_time']] as const) {
    await run(
      `CREATE OR REPLACE TABLE ${D}.${table} AS
       WITH ${z} SELECT DISTINCT m.member_id AS pid, p.pno, m.group_name, m.${col} AS t, ${localDaySql(`m.${col}`)} AS d
       FROM memberships m JOIN ${D}.id_people p ON p.pid = m.member_id, z WHERE m.${col} IS NOT NULL`,
      params,
    );
  }
  // The days of a spell's ends are those of its join and leave.
  await run(
    `CREATE OR REPLACE TABLE ${D}.spells AS
     SELECT j.pid, j.pno, j.group_name, j.t AS s, coalesce(l.t, 'infinity'::TIMESTAMPTZ) AS e, j.d AS sday, CASE WHEN l.t IS NULL OR isinf(l.t) THEN NULL ELSE l.d END AS eday
     FROM ${D}.joins j ASOF LEFT JOIN ${D}.leaves l ON j.pno = l.pno AND j.group_name = l.group_name AND l.t >= j.t`,
  );
  await run(`CREATE OR REPLACE TABLE ${D}.islands_all AS ${islandsSql(`${D}.spells`)}`);
  // The local day and hour once per message here instead of in every query (by arithmetic where
  // the zone keeps one offset: at 20,000,000 messages the time-zone library took 3 of the step's
  // 21 CPU seconds). A message is its own group's when the latest spell of the sender in that
  // group started at or before it has not ended by then: an earlier spell cannot reach further,
  // since each spell ends at the first leave after its join (an ASOF join on numbers; an EXISTS of
  // a spell holding the instant gave the same flags for 5 more CPU seconds).
  await run(
    `CREATE OR REPLACE TABLE ${D}.msgs AS
     WITH ${z},
     m AS (
       SELECT m.rowid AS rid, p.pno, g.gno, m.sent_at AS t
       FROM messages m JOIN ${D}.id_people p ON p.pid = m.sender_id JOIN ${D}.group_nos g ON g.group_name = m.group_name
       WHERE m.group_name IS NOT NULL
     ),
     numbered_spells AS (
       SELECT s.pno, g.gno, s.s, s.e
       FROM ${D}.spells s JOIN ${D}.group_nos g ON g.group_name = s.group_name
     )
     SELECT m.rid, m.pno, m.gno, m.t, ${localDaySql('m.t')} AS d, ${localHourSql('m.t')} AS h, coalesce(s.e > m.t, false) AS own
     FROM m ASOF LEFT JOIN numbered_spells s ON s.pno = m.pno AND s.gno = m.gno AND m.t >= s.s, z`,
    params,
  );
  // Few rows (at L 7,673 of 676,000 messages not own): the join each unscoped query made of those
  // messages to the million islands was over a third of 指标's CPU there.
  await run(
    `CREATE OR REPLACE TABLE ${D}.msgs_elsewhere AS
     SELECT m.pno, m.t, m.d, m.h FROM ${D}.msgs m JOIN ${D}.islands_all i ON i.pno = m.pno AND m.t >= i.s AND m.t < i.e
     WHERE NOT m.own`,
  );
  await run(
    `CREATE OR REPLACE TABLE ${D}.last_member_msgs AS
     SELECT pno, max(t) AS t FROM (SELECT pno, t FROM ${D}.msgs WHERE own UNION ALL SELECT pno, t FROM ${D}.msgs_elsewhere) GROUP BY pno`,
  );
  await run(`CREATE OR REPLACE TABLE ${D}.member_spans AS ${memberSpansSql(`${D}.islands_all`, `${D}.leaves`)}`);
  await run(`CREATE OR REPLACE TABLE ${D}.person_joins AS ${personJoinsSql(`${D}.joins`)}`);
  // The highest person number (at least 1), read once: facts_info keeps it for the queries' bits
  // (peopleBitsSql: 1 to max_pno), and every day's bits here are as long, so they combine.
  const maxPno = (await sql.one<{ n: number }>(`SELECT CAST(greatest(coalesce(max(pno), 0), 1) AS INTEGER) AS n FROM ${D}.id_people`))!.n;
  await run(
    `CREATE OR REPLACE TABLE ${D}.msg_days AS
     SELECT d, ${peopleBitsSql('pno')} FILTER (WHERE is_member) AS people FROM (
       SELECT d, pno, own AS is_member FROM ${D}.msgs
       UNION ALL SELECT d, pno, TRUE FROM ${D}.msgs_elsewhere
     ) GROUP BY d`,
    { max_pno: maxPno },
  );
  await run(
    `CREATE OR REPLACE TABLE ${D}.facts_info AS
     SELECT CAST($tz AS VARCHAR) AS tz, CAST($off AS BIGINT) AS off_us, CAST($max_pno AS INTEGER) AS max_pno`,
    { ...params, max_pno: maxPno },
  );
}

/**
 * Membership of the scope as disjoint intervals (DESIGN §4 member state), from `spells(pid, pno, s,
 * e, sday, eday)`: a spell starts a new island unless an earlier spell of the person reaches it
 * (touching spells merge); empty spells (e = s) hold no instant and are left out. Gives
 * `(pid, pno, s, e, sday, eday)`, e = infinity and eday NULL while still a member; the local days
 * are the spells' (the day of the earliest start, of the latest end). Partitioned and grouped by
 * the person number: one pid per pno, and integers hash and sort faster than the id texts.
 */
export function islandsSql(spells: string): string {
  return `
  SELECT any_value(pid) AS pid, pno, min(s) AS s, max(e) AS e, min(sday) AS sday, CASE WHEN bool_or(eday IS NULL) THEN NULL ELSE max(eday) END AS eday
  FROM (
    SELECT *, sum(starts_island) OVER (PARTITION BY pno ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
    FROM (
      SELECT pid, pno, s, e, sday, eday,
        CASE WHEN max(e) OVER (PARTITION BY pno ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= s
             THEN 0 ELSE 1 END AS starts_island
      FROM ${spells} WHERE e > s
    )
  )
  GROUP BY pno, island`;
}

/**
 * `facts_tz(ok)`: TRUE when `$tz` is the zone the derived local days are in (the project's), else
 * the statement fails rather than count the wrong days. Filter every read of them with {@link FACTS_CHECKED}.
 */
export const factsTzCte = `
facts_tz AS (
  SELECT CASE WHEN tz = $tz THEN TRUE ELSE error('derived local days are in ' || tz || ', not ' || $tz) END AS ok
  FROM ${DERIVED_DB}.facts_info
)`;

/** The condition a read of derived local days carries (needs {@link factsTzCte}). */
export const FACTS_CHECKED = `(SELECT ok FROM facts_tz)`;

/**
 * `facts_zone(off_us)` (needs {@link factsTzCte}): the project zone's fixed offset the build found,
 * for {@link localDaySql}(col, alias) with `facts_zone` joined under `alias` — the local day by
 * arithmetic, the time-zone library only where the zone has no fixed offset — without scanning the
 * data for it again; checked like every read of derived local days.
 */
export const factsZoneCte = `
facts_zone AS (
  SELECT off_us FROM ${DERIVED_DB}.facts_info WHERE ${FACTS_CHECKED}
)`;

/**
 * The set of people among the `pno` values of a group of rows as a bitstring, one bit per person
 * number (sets of the same statement AND together). Needs `$max_pno` ({@link memberFactsParams}).
 */
export const peopleBitsSql = (pno = 'pno') => `bitstring_agg(${pno}, 1, $max_pno)`;

/**
 * The number of distinct people among the `pno` values of a group of rows: the bits they set in
 * {@link peopleBitsSql} (about 2× faster than DISTINCT over millions of rows).
 */
export const countPeopleSql = (pno = 'pno') => `bit_count(${peopleBitsSql(pno)})`;

/** The named parameters {@link peopleBitsSql} and {@link countPeopleSql} need. */
export async function memberFactsParams(sql: Sql): Promise<{ max_pno: number }> {
  const row = await sql.one<{ max_pno: number }>(`SELECT CAST(max_pno AS INTEGER) AS max_pno FROM ${DERIVED_DB}.facts_info`);
  return { max_pno: row?.max_pno ?? 1 };
}

/** The SQL condition "group number `col` is in the scope" (`$groups`) when `scoped`, else TRUE. */
export function gnoInScope(scoped: boolean, col = 'gno'): string {
  return scoped ? `${col} IN (SELECT gno FROM ${DERIVED_DB}.group_nos WHERE list_contains($groups, group_name))` : 'TRUE';
}

/**
 * CTEs (no leading WITH; after the membership CTEs, whose `islands` and `facts_tz` they read):
 * - `<name>_all(pno, t, d, h, own)` the group messages of the scope (`$groups` when `scoped`),
 *   `where` applied (over pno, t, d and h: without a scope it is applied to `msgs_elsewhere` too);
 * - `<name>(pno, t, d, h)` those sent while the sender was a member of the scope (DESIGN §4 active).
 * The local days are the project time zone's (see {@link factsTzCte}).
 */
export function memberMsgsCtes(name: string, scoped: boolean, where = 'TRUE'): string {
  const D = DERIVED_DB;
  return `
${name}_all AS NOT MATERIALIZED (
  SELECT pno, t, d, h, own FROM ${D}.msgs WHERE ${gnoInScope(scoped)} AND (${where}) AND ${FACTS_CHECKED}
),
${name} AS (
  SELECT pno, t, d, h FROM ${name}_all WHERE own
  UNION ALL
  ${
    scoped
      ? `SELECT m.pno, m.t, m.d, m.h
  FROM ${name}_all m JOIN islands i ON i.pno = m.pno AND m.t >= i.s AND m.t < i.e
  WHERE NOT m.own`
      : // Every group: the islands are islands_all, whose matches msgs_elsewhere holds.
        `SELECT pno, t, d, h FROM ${D}.msgs_elsewhere WHERE (${where}) AND ${FACTS_CHECKED}`
  }
)`;
}

/** `(pno, last_e, last_leave)` of `member_spans` (see above) over the relations `islands` and `leaves`. */
function memberSpansSql(islands: string, leaves: string): string {
  return `SELECT coalesce(i.pno, l.pno) AS pno, i.last_e, l.last_leave
  FROM (SELECT pno, max(e) AS last_e FROM ${islands} GROUP BY pno) i
  FULL JOIN (SELECT pno, max(t) AS last_leave FROM ${leaves} GROUP BY pno) l ON l.pno = i.pno`;
}

/**
 * The CTE `member_span(pno, last_e, last_leave)` (after the membership CTEs): per person who joined
 * or left a group of the scope (`$groups` when `scoped`), the end of their last island of the scope
 * (infinity while still a member of it; NULL without one) and their last leave from it. Without a
 * scope it is the kept `member_spans`.
 */
export function memberSpanCte(scoped: boolean): string {
  if (!scoped) return `member_span AS (SELECT pno, last_e, last_leave FROM ${DERIVED_DB}.member_spans WHERE ${FACTS_CHECKED})`;
  return `member_span AS (
  ${memberSpansSql('islands', 'leaves')}
)`;
}

/** `(pno, ts)` of `person_joins` (see above) over the relation `joins`. */
function personJoinsSql(joins: string): string {
  return `SELECT pno, list(t ORDER BY t) AS ts FROM ${joins} GROUP BY pno`;
}

/**
 * The CTE `person_join_times(pno, ts)` (after the membership CTEs): each person's join instants
 * into a group of the scope (`$groups` when `scoped`), ascending. Without a scope it is the kept
 * `person_joins`.
 */
export function personJoinTimesCte(scoped: boolean): string {
  if (!scoped) return `person_join_times AS (SELECT pno, ts FROM ${DERIVED_DB}.person_joins WHERE ${FACTS_CHECKED})`;
  return `person_join_times AS (
  ${personJoinsSql('joins')}
)`;
}

/**
 * The CTE `last_member_msg(pno, t)` (after the membership CTEs): each person's last group message
 * sent while a member of the scope (`$groups` when `scoped`). Without a scope it is the kept
 * `last_member_msgs`, the same messages ({@link memberMsgsCtes}: the own ones and `msgs_elsewhere`).
 */
export function lastMemberMsgCte(scoped: boolean): string {
  if (!scoped) return `last_member_msg AS (SELECT pno, t FROM ${DERIVED_DB}.last_member_msgs WHERE ${FACTS_CHECKED})`;
  return `${memberMsgsCtes('member_msgs', true)},
last_member_msg AS (
  SELECT pno, max(t) AS t FROM member_msgs GROUP BY pno
)`;
}
