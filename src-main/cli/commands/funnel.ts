import type { FunnelStage } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec, type CliValues } from './types';

/** Options of `funnel`, checked. */
interface FunnelParams {
  mode: 'period' | 'cohort';
  windowDays: number;
  breakdown: 'channel' | 'staff' | 'tag' | null;
}

/** Columns of the output, one row per stage (DESIGN §6: rates in percent, unrounded; empty rates null). */
export const FUNNEL_COLUMNS = [
  'stage_index',
  'stage_id',
  'stage_name',
  'source',
  'count',
  'step_rate',
  'step_low',
  'step_high',
  'overall_rate',
  'overall_low',
  'overall_high',
  'drop_off',
  'is_biggest_drop',
  'ttc_median_days',
  'ttc_p25_days',
  'ttc_p75_days',
] as const;

const usageError = (message: string) => new AppError('INVALID_REQUEST', message);

function parseFunnel(values: CliValues, positionals: string[]): FunnelParams {
  if (positionals.length > 0) throw usageError(text.noFileArgument('funnel', positionals[0]!));
  const mode = (values.mode as string | undefined) ?? 'period';
  if (mode !== 'period' && mode !== 'cohort') throw usageError(cliText.oneOf('mode', 'period | cohort', mode));
  const breakdown = values.breakdown as string | undefined;
  if (breakdown !== undefined && !['channel', 'staff', 'tag'].includes(breakdown)) throw usageError(cliText.oneOf('breakdown', 'channel | staff | tag', breakdown));
  const window = values.window as string | undefined;
  if (window !== undefined && !/^[1-9]\d{0,2}$/.test(window)) throw usageError(text.badWindow(window));
  const windowDays = window === undefined ? 14 : Number(window);
  if (windowDays > 365) throw usageError(text.badWindow(String(window)));
  if (mode === 'period' && (breakdown !== undefined || window !== undefined)) {
    throw usageError(text.cohortOnly(breakdown !== undefined ? 'breakdown' : 'window'));
  }
  return { mode, windowDays, breakdown: (breakdown as FunnelParams['breakdown']) ?? null };
}

/** One output row of a stage. */
function stageRow(s: FunnelStage, index: number, biggest: number | null): Record<string, unknown> {
  return {
    stage_index: index,
    stage_id: s.id,
    stage_name: s.name,
    source: s.source,
    count: s.count,
    step_rate: s.step.rate,
    step_low: s.step.low,
    step_high: s.step.high,
    overall_rate: s.overall.rate,
    overall_low: s.overall.low,
    overall_high: s.overall.high,
    drop_off: s.dropOff,
    is_biggest_drop: biggest === index,
    ttc_median_days: s.timeToConvert?.median ?? null,
    ttc_p25_days: s.timeToConvert?.p25 ?? null,
    ttc_p75_days: s.timeToConvert?.p75 ?? null,
  };
}

/** `funnel`: the funnel over the project's saved customer path, one row per stage (per breakdown value). */
export const funnelCommand: AnalysisCommandSpec<FunnelParams> = {
  name: 'funnel',
  usage: 'funnel    --project P.qunxi [--mode period|cohort] [--window DAYS] [--breakdown channel|staff|tag]\n                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]',
  options: { mode: { type: 'string' }, window: { type: 'string' }, breakdown: { type: 'string' } },
  hasRange: true,
  parse: parseFunnel,
  async run(call, params, scope) {
    const r = await mustCall(call, 'funnel:query', { ...scope, mode: params.mode, windowDays: params.windowDays, breakdown: params.breakdown });
    const range = r.from && r.to ? text.funnelRange(r.from, r.to) : text.funnelNoData;
    const skipped = r.skipped.length ? text.funnelSkipped(r.skipped.map((s) => s.name)) : '';
    if (r.breakdown) {
      // Loaded here, not at the top: funnelQueries brings DuckDB, and this module is part of
      // argument parsing, which `--help` must do without it (DESIGN §6 start-up).
      const { biggestDrop } = await import('../../analysis/funnel/funnelQueries');
      const rows = r.breakdown.flatMap((b) => b.stages.map((s, i) => ({ breakdown: b.value, ...stageRow(s, i, biggestDrop(b.stages)) })));
      return { columns: ['breakdown', ...FUNNEL_COLUMNS], rows, summary: text.funnelCohortSummary(range, r.stages.length, r.breakdown.length, skipped) };
    }
    const rows = r.stages.map((s, i) => stageRow(s, i, r.biggestDrop));
    return { columns: [...FUNNEL_COLUMNS], rows, summary: text.funnelSummary(r.mode, range, r.stages.length, skipped) };
  },
};
