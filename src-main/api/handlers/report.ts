/**
 * The report workbook (DESIGN §7 周报 / 月报) as a background job: start returns at once, status
 * polls, cancel aborts. The figures come from the other handlers through the same dispatch every
 * transport uses (one figure, one definition: the cover's key figures are the metrics API's), the
 * sheets are built from their answers (export/reportCover.ts, reportSheets.ts), and a worker draws
 * the charts and writes the xlsx (export/report.ts), so the main process only awaits.
 */
import { randomUUID } from 'node:crypto';
import type { DateRange, DomainHandlers, Method, ParsedReq, Req, ReportJob, Responses, Result } from '../../contract';
import { AppError, toApiError } from '../../contract/appError';
import { safeFileName } from '../../contract/fileName';
import { cancelledError } from '../../db/cancellation';
import { projectNameOf } from '../../db/projectTarget';
import { resolveAsOf } from '../../analysis/features/featuresQueries';
import { writeReportInWorker } from '../../export/report';
import { coverSheet, metricsSheet } from '../../export/reportCover';
import type { ReportDocument, ReportSheet } from '../../export/reportDocument';
import { reportDates } from '../../export/reportPeriod';
import { abtestSheet, channelsSheet, churnSheet, communitySheet, contributionSheet, funnelSheet, growthSheet, quadrantSheet, vvipSheet, type SavedAbtestAnswer } from '../../export/reportSheets';
import { reportText } from '../../locale/report';
import { requireProject, type AppContext, type CallContext } from '../context';
import { jobStore } from '../jobStore';

/** The API as the report asks it: validated and shaped like any call, answering errors as data. */
export type ReportClient = <K extends Method>(name: K, req: Req<K>, call: CallContext) => Promise<Result<Responses[K]>>;

interface JobEntry {
  job: ReportJob;
  controller: AbortController;
}

/** Share of the progress bar the analyses take; the charts and the writing share the rest. */
const GATHER_SHARE = 0.6;
const CHARTS_SHARE = 0.35;

/** Jobs per app context; a finished job is kept (with its file) until its end is asked for once. */
const jobsOf = jobStore<JobEntry>();

/** The local day `now` is in `timeZone`, ISO. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * The report's document: every analysis asked in turn (`onStep` after each), its answer made a
 * sheet. A failed analysis becomes a sheet saying why; a cancelled one ends the report.
 */
export async function reportDocument(
  ctx: AppContext,
  ask: ReportClient,
  req: ParsedReq<'report:start'>,
  signal: AbortSignal,
  onStep: (fraction: number) => void,
): Promise<{ doc: ReportDocument; fileName: string; covers: DateRange }> {
  const project = requireProject(ctx);
  const groups = req.groups?.length ? req.groups : undefined;
  const lastDay = await project.db.use((sql) => resolveAsOf(sql, project.timeZone), { signal });
  const dates = reportDates(req.period, lastDay, req.from, req.to);
  const { current, previous, trend } = dates;
  const range = { from: current.from, to: current.to, ...(groups ? { groups } : {}) };
  const steps = 11;
  let done = 0;
  const call = async <K extends Method>(name: K, r: Req<K>): Promise<Result<Responses[K]>> => {
    const answer = await ask(name, r, { signal });
    if (signal.aborted || (!answer.ok && answer.error.code === 'CANCELLED')) throw cancelledError();
    onStep((++done / steps) * GATHER_SHARE);
    return answer;
  };

  const trendRows = await call('metrics:query', { period: req.period, from: trend.from, to: trend.to, ...(groups ? { groups } : {}) });
  if (!trendRows.ok) throw new AppError(trendRows.error.code, trendRows.error.message);
  const rows = trendRows.value;
  // The cover's two periods as the metrics API answers them: rows of the trend when the report period is a whole one, else asked for.
  let at = rows.findIndex((r) => r.period_start === current.from && r.period_end === current.to);
  let coverRows = rows;
  if (at < 0) {
    const asked = await call('metrics:query', { period: req.period, from: previous.from, to: current.to, ...(groups ? { groups } : {}) });
    coverRows = asked.ok ? asked.value : [];
    at = coverRows.length - 1;
  } else done += 1;
  const name = projectNameOf(project.path);
  const sheets: ReportSheet[] = [
    coverSheet({ project: name, groups: groups ?? [], period: req.period, current, previous, generated: today(project.timeZone) }, coverRows[at] ?? null, coverRows[at - 1] ?? null),
    metricsSheet(req.period, rows),
  ];
  sheets.push(funnelSheet(await call('funnel:query', { ...range, mode: 'period' })));
  sheets.push(churnSheet(await call('churn:query', { ...range, period: req.period })));
  sheets.push(channelsSheet(await call('channels:query', range)));
  const quadrant = await call('quadrant:query', groups ? { groups } : {});
  // Only the counts: the per-person columns are as long as the people.
  sheets.push(quadrantSheet(quadrant.ok ? { ok: true, value: { counts: quadrant.value.counts } } : quadrant));
  sheets.push(vvipSheet(await call('vvip:query', groups ? { groups } : {})));
  sheets.push(growthSheet(await call('decision:growthPoints', range)));
  const saved = await call('decision:abtests', {});
  const answers: SavedAbtestAnswer[] = [];
  for (const s of saved.ok ? saved.value : []) answers.push({ saved: s, answer: await ask('decision:abtest', s.request, { signal }) });
  if (signal.aborted) throw cancelledError();
  sheets.push(abtestSheet(saved.ok ? { ok: true, value: answers } : saved));
  sheets.push(communitySheet(await call('decision:communityEffect', groups ? { groups } : {})));
  sheets.push(contributionSheet(await call('decision:contribution', groups ? { groups } : {})));

  const kind = reportText.periodName[req.period];
  return {
    doc: { title: reportText.title(name, kind, current.from, current.to), sheets },
    fileName: safeFileName(reportText.fileName(name, kind, current.from, current.to), 'Qunxi.xlsx'),
    covers: current,
  };
}

