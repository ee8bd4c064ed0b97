import { parseArgs } from 'node:util';
import type { ImportKind, Period } from '../contract';
import { AppError, firstLine } from '../contract/appError';
import { isCalendarDate } from '../analysis/base/calendar';
// The zod-free id lists: the contract's index loads zod, which `--help` would pay for.
import { importKinds } from '../contract/ids';
import { analysisCommands } from './commands';
import type { CliValues } from './commands/types';
import { cliText, withPlaceholders } from '../locale/cli';
import { parseProjectCommand, projectCommandNames, projectCommandUsage, type ProjectCommand } from './projectCommands';
import { reportText } from '../locale/report';
import { checkReportOut, type ReportCommand } from './report';

/** `import --project P FILE… [--kind K] [--template FILE.json|NAME]` */
export interface ImportCommand {
  command: 'import';
  project: string;
  files: string[];
  kind?: ImportKind;
  /** A templates document exported by `templates export`, or the name of a template saved in the project. */
  template?: string;
}

/** `templates --project P export [FILE]` or `templates --project P import FILE` */
export interface TemplatesCommand {
  command: 'templates';
  project: string;
  action: 'export' | 'import';
  /** Where to write (export; stdout when absent) or what to read (import). */
  file?: string;
}

/** `imports --project P [--format json|csv]` (history), `imports --project P skipped ID [--format json|csv]` (its skipped rows) or `imports --project P remove ID` */
export type ImportsCommand =
  | { command: 'imports'; project: string; action: 'list'; format: 'json' | 'csv' }
  | { command: 'imports'; project: string; action: 'skipped'; importId: number; format: 'json' | 'csv' }
  | { command: 'imports'; project: string; action: 'remove'; importId: number };

/** `metrics --project P --period day|week|month [--from] [--to] [--group NAME]… --format json|csv` */
export interface MetricsCommand {
  command: 'metrics';
  project: string;
  period: Period;
  from?: string;
  to?: string;
  groups: string[];
  format: 'json' | 'csv';
}

/** `help`, `--help` or `-h`. */
export interface HelpCommand {
  command: 'help';
}

/** An analysis subcommand (see cli/commands): its name, the scope, the output format and its own parsed options. */
export interface AnalysisCommand {
  command: 'analysis';
  name: string;
  project: string;
  from?: string;
  to?: string;
  groups: string[];
  format: 'json' | 'csv';
  params: unknown;
}

/** A parsed command line. */
export type CliCommand = ProjectCommand | ImportCommand | MetricsCommand | TemplatesCommand | ImportsCommand | AnalysisCommand | ReportCommand | HelpCommand;

/** Usage text in the current language, printed by `help` and after a usage error. */
export function usage(): string {
  const lines = `${cliText.usageTitle}
  npm run qunxi -- import    --project P.qunxi [--kind KIND] [--template TEMPLATE.json|TEMPLATE_NAME] FILE…
  npm run qunxi -- metrics   --project P.qunxi --period day|week|month
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]
  npm run qunxi -- templates --project P.qunxi export [TEMPLATE.json]
  npm run qunxi -- templates --project P.qunxi import TEMPLATE.json
  npm run qunxi -- imports   --project P.qunxi [--format json|csv]
  npm run qunxi -- imports   --project P.qunxi skipped IMPORT_ID [--format json|csv]
  npm run qunxi -- imports   --project P.qunxi remove IMPORT_ID
${projectCommandUsage.map((u) => `  npm run qunxi -- ${u}`).join('\n')}
${analysisCommands.map((c) => `  npm run qunxi -- ${c.usage}`).join('\n')}
  npm run qunxi -- ${reportText.cli.usage}`;
  return `${withPlaceholders(lines)}\n${cliText.usageNotes(importKinds.join(' | '))}\n${cliText.langNote}`;
}

const baseOptions = {
  project: { type: 'string' },
  kind: { type: 'string' },
  template: { type: 'string' },
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  group: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The base options plus every analysis command's own (parseArgs needs them all up front). */
const options = Object.assign({}, ...analysisCommands.map((c) => c.options), baseOptions) as typeof baseOptions;

const periods: readonly Period[] = ['day', 'week', 'month'];
const formats = ['json', 'csv'] as const;

function usageError(message: string): AppError {
  return new AppError('INVALID_REQUEST', message);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(cliText.oneOf(name, allowed.join(' | '), value));
  return value as T;
}

/** A real calendar date in YYYY-MM-DD, or a usage error. */
function isoDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw usageError(cliText.needsDate(name, value));
  }
  return value;
}

const commands = ['import', 'metrics', 'templates', 'imports', ...projectCommandNames, 'report', ...analysisCommands.map((c) => c.name)] as const;

function templatesCommand(project: string, given: Record<string, unknown>, rest: string[]): TemplatesCommand {
  refuse('templates', given, ['kind', 'template', 'period', 'from', 'to', 'group', 'format', 'out']);
  const [action, file, extra] = rest;
  if (action !== 'export' && action !== 'import') throw usageError(cliText.templatesAction(action ?? ''));
  if (extra !== undefined) throw usageError(cliText.templatesExtra(action, extra));
  if (action === 'import' && !file) throw usageError(cliText.templatesImportFile);
  return { command: 'templates', project, action, ...(file ? { file } : {}) };
}

