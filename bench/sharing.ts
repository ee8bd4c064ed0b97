// The sharing bench (issue 15 items 3–4): `npm run bench -- --only sharing [--quick]`. On the
// generated project of 100,000 people and 2,000,000 messages (a tenth with --quick): an anonymised
// copy (target: under 30 s), a Parquet export, and as the baseline of the same run a plain Save As
// (DuckDB's COPY FROM DATABASE of the same project). Run it with nice and read the load line.
import { statSync } from 'node:fs';
import path from 'node:path';
import { copyOfProject, SIZES_BY_NAME } from './generateProject';
import { closeProjectFile, copyProjectTo, openProjectFile } from '../src-main/db/projectFile';
import { withDerivedTables } from '../src-main/analysis/base/derivedTables';
import { writeAnonymizedCopy } from '../src-main/export/anonymizedCopy';
import { exportParquet } from '../src-main/export/parquetExport';
import { loadAverages } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'analyses');
const work = path.join(root, 'bench', '.data', 'sharing');

/** The target for an anonymised copy at 100k people / 2M messages. */
export const TARGET_ANONYMIZE_MS = 30_000;

const mb = (file: string) => (statSync(file).size / 1e6).toFixed(1);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

/** Runs the sharing bench; returns the report lines. */
export async function runSharingBench(opts: { quick: boolean; log: (line: string) => void }): Promise<string[]> {
  const sizes = SIZES_BY_NAME[opts.quick ? 'quick' : 'M'];
  const file = await copyOfProject(dataDir, work, sizes, opts.log);
  const lines = [`sharing bench: ${sizes.people.toLocaleString('en-US')} people, ${sizes.messages.toLocaleString('en-US')} messages; load before ${loadAverages()}`];
  const project = await openProjectFile(file, withDerivedTables);
  try {
    const saveAs = await timed(() => copyProjectTo(project, path.join(work, 'save-as.qunxi')));
    lines.push(`  Save As (baseline)       ${(saveAs.ms / 1000).toFixed(1)} s  ${mb(path.join(work, 'save-as.qunxi'))} MB`);
    const anon = await timed(() => writeAnonymizedCopy(project, path.join(work, 'anonymized.qunxi')));
    const verdict = anon.ms <= TARGET_ANONYMIZE_MS ? 'within' : 'OVER';
    lines.push(`  anonymised copy          ${(anon.ms / 1000).toFixed(1)} s  ${mb(anon.value.path)} MB  (${verdict} the ${TARGET_ANONYMIZE_MS / 1000} s target; ${anon.value.names} names, ${anon.value.behaviourRules} rules)`);
    const pq = await timed(() => exportParquet(project, path.join(work, 'parquet')));
    lines.push(`  Parquet export           ${(pq.ms / 1000).toFixed(1)} s  ${pq.value.length} tables`);
  } finally {
    await closeProjectFile(project);
  }
  lines.push(`  load after ${loadAverages()} (2 cores shared)`);
  return lines;
}
