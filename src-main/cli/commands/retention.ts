import { AppError } from '../../contract/appError';
import { cliRunText as text } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['cohort_week', 'size', 'weeks_since_join', 'retained_count', 'retained_rate'];

/** `retention`: weekly cohorts × weeks since join, one row each; a week not yet over is null. */
export const retentionCommand: AnalysisCommandSpec<null> = {
  name: 'retention',
  usage: `retention --project P.qunxi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: {},
  hasRange: true,
  parse(_values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('retention', positionals[0]!));
    return null;
  },
  async run(call, _params, scope) {
    const cohorts = await mustCall(call, 'churn:retention', scope);
    const rows = cohorts.flatMap((c) =>
      c.retained.map((rate, k) => ({ cohort_week: c.cohort_week, size: c.size, weeks_since_join: k, retained_count: c.counts[k] ?? null, retained_rate: rate })),
    );
    const people = cohorts.reduce((n, c) => n + c.size, 0);
    return { columns, rows, summary: text.retentionSummary(cohorts.length, people) };
  },
};
