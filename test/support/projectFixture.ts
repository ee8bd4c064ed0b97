/** Temp projects filled with rows by SQL, for store and handler tests. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { closeProjectFile, createProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { ProjectDb, type Sql } from '../../src-main/db/projectDb';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

/** A membership spell; times are any string DuckDB casts to TIMESTAMPTZ (give the offset). */
export interface SpellRow {
  group: string;
  id: string;
  name?: string;
  join: string | null;
  leave?: string | null;
  joinWay?: string;
}

/** A message; `group` null is a one-to-one chat. */
export interface MessageRowIn {
  id: string;
  group: string | null;
  at: string;
  name?: string;
  type?: string;
  content?: string | null;
}

/** A temp folder removed by {@link TempProject.dispose}. */
export interface TempProject {
  dir: string;
  project: OpenProject;
  dispose(): Promise<void>;
}

/** Creates an empty project in a fresh temp folder. */
export async function tempProject(timeZone = 'Asia/Shanghai'): Promise<TempProject> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-test-'));
  const project = await createProjectFile(path.join(dir, 'p.qunxi'), timeZone, withDerivedTables);
  return {
    dir,
    project,
    dispose: async () => {
      await closeProjectFile(project).catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Rows one statement of {@link insertRows} carries. */
const ROWS_PER_INSERT = 500;

/**
 * Inserts `rows` in their order, `INSERT INTO <into> VALUES (<tuple>), (<tuple>), …` with each row's
 * values bound to its tuple's placeholders, 500 rows a statement: the same rows as a statement per
 * row, which made the fixtures' set-up the larger part of some files (the 300-member lookalike
 * fixture's 2,400 rows: 3.8 CPU-s, 6.3 s at load 15).
 */
export async function insertRows(sql: Sql, into: string, tuple: string, rows: DuckDBValue[][]): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    const chunk = rows.slice(at, at + ROWS_PER_INSERT);
    await sql.run(`INSERT INTO ${into} VALUES ${chunk.map(() => `(${tuple})`).join(', ')}`, chunk.flat());
  }
}

/** Inserts membership spells. */
export async function insertSpells(project: OpenProject, rows: SpellRow[]): Promise<void> {
  await project.db.transaction((sql) =>
    insertRows(
      sql,
      'memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id)',
      '?, ?, ?, NULL, CAST(? AS TIMESTAMPTZ), ?, NULL, CAST(? AS TIMESTAMPTZ), NULL, 1',
      rows.map((r) => [r.group, r.id, r.name ?? r.id, r.join, r.joinWay ?? null, r.leave ?? null]),
    ),
  );
}

/** Inserts messages. */
export async function insertMessages(project: OpenProject, rows: MessageRowIn[]): Promise<void> {
  await project.db.transaction((sql) =>
    insertRows(
      sql,
      'messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)',
      '?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, 1',
      rows.map((r, n) => [`k${n}`, r.id, r.name ?? r.id, r.group, r.at, r.type ?? 'text', r.content ?? null]),
    ),
  );
}

/** Closes the project so a child process can open the file. */
export async function closeProject(t: TempProject): Promise<void> {
  await closeProjectFile(t.project);
}

/** A customer-list row; only the identity columns. */
export interface CustomerRowIn {
  name?: string | null;
  externalUserid?: string | null;
  unionid?: string | null;
  phone?: string | null;
  isPhoneMasked?: boolean;
  sourceRow?: number;
}

/** Inserts customer-list rows (source_row defaults to the position, from 2 like a sheet under its header). */
export async function insertCustomers(project: OpenProject, rows: CustomerRowIn[], importId = 1): Promise<void> {
  await project.db.transaction((sql) =>
    insertRows(
      sql,
      'customers (row_key, customer_name, external_userid, unionid, phone, is_phone_masked, import_id, source_row)',
      '?, ?, ?, ?, ?, ?, ?, ?',
      rows.map((r, i) => [`c${importId}-${i}`, r.name ?? null, r.externalUserid ?? null, r.unionid ?? null, r.phone ?? null, r.isPhoneMasked ?? false, importId, r.sourceRow ?? i + 2]),
    ),
  );
}

/** An order; amounts in yuan as strings or numbers, `paidAt` null for an unpaid or cancelled order. */
export interface OrderRowIn {
  orderNo: string;
  paidAt: string | null;
  paid: number | string;
  refunded?: number | string;
  buyerName?: string | null;
  buyerPhone?: string | null;
  isPhoneMasked?: boolean;
  status?: string;
}

/** Inserts orders. */
export async function insertOrders(project: OpenProject, rows: OrderRowIn[], importId = 2): Promise<void> {
  await project.db.transaction((sql) =>
    insertRows(
      sql,
      'orders (row_key, order_no, status, paid_at, paid_amount, refunded_amount, buyer_name, buyer_phone, is_phone_masked, import_id, source_row)',
      '?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS DECIMAL(18, 2)), CAST(? AS DECIMAL(18, 2)), ?, ?, ?, ?, ?',
      rows.map((r, i) => [
          `o${importId}-${r.orderNo}`,
          r.orderNo,
          r.status ?? (r.paidAt ? '已完成' : '已关闭'),
          r.paidAt,
          String(r.paid),
          String(r.refunded ?? 0),
          r.buyerName ?? null,
          r.buyerPhone ?? null,
          r.isPhoneMasked ?? false,
          importId,
          i + 2,
        ]),
    ),
  );
}

/** Records an import, so listings can show its file name. */
export async function insertImport(project: OpenProject, importId: number, fileName: string, kind: string): Promise<void> {
  await project.db.use((sql) =>
    sql.run(
      `INSERT INTO imports (import_id, file_name, file_hash, kind, imported_at, rows_read, rows_added, rows_skipped) VALUES (?, ?, ?, ?, now(), 0, 0, 0)`,
      [importId, fileName, `h${importId}`, kind],
    ),
  );
}

/**
 * Opens the project file in DuckDB's own read-only mode (root ignores permission bits), with the
 * derived tables' preparer as a project open read-only has it, runs `check`, and closes it.
 */
export async function withReadOnlyOpen(file: string, check: (db: ProjectDb) => Promise<void>): Promise<void> {
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    db.setPreparer(withDerivedTables.prepare);
    await check(db);
  } finally {
    await db.close();
  }
}
