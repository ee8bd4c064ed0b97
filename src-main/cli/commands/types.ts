/**
 * The analysis subcommands (funnel, churn, retention, channels, activity, features, behaviours,
 * quadrant) share one shape: `--project`, the scope (`--from`, `--to`, `--group`…), `--format
 * json|csv`, and a few options of their own. Each is an {@link AnalysisCommandSpec}; run.ts opens
 * the project, calls `run` and prints the rows (DESIGN §6 conventions: JSON array of objects on
 * stdout, rates in percent unrounded, empty rates null, messages on stderr).
 */
import type { AnalysisScope, Method, Responses, Result } from '../../contract';

/** The API as the CLI calls it. */
export type CliClient = <K extends Method>(name: K, req: unknown) => Promise<Result<Responses[K]>>;

/** Parsed option values of a command line (strings, booleans, repeated strings). */
export type CliValues = Record<string, string | boolean | string[] | undefined>;

/** What a command prints: rows with these columns, and a one-line summary for stderr. */
export interface AnalysisOutput {
  columns: string[];
  rows: Record<string, unknown>[];
  summary: string;
}

/** One analysis subcommand. */
export interface AnalysisCommandSpec<P = unknown> {
  name: string;
  /** Usage lines, after `npm run qunxi -- `. */
  usage: string;
  /** Options of its own, in node:util parseArgs form. */
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  /** Whether --from/--to apply (the quadrant and features use all the data). */
  hasRange: boolean;
  /**
   * Checks its own options and positionals; throws AppError('INVALID_REQUEST', reason) on bad usage
   * (the CLI then prints the usage and exits 2).
   */
  parse(values: CliValues, positionals: string[]): P;
  /** Runs against the open project; throw the API error (see `must` in run.ts) on failure. */
  run(call: CliClient, params: P, scope: AnalysisScope): Promise<AnalysisOutput>;
}

/** Unwraps a result or throws its error as an AppError-like object run.ts reports. */
export async function mustCall<K extends Method>(call: CliClient, name: K, req: unknown): Promise<Responses[K]> {
  const r = await call(name, req);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { apiError: r.error });
  return r.value;
}