/** The report job methods; `ask` reaches the other handlers through dispatch. */
export function reportHandlers(ctx: AppContext, ask: ReportClient): DomainHandlers<'report'> {
  const jobs = jobsOf(ctx);
  const find = (jobId: string): JobEntry => {
    const entry = jobs.get(jobId);
    if (!entry) throw new AppError('REPORT_JOB_NOT_FOUND', reportText.worker.jobNotFound, { jobId });
    return entry;
  };
  const snapshot = (entry: JobEntry): ReportJob => ({ ...entry.job });
  return {
    'report:start': async (req) => {
      requireProject(ctx);
      const entry: JobEntry = { controller: new AbortController(), job: { jobId: randomUUID(), state: 'running', stage: 'gathering', fraction: 0 } };
      jobs.set(entry.job.jobId, entry);
      const { signal } = entry.controller;
      const progress = (stage: ReportJob['stage'], fraction: number) => {
        if (entry.job.state === 'running') entry.job = { ...entry.job, stage, fraction };
      };
      const run = async () => {
        const { doc, fileName, covers } = await reportDocument(ctx, ask, req, signal, (f) => progress('gathering', f));
        entry.job = { ...entry.job, covers };
        const bytes = await writeReportInWorker(doc, {
          signal,
          onProgress: (p) =>
            p.stage === 'charts' ? progress('charts', GATHER_SHARE + (p.done / Math.max(1, p.total)) * CHARTS_SHARE) : progress('writing', GATHER_SHARE + CHARTS_SHARE),
        });
        return { fileName, base64: bytes.toString('base64') };
      };
      run().then(
        (file) => {
          entry.job = { ...entry.job, state: 'done', stage: 'finished', fraction: 1, file };
        },
        (e: unknown) => {
          const error = toApiError(e);
          entry.job = { ...entry.job, state: error.code === 'CANCELLED' ? 'cancelled' : 'failed', stage: 'finished', error };
        },
      );
      return snapshot(entry);
    },
    'report:status': async (req) => {
      const entry = find(req.jobId);
      // A finished job is handed over once: its file (megabytes of base64) is not kept for the life of the process.
      if (entry.job.state !== 'running') jobs.delete(req.jobId);
      return snapshot(entry);
    },
    'report:cancel': async (req) => {
      const entry = find(req.jobId);
      if (entry.job.state === 'running') entry.controller.abort();
      return snapshot(entry);
    },
  };
}
