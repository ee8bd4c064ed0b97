// Imports one export into a project with the real importer (worker + DuckDB), as the app does.
import path from 'node:path';
import { importFile } from '../../src-main/import/importFile';
import { closeProjectFile, createProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { existsSync } from 'node:fs';
import { isAppError } from '../../src-main/contract/appError';
import { reportPhase } from './report';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

const [projectPath, file, tempDir] = process.argv.slice(2) as [string, string, string];
const project = existsSync(projectPath) ? await openProjectFile(projectPath, withDerivedTables) : await createProjectFile(projectPath, undefined, withDerivedTables);
const started = performance.now();
let writeStarted = 0;
try {
  const record = await importFile(
    project,
    { path: file, fileName: path.basename(file) },
    { tempDir, onProgress: (p) => (writeStarted ||= p.phase === 'writing' ? performance.now() : 0) },
  );
  const ms = performance.now() - started;
  // parseMs: hash, worker parse and loading the chunks into staging, overlapped; the rest is finishing the staging, the merge and the checkpoint.
  reportPhase({ rows: record.rowsRead, added: record.rowsAdded, ms, parseMs: writeStarted - started, kind: record.kind });
} catch (e) {
  // A kind the importer cannot take yet is reported as skipped, with the reason, not as a failed bench.
  if (!isAppError(e)) throw e;
  reportPhase({ skipped: `${e.code}: ${e.message}` });
} finally {
  await closeProjectFile(project);
}
