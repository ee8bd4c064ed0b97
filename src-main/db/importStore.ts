/**
 * SQL of the importer: the import records, the generic merge of staged records into the project
 * tables, and removing an import. Loading the parsing worker's files is importLoad.ts. Every
 * function runs on the caller's connection, so the import transaction spans them all.
 */
import { skipReasons, type ImportKind, type ImportRecord, type SkipCount, type SkipReason } from '../contract/import';
import type { ProjectDb, Sql } from './projectDb';

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
  problem_count: number | null;
  problems: string | null;
}

const SELECT_IMPORTS = `SELECT import_id, file_name, file_hash, kind,
    strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at, rows_read, rows_added, rows_skipped, problem_count, problems
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
    problemCount: Number(r.problem_count ?? 0),
    problems: r.problems ? (JSON.parse(r.problems) as string[]) : [],
  };
}

/**
 * The skipped rows of each import by reason, largest first (ties in the contract's order); what an import skipped beyond the rows
 * listed (imports made before they were, 合并项目) counts as `not_recorded`.
 */
function withReasons(records: ImportRecord[], counts: { import_id: number; reason: string; n: number }[]): ImportRecord[] {
  return records.map((r) => {
    const own: SkipCount[] = counts.filter((c) => Number(c.import_id) === r.importId).map((c) => ({ reason: c.reason as SkipReason, count: Number(c.n) }));
    const unlisted = r.rowsSkipped - own.reduce((sum, c) => sum + c.count, 0);
    if (unlisted > 0) own.push({ reason: 'not_recorded', count: unlisted });
    return { ...r, skippedByReason: own.sort((a, b) => b.count - a.count || skipReasons.indexOf(a.reason) - skipReasons.indexOf(b.reason)) };
  });
}

const SKIP_COUNTS = `SELECT import_id, reason, count(*)::INTEGER AS n FROM import_skips`;

/** All imports of the project, oldest first. */
export async function listImports(db: ProjectDb): Promise<ImportRecord[]> {
  const rows = await db.all<ImportRow>(`${SELECT_IMPORTS} ORDER BY import_id`);
  const counts = await db.all<{ import_id: number; reason: string; n: number }>(`${SKIP_COUNTS} GROUP BY ALL`);
  return withReasons(rows.map(toRecord), counts);
}

/** One import's record with its skipped rows by reason, on the caller's connection (inside the import's transaction too). */
export async function importWithReasons(sql: Sql, rec: ImportRecord): Promise<ImportRecord> {
  const counts = await sql.all<{ import_id: number; reason: string; n: number }>(`${SKIP_COUNTS} WHERE import_id = $id GROUP BY ALL`, { id: rec.importId });
  return withReasons([rec], counts)[0]!;
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
  await sql.run(
    `INSERT INTO imports (import_id, file_name, file_hash, kind, imported_at, rows_read, rows_added, rows_skipped, problem_count, problems)
     VALUES ($id, $name, $hash, $kind, $at::TIMESTAMPTZ, $read, $added, $skipped, $problemCount, $problems)`,
    {
    id: rec.importId,
    name: rec.fileName,
    hash: rec.fileHash,
    kind: rec.kind,
    at: rec.importedAt,
    read: rec.rowsRead,
    added: rec.rowsAdded,
    skipped: rec.rowsSkipped,
    problemCount: rec.problemCount ?? 0,
    problems: JSON.stringify(rec.problems ?? []),
    },
  );
}

/** Wall-clock text in the project zone (bound as `$tz`), or an ISO instant ending in Z, as TIMESTAMPTZ. */
export function timeExpr(col: string): string {
  return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} LIKE '%Z' THEN ${col}::TIMESTAMPTZ ELSE timezone($tz, ${col}::TIMESTAMP) END`;
}

/** Table names a merge may write (bound into no statement as identifiers unless they are in this list). */
export const DATA_TABLES = [
  'memberships',
  'messages',
  'customers',
  'customer_groups',
  'group_stats',
  'contact_stats',
  'churn_events',
  'orders',
  'order_items',
  'official_account_daily',
  'ad_costs',
  'survey_responses',
] as const;
/** A table an import writes. */
export type DataTable = (typeof DATA_TABLES)[number];

