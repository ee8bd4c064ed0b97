/**
 * Identity (DESIGN §3): tying rows of customers, orders, churn and survey exports to people.
 *
 * A person is an id of the member id space: `memberships.member_id` and `messages.sender_id`
 * (an external userid, or a unionid where the export had no userid), and the customer-list
 * contacts who are none of them ({@link PEOPLE_SQL}). Other rows are matched, in order of trust, by
 *   1. external userid — the row's external_userid is a person id;
 *   2. unionid — the row's unionid is a person id, or is the unionid of exactly one customer
 *      whose external_userid is a person id;
 *   3. full phone — the row's phone (never a masked one) is the phone of customers that rule 1
 *      or 2 tied to exactly one person (orders reach people this way: 买家手机号 → 客户列表.手机号
 *      → 客户列表.external_userid → 成员ID, or the contact's own id);
 *   4. nickname — only when the project allows it (meta `identity.allow_nickname` = 'true'):
 *      the row's name is the nickname of exactly one person. Customer, order, churn and survey
 *      rows carry no group, so "within a group" can only mean "unambiguous among the members";
 *      a nickname two people share never matches.
 * Ambiguous keys (one phone or unionid for two people) never match: a wrong match is worse than none.
 *
 * Everything is SQL: {@link identityCtes} is a list of CTEs that other queries (metrics) put
 * in front of their own, so the setting is read inside the same statement.
 */
import type { KeptSchema } from '../../db/keptState';
import { INVITATIONS_TABLE } from './invitations';
import { unmatchedReasons } from '../../locale/analysis';
import type { Sql } from '../../db/projectDb';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';

/** Meta key of the nickname-matching setting. */
export const ALLOW_NICKNAME_KEY = 'identity.allow_nickname';

/** A text column with blanks as NULL. */
const clean = (col: string) => `nullif(trim(${col}), '')`;

/** Whether a phone is masked: flagged by the importer, or showing `*`. */
const maskedExpr = (phone: string, flag: string) => `(coalesce(${flag}, false) OR coalesce(contains(${phone}, '*'), false))`;

/**
 * A full phone as digits (country code 86 dropped), or NULL when blank, masked or too short
 * to be a phone at all. Both sides of a phone match go through this.
 */
export const phoneExpr = (phone: string, flag: string) =>
  `CASE WHEN ${maskedExpr(phone, flag)} THEN NULL ELSE nullif(regexp_replace(regexp_replace(coalesce(${phone}, ''), '[^0-9]', '', 'g'), '^86(1[0-9]{10})$', '\\1'), '') END`;

/** The in-memory database attached to a project's DuckDB instance that holds its derived tables (derivedTables.ts). */
export const DERIVED_DB = 'qx_derived';

/**
 * Schema of the project file that keeps the derived tables between sessions (derivedTables.ts),
 * and its table of the fingerprint and format they were built from (written last, db/keptState.ts).
 */
export const DERIVED_KEPT: KeptSchema = { schema: KEPT_SCHEMA_PREFIX, stateTable: 'built_from' };

/**
 * SQL of every person id (`pid`), DESIGN §3 "anyone an export identifies": the ids of group members
 * and message senders, and the customer-list contacts no strong key (rules 1–2 below) ties to one
 * of them — people added as contacts who never joined a group nor wrote in one — each under its
 * external_userid, else its unionid. A unionid-only row whose unionid another row of the list
 * carries with an external_userid is that contact, not a second one (rule 2 ties it there). Rows
 * with neither id (a name, a phone) make no person; buyers known only from orders are no people.
 */
