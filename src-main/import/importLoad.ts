/**
 * Writing an import's rows from the parsing worker's CSV files (import/stagingCsv.ts states
 * their dialect) while the file is still being parsed, inside the import's transaction:
 * - members, messages and every kind with a single plain target table go straight into that
 *   table as each file arrives, keyed and with their import id, so DuckDB's compression of the
 *   new rows overlaps the parse and nothing is held twice; once the file is read,
 *   {@link settleLoad} applies the rules over the whole file (duplicates within it, rows the
 *   project already had) to this import's rows, which are the only ones it changes;
 * - kinds that update existing rows or roll item rows up (orders) are staged in the temp table
 *   `stage_raw` and merged by importStore.mergeTarget.
 * Rows of one import keep the file's order in the table (rowid order: each file is appended in
 * order, one after the other), which is what "first" means below.
 * Every data row that adds nothing is recorded in `import_skips` with its sheet, row and reason
 * (contract SkipReason): rows without their key as each file is written, the rest once the file
 * is read. Each hand-over file holds rows of one sheet (stagingCsv.ts); where a sheet's rows begin
 * in the table is noted in the temp table `stage_sheets`, so a row's rowid tells its sheet.
 */
import type { Params, Sql } from '../db/projectDb';
import { mergedCounts, mergeTarget, naturalKeySql, sqlIdentSafe, timeExpr, type DataTable, type MergeCounts, type MergeTarget, type StageType } from '../db/importStore';
import { MEMBERSHIP_KEY } from '../db/schema';

/** A column of the hand-over files, in file order. */
export interface StageColumn {
  id: string;
  type: StageType;
}

/** How an import's rows are written (see the module comment). */
export type LoadPlan =
  | { mode: 'members'; columns: StageColumn[] }
  | { mode: 'messages'; columns: StageColumn[] }
  | { mode: 'direct'; columns: StageColumn[]; target: MergeTarget }
  | { mode: 'staged'; columns: StageColumn[]; targets: MergeTarget[] };

/** What the CSV reader needs to know about a hand-over file. */
export interface LoadFile {
  path: string;
  /** Bytes of its longest record. */
  maxLineBytes: number;
  /** Records in it. */
  rows: number;
  /** Sheet of every row in it; null for CSV. */
  sheet: string | null;
}

/** An import's load under way. */
export interface Load {
  plan: LoadPlan;
  importId: number;
  /** Sheets whose rows were written so far, in order. */
  sheets: (string | null)[];
}

/** SQL type of a column as the CSV reader reads it, and the expression that makes it the stored type. */
function csvColumn(name: string, type: StageType): { csv: string; select: string } {
  const id = sqlIdentSafe(name);
  switch (type) {
    case 'time':
      return { csv: 'VARCHAR', select: `${timeExpr(id)} AS ${id}` };
    case 'date':
      return { csv: 'VARCHAR', select: `${id}::DATE AS ${id}` };
    case 'money':
      return { csv: 'DOUBLE', select: `${id}::DECIMAL(18, 2) AS ${id}` };
    case 'number':
    case 'percent':
      return { csv: 'DOUBLE', select: id };
    case 'integer':
      return { csv: 'INTEGER', select: id };
    case 'bigint':
      return { csv: 'BIGINT', select: id };
    case 'boolean':
      return { csv: 'BOOLEAN', select: id };
    default:
      return { csv: 'VARCHAR', select: id };
  }
}

/** Stored SQL type of a staged column. */
function storedType(type: StageType): string {
  const byType: Partial<Record<StageType, string>> = {
    time: 'TIMESTAMPTZ',
    date: 'DATE',
    money: 'DECIMAL(18, 2)',
    number: 'DOUBLE',
    percent: 'DOUBLE',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    boolean: 'BOOLEAN',
  };
  return byType[type] ?? 'VARCHAR';
}

/** The table a plan writes directly. */
function tableOf(plan: Exclude<LoadPlan, { mode: 'staged' }>): DataTable {
  return plan.mode === 'members' ? 'memberships' : plan.mode === 'messages' ? 'messages' : plan.target.table;
}

