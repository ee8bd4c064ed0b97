// The command-line start-up phase of `npm run bench` (issue 10 item 6, DESIGN §6: the CLI starts
// in well under a second). `npm run bench -- --only cli` (BENCH_RUNS=n: runs per case, default 10);
// bench/run.ts calls runCliBench. Each case is a fresh Node process timed from spawn to exit,
// interleaved with the baseline so that the machine's load falls on both alike.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from './stats';

const root = path.resolve(import.meta.dirname, '..');

/** The target of the issue for `qunxi --help`. */
export const TARGET_HELP_MS = 500;

/** One timed command. */
interface Case {
  label: string;
  command: string;
  args: string[];
}

function timeOnce(c: Case): number {
  const started = performance.now();
  const r = spawnSync(c.command, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${c.label} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** Runs the phase and returns its report lines. */
export function runCliBench({ runs = Number(process.env.BENCH_RUNS ?? 10), log = (_: string) => {} } = {}): string[] {
  const node = process.execPath;
  const baseline: Case = { label: 'node -e 0', command: node, args: ['-e', '0'] };
  const help: Case = { label: 'node bin/qunxi.mjs --help', command: node, args: ['bin/qunxi.mjs', '--help'] };
  const npmHelp: Case = { label: 'npm run qunxi -- --help', command: 'npm', args: ['run', 'qunxi', '--', '--help'] };
  const cases = [baseline, help, npmHelp];
  // Untimed first run: builds the bundle if a source changed, and warms the file cache.
  for (const c of cases) timeOnce(c);
  log(`cli: ${runs} runs each of ${cases.map((c) => c.label).join(', ')}…`);
  const times = new Map(cases.map((c) => [c, [] as number[]]));
  for (let i = 0; i < runs; i++) for (const c of cases) times.get(c)!.push(timeOnce(c));
  const [base, helpMs, npmMs] = cases.map((c) => median(times.get(c)!)) as [number, number, number];
  // The fastest run is the one least slowed by other work on a shared machine; its margin over
  // the baseline's fastest is what the help itself costs.
  const [baseMin, helpMin] = [baseline, help].map((c) => Math.min(...times.get(c)!)) as [number, number];
  const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
  return [
    `command line start-up (medians of ${runs} runs, each a new process; fastest run in brackets):`,
    `  baseline node -e 0            : ${ms(base)} [${ms(baseMin).trim()}]`,
    `  qunxi --help (bin/qunxi.mjs)  : ${ms(helpMs)} [${ms(helpMin).trim()}] (${ms(helpMs - base).trim()} over the baseline, fastest ${ms(helpMin - baseMin).trim()}; target < ${TARGET_HELP_MS} ms: ${helpMs < TARGET_HELP_MS ? 'ok' : 'MISSED'})`,
    `  npm run qunxi -- --help       : ${ms(npmMs)} (npm's own start-up included)`,
  ];
}
