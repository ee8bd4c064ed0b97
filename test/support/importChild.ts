/**
 * A process for the leftover tests, run as `node --import tsx importChild.ts …`: it either starts
 * an import and keeps going until the test kills it (`import TEMP_ROOT PROJECT CSV`, printing
 * `reading` once rows are being read), or stages an upload in its temp folder and exits normally
 * (`upload TEMP_ROOT`, printing that folder).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTempDir } from '../../src-main/api/tempFiles';
import { openProjectFile } from '../../src-main/db/projectFile';
import { importFile } from '../../src-main/import/importFile';

const [mode, tempRoot, projectPath, csv] = process.argv.slice(2) as [string, string, string?, string?];
const runDir = runTempDir(tempRoot);

if (mode === 'upload') {
  await mkdir(path.join(runDir, 'uploads'), { recursive: true });
  await writeFile(path.join(runDir, 'uploads', '00000000-0000-4000-8000-000000000003'), 'staged');
  process.stdout.write(`${runDir}\n`);
  process.exit(0);
}

const project = await openProjectFile(projectPath!);
let isSaid = false;
await importFile(project, { path: csv!, fileName: path.basename(csv!) }, {
  tempDir: path.join(runDir, 'imports'),
  onProgress: (p) => {
    if (isSaid || p.rowsRead < 100_000) return;
    isSaid = true;
    process.stdout.write(`reading ${runDir}\n`);
  },
});
process.stdout.write('finished\n');
