/**
 * SQL of the importer: staging NDJSON from the parsing worker and merging it into the project
 * tables. Every function runs on the caller's connection, so the import transaction spans them all.
 */
import type { ImportKind, ImportRecord } from '../api/contract';
import type { Params, ProjectDb, Sql } from './projectDb';

/** Rows added and skipped by a merge. */
export interface MergeCounts {
  /** New rows, plus existing membership spells whose leave time this import filled in. */
  added: number;
  /** Rows already present, duplicates within the file, or rows without a key. */
  skipped: number;
}

interface ImportRow {
  import_id: number;
  file_name: string;
  file_hash: string;
  kind: ImportKind;
  imported_at: string;
  rows_read: number;
  rows_added: number;
  rows_skipped: number;
}

const SELECT_IMPORTS = `SELECT import_id, file_name, file_hash, kind,
    strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at, rows_read, rows_added, rows_skipped
  FROM imports`;

function toRecord(r: ImportRow): ImportRecord {
  return {
    importId: Number(r.import_id),
    fileName: r.file_name,
    fileHash: r.file_hash,
    kind: r.kind,
    importedAt: r.imported_at,
    rowsRead: Number(r.rows_read),
    rowsAdded: Number(r.rows_added),
    rowsSkipped: Number(r.rows_skipped),
  };
}

/** All imports of the project, oldest first. */
export async function listImports(db: ProjectDb): Promise<ImportRecord[]> {
  const rows = await db.all<ImportRow>(`${SELECT_IMPORTS} ORDER BY import_id`);
  return rows.map(toRecord);
}

/** The earliest import of a file with these bytes, if any. */
export async function findImportByHash(sql: Sql, fileHash: string): Promise<ImportRecord | undefined> {
  const row = await sql.one<ImportRow>(`${SELECT_IMPORTS} WHERE file_hash = ? ORDER BY import_id LIMIT 1`, [fileHash]);
  return row ? toRecord(row) : undefined;
}

/** The next import sequence number. */
export async function nextImportId(sql: Sql): Promise<number> {
  const row = await sql.one<{ id: number }>(`SELECT (coalesce(max(import_id), 0) + 1)::INTEGER AS id FROM imports`);
  return Number(row?.id ?? 1);
}

/** Records a committed import. */
export async function insertImport(sql: Sql, rec: ImportRecord): Promise<void> {
  await sql.run(`INSERT INTO imports (import_id, file_name, file_hash, kind, imported_at, rows_read, rows_added, rows_skipped) VALUES ($id, $name, $hash, $kind, $at::TIMESTAMPTZ, $read, $added, $skipped)`, {
    id: rec.importId,
    name: rec.fileName,
    hash: rec.fileHash,
    kind: rec.kind,
    at: rec.importedAt,
    read: rec.rowsRead,
    added: rec.rowsAdded,
    skipped: rec.rowsSkipped,
  });
}

/** Runs a write and returns how many rows it changed. */
async function changed(sql: Sql, query: string, params?: Params): Promise<number> {
  const result = await sql.raw.run(query, params);
  return Number(result.rowsChanged);
}

/** Wall-clock text in the project zone, or an ISO instant ending in Z, as TIMESTAMPTZ. */
function timeExpr(col: string): string {
  return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} LIKE '%Z' THEN ${col}::TIMESTAMPTZ ELSE timezone($tz, ${col}::TIMESTAMP) END`;
}

/**
 * Loads member NDJSON into the temp table `stage_members`, times converted to instants and
 * duplicate spells within the file (same group, member and join time) reduced to one, preferring
 * the row that knows a leave time.
 */
export async function stageMembers(sql: Sql, ndjsonPath: string, timeZone: string): Promise<void> {
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE stage_members AS
     WITH raw AS (
       SELECT seq, group_name, member_id, member_name, member_type, ${timeExpr('join_time')} AS join_time, join_way, inviter,
              ${timeExpr('leave_time')} AS leave_time, leave_way
       FROM read_json($path, format = 'newline_delimited', columns = {
         seq: 'BIGINT', group_name: 'VARCHAR', member_id: 'VARCHAR', member_name: 'VARCHAR', member_type: 'VARCHAR',
         join_time: 'VARCHAR', join_way: 'VARCHAR', inviter: 'VARCHAR', leave_time: 'VARCHAR', leave_way: 'VARCHAR'})
       WHERE group_name IS NOT NULL AND member_id IS NOT NULL
     )
     SELECT * EXCLUDE (rn) FROM (
       SELECT *, row_number() OVER (PARTITION BY group_name, member_id, join_time ORDER BY leave_time NULLS LAST, seq) AS rn FROM raw
     ) WHERE rn = 1`,
    { path: ndjsonPath, tz: timeZone },
  );
}

