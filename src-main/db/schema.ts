import { contentNfkc, MAY_CHANGE_UNDER_NFKC_RE2 } from './messageText';
import type { Sql } from './projectDb';
import { registerTextFunction } from './textFunction';

/** The project file format version this build writes. */
export const FORMAT_VERSION = 5;

/** Marker stored in `meta.app` so a foreign DuckDB file is never mistaken for a project. */
export const APP_MARKER = 'qunxi';

/** Default project time zone (DESIGN §4). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * DDL of format 1. A new project runs it and then every migration step, so new and migrated
 * projects always have the same schema and the migrations are exercised on every create.
 */
const formatV1Statements = [
  `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE imports (
     import_id INTEGER NOT NULL,
     file_name VARCHAR NOT NULL,
     file_hash VARCHAR NOT NULL,
     kind VARCHAR NOT NULL,
     imported_at TIMESTAMPTZ NOT NULL,
     rows_read INTEGER NOT NULL,
     rows_added INTEGER NOT NULL,
     rows_skipped INTEGER NOT NULL
   )`,
  // One row per membership spell of a person in a group (DESIGN §3 群成员).
  `CREATE TABLE memberships (
     group_name VARCHAR NOT NULL,
     member_id VARCHAR NOT NULL,
     member_name VARCHAR,
     member_type VARCHAR,
     join_time TIMESTAMPTZ,
     join_way VARCHAR,
     inviter VARCHAR,
     leave_time TIMESTAMPTZ,
     leave_way VARCHAR,
     import_id INTEGER NOT NULL
   )`,
  // One row per message (DESIGN §3 会话存档 / 聊天记录); row_key makes re-imports idempotent.
  `CREATE TABLE messages (
     row_key VARCHAR NOT NULL,
     sender_id VARCHAR NOT NULL,
     sender_name VARCHAR,
     group_name VARCHAR,
     sent_at TIMESTAMPTZ NOT NULL,
     msg_type VARCHAR,
     content VARCHAR,
     import_id INTEGER NOT NULL
   )`,
];

/** SQL of a membership spell's row_key over the columns of `memberships` (or of a staging table with the same names). */
export const MEMBERSHIP_KEY = `md5(to_json([group_name, member_id, epoch_us(join_time)::VARCHAR])::VARCHAR)`;

/** Common trailing columns of every imported table: which import first brought the row, and from which file row. */
const provenance = `import_id INTEGER NOT NULL, source_row INTEGER`;

/**
 * Format 2 (issue: every export kind): per-kind tables, provenance on the first two, the link
 * table that lets an import be removed cleanly, mapping templates.
 */
