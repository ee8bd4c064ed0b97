// The UI bench of `npm run bench -- --only ui [--quick] [--ui-out DIR] [--ui-baseline DIR]` (issue
// 17): perceived speed of browser mode in Debian's Chromium (bench/phases/ui.ts), on the demo
// project and on the generated project of the analyses bench (its tenth with --quick, else the
// 100,000-person size M), each figure next to its target and to the same calls' API time.
//
// --ui-out DIR: the build to measure (DIR/renderer); by default the sources are built into
// bench/.data/ui/out first. --ui-baseline DIR: another build (e.g. an older commit's) measured in
// the same run over the same server process, its page loads alternating with this build's (A B,
// B A, …), so the machine's drift over minutes falls on both alike. BENCH_RUNS: page loads per
// case and build (default 5).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureProject, FULL_SIZES, QUICK_SIZES } from './generateProject';
import type { UiPhaseInput, UiPhaseReport, UiSample } from './phases/ui';
import { median } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');

/** The targets of issue 17 (idle 2-core machine, size M). */
export const UI_TARGETS = { firstScreenMs: 1000, overviewMs: 1500, viewMs: 500, revisitMs: 300, longTaskMs: 100 } as const;

/** How to run the UI bench. */
export interface UiBenchOptions {
  quick: boolean;
  /** Build folder to measure; built from the sources when omitted. */
  outDir?: string;
  /** Build folder measured beside it as the baseline (page loads alternating). */
  baselineDir?: string;
  runs?: number;
  /** Only the generated project (the demo is skipped). */
  isGeneratedOnly?: boolean;
  log: (line: string) => void;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mark = (ms: number, target: number) => `${ms < target ? 'ok' : 'MISSED'} (< ${fmt(target)})`;

function runPhase(input: UiPhaseInput): UiPhaseReport[] {
  rmSync(input.work, { recursive: true, force: true });
  mkdirSync(input.work, { recursive: true });
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'phases', 'ui.ts'), JSON.stringify(input)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, QUNXI_TEMP_DIR: path.join(input.work, 'tmp') },
  });
  if (r.status !== 0) throw new Error(`ui phase failed (exit ${r.status})`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse((JSON.parse(line) as { reports: string }).reports) as UiPhaseReport[];
}

/** Medians of a view's samples: ms, the longest long task of any, their count, API ms. */
function summary(samples: UiSample[]) {
  return {
    ms: median(samples.map((s) => s.ms)),
    longMax: Math.max(0, ...samples.map((s) => s.longMaxMs)),
    longCount: median(samples.map((s) => s.longCount)),
    apiMs: median(samples.map((s) => s.apiMs)),
    apiCalls: median(samples.map((s) => s.apiCalls)),
    // Of the samples that asked anything (NaN when none did).
    askedMs: median(samples.filter((s) => s.apiCalls > 0).map((s) => s.askedMs)),
  };
}

/**
 * The animation frames over the long-task target, per wait that had one, with their longest
 * scripts: what to look at where a long task was missed (a wait's frames, in its load's order).
 */
function longFrameLines(r: UiPhaseReport): string[] {
  const waits: [string, UiSample[] | undefined][] = [
    ['overview', r.overview],
    ['warm-up', r.warmUp],
    ...r.views.flatMap((view): [string, UiSample[] | undefined][] => [
      [`${view} first`, r.first[view]],
      [`${view} warmed`, r.firstWarm?.[view]],
      [`${view} revisit`, r.revisit[view]],
    ]),
    ['overview revisit', r.revisit.overview],
  ];
  const out = waits.flatMap(([wait, samples]) =>
    (samples ?? []).flatMap((s, load) => (s.longFrames ?? []).map((frame) => `      ${wait}, load ${load + 1}: ${frame}`)),
  );
  return out.length ? [`    frames of ${UI_TARGETS.longTaskMs} ms or more (Long Animation Frames: start from the wait's start, length, longest scripts):`, ...out] : [];
}

/**
 * Of `waits`, those with a task of `targetMs` or more. A view's verdict takes the longest task of
 * all its waits, so one slow moment of the machine marks it missed; the count tells one such moment
 * from a task that is long in every load.
 */
export function longTaskWaits(waits: UiSample[], targetMs: number): { long: number; waits: number } {
  return { long: waits.filter((s) => s.longMaxMs >= targetMs).length, waits: waits.length };
}

/** A view's waits: its first visits, warmed first visits and revisits. */
const viewWaits = (r: UiPhaseReport, view: string) => [...(r.first[view] ?? []), ...(r.firstWarm?.[view] ?? []), ...(r.revisit[view] ?? [])];

