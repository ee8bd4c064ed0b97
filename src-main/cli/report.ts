/**
 * `report --project P --out FILE.xlsx [--period week|month] [--from] [--to] [--group NAME]…`: the
 * report workbook (DESIGN §7) through the same `report:*` job the app's top bar starts, its progress
 * drawn on a terminal, the file written where --out says.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiError, Method, ReportJob, ReportPeriod, Responses, Result } from '../contract';
import { AppError } from '../contract/appError';
import { reportText } from '../locale/report';
import type { CliIo } from './io';

/** A parsed `report` command line. */
export interface ReportCommand {
  command: 'report';
  project: string;
  period: ReportPeriod;
  from?: string;
  to?: string;
  groups: string[];
  /** Where the workbook is written. */
  out: string;
}

type Client = <K extends Method>(name: K, req: unknown) => Promise<Result<Responses[K]>>;

const POLL_MS = 100;

/** Checks what only `report` takes (the shared options are checked by args.ts); a usage error otherwise. */
export function checkReportOut(out: string | undefined, positionals: string[]): string {
  if (positionals.length > 0) throw new AppError('INVALID_REQUEST', reportText.cli.noPositionals(positionals[0]!));
  if (!out) throw new AppError('INVALID_REQUEST', reportText.cli.needsOut);
  if (!/\.xlsx$/i.test(out)) throw new AppError('INVALID_REQUEST', reportText.cli.outNotXlsx(out));
  return out;
}

/** Writes the report; `must` unwraps an API answer or throws its error for the caller to report. */
export async function runReport(call: Client, io: CliIo, cmd: ReportCommand, must: <T>(r: Result<T>) => T): Promise<void> {
  must(await call('project:open', { path: path.resolve(cmd.project) }));
  let job: ReportJob = must(
    await call('report:start', { period: cmd.period, ...(cmd.from ? { from: cmd.from } : {}), ...(cmd.to ? { to: cmd.to } : {}), ...(cmd.groups.length ? { groups: cmd.groups } : {}) }),
  );
  while (job.state === 'running') {
    await sleep(POLL_MS);
    job = must(await call('report:status', { jobId: job.jobId }));
    if (io.isStderrTty && job.state === 'running') io.err(`\r\x1b[2K${reportText.cli.progress(reportText.stages[job.stage], Math.round(job.fraction * 100))}`);
  }
  if (io.isStderrTty) io.err('\r\x1b[2K');
  if (job.state !== 'done' || !job.file) must({ ok: false, error: job.error ?? ({ code: 'INTERNAL', message: reportText.stages[job.stage] } satisfies ApiError) });
  const target = path.resolve(cmd.out);
  try {
    await fs.writeFile(target, Buffer.from(job.file!.base64, 'base64'));
  } catch (e) {
    throw new AppError('INTERNAL', reportText.cli.writeFailed(target, e instanceof Error ? e.message : String(e)));
  }
  io.err(`${reportText.cli.written(target, job.covers?.from ?? '', job.covers?.to ?? '')}\n`);
}
