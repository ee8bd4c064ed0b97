// The reopen bench: `npm run bench -- --only reopen [--quick]`. A user imports an export into a
// project, then opens it again day after day. On a copy of the generated project of 100,000
// people and 2,000,000 messages (a tenth with --quick), the demo's four exports are imported by the
// command line (the real importer and the job's last step), then the project is opened and closed
// five times, in a process of its own (bench/phases/reopen.ts). The first open after the
// import reads the file whole and keeps it as its last good copy; the opens after it should find
// the file as that copy and read nothing whole. The baseline of the same run: the same five opens
// of the copy before the import.
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copyOfProject, SIZES_BY_NAME } from './generateProject';
import { runCli } from '../src-main/cli/run';
import { loadAverages, median } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'analyses');
const work = path.join(root, 'bench', '.data', 'reopen');
const OPENS = 5;

/** The phase's opens of `file`, in a process of their own. */
function opens(file: string): { openMs: number[]; asGoodCopy: boolean[]; rewrites: number; freeBlocks: number; totalBlocks: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'phases', 'reopen.ts'), file, String(OPENS)], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reopen.ts failed:\n${r.stderr}`);
  const o = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, string | number>;
  return {
    openMs: String(o.openMs).split(' ').map(Number),
    asGoodCopy: String(o.asGoodCopy).split(' ').map((x) => x === 'y'),
    rewrites: Number(o.rewrites),
    freeBlocks: Number(o.freeBlocks),
    totalBlocks: Number(o.totalBlocks),
  };
}

/** Runs the reopen bench; returns the report lines. */
export async function runReopenBench(opts: { quick: boolean; log: (line: string) => void }): Promise<string[]> {
  const sizes = SIZES_BY_NAME[opts.quick ? 'quick' : 'M'];
  const file = await copyOfProject(dataDir, work, sizes, opts.log);
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const lines = [`reopen bench: ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages; load before ${loadAverages()}`];
  opts.log(lines[0]!);
  const before = opens(file);
  const demoDir = path.join(root, 'resources', 'demo');
  const exports = readdirSync(demoDir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(demoDir, f));
  let stderr = '';
  const t0 = performance.now();
  const code = await runCli(['import', '--project', file, ...exports], {
    out: () => undefined,
    err: (s) => (stderr += s),
    isStderrTty: false,
    env: { QUNXI_CONFIG_DIR: path.join(work, 'config'), QUNXI_PROJECTS_DIR: path.join(work, 'projects'), QUNXI_TEMP_DIR: path.join(work, 'tmp') },
    repoRoot: root,
  });
  if (code !== 0) throw new Error(`import failed: ${stderr}`);
  const importMs = performance.now() - t0;
  const after = opens(file);
  const later = after.openMs.slice(1);
  const laterAsCopy = after.asGoodCopy.slice(1).filter(Boolean).length;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  lines.push(
    `  before the import, ${OPENS} opens (the baseline): ${before.openMs.map(fmt).join(', ')} ms, median ${fmt(median(before.openMs))} ms; ` +
      `free blocks ${before.freeBlocks} of ${before.totalBlocks}; opens that wrote to the file ${before.rewrites}`,
    `  the demo's ${exports.length} exports imported by the command line in ${fmt(importMs)} ms; then ${OPENS} opens: ${after.openMs.map(fmt).join(', ')} ms; ` +
      `free blocks ${after.freeBlocks} of ${after.totalBlocks}; opens that wrote to the file ${after.rewrites}`,
    `  the first open after the import (reads the file whole, keeps it as its last good copy): ${fmt(after.openMs[0]!)} ms; ` +
      `the ${later.length} after it: median ${fmt(median(later))} ms, ${laterAsCopy} of ${later.length} found the file as its last good copy ` +
      `(target: all, none writing to the file: ${mark(laterAsCopy === later.length && after.rewrites === 0)})`,
  );
  for (const l of lines.slice(1)) opts.log(l);
  rmSync(work, { recursive: true, force: true });
  return lines;
}