const formatV2Statements = [
  `ALTER TABLE imports ADD COLUMN problem_count INTEGER DEFAULT 0`,
  `ALTER TABLE imports ADD COLUMN problems VARCHAR`,
  `ALTER TABLE memberships ADD COLUMN source_row INTEGER`,
  // The import that filled in leave_time on a spell an earlier import brought open; removing it reopens the spell.
  `ALTER TABLE memberships ADD COLUMN leave_import_id INTEGER`,
  // The spell's key (group, member, join time), so import_rows can name spells as it names rows of other tables.
  `ALTER TABLE memberships ADD COLUMN row_key VARCHAR`,
  `UPDATE memberships SET row_key = ${MEMBERSHIP_KEY}`,
  `ALTER TABLE messages ADD COLUMN source_row INTEGER`,
  // Rows an import also contained but that an earlier import had already added (overlapping exports).
  `CREATE TABLE import_rows (import_id INTEGER NOT NULL, table_name VARCHAR NOT NULL, row_key VARCHAR NOT NULL)`,
  // Values a later import overwrote on a row an earlier import brought (order status, refunds), so removing it can restore them.
  `CREATE TABLE row_updates (import_id INTEGER NOT NULL, table_name VARCHAR NOT NULL, row_key VARCHAR NOT NULL, previous VARCHAR NOT NULL)`,
  // 客户列表
  `CREATE TABLE customers (
     row_key VARCHAR NOT NULL, customer_name VARCHAR, remark VARCHAR, staff VARCHAR, added_at TIMESTAMPTZ,
     add_way VARCHAR, channel VARCHAR, channel_code VARCHAR, tags VARCHAR, personal_tags VARCHAR, status VARCHAR,
     phone VARCHAR, is_phone_masked BOOLEAN, unionid VARCHAR, external_userid VARCHAR, gender VARCHAR,
     corp VARCHAR, region VARCHAR, ${provenance})`,
  // 客户群列表
  `CREATE TABLE customer_groups (
     row_key VARCHAR NOT NULL, group_name VARCHAR, owner VARCHAR, member_count INTEGER, created_at TIMESTAMPTZ,
     status VARCHAR, tags VARCHAR, ${provenance})`,
  // 群统计 (daily aggregate)
  `CREATE TABLE group_stats (
     row_key VARCHAR NOT NULL, stat_date DATE NOT NULL, group_id VARCHAR, new_groups INTEGER, total_groups INTEGER,
     active_groups INTEGER, new_members INTEGER, total_members INTEGER, active_members INTEGER, message_count INTEGER,
     churned_members INTEGER, ${provenance})`,
  // 联系客户统计 (daily aggregate, per staff where the export has it)
  `CREATE TABLE contact_stats (
     row_key VARCHAR NOT NULL, stat_date DATE NOT NULL, staff VARCHAR, total_customers INTEGER, new_customers INTEGER,
     churned_customers INTEGER, net_new_customers INTEGER, applications INTEGER, chats INTEGER, messages_sent INTEGER,
     reply_rate DOUBLE, avg_first_reply_minutes DOUBLE, deleted_by_customers INTEGER, ${provenance})`,
  // 流失客户: one row per deletion; the same person may appear more than once
  `CREATE TABLE churn_events (
     row_key VARCHAR NOT NULL, customer_name VARCHAR, staff VARCHAR, churned_at TIMESTAMPTZ, churn_way VARCHAR,
     added_at TIMESTAMPTZ, tags VARCHAR, external_userid VARCHAR, unionid VARCHAR, phone VARCHAR,
     is_phone_masked BOOLEAN, ${provenance})`,
  // 订单 (order level; item-level exports fill order_items and one row here per order number)
  `CREATE TABLE orders (
     row_key VARCHAR NOT NULL, order_no VARCHAR NOT NULL, status VARCHAR, created_at TIMESTAMPTZ, paid_at TIMESTAMPTZ,
     paid_amount DECIMAL(18, 2), refunded_amount DECIMAL(18, 2), refund_status VARCHAR, buyer_name VARCHAR,
     buyer_phone VARCHAR, is_phone_masked BOOLEAN, items VARCHAR, sales_channel VARCHAR, distributor VARCHAR,
     ${provenance})`,
  `CREATE TABLE order_items (
     row_key VARCHAR NOT NULL, order_no VARCHAR NOT NULL, item_name VARCHAR, quantity DOUBLE, item_amount DECIMAL(18, 2),
     ${provenance})`,
  // 公众号用户分析 (daily aggregate); sources is a JSON object source → new follows
  `CREATE TABLE official_account_daily (
     row_key VARCHAR NOT NULL, stat_date DATE NOT NULL, new_follows INTEGER, unfollows INTEGER, net_follows INTEGER,
     total_follows INTEGER, sources VARCHAR, ${provenance})`,
  // 渠道投放
  `CREATE TABLE ad_costs (
     row_key VARCHAR NOT NULL, stat_date DATE NOT NULL, channel VARCHAR, impressions BIGINT, clicks BIGINT,
     cost DECIMAL(18, 2), ${provenance})`,
  // 满意度问卷
  `CREATE TABLE survey_responses (
     row_key VARCHAR NOT NULL, respondent_name VARCHAR, phone VARCHAR, is_phone_masked BOOLEAN, unionid VARCHAR,
     external_userid VARCHAR, submitted_at TIMESTAMPTZ, score DOUBLE, scale VARCHAR, comment VARCHAR, ${provenance})`,
  `CREATE TABLE mapping_templates (
     id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, headers VARCHAR NOT NULL,
     fields VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL)`,
];

