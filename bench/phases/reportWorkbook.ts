// The report workbook (issue 15 item 1) on a generated project, through the real handlers:
// `report:start` polled to the end, the time of each stage (the analyses, the charts, the
// writing) taken from the job's own progress. A yardstick first (metrics:query by week over all
// the data) says how fast the machine is right now.
//
// argv: project file (a copy of its own: others' benches may hold the cached one), temp folder.
// Prints one JSON line.
import os from 'node:os';
import path from 'node:path';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { ReportJob } from '../../src-main/contract';
import { tempPaths } from '../../test/support/tempDirs';

const [projectPath, work] = process.argv.slice(2) as [string, string];
// repoRoot given explicitly: tempPaths' default uses __dirname, which tsx's ESM mode lacks.
const call = inProcessClient(createHandlers(createContext('cli', tempPaths(work, path.resolve(import.meta.dirname, '../..')))));

/** One report: total and per-stage milliseconds, and the workbook's size. */
async function timeReport(req: Record<string, unknown>): Promise<{ ms: number; stages: Record<string, number>; bytes: number; covers: string }> {
  const started = performance.now();
  let job: ReportJob = unwrap(await call('report:start', req));
  const stages: Record<string, number> = {};
  let stage = job.stage;
  let stageStart = started;
  while (job.state === 'running') {
    await sleep(10);
    job = unwrap(await call('report:status', { jobId: job.jobId }));
    if (job.stage !== stage) {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + now - stageStart;
      stage = job.stage;
      stageStart = now;
    }
  }
  const ms = performance.now() - started;
  if (job.state !== 'done' || !job.file) throw new Error(`report ${job.state}: ${job.error?.message}`);
  return { ms, stages, bytes: Buffer.byteLength(job.file.base64, 'base64'), covers: `${job.covers?.from} – ${job.covers?.to}` };
}

const loadBefore = os.loadavg()[0]!;
let t0 = performance.now();
unwrap(await call('project:open', { path: projectPath }));
const openMs = performance.now() - t0;
// The yardstick and the first use of the derived tables, so the reports below measure themselves.
t0 = performance.now();
unwrap(await call('metrics:query', { period: 'week' }));
const yardstickFirstMs = performance.now() - t0;
t0 = performance.now();
unwrap(await call('metrics:query', { period: 'week' }));
const yardstickMs = performance.now() - t0;

const yearFrom = '2025-11-17';
const yearTo = '2026-11-15';
const year = await timeReport({ period: 'week', from: yearFrom, to: yearTo });
const latest = await timeReport({ period: 'week' });
const month = await timeReport({ period: 'month' });
unwrap(await call('project:close', {}));
process.stdout.write(
  `${JSON.stringify({
    openMs,
    yardstickFirstMs,
    yardstickMs,
    year,
    latest,
    month,
    fileMb: statSync(projectPath).size / 1e6,
    loadBefore,
    loadAfter: os.loadavg()[0]!,
    cpus: os.cpus().length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
