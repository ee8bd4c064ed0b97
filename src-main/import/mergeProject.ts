/**
 * 合并项目 (DESIGN §7 "Working as a team"): another project's data imported into this one under the
 * re-import rules, as if its export files were imported here one by one, in its order:
 * - a file this project already imported (the same bytes, by file hash) adds nothing, as a second
 *   import of it would not; so merging the same project twice changes nothing;
 * - every other import becomes an import of this project (its history lists it, removing it works
 *   as for any import): the rows its file held that this project lacks are added under it, the
 *   rows it already has are recorded as contained (never counted twice);
 * - a membership spell this project has open gets the leave the file showed; an order gets the
 *   status and refund values the file showed, the old ones kept in row_updates (as importStore's
 *   mergeTarget does).
 * The rows a file held are what the other project kept of it: the rows it added and those it
 * recorded as contained. Values a later import of the other project changed are taken as that file
 * showed them: an order's from the first later update's `previous`, a spell's leave only when no
 * later import filled it in.
 * Everything is one transaction: a failure leaves this project as it was.
 */
import path from 'node:path';
import { AppError } from '../contract/appError';
import type { MergeResult } from '../contract';
import { DATA_TABLES, nextImportId, type DataTable } from '../db/importStore';
import { sqlIdent, sqlLiteral, type Params, type Sql } from '../db/projectDb';
import { closeProjectFile, inspectProjectFile, openProjectFile, type OpenProject } from '../db/projectFile';
import { FORMAT_VERSION } from '../db/schema';
import { sharingText } from '../locale/sharing';

/** What a merge did (the contract's answer). */
export type MergeSummary = MergeResult;

const SRC = 'qx_merge_src';

/** Columns updated from a later file (importStore's `updatable` of orders, kinds/index.ts). */
const ORDER_UPDATABLE = ['status', 'refunded_amount', 'refund_status'] as const;

/** A table's columns in this project, in order. */
async function columnsOf(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql.all<{ c: string }>(
    `SELECT column_name AS c FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index`,
    [table],
  );
  return rows.map((r) => r.c);
}

async function count(sql: Sql, query: string, params?: Params): Promise<number> {
  const row = await sql.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM (${query})`, params);
  return Number(row?.n ?? 0);
}

/**
 * The rows of `table` the other project's import `$src` held, as that file showed them: a temp
 * table `merge_rows` with the table's columns.
 */
async function fileRows(sql: Sql, table: DataTable, cols: string[], src: number): Promise<void> {
  const select = cols.map((c) => {
    const col = `r.${sqlIdent(c)}`;
    if (table === 'memberships' && ['leave_time', 'leave_way'].includes(c)) {
      // A leave a later import filled in was not in this file.
      return `CASE WHEN r.leave_import_id IS NULL OR r.leave_import_id <= $src THEN ${col} END AS ${sqlIdent(c)}`;
    }
    if (table === 'memberships' && c === 'leave_import_id') return `NULL::INTEGER AS leave_import_id`;
    if (table === 'orders' && (ORDER_UPDATABLE as readonly string[]).includes(c)) {
      return `coalesce(CAST(json_extract_string(u.previous, '$.${c}') AS ${c === 'refunded_amount' ? 'DECIMAL(18, 2)' : 'VARCHAR'}), CASE WHEN u.previous IS NULL THEN ${col} END) AS ${sqlIdent(c)}`;
    }
    return `${col} AS ${sqlIdent(c)}`;
  });
  // An order's values as of this file: the `previous` of the first update after it, else as they are now.
  const updates = table === 'orders'
    ? `LEFT JOIN (SELECT row_key, arg_min(previous, import_id) AS previous FROM ${SRC}.row_updates WHERE table_name = 'orders' AND import_id > $src GROUP BY row_key) u ON u.row_key = r.row_key`
    : '';
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE merge_rows AS
     SELECT ${select.join(', ')} FROM ${SRC}.${table} r ${updates}
     WHERE r.import_id = $src OR r.row_key IN (SELECT row_key FROM ${SRC}.import_rows WHERE import_id = $src AND table_name = ${sqlLiteral(table)})
     ORDER BY r.rowid`,
    { src },
  );
}