/** Every wait of a report: the page loads to the overview's figures, the warm-ups and every view's waits. */
const allWaits = (r: UiPhaseReport) => [...r.overview, ...(r.warmUp ?? []), ...[...r.views, 'overview'].flatMap((view) => viewWaits(r, view))];

function lines(label: string, r: UiPhaseReport, runs: number): string[] {
  const ov = summary(r.overview);
  const fs = median(r.firstScreen);
  const out = [
    `  ${label}: load average ${fmt(r.loadBefore, 1)} → ${fmt(r.loadAfter, 1)}; project:open ${fmt(r.openMs)} ms; ` +
      `first load's static files ${fmt(r.staticTransferBytes / 1024)} KB sent (${fmt(r.staticBodyBytes / 1024)} KB unpacked)`,
    `    first screen ${fmt(fs).padStart(6)} ms  ${mark(fs, UI_TARGETS.firstScreenMs)}   (first load ${fmt(r.firstScreen[0]!)} ms)`,
    `    overview figures ${fmt(ov.ms).padStart(6)} ms  ${mark(ov.ms, UI_TARGETS.overviewMs)}   (first load ${fmt(r.overview[0]!.ms)} ms; API ${fmt(ov.apiMs)} ms; longest task ${fmt(ov.longMax)} ms)`,
  ];
  const warm = r.warmUp?.length ? summary(r.warmUp) : null;
  if (warm) {
    out.push(
      `    warm-up ${fmt(warm.ms).padStart(6)} ms from the overview's figures to every other view's questions asked (API ${fmt(warm.apiMs)} ms over ${fmt(warm.apiCalls)} calls; longest task ${fmt(warm.longMax)} ms)`,
    );
  }
  out.push(
    `    ${'view'.padEnd(14)}${'first'.padStart(8)}${'API'.padStart(7)}${'calls'.padStart(6)}${'asked'.padStart(7)}${'revisit'.padStart(9)}${'API'.padStart(7)}${(warm ? 'warmed' : '').padStart(8)}${(warm ? 'calls' : '').padStart(6)}  ${'longest task (count)'.padEnd(22)} targets: first < ${UI_TARGETS.viewMs}, revisit < ${UI_TARGETS.revisitMs}, task < ${UI_TARGETS.longTaskMs}`,
  );
  for (const view of [...r.views, 'overview']) {
    const f = r.first[view] ? summary(r.first[view]!) : null;
    const v = summary(r.revisit[view] ?? []);
    const w = r.firstWarm?.[view] ? summary(r.firstWarm[view]!) : null;
    const longMax = Math.max(f?.longMax ?? 0, v.longMax, w?.longMax ?? 0);
    const marks = [
      f ? (f.ms < UI_TARGETS.viewMs ? 'ok' : 'MISSED first') : '',
      w ? (w.ms < UI_TARGETS.viewMs ? 'ok' : 'MISSED warmed') : '',
      v.ms < UI_TARGETS.revisitMs ? 'ok' : 'MISSED revisit',
      longMax < UI_TARGETS.longTaskMs ? '' : `MISSED task (in ${longTaskWaits(viewWaits(r, view), UI_TARGETS.longTaskMs).long} of its waits)`,
    ].filter((m) => m && m !== 'ok');
    out.push(
      `    ${view.padEnd(14)}${(f ? fmt(f.ms) : '—').padStart(8)}${(f ? fmt(f.apiMs) : '—').padStart(7)}${(f ? fmt(f.apiCalls) : '—').padStart(6)}${(f && Number.isFinite(f.askedMs) ? fmt(f.askedMs) : '—').padStart(7)}` +
        `${fmt(v.ms).padStart(9)}${fmt(v.apiMs).padStart(7)}${(w ? fmt(w.ms) : warm ? '—' : '').padStart(8)}${(w ? fmt(w.apiCalls) : warm ? '—' : '').padStart(6)}  ${`${fmt(longMax)} ms (${fmt(f?.longCount ?? 0)}/${fmt(v.longCount)})`.padEnd(22)} ${marks.length ? marks.join(', ') : 'ok'}`,
    );
  }
  const longWaits = longTaskWaits(allWaits(r), UI_TARGETS.longTaskMs);
  out.push(`    waits with a task of ${UI_TARGETS.longTaskMs} ms or more: ${longWaits.long} of ${longWaits.waits} (page loads, warm-ups, and every view's first, warmed and revisit waits)`);
  out.push(...longFrameLines(r));
  if (r.countedMs?.growth.length) {
    out.push(
      `    增长点 and 渠道 read what the project file keeps for them (made by an import's last step); counted instead, 增长点's segment counts ` +
        `take ${fmt(median(r.countedMs.growth))} ms and 渠道's people rows ${fmt(median(r.countedMs.channels))} ms ` +
        `(medians over the loads, counted after each load's visits in the same process)`,
    );
  }
  out.push(
    `    (medians of ${runs} page loads; a view's first visit is its first in that load, clicked right after the previous view's figures; ` +
      `warmed: its first visit in another load, once the warm-up is done; API: the handlers' own time for the calls of that wait; ` +
      `asked: from the click to the first of those calls)`,
  );
  return out;
}