/** Records the rows of a staging table that `table` already holds: this import contained them too, so removing their first import keeps them. */
export async function recordContained(sql: Sql, table: DataTable, stage: string, importId: number): Promise<void> {
  await sql.run(
    `INSERT INTO import_rows (import_id, table_name, row_key)
     SELECT DISTINCT $id, $table, s.row_key FROM ${stage} AS s WHERE s.row_key IN (SELECT row_key FROM ${table})`,
    { id: importId, table },
  );
}

/** Value type of a staged column: the kind registry's field types, plus the bookkeeping columns' own. */
export type StageType = 'text' | 'time' | 'date' | 'number' | 'money' | 'percent' | 'phone' | 'json' | 'integer' | 'bigint' | 'boolean';

/** Column names come from the kind registry, never from a file; still, only plain identifiers pass. */
export function sqlIdentSafe(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return name;
}

/** How staged records land in one table. */
export interface MergeTarget {
  table: DataTable;
  /** Staged columns copied into the table (besides row_key, import_id and source_row). */
  columns: string[];
  /** Types of the key fields. */
  types: Record<string, StageType>;
  /** Key alternatives, tried in order; one applies when its first field is present (an unmasked phone for phone fields). */
  naturalKey: string[][];
  /** Only rows with at least one of these fields belong to this table (e.g. the product of an item-level order row). */
  requireAny?: string[];
  /** Rows with the same key within one file are all kept, numbered (order items), instead of reduced to the first. */
  isRepeatable?: boolean;
  /** Columns a later import may change on an existing row; the old values are kept in row_updates. */
  updatable?: string[];
  /**
   * Columns that, when a file leaves them empty, are rolled up from all of the file's rows with the
   * same key: the sum of a number, or the distinct texts joined (an order's amount and product list
   * from its item rows).
   */
  rollups?: { column: string; from: string; how: 'sum' | 'list' }[];
}

/** SQL of a row's natural key (JSON text) over the staged columns, or NULL when no alternative applies. */
export function naturalKeySql(target: MergeTarget): string {
  const asText = (f: string) => (target.types[f] === 'time' ? `epoch_us(${sqlIdentSafe(f)})::VARCHAR` : `${sqlIdentSafe(f)}::VARCHAR`);
  const present = (f: string) =>
    target.types[f] === 'phone' ? `(${sqlIdentSafe(f)} IS NOT NULL AND NOT coalesce(is_phone_masked, false))` : `${sqlIdentSafe(f)} IS NOT NULL`;
  const cases = target.naturalKey.map((alt, i) => `WHEN ${present(alt[0])} THEN to_json(['${i}', ${alt.map(asText).join(', ')}])::VARCHAR`);
  return `CASE ${cases.join(' ')} END`;
}

/**
 * Merges `stage_raw` into one table: rows whose key the table lacks are added; rows it has are
 * recorded in import_rows; where the target has updatable columns, differing non-empty values
 * overwrite the stored ones (old values saved in row_updates). Every file row that added or
 * changed something is noted in `stage_touched`.
 */