/**
 * Format 3 (issues: analyses, definitions): the user's definitions (customer path, key behaviours,
 * quadrant, VVIP rules, typed channel costs), one JSON document per key, validated on read.
 */
const formatV3Statements = [`CREATE TABLE definitions (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`];

/**
 * Format 4 (issue 18, DESIGN §3–4): the staff member responsible for a join (邀请员工) beside its
 * inviter (邀请人), and each message's content in Unicode NFKC where it differs, which the
 * key-behaviour rules match (NULL: the content itself). Messages already in the file get theirs
 * from {@link fillContentNfkc}.
 */
const formatV4Statements = [
  `ALTER TABLE memberships ADD COLUMN staff VARCHAR`,
  `ALTER TABLE messages ADD COLUMN content_nfkc VARCHAR`,
];

/**
 * Format 5 (issue 11 item 12): every data row an import skipped, with its place in the file and
 * its reason, so the user sees which rows 跳过 counts. A table rather than a JSON value of the
 * import: a re-import of a million-row export skips a million rows. `sheet_no` keeps the file's
 * order (sheets in the order read); `detail` says what the reason refers to (the missing key
 * fields' ids, the import that already had the row). Imports made before keep their count only.
 */
const formatV5Statements = [
  `CREATE TABLE import_skips (
     import_id INTEGER NOT NULL, sheet_no INTEGER NOT NULL, sheet VARCHAR, source_row INTEGER NOT NULL,
     reason VARCHAR NOT NULL, detail VARCHAR)`,
];

/** Name of the SQL function {@link fillContentNfkc} registers. */
const NFKC_FUNCTION = 'qx_content_nfkc';

/**
 * Sets `content_nfkc` of every message from its content (messageText.ts contentNfkc, through a
 * JavaScript function registered with DuckDB: it has no NFKC of its own). Only content with a
 * character NFKC may change is handed to JavaScript.
 */
export async function fillContentNfkc(sql: Sql): Promise<void> {
  registerTextFunction(sql, NFKC_FUNCTION, contentNfkc);
  await sql.run(
    `UPDATE messages SET content_nfkc = ${NFKC_FUNCTION}(content)
     WHERE content IS NOT NULL AND regexp_matches(content, '${MAY_CHANGE_UNDER_NFKC_RE2}')`,
  );
}

/** Creates the schema of the current format and stamps the meta rows. */
export async function createSchema(sql: Sql, timeZone = DEFAULT_TIME_ZONE): Promise<void> {
  for (const stmt of formatV1Statements) await sql.run(stmt);
  for (let v = 1; v < FORMAT_VERSION; v++) await migrations[v]!(sql);
  await sql.run(`INSERT INTO meta VALUES ('app', ?), ('format_version', ?), ('time_zone', ?), ('created_at', ?)`, [
    APP_MARKER,
    String(FORMAT_VERSION),
    timeZone,
    new Date().toISOString(),
  ]);
}

/**
 * One step per old version: `migrations[v]` turns a version-v file into version v+1.
 * Each runs inside the transaction that also bumps `format_version`.
 */
export const migrations: Record<number, (sql: Sql) => Promise<void>> = {
  1: async (sql) => {
    for (const stmt of formatV2Statements) await sql.run(stmt);
  },
  2: async (sql) => {
    for (const stmt of formatV3Statements) await sql.run(stmt);
  },
  3: async (sql) => {
    for (const stmt of formatV4Statements) await sql.run(stmt);
    await fillContentNfkc(sql);
  },
  4: async (sql) => {
    for (const stmt of formatV5Statements) await sql.run(stmt);
  },
};

/** Reads a meta value, or undefined when absent. */
export async function readMeta(sql: Sql, key: string): Promise<string | undefined> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, [key]);
  return row?.value;
}