function importsCommand(project: string, given: Record<string, unknown>, rest: string[]): ImportsCommand {
  refuse('imports', given, ['kind', 'template', 'period', 'from', 'to', 'group', 'out']);
  const [action, id, extra] = rest;
  if (action === undefined) return { command: 'imports', project, action: 'list', format: oneOf('format', given.format as string | undefined, formats) ?? 'json' };
  if (action !== 'remove' && action !== 'skipped') throw usageError(cliText.importsAction(action));
  if (action === 'remove') refuse('imports remove', given, ['format']);
  if (id === undefined || !/^[1-9]\d{0,8}$/.test(id)) throw usageError(cliText.importsId(id ?? ''));
  if (extra !== undefined) throw usageError(cliText.importsExtra(extra));
  if (action === 'skipped') return { command: 'imports', project, action, importId: Number(id), format: oneOf('format', given.format as string | undefined, formats) ?? 'json' };
  return { command: 'imports', project, action: 'remove', importId: Number(id) };
}

function analysisCommand(spec: (typeof analysisCommands)[number], values: CliValues & { project: string }, rest: string[]): AnalysisCommand {
  const own = new Set(Object.keys(spec.options));
  const allowed = new Set(['project', 'group', 'format', 'help', ...(spec.hasRange ? ['from', 'to'] : [])]);
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || own.has(name) || allowed.has(name)) continue;
    throw usageError(cliText.refused(spec.name, name));
  }
  const from = isoDate('from', values.from as string | undefined);
  const to = isoDate('to', values.to as string | undefined);
  if (from && to && from > to) throw usageError(cliText.fromAfterTo(from, to));
  const ownValues: CliValues = {};
  for (const name of own) ownValues[name] = values[name];
  return {
    command: 'analysis',
    name: spec.name,
    project: values.project,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    groups: (values.group as string[] | undefined) ?? [],
    format: oneOf('format', values.format as string | undefined, formats) ?? 'json',
    params: spec.parse(ownValues, rest),
  };
}

/** `report --project P --out FILE.xlsx [--period week|month] [--from] [--to] [--group]…`; the period defaults to week. */
function reportCommand(project: string, given: Record<string, unknown>, rest: string[]): ReportCommand {
  refuse('report', given, ['kind', 'template', 'format']);
  const out = checkReportOut(given.out as string | undefined, rest);
  const period = oneOf('period', given.period as string | undefined, ['week', 'month'] as const) ?? 'week';
  const from = isoDate('from', given.from as string | undefined);
  const to = isoDate('to', given.to as string | undefined);
  if (from && to && from > to) throw usageError(cliText.fromAfterTo(from, to));
  return { command: 'report', project, period, ...(from ? { from } : {}), ...(to ? { to } : {}), groups: (given.group as string[] | undefined) ?? [], out };
}

function refuse(command: string, given: Record<string, unknown>, names: string[]): void {
  for (const n of names) if (given[n] !== undefined) throw usageError(cliText.refused(command, n));
}

/** Parses the arguments after `qunxi` (process.argv.slice(2)); throws INVALID_REQUEST with a one-line reason. */
export function parseCliArgs(argv: string[]): CliCommand {
  const sharing = parseProjectCommand(argv);
  if (sharing) return sharing;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(cliText.badArgs(firstLine(e)));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (!command) throw usageError(cliText.noCommand([...commands]));
  if (!(commands as readonly string[]).includes(command)) throw usageError(cliText.unknownCommand(command, [...commands]));
  if (!values.project) throw usageError(cliText.needsProject(command));

  if (command === 'import') {
    refuse('import', values, ['period', 'from', 'to', 'group', 'format', 'out']);
    if (rest.length === 0) throw usageError(cliText.importNeedsFiles);
    const kind = oneOf('kind', values.kind, importKinds);
    if (values.template === '') throw usageError(cliText.templateEmpty);
    return { command, project: values.project, files: rest, ...(kind ? { kind } : {}), ...(values.template ? { template: values.template } : {}) };
  }
  if (command === 'templates') return templatesCommand(values.project, values, rest);
  if (command === 'imports') return importsCommand(values.project, values, rest);
  if (command === 'report') return reportCommand(values.project, values, rest);
  const analysis = analysisCommands.find((c) => c.name === command);
  if (analysis) return analysisCommand(analysis, values as CliValues & { project: string }, rest);

  refuse('metrics', values, ['kind', 'template', 'out']);
  if (rest.length > 0) throw usageError(cliText.metricsNoFiles(rest[0] ?? ''));
  const period = oneOf('period', values.period, periods);
  if (!period) throw usageError(cliText.metricsNeedsPeriod);
  const from = isoDate('from', values.from);
  const to = isoDate('to', values.to);
  if (from && to && from > to) throw usageError(cliText.fromAfterTo(from, to));
  return {
    command: 'metrics',
    project: values.project,
    period,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    groups: values.group ?? [],
    format: oneOf('format', values.format, formats) ?? 'json',
  };
}
