/**
 * The command-line side of sharing a project (DESIGN §7): `anonymize`, `merge`, `export-parquet`.
 * Parsed here, apart from args.ts's analysis options, so their own options (`--out`,
 * `--mask-groups`, `--mask-staff`) are known to them only.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { AppError, firstLine } from '../contract/appError';
import type { Method, Responses, Result } from '../contract';
import { cliText } from '../locale/cli';
import { sharingText as text } from '../locale/sharing';
import type { CliIo } from './io';

/** `anonymize --project P --out Q [--mask-groups] [--mask-staff]`, `merge --project P OTHER`, `export-parquet --project P --out DIR`. */
export type ProjectCommand =
  | { command: 'anonymize'; project: string; out: string; maskGroups: boolean; maskStaff: boolean }
  | { command: 'merge'; project: string; other: string }
  | { command: 'export-parquet'; project: string; out: string };

/** The names of these commands. */
export const projectCommandNames = ['anonymize', 'merge', 'export-parquet'] as const;

/** Their usage lines, after `npm run qunxi -- `. */
export const projectCommandUsage = [
  'anonymize      --project P.qunxi --out COPY.qunxi [--mask-groups] [--mask-staff]',
  'merge          --project P.qunxi OTHER.qunxi',
  'export-parquet --project P.qunxi --out FOLDER',
];

const options = {
  project: { type: 'string' },
  out: { type: 'string' },
  'mask-groups': { type: 'boolean' },
  'mask-staff': { type: 'boolean' },
  format: { type: 'string' },
} as const;

const usageError = (message: string) => new AppError('INVALID_REQUEST', message);

/** Parses a command line that names one of these commands; null when it names another. */
export function parseProjectCommand(argv: string[]): ProjectCommand | null {
  const loose = parseArgs({ args: argv, options, allowPositionals: true, strict: false });
  const name = loose.positionals[0];
  if (!(projectCommandNames as readonly string[]).includes(name ?? '') || loose.values.help) return null;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(cliText.badArgs(firstLine(e)));
  }
  const { values, positionals } = parsed;
  const rest = positionals.slice(1);
  if (!values.project) throw usageError(cliText.needsProject(name!));
  if (values.format !== undefined) throw usageError(cliText.refused(name!, 'format'));
  if (name === 'merge') {
    if (values.out !== undefined) throw usageError(cliText.refused(name, 'out'));
    if (rest.length !== 1) throw usageError(rest.length ? text.cliExtra(name, rest[1]!) : text.cliMergeNeedsFile);
    return { command: 'merge', project: values.project, other: rest[0]! };
  }
  if (rest.length) throw usageError(text.cliExtra(name!, rest[0]!));
  if (!values.out) throw usageError(text.cliNeedsOut(name!));
  if (name === 'export-parquet') {
    for (const o of ['mask-groups', 'mask-staff'] as const) if (values[o] !== undefined) throw usageError(cliText.refused(name, o));
    return { command: 'export-parquet', project: values.project, out: values.out };
  }
  return { command: 'anonymize', project: values.project, out: values.out, maskGroups: !!values['mask-groups'], maskStaff: !!values['mask-staff'] };
}

type Client = <K extends Method>(name: K, req: unknown) => Promise<Result<Responses[K]>>;
type Must = <K extends Method>(call: Client, name: K, req: unknown) => Promise<Responses[K]>;

/** Runs one of these commands through the handlers (errors as execute.ts's `must` throws them). */
export async function runProjectCommand(call: Client, must: Must, io: CliIo, cmd: ProjectCommand): Promise<void> {
  await must(call, 'project:open', { path: path.resolve(cmd.project) });
  if (cmd.command === 'anonymize') {
    // A command line asks no question: naming an existing project as --out is the consent to replace it.
    const r = await must(call, 'project:anonymize', { path: path.resolve(cmd.out), maskGroups: cmd.maskGroups, maskStaff: cmd.maskStaff, overwrite: true });
    io.err(`${text.cliAnonymized(r.path, r.names, r.staff, r.groups, r.messages, r.behaviourRules)}\n`);
  } else if (cmd.command === 'merge') {
    const r = await must(call, 'project:merge', { path: path.resolve(cmd.other) });
    io.err(`${text.cliMerged(path.basename(cmd.other), r.imports, r.skippedFiles, r.added, r.existing)}\n`);
  } else {
    const r = await must(call, 'project:exportParquet', { folder: path.resolve(cmd.out) });
    io.out(`${JSON.stringify(r.tables.map((t) => ({ table: t.table, file: t.file, rows: t.rows })), null, 2)}\n`);
    io.err(`${text.cliParquet(r.tables.length, r.tables.reduce((n, t) => n + t.rows, 0), r.folder)}\n`);
  }
}

/** Whether a parsed command line is one of these commands. */
export function isProjectCommand(cmd: { command: string }): cmd is ProjectCommand {
  return (projectCommandNames as readonly string[]).includes(cmd.command);
}
