// The report workbook bench (issue 15 item 1): `npm run bench -- --only workbook [--quick]`.
// A year of weeks (a weekly report with --from/--to over the generated year, so the metrics sheet
// has 52 rows), the default weekly report and the default monthly report, on the generated
// project of 100,000 people and 2,000,000 messages (a tenth with --quick), each timed end to end
// and per stage. Target: the year of weeks under 10 s. Run it with nice and read the load line.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { copyOfProject, SIZES_BY_NAME } from './generateProject';

const root = path.resolve(import.meta.dirname, '..');
/** The cached projects of the analyses bench, reused. */
const dataDir = path.join(root, 'bench', '.data', 'analyses');
const work = path.join(root, 'bench', '.data', 'workbook');

/** The target for a year of weeks at 100k people / 2M messages. */
export const TARGET_YEAR_MS = 10_000;

interface Timed {
  ms: number;
  stages: Record<string, number>;
  bytes: number;
  covers: string;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs the workbook bench; returns the report lines. */
export async function runWorkbookBench(opts: { quick: boolean; log: (line: string) => void }): Promise<string[]> {
  const name = opts.quick ? 'quick' : 'M';
  const sizes = SIZES_BY_NAME[name];
  opts.log(`workbook: project of ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages (generated once, cached in bench/.data/analyses)…`);
  const project = await copyOfProject(dataDir, work, sizes, opts.log);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'phases', 'reportWorkbook.ts'), project, work], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, QUNXI_TEMP_DIR: path.join(work, 'tmp') },
  });
  if (r.status !== 0) throw new Error(`workbook phase failed (exit ${r.status})`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number> & { year: Timed; latest: Timed; month: Timed };
  const line = (label: string, t: Timed, target?: number) =>
    `  ${label.padEnd(44)}${fmt(t.ms).padStart(7)} ms  (analyses ${fmt(t.stages.gathering ?? 0)}, charts ${fmt(t.stages.charts ?? 0)}, writing ${fmt(t.stages.writing ?? 0)}; ${fmt(t.bytes / 1024)} KB; ${t.covers})` +
    (target ? `  target < ${fmt(target)} ms: ${t.ms < target ? 'ok' : 'MISSED'}` : '');
  const lines = [
    `report workbook over ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages, ${fmt(sizes.orders)} orders (size ${name}):`,
    `  machine: ${m.cpus} CPUs, load average ${fmt(m.loadBefore, 1)} → ${fmt(m.loadAfter, 1)}; yardstick metrics:query (week, all data) ${fmt(m.yardstickMs)} ms (first ${fmt(m.yardstickFirstMs)} ms); peak RSS ${fmt(m.maxRssMB)} MB`,
    line('a year of weeks (--from 2025-11-17 --to 2026-11-15)', m.year, name === 'M' ? TARGET_YEAR_MS : undefined),
    line('latest full week (default)', m.latest),
    line('latest full month', m.month),
  ];
  for (const l of lines) opts.log(l);
  rmSync(work, { recursive: true, force: true });
  return lines;
}
