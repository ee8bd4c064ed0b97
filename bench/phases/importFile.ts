// Imports exports into a project with the real importer (worker + DuckDB), as the app does: one
// file, or several in one batch (src-main/import/importBatch.ts, as 导入全部 and the command line
// run them, with the job's last step, the derived tables' build, timed apart). Arguments: PROJECT TEMPDIR FILE…
import path from 'node:path';
import { importFile } from '../../src-main/import/importFile';
import { importBatch } from '../../src-main/import/importBatch';
import { closeProjectFile, createProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { existsSync } from 'node:fs';
import { isAppError } from '../../src-main/contract/appError';
import { peakRssMb, reportPhase } from './report';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { featuresTable } from '../../src-main/analysis/features/featuresCache';

const [projectPath, tempDir, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const project = existsSync(projectPath) ? await openProjectFile(projectPath, withDerivedTables) : await createProjectFile(projectPath, undefined, withDerivedTables);
const started = performance.now();
try {
  if (files.length === 1) {
    let writeStarted = 0;
    const file = files[0]!;
    const record = await importFile(
      project,
      { path: file, fileName: path.basename(file) },
      { tempDir, onProgress: (p) => (writeStarted ||= p.phase === 'writing' ? performance.now() : 0) },
    );
    const ms = performance.now() - started;
    // parseMs: hash, worker parse and loading the chunks into staging, overlapped; the rest is finishing the staging, the merge and the checkpoint.
    reportPhase({ rows: record.rowsRead, added: record.rowsAdded, ms, parseMs: writeStarted - started, kind: record.kind });
  } else {
    let progressEvents = 0;
    let isMonotonic = true;
    let last = 0;
    // Each file's own time: a later file meets a bigger project (its rows are checked against all before it).
    const fileMs: number[] = [];
    const final = await importBatch(
      files.map((file) => ({
        fileName: path.basename(file),
        path: file,
        run: async (signal, onProgress) => {
          const at = performance.now();
          try {
            return await importFile(project, { path: file, fileName: path.basename(file) }, { tempDir, signal, onProgress });
          } finally {
            fileMs.push(performance.now() - at);
          }
        },
      })),
      {
        onChange: (s) => {
          progressEvents++;
          isMonotonic &&= s.fraction >= last;
          last = s.fraction;
        },
      },
    );
    const importMs = performance.now() - started;
    // The import's own peak (the files' parse and load), before the build's DuckDB work raises it.
    const importRssMb = Math.round(peakRssMb());
    // The job's last step in the app and the command line (api/handlers/import.ts prepareAfter):
    // the derived tables brought up to the new data, then the default feature table (客户360's),
    // both kept in the file for every later open.
    const buildStarted = performance.now();
    await project.db.use((sql) => featuresTable(sql, { timeZone: project.timeZone }));
    const failed = final.files.filter((f) => f.state !== 'done').map((f) => `${f.fileName}: ${f.error?.code ?? f.state}`);
    reportPhase({
      files: files.length,
      rows: final.rowsRead,
      added: final.files.reduce((a, f) => a + (f.result?.rowsAdded ?? 0), 0),
      ms: performance.now() - started,
      importMs,
      buildMs: performance.now() - buildStarted,
      importRssMb,
      state: final.state,
      failed: failed.join('; '),
      progress: `${progressEvents} events, ${isMonotonic ? 'rising' : 'FELL'} to ${last}`,
      fileSeconds: fileMs.map((ms) => (ms / 1000).toFixed(1)).join(' '),
    });
  }
} catch (e) {
  // A kind the importer cannot take yet is reported as skipped, with the reason, not as a failed bench.
  if (!isAppError(e)) throw e;
  reportPhase({ skipped: `${e.code}: ${e.message}` });
} finally {
  await closeProjectFile(project);
}