export async function mergeTarget(sql: Sql, target: MergeTarget, importId: number): Promise<void> {
  const table = target.table;
  if (!DATA_TABLES.includes(table)) throw new Error(`not a data table: ${table}`);
  const cols = target.columns.map(sqlIdentSafe);
  const filter = target.requireAny?.length ? `WHERE ${target.requireAny.map((f) => `${sqlIdentSafe(f)} IS NOT NULL`).join(' OR ')}` : '';
  const keyed = target.isRepeatable ? `natural_key || '#' || occurrence::VARCHAR` : 'natural_key';
  const whole = `OVER (PARTITION BY natural_key ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
  const rollups = (target.rollups ?? []).map((r) => ({ ...r, column: sqlIdentSafe(r.column), from: sqlIdentSafe(r.from), as: `rollup_${sqlIdentSafe(r.column)}` }));
  const rolled = rollups.map((r) => `${r.how === 'sum' ? 'sum' : 'list'}(${r.from}) ${whole} AS ${r.as}`);
  const selected = cols.map((c) => {
    const r = rollups.find((x) => x.column === c);
    if (!r) return c;
    // Distinct texts in file order (list_distinct does not keep it).
    // eslint-disable-next-line no-restricted-syntax -- the separator of a stored, rolled-up value (data the analyses read), not UI text
    const rolledUp = r.how === 'sum' ? r.as : `nullif(array_to_string(list_filter(${r.as}, (v, i) -> list_position(${r.as}, v) = i), '、'), '')`;
    return `coalesce(${c}, ${rolledUp}) AS ${c}`;
  });
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE stage_target AS
     WITH k AS (SELECT *, ${naturalKeySql(target)} AS natural_key FROM stage_raw ${filter}),
     n AS (SELECT *, ${['row_number() OVER (PARTITION BY natural_key ORDER BY seq) AS occurrence', ...rolled].join(', ')} FROM k WHERE natural_key IS NOT NULL)
     SELECT md5(${keyed}) AS row_key, seq, source_row, ${selected.join(', ')} FROM n ${target.isRepeatable ? '' : 'WHERE occurrence = 1'}`,
  );
  await recordContained(sql, table, 'stage_target', importId);
  const upd = (target.updatable ?? []).map(sqlIdentSafe);
  if (upd.length > 0) {
    const differs = upd.map((c) => `(s.${c} IS NOT NULL AND s.${c} IS DISTINCT FROM t.${c})`).join(' OR ');
    await sql.run(
      `INSERT INTO row_updates (import_id, table_name, row_key, previous)
       SELECT $id, $table, t.row_key, to_json({${upd.map((c) => `${c}: t.${c}`).join(', ')}})::VARCHAR
       FROM ${table} AS t JOIN stage_target AS s ON s.row_key = t.row_key WHERE ${differs}`,
      { id: importId, table },
    );
    await sql.run(
      `INSERT INTO stage_touched SELECT s.seq FROM stage_target AS s JOIN ${table} AS t ON s.row_key = t.row_key WHERE ${differs}`,
    );
    await sql.run(
      `UPDATE ${table} AS t SET ${upd.map((c) => `${c} = coalesce(s.${c}, t.${c})`).join(', ')}
       FROM stage_target AS s WHERE s.row_key = t.row_key AND (${differs})`,
    );
  }
  await sql.run(`INSERT INTO stage_touched SELECT seq FROM stage_target WHERE row_key NOT IN (SELECT row_key FROM ${table})`);
  await sql.run(
    `INSERT INTO ${table} (row_key, ${cols.join(', ')}, import_id, source_row)
     SELECT row_key, ${cols.join(', ')}, $id, source_row FROM stage_target
     WHERE row_key NOT IN (SELECT row_key FROM ${table})`,
    { id: importId },
  );
  await sql.run(`DROP TABLE IF EXISTS stage_target`);
}

/** Counts of a generic merge: a file row counts as added when it brought or changed at least one row. */
export async function mergedCounts(sql: Sql, rowsRead: number): Promise<MergeCounts> {
  const row = await sql.one<{ n: number }>(`SELECT count(DISTINCT seq)::INTEGER AS n FROM stage_touched`);
  const added = Number(row?.n ?? 0);
  return { added, skipped: rowsRead - added };
}

/** Drops the staging tables of this connection. */
export async function dropStaging(sql: Sql): Promise<void> {
  for (const t of ['stage_raw', 'stage_target', 'stage_touched', 'stage_sheets', 'stage_known', 'stage_new', 'stage_skipped']) await sql.run(`DROP TABLE IF EXISTS ${t}`);
}

