/**
 * Everything a command does once its line is parsed: the handlers, the project, DuckDB and the
 * import worker. run.ts loads this module only after the arguments are known to name a command,
 * so `--help` and usage errors start without DuckDB or exceljs (DESIGN §6: the CLI starts in
 * well under a second).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Api, ApiError, ImportBatchJob, ImportStartRequest, MappingTemplate, Method, Responses, Result, TableMapping, TablePreview } from '../contract';
import { createContext, defaultPaths, type AppContext } from '../api/context';
import { inProcessClient } from '../api/dispatch';
import { AppError, firstLine, toApiError } from '../contract/appError';
import { cliRunText as text } from '../locale/cli';
import { errorMessage } from '../locale/errors';
import { headerSetKey, mappingFromTemplate, normaliseHeader, templatesFromDocument } from '../import/templateStore';
import type { AnalysisCommand, CliCommand, ImportCommand, ImportsCommand, MetricsCommand, TemplatesCommand } from './args';
import { historyToCsv, historyToJson } from './historyOutput';
import { isProjectCommand, runProjectCommand } from './projectCommands';
import { runReport } from './report';
import type { CliIo } from './io';
import { importSummary, metricsToCsv, metricsToJson, rowsToCsv, skippedCsvHead, skippedCsvLines } from './output';

/** A failure carrying the API error whose message becomes the last stderr line, and the exit status. */
class CliFailure extends Error {
  constructor(
    readonly error: ApiError,
    readonly status = 1,
  ) {
    super(error.message);
  }
}

/** Exit status of a run the user interrupted with Ctrl+C (128 + SIGINT, as a shell reports it). */
const INTERRUPTED_STATUS = 130;

type Client = <K extends Method>(name: K, req: unknown) => Promise<Result<Responses[K]>>;

async function must<K extends Method>(call: Client, name: K, req: unknown): Promise<Responses[K]> {
  const r = await call(name, req);
  if (!r.ok) throw new CliFailure(r.error);
  return r.value;
}

/** Ends the command with an API error as its reason. */
function failWith(error: ApiError): never {
  throw new CliFailure(error);
}

const POLL_MS = 50;

/**
 * Imports the files as one batch (each file its own all-or-nothing import; a failed one does not
 * stop the others) and polls it to the end, drawing one progress line over all files on a
 * terminal and each file's summary or failure as it ends. Ctrl+C cancels the batch: the files done
 * stay, the one in progress rolls back, the rest never start; it then ends with status 130.
 * Returns each file's failure by its index.
 */
async function importAllFiles(call: Client, io: CliIo, project: string, files: ImportStartRequest[]): Promise<Map<number, ApiError>> {
  const failures = new Map<number, ApiError>();
  const started = await must(call, 'import:startBatch', { files });
  let isInterrupted = false;
  const stopListening = io.onInterrupt?.(() => {
    isInterrupted = true;
    io.err(`${io.isStderrTty ? '\r\x1b[2K' : ''}${text.importCancelling}\n`);
    // The answer is the job as it stands; the polling below sees it end.
    void call('import:batchCancel', { jobId: started.jobId });
  });
  let job: ImportBatchJob;
  try {
    job = await pollBatch(call, io, project, started, failures);
  } finally {
    stopListening?.();
  }
  if (isInterrupted && job.state === 'cancelled') {
    const done = job.files.filter((f) => f.state === 'done').length;
    throw new CliFailure({ code: 'IMPORT_CANCELLED', message: text.importInterrupted(done, job.files.length) }, INTERRUPTED_STATUS);
  }
  return failures;
}

