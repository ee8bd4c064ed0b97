import type { Period } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

/** What `behaviours` prints: the series per behaviour and period (default) or the lift rows. */
export type BehavioursParams = { show: 'series'; period: Period } | { show: 'lift' };

const periods: readonly Period[] = ['day', 'week', 'month'];

const seriesColumns = ['behaviour_id', 'behaviour_name', 'period_start', 'period_end', 'people', 'occurrences'];
const liftColumns = ['behaviour_id', 'behaviour_name', 'doers', 'doers_converted', 'doers_rate', 'others', 'others_converted', 'others_rate', 'lift', 'lift_low', 'lift_high'];

/** `behaviours`: people and occurrences of each enabled key behaviour per period; `--lift` its conversion lift. */
export const behavioursCommand: AnalysisCommandSpec<BehavioursParams> = {
  name: 'behaviours',
  usage: `behaviours --project P.qunxi [--period day|week|month | --lift]
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: { period: { type: 'string' }, lift: { type: 'boolean' } },
  hasRange: true,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('behaviours', positionals[0]!));
    const period = values.period as string | undefined;
    if (period !== undefined && !(periods as readonly string[]).includes(period)) {
      throw new AppError('INVALID_REQUEST', cliText.oneOf('period', periods.join(' | '), period));
    }
    if (values.lift) {
      if (period !== undefined) throw new AppError('INVALID_REQUEST', text.liftNoPeriod);
      return { show: 'lift' };
    }
    return { show: 'series', period: (period as Period | undefined) ?? 'week' };
  },
  async run(call, params, scope) {
    const result = await mustCall(call, 'behaviours:query', { ...scope, period: params.show === 'series' ? params.period : 'week' });
    const names = new Map(result.lift.map((l) => [l.id, l.name]));
    if (params.show === 'lift') {
      const rows = result.lift.map(({ id, name, ...rest }) => ({ behaviour_id: id, behaviour_name: name, ...rest }));
      const members = result.lift[0] ? result.lift[0].doers + result.lift[0].others : 0;
      return { columns: liftColumns, rows, summary: text.behaviourLiftSummary(rows.length, members) };
    }
    const rows = result.series.map(({ id, ...rest }) => ({ behaviour_id: id, behaviour_name: names.get(id) ?? null, ...rest }));
    const periodCount = new Set(result.series.map((r) => r.period_start)).size;
    return { columns: seriesColumns, rows, summary: text.behaviourSeriesSummary(names.size, text.periodCount(periodCount, params.period)) };
  },
};