/** Merges one file's rows of one table under import `$id`; returns [added, existing]. */
async function mergeTable(sql: Sql, table: DataTable, cols: string[], id: number): Promise<[number, number]> {
  const t = sqlIdent(table);
  const known = `SELECT row_key FROM ${t}`;
  const existing = await count(sql, `SELECT DISTINCT row_key FROM merge_rows WHERE row_key IN (${known})`);
  await sql.run(
    `INSERT INTO import_rows SELECT DISTINCT $id, ${sqlLiteral(table)}, row_key FROM merge_rows WHERE row_key IN (${known})`,
    { id },
  );
  let changed = 0;
  if (table === 'memberships') {
    const fill = `FROM (SELECT row_key, any_value(leave_time) AS leave_time, any_value(leave_way) AS leave_way FROM merge_rows WHERE leave_time IS NOT NULL GROUP BY row_key) AS n
                  WHERE m.row_key = n.row_key AND m.leave_time IS NULL`;
    changed += await count(sql, `SELECT 1 FROM memberships AS m, ${fill.slice(5)}`);
    await sql.run(`UPDATE memberships AS m SET leave_time = n.leave_time, leave_way = n.leave_way, leave_import_id = $id ${fill}`, { id });
  }
  if (table === 'orders') {
    const cs = ORDER_UPDATABLE.map(sqlIdent);
    const differs = cs.map((c) => `(s.${c} IS NOT NULL AND s.${c} IS DISTINCT FROM t.${c})`).join(' OR ');
    await sql.run(
      `INSERT INTO row_updates (import_id, table_name, row_key, previous)
       SELECT $id, 'orders', t.row_key, to_json({${cs.map((c) => `${c}: t.${c}`).join(', ')}})::VARCHAR FROM orders AS t JOIN merge_rows AS s ON s.row_key = t.row_key WHERE ${differs}`,
      { id },
    );
    changed += await count(sql, `SELECT 1 FROM orders AS t JOIN merge_rows AS s ON s.row_key = t.row_key WHERE ${differs}`);
    await sql.run(
      `UPDATE orders AS t SET ${cs.map((c) => `${c} = coalesce(s.${c}, t.${c})`).join(', ')} FROM merge_rows AS s WHERE s.row_key = t.row_key AND (${differs})`,
    );
  }
  const added = await count(sql, `SELECT 1 FROM merge_rows WHERE row_key NOT IN (${known})`);
  const values = cols.map((c) => (c === 'import_id' ? '$id' : sqlIdent(c)));
  await sql.run(`INSERT INTO ${t} (${cols.map(sqlIdent).join(', ')}) SELECT ${values.join(', ')} FROM merge_rows WHERE row_key NOT IN (${known})`, { id });
  return [added + changed, existing];
}

/** Merges the project file `other` into the open `project` (see the module comment). */
export async function mergeProject(project: OpenProject, other: string): Promise<MergeSummary> {
  project.db.assertWritable();
  const abs = path.resolve(other);
  if (abs === project.path) throw new AppError('INVALID_REQUEST', sharingText.mergeSelf);
  // The same checks as an open (a Qunxi project of a format this build reads, whole), without writing to it.
  const { version } = await inspectProjectFile(abs);
  // An older format is brought up to date first, as opening it would.
  if (version < FORMAT_VERSION) await closeProjectFile(await openProjectFile(abs));
  const summary: MergeSummary = { imports: 0, skippedFiles: 0, added: 0, existing: 0 };
  await project.db.useUnprepared(async (sql) => {
    await sql.run(`ATTACH ${sqlLiteral(abs)} AS ${SRC} (READ_ONLY)`);
    try {
      const zone = await sql.one<{ value: string }>(`SELECT value FROM ${SRC}.meta WHERE key = 'time_zone'`);
      if (zone && zone.value !== project.timeZone) {
        throw new AppError('INVALID_REQUEST', sharingText.mergeTimeZone(path.basename(abs), zone.value, project.timeZone));
      }
      const sources = await sql.all<{ import_id: number; file_name: string; file_hash: string; kind: string; rows_read: number; problem_count: number | null; problems: string | null }>(
        `SELECT import_id, file_name, file_hash, kind, rows_read, problem_count, problems FROM ${SRC}.imports ORDER BY import_id`,
      );
      await sql.run('BEGIN TRANSACTION');
      try {
        const columns = new Map<DataTable, string[]>();
        for (const table of DATA_TABLES) columns.set(table, await columnsOf(sql, table));
        for (const src of sources) {
          // The same file imported twice adds nothing (importFile.ts stops at a known hash).
          if (await count(sql, `SELECT 1 FROM imports WHERE file_hash = $hash`, { hash: src.file_hash })) {
            summary.skippedFiles++;
            continue;
          }
          const id = await nextImportId(sql);
          let added = 0;
          for (const table of DATA_TABLES) {
            const cols = columns.get(table)!;
            await fileRows(sql, table, cols, Number(src.import_id));
            const [a, e] = await mergeTable(sql, table, cols, id);
            added += a;
            summary.existing += e;
          }
          await sql.run(
            `INSERT INTO imports (import_id, file_name, file_hash, kind, imported_at, rows_read, rows_added, rows_skipped, problem_count, problems)
             VALUES ($id, $name, $hash, $kind, now(), $read, $added, $skipped, $pc, $problems)`,
            {
              id, name: src.file_name, hash: src.file_hash, kind: src.kind, read: Number(src.rows_read), added,
              skipped: Math.max(0, Number(src.rows_read) - added), pc: Number(src.problem_count ?? 0), problems: src.problems ?? '[]',
            },
          );
          summary.imports++;
          summary.added += added;
        }
        await sql.run('DROP TABLE IF EXISTS merge_rows');
        await project.db.commitWhenIdle(sql);
      } catch (e) {
        await sql.raw.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    } finally {
      await sql.run(`DETACH ${SRC}`).catch(() => undefined);
    }
  });
  await project.db.checkpoint();
  return summary;
}