/** Polls a batch to its end, reporting each file as it ends (its failure into `failures`); the batch as it ended. */
async function pollBatch(call: Client, io: CliIo, project: string, started: ImportBatchJob, failures: Map<number, ApiError>): Promise<ImportBatchJob> {
  let job = started;
  let reported = 0;
  for (;;) {
    for (; reported < job.files.length; reported++) {
      const file = job.files[reported]!;
      if (file.state === 'waiting' || file.state === 'running') break;
      if (io.isStderrTty) io.err('\r\x1b[2K');
      if (file.state === 'done' && file.result) io.err(`${importSummary(file.result, project)}\n`);
      else if (file.state === 'notStarted') io.err(`${text.importNotStarted(file.fileName)}\n`);
      else if (file.state === 'cancelled') {
        failures.set(reported, file.error ?? { code: 'IMPORT_CANCELLED', message: text.importCancelled(file.fileName) });
        io.err(`${text.importCancelled(file.fileName)}\n`);
      } else {
        const error = file.error ?? { code: 'INTERNAL', message: text.importUnfinished(file.fileName) };
        failures.set(reported, error);
        io.err(`${text.importFailed(file.fileName, errorMessage(error))}\n`);
      }
    }
    if (job.state !== 'running') break;
    const current = job.files[job.current];
    if (io.isStderrTty && job.phase === 'preparing') io.err(`\r\x1b[2K${text.preparingProgress}`);
    else if (io.isStderrTty && current) {
      io.err(`\r\x1b[2K${text.batchProgress(job.current + 1, job.files.length, current.fileName, job.phase === 'writing', job.rowsRead, Math.round(job.fraction * 100))}`);
    }
    await sleep(POLL_MS);
    job = await must(call, 'import:batchStatus', { jobId: job.jobId });
  }
  if (io.isStderrTty) io.err('\r\x1b[2K');
  return job;
}

/** The templates `--template` names: those of a document file, or those saved in the project under that name. */
async function templatesOf(call: Client, spec: string): Promise<{ templates: MappingTemplate[]; isFile: boolean }> {
  if (existsSync(spec) || /\.json$/i.test(spec)) {
    let content: string;
    try {
      content = await fs.readFile(spec, 'utf8');
    } catch {
      throw new AppError('TEMPLATE_NOT_FOUND', text.templateUnreadable(spec));
    }
    const templates = templatesFromDocument(content).map((t, i) => ({ ...t, id: `file-${i}`, savedAt: '' }));
    return { templates, isFile: true };
  }
  const templates = (await must(call, 'templates:list', {})).filter((t) => t.name === spec);
  if (templates.length === 0) throw new AppError('TEMPLATE_NOT_FOUND', text.noSuchTemplate(spec));
  return { templates, isFile: false };
}

/**
 * The mapping `--template` gives a file: the template whose header set equals a table's headers;
 * for a template named on the command line also a table that has every header it maps. Null when
 * a template file has none for this file (it is then detected as usual).
 */