/** SQL of a message's row_key for a given occurrence (an SQL expression) of the identical message within its file. */
function messageKey(occurrence: string): string {
  return `md5(to_json([sender_id, group_name, epoch_us(sent_at)::VARCHAR, msg_type, content, ${occurrence}])::VARCHAR)`;
}

/** Runs a write and returns how many rows it changed. */
async function changed(sql: Sql, query: string, params?: Params): Promise<number> {
  const result = await sql.raw.run(query, params);
  return Number(result.rowsChanged);
}

/** Prepares the load of an import: where its sheets begin, and the staging tables of a staged plan. */
export async function beginLoad(sql: Sql, plan: LoadPlan, importId: number): Promise<Load> {
  await sql.run(`CREATE OR REPLACE TEMP TABLE stage_sheets (sheet_no INTEGER, sheet VARCHAR, after BIGINT)`);
  if (plan.mode === 'staged') {
    await sql.run(`CREATE OR REPLACE TEMP TABLE stage_raw (${plan.columns.map((c) => `${sqlIdentSafe(c.id)} ${storedType(c.type)}`).join(', ')})`);
    await sql.run(`CREATE OR REPLACE TEMP TABLE stage_touched (seq BIGINT)`);
  }
  return { plan, importId, sheets: [] };
}

/**
 * The number of the sheet a file's rows belong to; a new sheet is noted with the last rowid
 * written before it (only then is the table read: once per sheet, not per file).
 */
async function sheetNo(sql: Sql, load: Load, sheet: string | null): Promise<number> {
  if (load.sheets.length > 0 && load.sheets.at(-1) === sheet) return load.sheets.length - 1;
  const no = load.sheets.push(sheet) - 1;
  if (no === 0) {
    await sql.run(`INSERT INTO stage_sheets VALUES ($no, $sheet, -1)`, { no, sheet });
  } else if (load.plan.mode === 'staged') {
    await sql.run(`INSERT INTO stage_sheets SELECT $no, $sheet, coalesce(max(rowid), -1) FROM stage_raw`, { no, sheet });
  } else {
    const table = tableOf(load.plan);
    await sql.run(`INSERT INTO stage_sheets SELECT $no, $sheet, coalesce(max(rowid), -1) FROM ${table} WHERE import_id = $id`, { no, sheet, id: load.importId });
  }
  return no;
}

/** The field ids a row lacks when no alternative of a natural key applies: each alternative's first field. */
function keyFields(target: MergeTarget): string {
  return target.naturalKey.map((alt) => alt[0]).join(',');
}

/** SQL of the missing-key detail of a member or message row: the ids of its empty key fields. */
function emptyFields(fields: string[]): string {
  return `concat_ws(',', ${fields.map((f) => `CASE WHEN ${sqlIdentSafe(f)} IS NULL THEN '${sqlIdentSafe(f)}' END`).join(', ')})`;
}

/** Key fields of members and messages, whose rows cannot be stored without them. */
const OWN_KEYS = { members: ['group_name', 'member_id'], messages: ['sender_id', 'sent_at'] } as const;

/**
 * Writes one hand-over file: times converted in the project zone, each row keyed. Members and
 * messages without their key fields, and records no natural key applies to, cannot be stored
 * and are left out.
 */
