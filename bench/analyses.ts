// The analyses half of `npm run bench` (issue 4 item 8): every analysis method on a generated
// project of the stated size, through the real handlers, next to its own SQL run bare.
// `npm run bench -- --only analyses [--quick] [--explain]` (BENCH_RUNS=n: timed runs per method, default 5);
// bench/run.ts calls runAnalysesBench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureProject, FULL_SIZES, QUICK_SIZES, type ProjectSizes } from './generateProject';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'analyses');

/** The target of the issue: every analysis answers within this. */
export const TARGET_MS = 300;

/** What the phase reports per case. */
export interface CaseResult {
  label: string;
  /** The case's own target when not {@link TARGET_MS}. */
  targetMs?: number;
  status: 'ok' | 'not available' | 'error';
  /** Why it is not available or failed. */
  reason?: string;
  /** The first call (cold: nothing of it cached yet, unless an earlier case filled a shared cache). */
  firstMs?: number;
  medianMs?: number;
  /** Timed runs behind the median (1 for a method that took seconds). */
  runs?: number;
  /** The median time of the same statements replayed bare; undefined when the replay failed. */
  rawMs?: number;
  rawError?: string;
  statements?: number;
  /** The statement the replay spent the most time in. */
  slowest?: { ms: number; sql: string };
  explainFile?: string;
  /** The three operators of the slowest statement that took longest. */
  explainTop?: string[];
}

/** What the phase of one size reports. */
export interface PhaseReport {
  cases: CaseResult[];
  /** Median of a bare scan of every message grouped by local day: how fast the machine is right now. */
  baselineMs: number;
  /** Opening the project and its first use: the derived tables (identity, membership, message facts) built. */
  derivedBuildMs: number;
  /** Memory of DuckDB's in-memory tables after all the cases (derived, hit and feature tables), MB. */
  inMemoryTablesMb: number;
  /** One-minute load average before and after the measurements, and the CPUs. */
  loadBefore: number;
  loadAfter: number;
  cpus: number;
}

/** How to run the analyses bench. */
export interface AnalysesBenchOptions {
  /** A tenth of the sizes only. */
  quick: boolean;
  /** Timed runs per method after one warm-up. */
  runs?: number;
  /** Write EXPLAIN ANALYZE of the slowest statement of each method that misses the target. */
  explain?: boolean;
  log: (line: string) => void;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number | undefined) => (n === undefined ? '—' : fmt(n, 1)).padStart(9);

/** Runs the phase of one size in its own process (its memory and caches its own) and parses its JSON line. */
function measure(project: string, runs: number, explainDir: string | null): PhaseReport {
  const work = path.join(dataDir, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const args = [project, work, String(runs), ...(explainDir ? [explainDir] : [])];
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'phases', 'analyses.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, QUNXI_TEMP_DIR: path.join(work, 'tmp') },
  });
  if (r.status !== 0) throw new Error(`analyses phase failed (exit ${r.status})`);
  const line = r.stdout.trim().split('\n').pop()!;
  const report = JSON.parse(line) as Omit<PhaseReport, 'cases'> & { cases: string };
  return { ...report, cases: JSON.parse(report.cases) as CaseResult[] };
}

/** The report lines of one size. */
function reportLines(sizes: ProjectSizes, runs: number, report: PhaseReport): string[] {
  const results = report.cases;
  const lines = [
    `analyses over ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages, ${fmt(sizes.orders)} orders, ${sizes.groups} groups ` +
      `(median of ${runs} runs after a first call; target < ${TARGET_MS} ms):`,
    `  machine: ${report.cpus} CPUs, load average ${fmt(report.loadBefore, 1)} → ${fmt(report.loadAfter, 1)}; ` +
      `yardstick (bare scan of all messages grouped by local day) ${fmt(report.baselineMs, 1)} ms`,
    `  project:open and the first use of the database, which builds the derived tables (identity, membership, message facts): ${fmt(report.derivedBuildMs)} ms; in-memory tables after all the cases: ${fmt(report.inMemoryTablesMb)} MB`,
    `  ${'method'.padEnd(44)}${'median'.padStart(9)}${'first'.padStart(9)}${'raw SQL'.padStart(9)}${'ratio'.padStart(7)}${'stmts'.padStart(7)}  target`,
  ];
  for (const r of results) {
    if (r.status !== 'ok') {
      lines.push(`  ${r.label.padEnd(44)}${r.status === 'not available' ? 'not available' : 'ERROR'} (${r.reason})`);
      continue;
    }
    const ratio = r.rawMs ? fmt(r.medianMs! / r.rawMs, 2) : '—';
    const target = r.targetMs ?? TARGET_MS;
    const mark = (r.medianMs! < target ? 'ok' : 'MISSED') + (target !== TARGET_MS ? ` (target < ${target} ms)` : '') + (r.runs === 1 && runs > 1 ? ' (timed once: seconds per call)' : '');
    lines.push(`  ${r.label.padEnd(44)}${ms(r.medianMs)}${ms(r.firstMs)}${ms(r.rawMs)}${ratio.padStart(7)}${String(r.statements).padStart(7)}  ${mark}`);
    if (r.rawError) lines.push(`      raw replay failed: ${r.rawError}`);
  }
  const missed = results.filter((r) => r.status === 'ok' && r.medianMs! >= (r.targetMs ?? TARGET_MS));
  if (missed.length) {
    lines.push(`  slowest statement of each MISSED method (bare):`);
    for (const r of missed) {
      const head = (r.slowest?.sql ?? '').replace(/\s+/g, ' ').trim().slice(0, 90);
      lines.push(`    ${r.label}: ${r.slowest ? `${fmt(r.slowest.ms, 1)} ms of ${fmt(r.rawMs ?? 0, 1)} ms — ${head}…` : '—'}`);
      for (const op of r.explainTop ?? []) lines.push(`      ${op}`);
      if (r.explainFile) lines.push(`      EXPLAIN ANALYZE: ${path.relative(root, r.explainFile)}`);
    }
  }
  return lines;
}

/**
 * Generates (or reuses, cached in bench/.data/analyses by size) the projects and measures every
 * analysis on each: the tenth size, then — unless quick — the full size.
 */
export async function runAnalysesBench(opts: AnalysesBenchOptions): Promise<string[]> {
  const runs = opts.runs ?? Number(process.env.BENCH_RUNS ?? 5);
  const lines: string[] = [];
  for (const sizes of opts.quick ? [QUICK_SIZES] : [QUICK_SIZES, FULL_SIZES]) {
    opts.log(`analyses: project of ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages, ${fmt(sizes.orders)} orders (generated once, cached in bench/.data/analyses)…`);
    const project = await ensureProject(dataDir, sizes, opts.log);
    const explainDir = opts.explain ? path.join(dataDir, 'explain', `${sizes.people}p`) : null;
    const more = reportLines(sizes, runs, measure(project, runs, explainDir));
    for (const l of more) opts.log(l);
    lines.push(...more);
  }
  return lines;
}