async function templateMapping(call: Client, io: CliIo, file: string, spec: string, given: { templates: MappingTemplate[]; isFile: boolean }, kind: ImportCommand['kind']): Promise<TableMapping | null> {
  const preview = await must(call, 'import:inspect', { source: { path: file }, ...(kind ? { kind } : {}) });
  const candidates = given.templates.filter((t) => !kind || t.kind === kind);
  const exact = (table: TablePreview) => candidates.find((t) => headerSetKey(t.headers) === headerSetKey(table.headers));
  const covers = (table: TablePreview) => {
    const have = new Set(table.headers.map(normaliseHeader));
    return candidates.find((t) => Object.keys(t.fields).every((h) => have.has(normaliseHeader(h.replace(/#\d+$/, '')))));
  };
  for (const pick of given.isFile ? [exact] : [exact, covers]) {
    for (const table of preview.tables) {
      const t = pick(table);
      if (t) {
        io.err(`${text.usesTemplate(path.basename(file), t.name)}\n`);
        return mappingFromTemplate(table, t);
      }
    }
  }
  if (!given.isFile) throw new AppError('TEMPLATE_INVALID', text.templateMismatch(path.basename(file), spec));
  io.err(`${text.noTemplateForFile(path.basename(file))}\n`);
  return null;
}

async function openOrCreate(call: Client, io: CliIo, project: string): Promise<void> {
  const target = path.resolve(project);
  if (existsSync(target)) {
    await must(call, 'project:open', { path: target });
  } else {
    await must(call, 'project:new', { path: target });
    io.err(`${text.projectCreated(target)}\n`);
  }
}

async function runImport(call: Client, io: CliIo, cmd: ImportCommand): Promise<void> {
  await openOrCreate(call, io, cmd.project);
  const templates = cmd.template ? await templatesOf(call, cmd.template) : null;
  // Failures by the file's place on the command line: other files still get imported, and the run
  // fails at the end with the reason of the last file that failed.
  const failures = new Map<number, ApiError>();
  const requests: { index: number; request: ImportStartRequest }[] = [];
  for (const [index, file] of cmd.files.entries()) {
    const full = path.resolve(file);
    let mapping: TableMapping | null = null;
    if (cmd.template && templates) {
      try {
        mapping = await templateMapping(call, io, full, cmd.template, templates, cmd.kind);
      } catch (e) {
        const failure = e instanceof CliFailure ? e.error : toApiError(e);
        failures.set(index, failure);
        io.err(`${text.importFailed(path.basename(file), errorMessage(failure))}\n`);
        continue;
      }
    }
    requests.push({ index, request: { source: { path: full }, ...(mapping ? { mapping } : cmd.kind ? { kind: cmd.kind } : {}) } });
  }
  if (requests.length) {
    const batchFailures = await importAllFiles(call, io, cmd.project, requests.map((r) => r.request));
    for (const [i, failure] of batchFailures) failures.set(requests[i]!.index, failure);
  }
  const lastFailure = [...failures.entries()].sort((a, b) => a[0] - b[0]).at(-1)?.[1];
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
  io.err(`${text.periodCount(rows.length, cmd.period)}\n`);
}

async function runAnalysis(call: Client, io: CliIo, cmd: AnalysisCommand): Promise<void> {
  await must(call, 'project:open', { path: path.resolve(cmd.project) });
  const { analysisCommands } = await import('./commands');
  const spec = analysisCommands.find((c) => c.name === cmd.name)!;
  const scope = { ...(cmd.from ? { from: cmd.from } : {}), ...(cmd.to ? { to: cmd.to } : {}), ...(cmd.groups.length ? { groups: cmd.groups } : {}) };
  let output;
  try {
    output = await spec.run(call, cmd.params, scope);
  } catch (e) {
    const apiError = (e as { apiError?: ApiError }).apiError;
    throw apiError ? new CliFailure(apiError) : e;
  }
  io.out(cmd.format === 'csv' ? rowsToCsv(output.columns, output.rows) : `${JSON.stringify(output.rows, null, 2)}\n`);
  io.err(`${output.summary}\n`);
}

async function runTemplates(call: Client, io: CliIo, cmd: TemplatesCommand): Promise<void> {
  await must(call, 'project:open', { path: path.resolve(cmd.project) });
  if (cmd.action === 'export') {
    const doc = await must(call, 'templates:export', {});
    const count = (JSON.parse(doc) as { templates: unknown[] }).templates.length;
    if (cmd.file) {
      await fs.writeFile(cmd.file, doc, 'utf8');
      io.err(`${text.templatesExported(count, cmd.file)}\n`);
    } else {
      io.out(doc);
      io.err(`${text.templatesExported(count, null)}\n`);
    }
    return;
  }
  let content: string;
  try {
    content = await fs.readFile(cmd.file!, 'utf8');
  } catch {
    throw new AppError('TEMPLATE_NOT_FOUND', text.templateUnreadable(cmd.file!));
  }
  const all = await must(call, 'templates:import', { content });
  io.err(`${text.templatesImported(path.basename(cmd.file!), all.length)}\n`);
}

async function runImports(call: Client, io: CliIo, cmd: ImportsCommand): Promise<void> {
  await must(call, 'project:open', { path: path.resolve(cmd.project) });
  if (cmd.action === 'list') {
    const history = await must(call, 'import:history', {});
    io.out(cmd.format === 'csv' ? historyToCsv(history) : historyToJson(history));
    io.err(`${text.importCount(history.length)}\n`);
    return;
  }
  if (cmd.action === 'skipped') {
    await writeSkipped(call, io, cmd.importId, cmd.format);
    return;
  }
  const history = await must(call, 'import:remove', { importId: cmd.importId });
  io.err(`${text.importRemoved(cmd.importId, history.length)}\n`);
}

/** Rows per page of `imports skipped`: the list is written as it is read, never held whole. */
const SKIPPED_PAGE = 5000;

/** Writes every row an import skipped, in file order, as JSON (one array) or CSV. */
async function writeSkipped(call: Client, io: CliIo, importId: number, format: 'json' | 'csv'): Promise<void> {
  io.out(format === 'csv' ? skippedCsvHead() : '[');
  let total = 0;
  for (let offset = 0; ; offset += SKIPPED_PAGE) {
    const page = await must(call, 'import:skipped', { importId, offset, limit: SKIPPED_PAGE });
    total = page.total;
    if (format === 'csv') io.out(skippedCsvLines(page.rows));
    else io.out(page.rows.map((r, i) => `${offset + i === 0 ? '\n' : ',\n'}  ${JSON.stringify(r)}`).join(''));
    if (page.rows.length < SKIPPED_PAGE) break;
  }
  if (format === 'json') io.out(total ? '\n]\n' : ']\n');
  io.err(`${text.skippedCount(importId, total)}\n`);
}

/**
 * The handlers a command calls, with only their modules loaded. An analysis or a report asks the
 * whole API (and its statistics packages, @stdlib and ml-matrix: some 0.3 CPU-seconds of a
 * process's start); an import, the import history, templates, 指标 and the project commands call
 * the project, import, template and metrics handlers alone (`project:close` ends every command).
 * A method outside them is UNKNOWN_METHOD, as from any transport.
 */
async function handlersFor(cmd: Exclude<CliCommand, { command: 'help' }>, ctx: AppContext): Promise<Api> {
  if (cmd.command === 'analysis' || cmd.command === 'report') return (await import('../api/handlers')).createHandlers(ctx);
  const [project, imports, templates, metrics] = await Promise.all([
    import('../api/handlers/project'),
    import('../api/handlers/import'),
    import('../api/handlers/templates'),
    import('../api/handlers/metrics'),
  ]);
  return { ...project.projectHandlers(ctx), ...imports.importHandlers(ctx), ...templates.templateHandlers(ctx), ...metrics.metricsHandlers(ctx) } as Api;
}

/**
 * Runs a parsed command through the same handlers every other transport uses and returns the
 * exit status: 0 done, 1 failed, 130 an import cancelled by Ctrl+C. On failure the last stderr line is the reason.
 */
export async function executeCommand(cmd: Exclude<CliCommand, { command: 'help' }>, io: CliIo): Promise<number> {
  const call: Client = inProcessClient(await handlersFor(cmd, createContext('cli', defaultPaths(io.repoRoot, io.env))));
  let status = 0;
  let reason = '';
  try {
    if (isProjectCommand(cmd)) await runProjectCommand(call, must, io, cmd);
    else if (cmd.command === 'import') await runImport(call, io, cmd);
    else if (cmd.command === 'templates') await runTemplates(call, io, cmd);
    else if (cmd.command === 'imports') await runImports(call, io, cmd);
    else if (cmd.command === 'analysis') await runAnalysis(call, io, cmd);
    else if (cmd.command === 'report') await runReport(call, io, cmd, (r) => (r.ok ? r.value : failWith(r.error)));
    else await runMetrics(call, io, cmd);
  } catch (e) {
    status = e instanceof CliFailure ? e.status : 1;
    reason = errorMessage(e instanceof CliFailure ? e.error : toApiError(e));
  }
  const closed = await call('project:close', {});
  if (!closed.ok && status === 0) {
    status = 1;
    reason = errorMessage(closed.error);
  }
  if (status !== 0) io.err(`${firstLine(reason)}\n`);
  return status;
}