export async function loadFile(sql: Sql, load: Load, file: LoadFile, timeZone: string): Promise<void> {
  const { plan, importId } = load;
  const no = await sheetNo(sql, load, file.sheet);
  const cols = plan.columns.map((c) => ({ id: sqlIdentSafe(c.id), ...csvColumn(c.id, c.type) }));
  // The reader refuses a line longer than its limit: tell it the longest one (its buffer is twice that).
  const maxLine = Math.max(1024 * 1024, Math.ceil(file.maxLineBytes * 1.1) + 1024);
  const read = `read_csv($path, delim = '\u001f', quote = '"', escape = '"', header = false, auto_detect = false, new_line = '\\n',
      allow_quoted_nulls = false, max_line_size = ${maxLine}, buffer_size = ${2 * maxLine}, columns = {${cols.map((c) => `${c.id}: '${c.csv}'`).join(', ')}})`;
  const rows = `SELECT ${cols.map((c) => c.select).join(', ')} FROM ${read}`;
  // DuckDB refuses a bound parameter the statement does not use.
  const params: Params = { path: file.path };
  if (plan.columns.some((c) => c.type === 'time')) params.tz = timeZone;
  if (plan.mode === 'staged') {
    await sql.run(`INSERT INTO stage_raw ${rows}`, params);
    return;
  }
  params.id = importId;
  let written: number;
  if (plan.mode === 'members') {
    written = await changed(
      sql,
      `INSERT INTO memberships (row_key, group_name, member_id, member_name, member_type, join_time, join_way, inviter, staff, leave_time, leave_way, import_id, source_row)
       SELECT ${MEMBERSHIP_KEY}, group_name, member_id, member_name, member_type, join_time, join_way, inviter, staff, leave_time, leave_way, $id, source_row
       FROM (${rows}) WHERE group_name IS NOT NULL AND member_id IS NOT NULL`,
      params,
    );
  } else if (plan.mode === 'messages') {
    written = await changed(
      sql,
      `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, content_nfkc, import_id, source_row)
       SELECT ${messageKey(`'1'`)}, sender_id, sender_name, group_name, sent_at, msg_type, content, content_nfkc, $id, source_row
       FROM (${rows}) WHERE sender_id IS NOT NULL AND sent_at IS NOT NULL`,
      params,
    );
  } else {
    const t = plan.target;
    const targetCols = t.columns.map(sqlIdentSafe).join(', ');
    const filter = t.requireAny?.length ? `WHERE ${t.requireAny.map((f) => `${sqlIdentSafe(f)} IS NOT NULL`).join(' OR ')}` : '';
    written = await changed(
      sql,
      `INSERT INTO ${t.table} (row_key, ${targetCols}, import_id, source_row)
       SELECT md5(natural_key), ${targetCols}, $id, source_row
       FROM (SELECT *, ${naturalKeySql(t)} AS natural_key FROM (${rows}) ${filter}) WHERE natural_key IS NOT NULL`,
      params,
    );
  }
  // The rows left out: read again only when there are any (most files have none).
  if (written === file.rows) return;
  const skip: Params = { ...params, no, sheet: file.sheet };
  let missing: { from: string; where: string; detail: string };
  if (plan.mode === 'direct') {
    skip.fields = keyFields(plan.target);
    missing = { from: `(SELECT source_row, ${naturalKeySql(plan.target)} AS natural_key FROM (${rows}))`, where: 'natural_key IS NULL', detail: '$fields' };
  } else {
    missing = { from: `(${rows})`, where: OWN_KEYS[plan.mode].map((f) => `${f} IS NULL`).join(' OR '), detail: emptyFields([...OWN_KEYS[plan.mode]]) };
  }
  await sql.run(`INSERT INTO import_skips SELECT $id, $no, $sheet, source_row, 'missing_key', ${missing.detail} FROM ${missing.from} WHERE ${missing.where}`, skip);
}

/**
 * A filter for this import's rows of `table` that may share their row_key with another of them:
 * those whose key's 64-bit hash repeats (every repeated key, and rarely a colliding one, which
 * the caller's grouping by the key itself then leaves alone). Grouping a million hashes takes a
 * fraction of the memory of grouping the keys.
 */
function repeatedKeys(table: DataTable): string {
  return `import_id = $id AND hash(row_key) IN (SELECT hash(row_key) FROM ${table} WHERE import_id = $id GROUP BY 1 HAVING count(*) > 1)`;
}

/**
 * Records skipped rows of this import: `rows` is a query of their rowid in the table they were
 * written to (`rid`, which tells their sheet), source_row, reason and detail.
 */
async function recordSkips(sql: Sql, rows: string, importId: number, params: Record<string, string> = {}): Promise<void> {
  await sql.run(
    `INSERT INTO import_skips SELECT $id, s.sheet_no, s.sheet, d.source_row, d.reason, d.detail
     FROM (${rows}) AS d ASOF JOIN stage_sheets AS s ON d.rid > s.after`,
    { id: importId, ...params },
  );
}