/** Two builds side by side: per view, the medians of first visits, warmed first visits and revisits, and the change. */
function comparison(labels: readonly string[], a: UiPhaseReport, b: UiPhaseReport): string[] {
  const cell = (x: number, y: number) => `${fmt(x).padStart(6)} →${fmt(y).padStart(6)} ${`(${y - x >= 0 ? '+' : ''}${fmt(y - x)})`.padEnd(8)}`;
  const row = (pick: (r: UiPhaseReport) => UiSample[] | undefined) => {
    const [x, y] = [pick(a), pick(b)];
    return x?.length && y?.length ? cell(summary(x).ms, summary(y).ms) : `${'—'.padStart(14)}${''.padEnd(9)}`;
  };
  const out = [
    `  ${labels[0]} → ${labels[1]}, medians in ms:`,
    `    ${'view'.padEnd(14)}${'first'.padStart(14)}${''.padEnd(9)}${'warmed'.padStart(14)}${''.padEnd(9)}${'revisit'.padStart(14)}`,
    `    ${'overview'.padEnd(14)}${row((r) => r.overview)}`,
  ];
  for (const view of a.views) out.push(`    ${view.padEnd(14)}${row((r) => r.first[view])}${row((r) => r.firstWarm[view])}${row((r) => r.revisit[view])}`);
  const [x, y] = [a, b].map((r) => longTaskWaits(allWaits(r), UI_TARGETS.longTaskMs));
  out.push(`    waits with a task of ${UI_TARGETS.longTaskMs} ms or more: ${x.long} of ${x.waits} → ${y.long} of ${y.waits}`);
  return out;
}

/** Builds the sources' renderer (and the rest of the app) into `dir`. */
function build(dir: string, log: (line: string) => void): void {
  log(`ui: building the app into ${path.relative(root, dir)}…`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/** Runs the UI bench and returns its report lines. */
export async function runUiBench(opts: UiBenchOptions): Promise<string[]> {
  const runs = opts.runs ?? Number(process.env.BENCH_RUNS ?? 5);
  const uiDir = path.join(dataDir, 'ui');
  const outDir = opts.outDir ? path.resolve(opts.outDir) : path.join(uiDir, 'out');
  if (!opts.outDir) build(outDir, opts.log);
  const sizes = opts.quick ? QUICK_SIZES : FULL_SIZES;
  const generated = await ensureProject(path.join(dataDir, 'analyses'), sizes, opts.log);
  const builds = [...(opts.baselineDir ? [['baseline', path.resolve(opts.baselineDir)] as const] : []), ['this build', outDir] as const];
  const result = [`UI in browser mode, Chromium headless (${os.cpus().length} CPUs):`];
  const projects = [
    ['demo project', null],
    [`generated project of ${fmt(sizes.people)} people, ${fmt(sizes.messages)} messages`, generated],
  ] as const;
  for (const [projectLabel, project] of opts.isGeneratedOnly ? projects.slice(1) : projects) {
    result.push(` ${projectLabel}:`);
    opts.log(`ui: ${projectLabel}, ${builds.map(([label, dir]) => `${label} (${path.relative(root, dir) || dir})`).join(' and ')}…`);
    const work = path.join(uiDir, `work-${process.pid}`);
    const reports = runPhase({ project, rendererDirs: builds.map(([, dir]) => path.join(dir, 'renderer')), work, runs, longTaskMs: UI_TARGETS.longTaskMs });
    if (builds.length > 1) {
      result.push(
        `  (the builds' page loads alternating over one server process: ${builds.map(([label]) => label).join(', ')}, then the reverse, …; ` +
          `after a pass of the ${builds[0]![0]} that is not counted, so the server's first answers fall on neither)`,
      );
    }
    for (const [b, [label, dir]] of builds.entries()) {
      const more = lines(`${label} (${dir})`, reports[b]!, runs);
      for (const l of more) opts.log(l);
      result.push(...more);
    }
    if (builds.length === 2) {
      const more = comparison(builds.map(([label]) => label), reports[0]!, reports[1]!);
      for (const l of more) opts.log(l);
      result.push(...more);
    }
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}
