import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiError, ImportJob, Method, Responses, Result } from '../api/contract';
import { createContext, defaultPaths } from '../api/context';
import { inProcessClient } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { isAppError, toApiError } from '../core/appError';
import { parseCliArgs, USAGE, type ImportCommand, type MetricsCommand } from './args';
import { importSummary, metricsToCsv, metricsToJson } from './output';

/** Where the CLI writes and what it knows of its surroundings; a port so tests can run it in-process. */
export interface CliIo {
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  /** Whether stderr is a terminal (then import progress is drawn). */
  isStderrTty: boolean;
  /** Environment (QUNXI_* folder overrides). */
  env: NodeJS.ProcessEnv;
  /** Repository root, for the default folders. */
  repoRoot: string;
}

/** A failure carrying the API error whose message becomes the last stderr line. */
class CliFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

type Client = <K extends Method>(name: K, req: unknown) => Promise<Result<Responses[K]>>;

async function must<K extends Method>(call: Client, name: K, req: unknown): Promise<Responses[K]> {
  const r = await call(name, req);
  if (!r.ok) throw new CliFailure(r.error);
  return r.value;
}

const POLL_MS = 50;

/** Starts one import and polls it to the end, drawing progress on a terminal. */
async function importOne(call: Client, io: CliIo, file: string, kind: ImportCommand['kind']): Promise<ImportJob> {
  let job = await must(call, 'import:start', { source: { path: file }, ...(kind ? { kind } : {}) });
  while (job.state === 'running') {
    await sleep(POLL_MS);
    job = await must(call, 'import:status', { jobId: job.jobId });
    if (io.isStderrTty && job.state === 'running') {
      const pct = job.fraction === null ? '' : `（${Math.round(job.fraction * 100)}%）`;
      const doing = job.phase === 'writing' ? '正在写入' : '正在读取';
      io.err(`\r\x1b[2K${doing} ${job.fileName}：${job.rowsRead} 行${pct}`);
    }
  }
  if (io.isStderrTty) io.err('\r\x1b[2K');
  return job;
}

async function runImport(call: Client, io: CliIo, cmd: ImportCommand): Promise<void> {
  const target = path.resolve(cmd.project);
  if (existsSync(target)) {
    await must(call, 'project:open', { path: target });
  } else {
    await must(call, 'project:new', { path: target });
    io.err(`已新建项目 ${target}\n`);
  }
  let lastFailure: ApiError | null = null;
  for (const file of cmd.files) {
    const job = await importOne(call, io, path.resolve(file), cmd.kind);
    if (job.state === 'done' && job.result) {
      io.err(`${importSummary(job.result)}\n`);
    } else {
      lastFailure = job.error ?? { code: 'INTERNAL', message: `导入 ${job.fileName} 未完成` };
      // Other files still get imported; the run fails at the end with this reason.
      io.err(`导入失败 ${job.fileName}：${lastFailure.message}\n`);
    }
  }
  if (lastFailure) throw new CliFailure(lastFailure);
}

async function runMetrics(call: Client, io: CliIo, cmd: MetricsCommand): Promise<void> {
  await must(call, 'project:open', { path: path.resolve(cmd.project) });
  const rows = await must(call, 'metrics:query', {
    period: cmd.period,
    ...(cmd.from ? { from: cmd.from } : {}),
    ...(cmd.to ? { to: cmd.to } : {}),
    ...(cmd.groups.length ? { groups: cmd.groups } : {}),
  });
  io.out(cmd.format === 'csv' ? metricsToCsv(rows) : metricsToJson(rows));
  io.err(`${rows.length} 个${{ day: '日', week: '周', month: '月' }[cmd.period]}度区间\n`);
}

/**
 * Runs one command line through the same handlers every other transport uses and returns the
 * exit status: 0 done, 1 failed, 2 bad usage. On failure the last stderr line is the reason.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let cmd;
  try {
    cmd = parseCliArgs(argv);
  } catch (e) {
    io.err(`${USAGE}\n${toApiError(e).message}\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const call: Client = inProcessClient(createHandlers(createContext('cli', defaultPaths(io.repoRoot, io.env))));
  let status = 0;
  let reason = '';
  try {
    if (cmd.command === 'import') await runImport(call, io, cmd);
    else await runMetrics(call, io, cmd);
  } catch (e) {
    status = 1;
    reason = e instanceof CliFailure ? e.error.message : isAppError(e) ? e.message : toApiError(e).message;
  }
  const closed = await call('project:close', {});
  if (!closed.ok && status === 0) {
    status = 1;
    reason = closed.error.message;
  }
  if (status !== 0) io.err(`${reason.split('\n')[0]}\n`);
  return status;
}