/**
 * Merges `stage_members` into `memberships`: a spell keyed by (group, member, join time) is
 * added once; an existing open spell whose later export shows a leave gets that leave filled in.
 */
export async function mergeMembers(sql: Sql, importId: number, rowsRead: number): Promise<MergeCounts> {
  const filled = await changed(
    sql,
    `UPDATE memberships AS m SET leave_time = s.leave_time, leave_way = s.leave_way
     FROM stage_members AS s
     WHERE m.group_name = s.group_name AND m.member_id = s.member_id AND m.join_time IS NOT DISTINCT FROM s.join_time
       AND m.leave_time IS NULL AND s.leave_time IS NOT NULL`,
  );
  const inserted = await changed(
    sql,
    `INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id)
     SELECT s.group_name, s.member_id, s.member_name, s.member_type, s.join_time, s.join_way, s.inviter, s.leave_time, s.leave_way, $id
     FROM stage_members AS s
     WHERE NOT EXISTS (
       SELECT 1 FROM memberships AS m
       WHERE m.group_name = s.group_name AND m.member_id = s.member_id AND m.join_time IS NOT DISTINCT FROM s.join_time)`,
    { id: importId },
  );
  const added = inserted + filled;
  return { added, skipped: rowsRead - added };
}

/**
 * Loads message NDJSON into the temp table `stage_messages` with its `row_key`: a hash of
 * sender, group, instant, type and content plus the occurrence of that identical message
 * within the file, so repeated "+1"s in one second all survive and a re-import matches them.
 */
export async function stageMessages(sql: Sql, ndjsonPath: string, timeZone: string): Promise<void> {
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE stage_messages AS
     WITH raw AS (
       SELECT seq, sender_id, sender_name, group_name, ${timeExpr('sent_at')} AS sent_at, msg_type, content
       FROM read_json($path, format = 'newline_delimited', columns = {
         seq: 'BIGINT', sender_id: 'VARCHAR', sender_name: 'VARCHAR', group_name: 'VARCHAR', sent_at: 'VARCHAR',
         msg_type: 'VARCHAR', content: 'VARCHAR'})
       WHERE sender_id IS NOT NULL AND sent_at IS NOT NULL
     ), numbered AS (
       SELECT *, row_number() OVER (PARTITION BY sender_id, group_name, sent_at, msg_type, content ORDER BY seq) AS occurrence FROM raw
     )
     SELECT md5(to_json([sender_id, group_name, epoch_us(sent_at)::VARCHAR, msg_type, content, occurrence::VARCHAR])::VARCHAR) AS row_key,
            sender_id, sender_name, group_name, sent_at, msg_type, content
     FROM numbered`,
    { path: ndjsonPath, tz: timeZone },
  );
}

/** Merges `stage_messages` into `messages`, adding only row keys not present yet. */
export async function mergeMessages(sql: Sql, importId: number, rowsRead: number): Promise<MergeCounts> {
  const added = await changed(
    sql,
    `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)
     SELECT s.row_key, s.sender_id, s.sender_name, s.group_name, s.sent_at, s.msg_type, s.content, $id
     FROM stage_messages AS s
     WHERE NOT EXISTS (SELECT 1 FROM messages AS m WHERE m.row_key = s.row_key)`,
    { id: importId },
  );
  return { added, skipped: rowsRead - added };
}

/** Drops the staging tables of this connection. */
export async function dropStaging(sql: Sql): Promise<void> {
  await sql.run(`DROP TABLE IF EXISTS stage_members`);
  await sql.run(`DROP TABLE IF EXISTS stage_messages`);
}