export const PEOPLE_SQL = `
  WITH pp_members AS MATERIALIZED (SELECT member_id AS pid FROM memberships UNION SELECT sender_id FROM messages),
  pp_contacts AS MATERIALIZED (
    SELECT DISTINCT ${clean('external_userid')} AS eu, ${clean('unionid')} AS uid FROM customers
    WHERE ${clean('external_userid')} IS NOT NULL OR ${clean('unionid')} IS NOT NULL
  ),
  -- Contacts neither of whose ids is a member id (few: checked further below only).
  pp_candidates AS MATERIALIZED (
    SELECT c.* FROM pp_contacts c ANTI JOIN pp_members m ON m.pid = c.eu ANTI JOIN pp_members u ON u.pid = c.uid
  ),
  -- Rule 2's second half over the members, for the candidates' unionids: those the list ties to
  -- exactly one member id (the pairs are distinct, so count(*) counts the ids).
  pp_member_uids AS (
    SELECT c.uid FROM pp_contacts c SEMI JOIN pp_members m ON m.pid = c.eu
    WHERE c.uid IN (SELECT uid FROM pp_candidates WHERE uid IS NOT NULL)
    GROUP BY c.uid HAVING count(*) = 1
  ),
  pp_new AS MATERIALIZED (
    SELECT c.* FROM pp_candidates c ANTI JOIN pp_member_uids t ON t.uid = c.uid
  )
  -- Neither id of a new contact is a member id, so the two parts never share one.
  SELECT pid FROM pp_members
  UNION ALL
  SELECT DISTINCT coalesce(n.eu, n.uid) FROM pp_new n
  WHERE n.eu IS NOT NULL OR n.uid NOT IN (SELECT uid FROM pp_new WHERE eu IS NOT NULL AND uid IS NOT NULL)`;

/**
 * The identity CTEs for analyses (without the leading WITH), read from the derived tables the
 * project keeps current (derivedTables.ts), so no analysis pays for matching again:
 * - `id_people(pid, pno)` every person id, with its number (memberFacts.ts);
 * - `id_matched(kind, rid, pid, pno, matched_by)` each row of customers, orders, churn and survey with
 *   its person and the person's number (NULL: none), rid the row's rowid;
 * - `id_orders(pid, pno, paid_at, paid, refunded)` every order with its person and the person's
 *   number, for the metrics.
 */
export function identityCtes(): string {
  return `
id_people AS (SELECT pid, pno FROM ${DERIVED_DB}.id_people),
id_matched AS (SELECT kind, rid, pid, pno, matched_by FROM ${DERIVED_DB}.id_matched),
id_orders AS (SELECT pid, pno, paid_at, paid, refunded FROM ${DERIVED_DB}.id_orders)`;
}

/** The rows identity ties, of customers, orders, churn and survey, keys cleaned (the CTE `id_rows` of {@link rawIdentityCtes}). */
const ID_ROWS_SQL = `
  SELECT 'customers' AS kind, rowid AS rid, import_id, source_row, ${clean('customer_name')} AS name, phone AS phone_raw,
         ${clean('external_userid')} AS eu, ${clean('unionid')} AS uid, ${phoneExpr('phone', 'is_phone_masked')} AS phone,
         ${maskedExpr('phone', 'is_phone_masked')} AS is_masked
  FROM customers
  UNION ALL
  SELECT 'orders', rowid, import_id, source_row, ${clean('buyer_name')}, buyer_phone, NULL, NULL,
         ${phoneExpr('buyer_phone', 'is_phone_masked')}, ${maskedExpr('buyer_phone', 'is_phone_masked')}
  FROM orders
  UNION ALL
  SELECT 'churn', rowid, import_id, source_row, ${clean('customer_name')}, phone, ${clean('external_userid')}, ${clean('unionid')},
         ${phoneExpr('phone', 'is_phone_masked')}, ${maskedExpr('phone', 'is_phone_masked')}
  FROM churn_events
  UNION ALL
  SELECT 'survey', rowid, import_id, source_row, ${clean('respondent_name')}, phone, ${clean('external_userid')}, ${clean('unionid')},
         ${phoneExpr('phone', 'is_phone_masked')}, ${maskedExpr('phone', 'is_phone_masked')}
  FROM survey_responses
`;

/**
 * Per full phone of the customer list, how many people its rows were tied to by rules 1–2 (people:
 * 0, 1, or 2 for two or more; only "one" and "more than one" are asked) and, when one, who:
 * `rows(phone, pid)` are the customer rows with their strong tie (pid NULL: none).
 */
function phonePeopleSql(rows: string): string {
  return `
  SELECT phone, CASE WHEN min(pid) IS NULL THEN 0 WHEN min(pid) = max(pid) THEN 1 ELSE 2 END AS people, min(pid) AS pid
  FROM (${rows}) WHERE phone IS NOT NULL
  GROUP BY phone
`;
}