/**
 * Of this import's rows of `table`, those whose row_key the project already had, with the import
 * that has it: the temp table `stage_known`. For members, `is_filled` marks a row whose leave
 * fills in an open spell the project had (which counts as added, not skipped).
 *
 * This import's keys are copied into the temp table `stage_new` first: DuckDB knows how many rows
 * a temp table holds, but not how many of a table's rows are still the transaction's own, and
 * joined straight it built its hash table over every row the project had (1.8M keys under the
 * import's memory limit: 0.4–1.2 s a file, growing with the project) instead of over the file's.
 * A message's sent_at joins too (the key is made of it, so equal keys have equal times): its
 * filter, pushed from the file's rows into the scan of the project's, passes only rows at a
 * second some new message has, before any of their keys is compared.
 */
async function findKnown(sql: Sql, table: DataTable, importId: number): Promise<void> {
  const isMembers = table === 'memberships';
  const extra = isMembers ? 'leave_time' : table === 'messages' ? 'sent_at' : null;
  const filled = isMembers ? 'n.leave_time IS NOT NULL AND o.leave_time IS NULL' : 'false';
  const sameTime = table === 'messages' ? 'o.sent_at = n.sent_at AND ' : '';
  // Created, then filled: DuckDB binds no parameters in CREATE TABLE … AS.
  await sql.run(`CREATE OR REPLACE TEMP TABLE stage_known (rid BIGINT, source_row INTEGER, earlier INTEGER, is_filled BOOLEAN)`);
  // A project without rows of this table before (the first file of its kind) has none to find: the copy of a million keys would cost memory for nothing.
  const earlier = await sql.one<{ isAny: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE import_id <> $id) AS isAny`, { id: importId });
  if (!earlier?.isAny) return;
  await sql.run(`CREATE OR REPLACE TEMP TABLE stage_new (rid BIGINT, source_row INTEGER, row_key VARCHAR${extra ? `, ${extra} TIMESTAMPTZ` : ''})`);
  await sql.run(`INSERT INTO stage_new SELECT rowid, source_row, row_key${extra ? `, ${extra}` : ''} FROM ${table} WHERE import_id = $id`, { id: importId });
  await sql.run(
    `INSERT INTO stage_known
     SELECT n.rid, n.source_row, o.import_id AS earlier, ${filled} AS is_filled
     FROM ${table} AS o JOIN stage_new AS n ON ${sameTime}o.row_key = n.row_key
     WHERE o.import_id <> $id`,
    { id: importId },
  );
  await sql.run(`DROP TABLE stage_new`);
  await recordSkips(sql, `SELECT rid, source_row, 'known' AS reason, earlier::VARCHAR AS detail FROM stage_known WHERE NOT is_filled`, importId);
}

/**
 * Drops the rows {@link findKnown} found from this import, recorded as contained (removing their
 * first import keeps them).
 */
async function dropKnown(sql: Sql, table: DataTable, importId: number): Promise<void> {
  const known = `rowid IN (SELECT rid FROM stage_known)`;
  await sql.run(`INSERT INTO import_rows SELECT DISTINCT $id, $table, row_key FROM ${table} WHERE ${known}`, { id: importId, table });
  await sql.run(`DELETE FROM ${table} WHERE ${known}`);
}

/**
 * The rows of a staged import that changed nothing (importStore's stage_touched lacks them), with
 * their reason: no key of the kind's main table, a main row the project had before (named by its
 * import), or else a repeat of a row earlier in the file.
 */
async function recordStagedSkips(sql: Sql, main: MergeTarget, importId: number): Promise<void> {
  const table = sqlIdentSafe(main.table);
  await recordSkips(
    sql,
    `SELECT r.rid, r.source_row,
            CASE WHEN r.natural_key IS NULL THEN 'missing_key' WHEN t.import_id IS DISTINCT FROM $id THEN 'known' ELSE 'duplicate' END AS reason,
            CASE WHEN r.natural_key IS NULL THEN $fields WHEN t.import_id IS DISTINCT FROM $id THEN t.import_id::VARCHAR END AS detail
     FROM (SELECT rowid AS rid, seq, source_row, ${naturalKeySql(main)} AS natural_key FROM stage_raw) AS r
     LEFT JOIN ${table} AS t ON t.row_key = md5(r.natural_key)
     WHERE r.seq NOT IN (SELECT seq FROM stage_touched)`,
    importId,
    { fields: keyFields(main) },
  );
}

async function countOwn(sql: Sql, table: DataTable, importId: number): Promise<number> {
  const row = await sql.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE import_id = $id`, { id: importId });
  return Number(row?.n ?? 0);
}