/**
 * Removes an import, leaving the project as if it had never happened:
 * - rows it first brought are deleted, unless a later import also contained them (import_rows):
 *   those are handed to the earliest such import instead;
 * - membership spells whose leave it filled in are reopened;
 * - values it overwrote on existing rows (order status and refunds) are restored, or, when a
 *   later import overwrote them again, that import's saved old values become the ones it had.
 * Limitation: a later import that merely contained a spell whose leave this import filled does
 * not take the leave over, even if its own file showed the same leave; re-import it to restore that.
 */
export async function removeImport(sql: Sql, importId: number): Promise<void> {
  await sql.run(
    `UPDATE memberships SET leave_time = NULL, leave_way = NULL, leave_import_id = NULL WHERE leave_import_id = $id`,
    { id: importId },
  );
  // Undo its overwrites, latest first per row; a later overwrite inherits the values from before this one.
  await sql.run(
    `UPDATE row_updates AS later SET previous = u.previous
     FROM row_updates AS u
     WHERE u.import_id = $id AND later.table_name = u.table_name AND later.row_key = u.row_key
       AND later.import_id = (SELECT min(x.import_id) FROM row_updates AS x WHERE x.table_name = u.table_name AND x.row_key = u.row_key AND x.import_id > $id)`,
    { id: importId },
  );
  const restorable = await sql.all<{ table_name: string }>(`SELECT DISTINCT table_name FROM row_updates WHERE import_id = $id`, { id: importId });
  for (const { table_name } of restorable) {
    const table = DATA_TABLES.find((t) => t === table_name);
    if (!table) continue;
    const cols = await sql.all<{ name: string }>(`SELECT DISTINCT unnest(json_keys(previous)) AS name FROM row_updates WHERE import_id = $id AND table_name = $table`, {
      id: importId,
      table,
    });
    const colTypes = await sql.all<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $table AND database_name = current_database()`,
      { table },
    );
    const sets = cols
      .map((c) => sqlIdentSafe(c.name))
      .map((c) => `${c} = CAST(json_extract_string(u.previous, '$.${c}') AS ${colTypes.find((t) => t.column_name === c)?.data_type ?? 'VARCHAR'})`);
    if (sets.length === 0) continue;
    await sql.run(
      `UPDATE ${table} AS t SET ${sets.join(', ')}
       FROM row_updates AS u
       WHERE u.import_id = $id AND u.table_name = $table AND u.row_key = t.row_key
         AND NOT EXISTS (SELECT 1 FROM row_updates AS x WHERE x.table_name = u.table_name AND x.row_key = u.row_key AND x.import_id > $id)`,
      { id: importId, table },
    );
  }
  await sql.run(`DELETE FROM row_updates WHERE import_id = $id`, { id: importId });

  for (const table of DATA_TABLES) {
    // Rows it brought that a later import also contained: the earliest of those becomes their import.
    await sql.run(
      `UPDATE ${table} AS t SET import_id = h.heir
       FROM (SELECT table_name, row_key, min(import_id) AS heir FROM import_rows WHERE table_name = $table AND import_id <> $id GROUP BY ALL) AS h
       WHERE t.import_id = $id AND h.row_key = t.row_key`,
      { id: importId, table },
    );
    // The heir now brought those rows: its own record of containing them, and of overwriting them, goes.
    await sql.run(
      `DELETE FROM row_updates AS u USING ${table} AS t
       WHERE u.table_name = $table AND u.row_key = t.row_key AND u.import_id = t.import_id`,
      { table },
    );
    await sql.run(
      `DELETE FROM import_rows AS r USING ${table} AS t
       WHERE r.table_name = $table AND r.row_key = t.row_key AND r.import_id = t.import_id`,
      { table },
    );
    await sql.run(`DELETE FROM ${table} WHERE import_id = $id`, { id: importId });
  }
  await sql.run(`DELETE FROM import_rows WHERE import_id = $id`, { id: importId });
  await sql.run(`DELETE FROM import_skips WHERE import_id = $id`, { id: importId });
  await sql.run(`DELETE FROM imports WHERE import_id = $id`, { id: importId });
}
