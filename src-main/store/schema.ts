import type { Sql } from './projectDb';

/** The project file format version this build writes. */
export const FORMAT_VERSION = 1;

/** Marker stored in `meta.app` so a foreign DuckDB file is never mistaken for a project. */
export const APP_MARKER = 'qunxi';

/** Default project time zone (DESIGN §4). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** DDL of the current format, applied to a new project. */
const createStatements = [
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

/** Creates the schema of the current format and stamps the meta rows. */
export async function createSchema(sql: Sql, timeZone = DEFAULT_TIME_ZONE): Promise<void> {
  for (const stmt of createStatements) await sql.run(stmt);
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
export const migrations: Record<number, (sql: Sql) => Promise<void>> = {};

/** Reads a meta value, or undefined when absent. */
export async function readMeta(sql: Sql, key: string): Promise<string | undefined> {
  const row = await sql.one<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, [key]);
  return row?.value;
}