/**
 * Applies the whole-file rules to this import's rows once every file is written, and returns the counts:
 * - members: duplicate spells within the file (same group, member and join time: the same
 *   row_key) are reduced to one, preferring the row that knows a leave time, then the first; a
 *   spell the project had is not added again, but when it was open and this file shows its
 *   leave, the leave is filled in (remembering this import, so removing it reopens the spell);
 * - messages: identical messages within the file are numbered in file order and the later ones
 *   keyed by their occurrence, so repeated "+1"s in one second all survive and a re-import
 *   matches them; messages the project had are not added again;
 * - a direct kind: of rows with the same natural key within the file the first is kept; rows the
 *   project had are not added again;
 * - a staged kind: merged into each of its tables by importStore.mergeTarget.
 * Only rows whose key occurs more than once in the file are renumbered or reduced, so the common
 * case costs one grouping.
 */
export async function settleLoad(sql: Sql, load: Load, rowsRead: number): Promise<MergeCounts> {
  const { plan, importId } = load;
  if (plan.mode === 'staged') {
    for (const target of plan.targets) await mergeTarget(sql, target, importId);
    await recordStagedSkips(sql, plan.targets[0]!, importId);
    return mergedCounts(sql, rowsRead);
  }
  const table = tableOf(plan);
  const id = { id: importId };
  let filled = 0;
  if (plan.mode === 'messages') {
    await sql.run(
      `UPDATE messages SET row_key = ${messageKey('d.occurrence::VARCHAR')}
       FROM (SELECT rid, occurrence FROM (SELECT rowid AS rid, row_number() OVER (PARTITION BY row_key ORDER BY rowid) AS occurrence
                                          FROM messages WHERE ${repeatedKeys('messages')})
             WHERE occurrence > 1) AS d
       WHERE messages.rowid = d.rid`,
      id,
    );
    await findKnown(sql, table, importId);
    await dropKnown(sql, table, importId);
  } else {
    const order = plan.mode === 'members' ? 'leave_time NULLS LAST, rowid' : 'rowid';
    // The repeats, each naming the row kept.
    await sql.run(`CREATE OR REPLACE TEMP TABLE stage_skipped (rid BIGINT, source_row INTEGER, detail VARCHAR)`);
    await sql.run(
      `INSERT INTO stage_skipped
       SELECT rid, source_row, kept::VARCHAR AS detail FROM (
         SELECT rowid AS rid, source_row, row_number() OVER w AS rn, first_value(source_row) OVER w AS kept
         FROM ${table} WHERE ${repeatedKeys(table)} WINDOW w AS (PARTITION BY row_key ORDER BY ${order}))
       WHERE rn > 1`,
      id,
    );
    await recordSkips(sql, `SELECT rid, source_row, 'duplicate' AS reason, detail FROM stage_skipped`, importId);
    await sql.run(`DELETE FROM ${table} WHERE rowid IN (SELECT rid FROM stage_skipped)`);
    await findKnown(sql, table, importId);
    if (plan.mode === 'members') {
      filled = await changed(
        sql,
        `UPDATE memberships AS m SET leave_time = n.leave_time, leave_way = n.leave_way, leave_import_id = $id
         FROM (SELECT row_key, leave_time, leave_way FROM memberships WHERE import_id = $id AND leave_time IS NOT NULL) AS n
         WHERE m.row_key = n.row_key AND m.import_id <> $id AND m.leave_time IS NULL`,
        id,
      );
    }
    await dropKnown(sql, table, importId);
  }
  const added = (await countOwn(sql, table, importId)) + filled;
  return { added, skipped: rowsRead - added };
}
