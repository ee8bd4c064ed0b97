import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { closeProjectFile, createProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

/** A temp folder with a fresh project in it; `cleanup` closes and removes everything. */
export async function tempProject(): Promise<{ dir: string; project: OpenProject; tempDir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-import-'));
  const project = await createProjectFile(path.join(dir, 'p.qunxi'), undefined, withDerivedTables);
  return {
    dir,
    project,
    tempDir: path.join(dir, 'tmp'),
    cleanup: async () => {
      await closeProjectFile(project).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a one-sheet (or several-sheet) workbook with exceljs. */
export async function writeXlsx(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  // writeBuffer, not writeFile: exceljs's writeFile can end the file stream before the zip is fully piped.
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** Writes a big workbook row by row with the streaming writer. */
export async function writeLargeXlsx(file: string, header: string[], rowCount: number, row: (i: number) => unknown[]): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header).commit();
  for (let i = 0; i < rowCount; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  return file;
}

/** Writes CSV text, optionally with a UTF-8 BOM. */
export async function writeCsv(file: string, rows: string[][], opts: { hasBom?: boolean } = {}): Promise<string> {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  await writeFile(file, (opts.hasBom ? '\ufeff' : '') + text, 'utf8');
  return file;
}

/** Member rows as local wall-clock text, for comparing stored instants in the project zone. */
export async function memberships(project: OpenProject) {
  return project.db.all<{ group_name: string; member_id: string; member_name: string | null; join_time: string | null; leave_time: string | null; leave_way: string | null }>(
    `SELECT group_name, member_id, member_name,
        strftime(timezone('Asia/Shanghai', join_time), '%Y-%m-%d %H:%M:%S') AS join_time,
        strftime(timezone('Asia/Shanghai', leave_time), '%Y-%m-%d %H:%M:%S') AS leave_time, leave_way
     FROM memberships ORDER BY group_name, member_id, join_time`,
  );
}

/** Message rows with `sent_at` as local wall-clock text and as a UTC ISO instant. */
export async function messages(project: OpenProject) {
  return project.db.all<{ sender_id: string; sender_name: string | null; group_name: string | null; local: string; utc: string; msg_type: string | null; content: string | null }>(
    `SELECT sender_id, sender_name, group_name, strftime(timezone('Asia/Shanghai', sent_at), '%Y-%m-%d %H:%M:%S') AS local,
        strftime(sent_at, '%Y-%m-%dT%H:%M:%SZ') AS utc, msg_type, content
     FROM messages ORDER BY sent_at, sender_id, content`,
  );
}

/** Row counts of the data tables. */
export async function counts(project: OpenProject) {
  const [r] = await project.db.all<{ m: number; g: number; i: number }>(
    `SELECT (SELECT count(*) FROM memberships)::INTEGER AS m, (SELECT count(*) FROM messages)::INTEGER AS g, (SELECT count(*) FROM imports)::INTEGER AS i`,
  );
  return { memberships: r.m, messages: r.g, imports: r.i };
}
