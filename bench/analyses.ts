// The analyses half of `npm run bench` (issue 4 item 8): every analysis method on a generated
// project of the stated size, through the real handlers, next to its own SQL run bare.
// `npm run bench -- --only analyses [--quick | --size quick|M|L] [--explain]` (BENCH_RUNS=n: timed runs per method, default 5);
// bench/run.ts calls runAnalysesBench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureProject, SIZES_BY_NAME } from './generateProject';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'analyses');

/** The target of the issue: every analysis answers within this. */
export const TARGET_MS = 300;

/** A size the bench names (`--size`). */
export type SizeName = keyof typeof SIZES_BY_NAME;

/**
 * Targets at size L (issue 16): every analysis under 1 s, those with a target of their own at M
 * (growth points, lookalike) under 5 s; opening a project whose file keeps the derived tables of
 * its data, with its first analysis, under 10 s (the build after a data change has none); peak
 * RSS of the analyses' process under 2 GB; the project file under 1.5 GB.
 */
export const LARGE_TARGETS = { analysisMs: 1000, slowAnalysisMs: 5000, openMs: 10_000, peakRssMb: 2048, fileMb: 1500 } as const;

/** A page of a data grid (客户360, the churn list) answers within this at every size (issue 16 item 4). */
export const GRID_PAGE_MS = 200;

/** The target of one case at a size. */
export function caseTarget(r: { targetMs?: number; isGridPage?: boolean }, size: SizeName): number {
  if (r.isGridPage) return GRID_PAGE_MS;
  if (size === 'L') return r.targetMs ? LARGE_TARGETS.slowAnalysisMs : LARGE_TARGETS.analysisMs;
  return r.targetMs ?? TARGET_MS;
}

/** What the phase reports per case. */
export interface CaseResult {
  label: string;
  /** The case's own target when not {@link TARGET_MS}. */
  targetMs?: number;
  /** A page of a data grid: {@link GRID_PAGE_MS}. */
  isGridPage?: boolean;
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
  /**
   * After a data change (the file keeps no derived tables of its data): project:open and its first
   * use, which builds them (identity, membership, message facts) into the file; of it, the open.
   */
  derivedBuildMs: number;
  buildOpenMs: number;
  /** After that build, the rest of an import's last step: the default feature table (with the saved rules' hits) computed into the file, */
  featuresBuildMs: number;
  /** then the whole project's churn list. */
  churnListBuildMs: number;
  /** Then what each source of a customer path holds (funnel/pathQueries.ts), kept in the file too. */
  sourcesBuildMs: number;
  /** Then 增长点's segment counts of the default periods (decision/growthDecomposition.ts), kept in the file too. */
  growthCountsBuildMs: number;
  /** Then 渠道's people rows of the whole project (channels/channelQueries.ts), kept in the file too. */
  channelsBuildMs: number;
  /** After the user's open and its first analysis, 客户360's first page, read from the feature table the file keeps. */
  reopenFeaturesPageMs: number;
  /** The user's open (closed, opened again with the same data): project:open and its first use, which finds the kept tables; of it, the open. */
  reopenMs: number;
  reopenOpenMs: number;
  /** After that open, the first call of the first analysis an opened project shows (overview:query). */
  firstAnalysisMs: number;
  /** Size of the project file after the cases, MB. */
  fileMb: number;
  /** Peak resident memory of the phase's process (opening, building, every case), MB. */
  maxRssMB: number;
  /** Memory of DuckDB's in-memory tables after all the cases (derived, hit and feature tables), MB. */
  inMemoryTablesMb: number;
  /** The process's peak resident memory after each step (open, reopen, each case, its replays included), MB. */
  peakAfter: { step: string; mb: number }[];
  /** One-minute load average before and after the measurements, and the CPUs. */
  loadBefore: number;
  loadAfter: number;
  cpus: number;
}

/** How to run the analyses bench. */
export interface AnalysesBenchOptions {
  /** A tenth of the sizes only. */
  quick: boolean;
  /** One size only (`--size`); otherwise quick, then M unless `quick`. */
  size?: SizeName;
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
  const report = JSON.parse(line) as Omit<PhaseReport, 'cases' | 'peakAfter'> & { cases: string; peakAfter: string };
  return { ...report, cases: JSON.parse(report.cases) as CaseResult[], peakAfter: JSON.parse(report.peakAfter) as PhaseReport['peakAfter'] };
}

/** Where the peak rose: after the open, and each step that raised it by 50 MB or more. */
function peakSteps(peakAfter: PhaseReport['peakAfter']): string {
  const rises = peakAfter.flatMap((p, i) => (i > 0 && p.mb - peakAfter[i - 1]!.mb >= 50 ? [`${p.step} +${fmt(p.mb - peakAfter[i - 1]!.mb)}`] : []));
  return `peak after the open ${fmt(peakAfter[0]?.mb ?? 0)} MB, raised by: ${rises.join(', ') || 'no step by 50 MB or more'}`;
}