/**
 * The identity CTEs computed from the tables (without the leading WITH), each named `id_*`:
 * - `id_people(pid)` every person id (from `people`, a relation; default computed here);
 * - `id_rows(kind, rid, import_id, source_row, name, phone_raw, eu, uid, phone, is_masked)` the
 *   rows to tie, of customers, orders, churn and survey, keys cleaned;
 * - `id_matched(kind, rid, pid, matched_by)` each of those rows with its person (NULL: none);
 * - `id_orders(pid, paid_at, paid, refunded)` every order with its person, for the metrics.
 */
export function rawIdentityCtes(people = `(${PEOPLE_SQL})`): string {
  const allowNickname = `EXISTS (SELECT 1 FROM meta WHERE key = '${ALLOW_NICKNAME_KEY}' AND value = 'true')`;
  return `
id_people AS (
  SELECT pid FROM ${people}
),
id_rows AS (${ID_ROWS_SQL}),
-- Rule 2's second half: a unionid that customers tie to exactly one person. (The ids are never
-- NULL here, so min = max says one of them: a count of distinct ids per unionid took seconds at L.)
id_unionids AS (
  SELECT c.uid, min(c.eu) AS pid FROM id_rows c SEMI JOIN id_people p ON p.pid = c.eu
  WHERE c.kind = 'customers' AND c.uid IS NOT NULL
  GROUP BY c.uid HAVING min(c.eu) = max(c.eu)
),
-- Rows tied by rules 1–2 (the strong keys), one per row of id_rows, with the keys of the weaker
-- rules carried along (joining id_rows back on kind and rowid cost as much as the matching).
id_strong AS (
  SELECT r.kind, r.rid, r.phone, r.name, coalesce(pe.pid, pu.pid, ux.pid) AS pid,
         CASE WHEN pe.pid IS NOT NULL THEN 'external_userid' WHEN coalesce(pu.pid, ux.pid) IS NOT NULL THEN 'unionid' END AS matched_by
  FROM id_rows r
  LEFT JOIN id_people pe ON pe.pid = r.eu
  LEFT JOIN id_people pu ON pu.pid = r.uid
  LEFT JOIN id_unionids ux ON ux.uid = r.uid
),
-- Full phones of the customer list, with how many people their rows were tied to by rules 1–2.
id_phones AS (${phonePeopleSql(`SELECT phone, pid FROM id_strong WHERE kind = 'customers'`)}),
-- Nicknames of exactly one person; empty unless the project allows nickname matching.
id_nicknames AS (
  SELECT name, min(pid) AS pid FROM (
    SELECT DISTINCT trim(member_name) AS name, member_id AS pid FROM memberships
    WHERE ${allowNickname} AND nullif(trim(member_name), '') IS NOT NULL
  ) GROUP BY name HAVING count(*) = 1
),
id_matched AS (
  SELECT s.kind, s.rid,
         coalesce(s.pid, CASE WHEN ph.people = 1 THEN ph.pid END, nk.pid) AS pid,
         CASE WHEN s.pid IS NOT NULL THEN s.matched_by WHEN ph.people = 1 THEN 'phone' WHEN nk.pid IS NOT NULL THEN 'nickname' END AS matched_by
  FROM id_strong s
  LEFT JOIN id_phones ph ON ph.phone = s.phone
  LEFT JOIN id_nicknames nk ON nk.name = s.name
),
id_orders AS (
  SELECT m.pid, o.paid_at, coalesce(o.paid_amount, 0) AS paid, coalesce(o.refunded_amount, 0) AS refunded
  FROM orders o JOIN id_matched m ON m.kind = 'orders' AND m.rid = o.rowid
)`;
}

