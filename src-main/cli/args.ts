import { parseArgs } from 'node:util';
import { importKinds, type ImportKind, type Period } from '../api/contract';
import { AppError } from '../core/appError';
import { isCalendarDate } from '../core/metrics/calendar';

/** `import --project P FILE… [--kind K]` */
export interface ImportCommand {
  command: 'import';
  project: string;
  files: string[];
  kind?: ImportKind;
}

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

/** A parsed command line. */
export type CliCommand = ImportCommand | MetricsCommand | HelpCommand;

/** Usage text, printed by `help` and after a usage error. */
export const USAGE = `用法：
  npm run qunxi -- import  --project P.qunxi [--kind members|messages] FILE…
  npm run qunxi -- metrics --project P.qunxi --period day|week|month
                           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group 群名称]… [--format json|csv]
  import 在项目不存在时新建它，自动识别导出类型；metrics 默认输出 json。`;

const options = {
  project: { type: 'string' },
  kind: { type: 'string' },
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  group: { type: 'string', multiple: true },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const periods: readonly Period[] = ['day', 'week', 'month'];
const formats = ['json', 'csv'] as const;

function usageError(message: string): AppError {
  return new AppError('INVALID_REQUEST', message);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`--${name} 只能是 ${allowed.join(' | ')}，收到“${value}”`);
  return value as T;
}

/** A real calendar date in YYYY-MM-DD, or a usage error. */
function isoDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw usageError(`--${name} 需要 YYYY-MM-DD 格式的日期，收到“${value}”`);
  }
  return value;
}

function refuse(command: string, given: Record<string, unknown>, names: string[]): void {
  for (const n of names) if (given[n] !== undefined) throw usageError(`${command} 命令不接受 --${n}`);
}

/** Parses the arguments after `qunxi` (process.argv.slice(2)); throws INVALID_REQUEST with a one-line reason. */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`命令行参数有误：${(e as Error).message.split('\n')[0]}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (!command) throw usageError('缺少命令：import 或 metrics');
  if (command !== 'import' && command !== 'metrics') throw usageError(`未知的命令“${command}”，可用：import、metrics`);
  if (!values.project) throw usageError(`${command} 命令需要 --project 项目文件`);

  if (command === 'import') {
    refuse('import', values, ['period', 'from', 'to', 'group', 'format']);
    if (rest.length === 0) throw usageError('import 命令需要至少一个要导入的文件');
    const kind = oneOf('kind', values.kind, importKinds);
    return { command, project: values.project, files: rest, ...(kind ? { kind } : {}) };
  }

  refuse('metrics', values, ['kind']);
  if (rest.length > 0) throw usageError(`metrics 命令不接受文件参数：“${rest[0]}”`);
  const period = oneOf('period', values.period, periods);
  if (!period) throw usageError('metrics 命令需要 --period day|week|month');
  const from = isoDate('from', values.from);
  const to = isoDate('to', values.to);
  if (from && to && from > to) throw usageError(`--from ${from} 晚于 --to ${to}`);
  return {
    command,
    project: values.project,
    period,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    groups: values.group ?? [],
    format: oneOf('format', values.format, formats) ?? 'json',
  };
}
