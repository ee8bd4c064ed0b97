// `npm run bench`: generates exports of stated sizes, then measures the importer and the metrics
// queries against baselines run on the same files in the same run. Each phase runs in its own
// process so its peak RSS is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeMembersXlsx, writeMessagesXlsx, type BenchSizes } from './generate';

const root = path.resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const sizes: BenchSizes = {
  memberRows: Number(process.env.BENCH_MEMBERS ?? (quick ? 20_000 : 200_000)),
  messageRows: Number(process.env.BENCH_MESSAGES ?? (quick ? 100_000 : 1_000_000)),
  groups: 20,
};
const dataDir = path.join(root, 'bench', '.data');
const work = path.join(dataDir, 'work');
mkdirSync(dataDir, { recursive: true });
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const membersFile = path.join(dataDir, `members-${sizes.memberRows}.xlsx`);
const messagesFile = path.join(dataDir, `messages-${sizes.messageRows}.xlsx`);

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs one phase script in a fresh Node process and parses its JSON line. */
function phase(script: string, ...args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'phases', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QUNXI_TEMP_DIR: path.join(work, 'tmp') },
  });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Record<string, number>;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (rows: number, ms: number) => (rows / ms) * 1000;

log(`bench sizes: ${sizes.memberRows} member rows, ${sizes.messageRows} message rows, ${sizes.groups} groups, one year`);
if (!existsSync(membersFile) || !existsSync(messagesFile)) {
  log('generating exports with exceljs (cached in bench/.data for later runs)…');
  const people = await writeMembersXlsx(membersFile, sizes);
  await writeMessagesXlsx(messagesFile, sizes, people);
}

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const results: string[] = [];
const project = path.join(work, 'bench.qunxi');

for (const [label, file] of [
  ['group members', membersFile],
  ['messages', messagesFile],
] as const) {
  const mb = statSync(file).size / 1e6;
  const base = phase('exceljsRead.ts', file);
  const imp = phase('importFile.ts', project, file, path.join(work, 'tmp'));
  results.push(
    `${label} (${fmt(base.rows)} rows, ${fmt(mb, 1)} MB xlsx):`,
    `  baseline exceljs streaming read : ${fmt(rate(base.rows, base.ms))} rows/s, ${fmt(base.ms / 1000, 2)} s, peak RSS ${base.maxRssMB} MB`,
    `  Qunxi import (parse+write+merge): ${fmt(rate(imp.rows, imp.ms))} rows/s, ${fmt(imp.ms / 1000, 2)} s, peak RSS ${imp.maxRssMB} MB (time ${fmt(imp.ms / base.ms, 2)}× the baseline)`,
  );
  if (hasSoffice) {
    const t = performance.now();
    execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', work, file], { stdio: 'ignore' });
    const ms = performance.now() - t;
    results.push(`  LibreOffice --convert-to csv    : ${fmt(ms / 1000, 2)} s (Qunxi import is ${fmt(ms / imp.ms, 2)}× faster)`);
  }
}

const m = phase('metrics.ts', project, path.join(work, 'metrics'));
results.push(
  `metrics over ${m.days} days (medians of 3 runs):`,
  `  baseline: bare scan of messages+joins grouped by local day: ${fmt(m.baselineMs, 1)} ms`,
  ...(['day', 'week', 'month'] as const).map(
    (p) =>
      `  ${p.padEnd(5)} all groups ${fmt(m[`${p}Ms`]!, 1)} ms (${fmt(m[`${p}Ms`]! / m.baselineMs, 2)}× baseline), 3 groups ${fmt(m[`${p}SubsetMs`]!, 1)} ms (${fmt(m[`${p}SubsetMs`]! / m.baselineMs, 2)}×)`,
  ),
);
process.stdout.write(`\n${results.join('\n')}\n`);