/** A text as a SQL string literal (texts of the locale, never user input). */
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Why an unmatched row matched nobody, most telling reason first, in the current language (shown to the user). */
function reasonExpr(): string {
  const r = unmatchedReasons;
  return `
  CASE
    WHEN r.eu IS NULL AND r.uid IS NULL AND r.phone IS NULL AND r.is_masked THEN ${sqlText(r.masked)}
    WHEN r.eu IS NULL AND r.uid IS NULL AND r.phone IS NULL THEN ${sqlText(r.noKey)}
    WHEN r.phone IS NOT NULL AND ph.people > 1 THEN ${sqlText(r.phoneShared)}
    WHEN r.phone IS NOT NULL AND r.kind <> 'customers' AND ph.phone IS NULL THEN ${sqlText(r.phoneNotInCustomers)}
    WHEN r.phone IS NOT NULL AND r.kind <> 'customers' THEN ${sqlText(r.customerWithoutId)}
    WHEN r.phone IS NOT NULL AND r.eu IS NULL AND r.uid IS NULL THEN ${sqlText(r.phoneMatchesNobody)}
    ELSE ${sqlText(r.idNotFound)}
  END`;
}

/** The reason of an ambiguous inviter nickname, `{n}` of the locale's text filled by the SQL expression `count`. */
function inviterReason(count: string): string {
  const [before, after] = unmatchedReasons.inviterAmbiguous.split('{n}');
  return `${sqlText(before ?? '')} || ${count} || ${sqlText(after ?? '')}`;
}

/**
 * The rows that matched nobody, with the columns of UnmatchedRow (contract) plus the tie-breakers kind
 * and rid: rows of customers, orders, churn and survey, and joins of the member export whose
 * inviter nickname several members of the group held at the join (invitations.ts), the nickname as
 * the name. Read from the derived tables (derivedTables.ts): the match of every row and who invited
 * whom, kept per state of the data; matching again here took seconds a page at 100,000 people.
 * A phone's people are those rules 1–2 tied its customers to ({@link phonePeopleSql}, as in
 * {@link rawIdentityCtes}): a kept match by external userid or unionid is that strong tie.
 */
export function unmatchedSql(): string {
  return `(
WITH id_rows AS (${ID_ROWS_SQL}),
id_phones AS (${phonePeopleSql(
    `SELECT r.phone, CASE WHEN m.matched_by IN ('external_userid', 'unionid') THEN m.pid END AS pid
     FROM id_rows r JOIN ${DERIVED_DB}.id_matched m ON m.kind = 'customers' AND m.rid = r.rid
     WHERE r.kind = 'customers'`,
  )}),
id_files AS (SELECT import_id, any_value(file_name) AS file_name FROM imports GROUP BY import_id)
SELECT r.kind, coalesce(i.file_name, '') AS file_name, r.source_row AS row_number, r.name, r.phone_raw AS phone,
       ${reasonExpr()} AS reason, r.rid
FROM ${DERIVED_DB}.id_matched m
JOIN id_rows r ON r.kind = m.kind AND r.rid = m.rid
LEFT JOIN id_phones ph ON ph.phone = r.phone
LEFT JOIN id_files i ON i.import_id = r.import_id
WHERE m.pid IS NULL
UNION ALL
SELECT 'members', coalesce(i.file_name, ''), v.source_row, v.inviter, NULL,
       ${inviterReason('v.holders')}, v.rid
FROM ${DERIVED_DB}.${INVITATIONS_TABLE} v
LEFT JOIN id_files i ON i.import_id = v.import_id
WHERE v.referrer IS NULL AND v.holders > 1
) AS unmatched`;
}

/** Whether the project allows matching by nickname (default off). */
export async function readAllowNickname(sql: Sql): Promise<boolean> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, [ALLOW_NICKNAME_KEY]);
  return row?.value === 'true';
}

/** Stores the nickname-matching setting. */
export async function writeAllowNickname(sql: Sql, isAllowed: boolean): Promise<void> {
  await sql.run(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, [ALLOW_NICKNAME_KEY, isAllowed ? 'true' : 'false']);
}

/** How each row of the identity kinds was tied, for tests and diagnostics: kind, source row, person, rule. */
export function queryMatches(sql: Sql): Promise<{ kind: string; source_row: number | null; pid: string | null; matched_by: string | null }[]> {
  return sql.all(
    `WITH ${rawIdentityCtes()}
     SELECT m.kind, r.source_row, m.pid, m.matched_by FROM id_matched m JOIN id_rows r ON r.kind = m.kind AND r.rid = m.rid
     ORDER BY m.kind, r.source_row`,
  );
}