/** The report lines of one size. */
function reportLines(size: SizeName, runs: number, report: PhaseReport): string[] {
  const sizes = SIZES_BY_NAME[size];
  const results = report.cases;
  const isLarge = size === 'L';
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const lines = [
    `analyses over ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages, ${fmt(sizes.orders)} orders, ${sizes.groups} groups ` +
      `(size ${size}; median of ${runs} runs after a first call; target < ${caseTarget({}, size)} ms):`,
    `  machine: ${report.cpus} CPUs, load average ${fmt(report.loadBefore, 1)} → ${fmt(report.loadAfter, 1)}; ` +
      `yardstick (bare scan of all messages grouped by local day) ${fmt(report.baselineMs, 1)} ms`,
    `  (a) the user's open, the file keeping the derived tables of its data: project:open ${fmt(report.reopenOpenMs)} ms + first use ${fmt(report.reopenMs - report.reopenOpenMs)} ms + ` +
      `first overview:query ${fmt(report.firstAnalysisMs)} ms = ${fmt(report.reopenMs + report.firstAnalysisMs)} ms` +
      (isLarge ? ` (target < ${fmt(LARGE_TARGETS.openMs)} ms: ${mark(report.reopenMs + report.firstAnalysisMs < LARGE_TARGETS.openMs)})` : ''),
    `      then 客户360's first page (features:query), from the feature table the file keeps: ${fmt(report.reopenFeaturesPageMs)} ms ` +
      `(target < ${GRID_PAGE_MS} ms: ${mark(report.reopenFeaturesPageMs < GRID_PAGE_MS)})`,
    `  (b) after a data change (an import's last step in the app and the command line, or the first open after a change without it): ` +
      `project:open ${fmt(report.buildOpenMs)} ms + first use, which builds the derived tables into the file, ${fmt(report.derivedBuildMs - report.buildOpenMs)} ms, ` +
      `+ the default feature table into the file ${fmt(report.featuresBuildMs)} ms + the churn list ${fmt(report.churnListBuildMs)} ms + the path sources' counts ${fmt(report.sourcesBuildMs)} ms ` +
      `+ 增长点's segment counts ${fmt(report.growthCountsBuildMs)} ms + 渠道's people rows ${fmt(report.channelsBuildMs)} ms (no target of their own)`,
    `  peak RSS of the process over all of it: ${fmt(report.maxRssMB)} MB` +
      (isLarge ? ` (target < ${fmt(LARGE_TARGETS.peakRssMb)} MB: ${mark(report.maxRssMB < LARGE_TARGETS.peakRssMb)})` : '') +
      `; in-memory tables after all the cases: ${fmt(report.inMemoryTablesMb)} MB; ${peakSteps(report.peakAfter)}`,
    `  project file: ${fmt(report.fileMb)} MB` + (isLarge ? ` (target < ${fmt(LARGE_TARGETS.fileMb)} MB: ${mark(report.fileMb < LARGE_TARGETS.fileMb)})` : ''),
    `  ${'method'.padEnd(44)}${'median'.padStart(9)}${'first'.padStart(9)}${'raw SQL'.padStart(9)}${'ratio'.padStart(7)}${'stmts'.padStart(7)}  target`,
  ];
  for (const r of results) {
    if (r.status !== 'ok') {
      lines.push(`  ${r.label.padEnd(44)}${r.status === 'not available' ? 'not available' : 'ERROR'} (${r.reason})`);
      continue;
    }
    const ratio = r.rawMs ? fmt(r.medianMs! / r.rawMs, 2) : '—';
    const target = caseTarget(r, size);
    const verdict = mark(r.medianMs! < target) + (target !== caseTarget({}, size) ? ` (target < ${target} ms)` : '') + (r.runs === 1 && runs > 1 ? ' (timed once: seconds per call)' : '');
    lines.push(`  ${r.label.padEnd(44)}${ms(r.medianMs)}${ms(r.firstMs)}${ms(r.rawMs)}${ratio.padStart(7)}${String(r.statements).padStart(7)}  ${verdict}`);
    if (r.rawError) lines.push(`      raw replay failed: ${r.rawError}`);
  }
  const missed = results.filter((r) => r.status === 'ok' && r.medianMs! >= caseTarget(r, size));
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
 * analysis on each: the named size, else the tenth size, then — unless quick — the full size (M).
 */
export async function runAnalysesBench(opts: AnalysesBenchOptions): Promise<string[]> {
  const runs = opts.runs ?? Number(process.env.BENCH_RUNS ?? 5);
  const lines: string[] = [];
  const names: SizeName[] = opts.size ? [opts.size] : opts.quick ? ['quick'] : ['quick', 'M'];
  for (const name of names) {
    const sizes = SIZES_BY_NAME[name];
    opts.log(`analyses: project of ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages, ${fmt(sizes.orders)} orders (generated once, cached in bench/.data/analyses)…`);
    const project = await ensureProject(dataDir, sizes, opts.log);
    const explainDir = opts.explain ? path.join(dataDir, 'explain', `${sizes.people}p`) : null;
    const more = reportLines(name, runs, measure(project, runs, explainDir));
    for (const l of more) opts.log(l);
    lines.push(...more);
  }
  return lines;
}
