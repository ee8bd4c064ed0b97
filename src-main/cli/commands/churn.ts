import type { Period } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

type SurvivalBy = 'none' | 'channel' | 'group';

/** What `churn` prints: the series (default), the event list, or Kaplan–Meier points. */
export type ChurnParams = { show: 'series'; period: Period } | { show: 'list'; period: Period } | { show: 'survival'; by: SurvivalBy };

const periods: readonly Period[] = ['day', 'week', 'month'];
const survivalBys: readonly SurvivalBy[] = ['none', 'channel', 'group'];

const seriesColumns = ['period_start', 'period_end', 'churned', 'members_before', 'churn_rate'];
const listColumns = ['pid', 'name', 'left_at', 'how', 'group_name', 'stage', 'channel', 'tenure_days'];
const survivalColumns = ['label', 'day', 'survival', 'at_risk', 'events', 'censored'];

/** Rows with exactly these keys, in this order (the JSON output keeps key order). */
const pick = (columns: string[], rows: object[]) => rows.map((r) => Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c] ?? null])));

/** `churn`: churned people per period (DESIGN §4 churned_members) and the churn rate; `--list` the events; `--survival` the curves. */
export const churnCommand: AnalysisCommandSpec<ChurnParams> = {
  name: 'churn',
  usage: `churn     --project P.qunxi [--period day|week|month] [--list | --survival none|channel|group]
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: { period: { type: 'string' }, list: { type: 'boolean' }, survival: { type: 'string' } },
  hasRange: true,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('churn', positionals[0]!));
    const period = values.period as string | undefined;
    const survival = values.survival as string | undefined;
    if (period !== undefined && !(periods as readonly string[]).includes(period)) {
      throw new AppError('INVALID_REQUEST', cliText.oneOf('period', periods.join(' | '), period));
    }
    if (survival !== undefined) {
      if (values.list) throw new AppError('INVALID_REQUEST', text.listOrSurvival);
      if (period !== undefined) throw new AppError('INVALID_REQUEST', text.survivalNoPeriod);
      if (!(survivalBys as readonly string[]).includes(survival)) {
        throw new AppError('INVALID_REQUEST', cliText.oneOf('survival', survivalBys.join(' | '), survival));
      }
      return { show: 'survival', by: survival as SurvivalBy };
    }
    return { show: values.list ? 'list' : 'series', period: (period as Period | undefined) ?? 'week' };
  },
  async run(call, params, scope) {
    if (params.show === 'survival') {
      const curves = await mustCall(call, 'churn:survival', { ...scope, by: params.by });
      const rows = curves.flatMap((c) => c.points.map((p) => ({ label: c.label, ...p })));
      const medians = curves.map((c) => text.survivalCurve(c.label, c.n, c.median_days));
      return { columns: survivalColumns, rows: pick(survivalColumns, rows), summary: curves.length ? medians.join(text.curveSeparator) : text.noJoiners };
    }
    const result = await mustCall(call, 'churn:query', { ...scope, period: params.period, listAll: params.show === 'list' });
    if (params.show === 'list') {
      return { columns: listColumns, rows: pick(listColumns, result.events), summary: text.churnEvents(result.events.length) };
    }
    const total = result.series.reduce((n, r) => n + r.churned, 0);
    return { columns: seriesColumns, rows: pick(seriesColumns, result.series), summary: text.churnSeriesSummary(text.periodCount(result.series.length, params.period), total) };
  },
};
