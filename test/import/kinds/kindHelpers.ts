import path from 'node:path';
import type { ImportKind } from '../../../src-main/contract';
import { importFile } from '../../../src-main/import/importFile';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { writeXlsx } from '../helpers';

let fileNo = 0;

/** Writes rows to a fresh one-sheet workbook in `dir` and imports it. */
export async function importRows(project: OpenProject, dir: string, rows: unknown[][], opts: { kind?: ImportKind; name?: string } = {}) {
  const file = await writeXlsx(path.join(dir, opts.name ?? `f${++fileNo}.xlsx`), { Sheet1: rows });
  return importFile(project, { path: file, fileName: path.basename(file) }, { tempDir: path.join(dir, 'tmp'), kind: opts.kind });
}

/** Row count of a table. */
export async function count(project: OpenProject, table: string): Promise<number> {
  const [r] = await project.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  return r.n;
}
