import { AppError } from '../../contract/appError';
import type { RoiDimension } from '../../contract';
import { cliText } from '../../locale/cli';
import { ltvText } from '../../locale/roi';
import { dimensionOption, dimensions } from './roi';
import type { AnalysisCommandSpec } from './types';
import { mustCall } from './types';

const MONTHS = 12;
const monthColumns = Array.from({ length: MONTHS }, (_, i) => `month_${i + 1}`);
const channelColumns = [
  'channel', 'acquired', 'cost', 'cac', 'ltv_3', 'ltv_6', 'ltv_12', 'ltv_cac_3', 'ltv_cac_6', 'ltv_cac_12', 'payback_month', ...monthColumns, 'reading',
];
const cohortColumns = ['channel', 'month', 'acquired', ...monthColumns];
const byMonth = (curve: readonly (number | null)[]) => Object.fromEntries(monthColumns.map((k, i) => [k, curve[i] ?? null]));

/**
 * `ltv`: LTV / CAC per channel (DESIGN §4 Decision support) of the people acquired --from–--to (default
 * all). `--table channels` (default): CAC, LTV and LTV/CAC at 3, 6 and 12 months, the payback month,
 * and the cumulative GMV per person of months 1…12 (month 1 = the month of the add; null where no
 * cohort has completed the month). `--table cohorts`: the same curve per acquisition month.
 */
export const ltvCommand: AnalysisCommandSpec<{ table: 'channels' | 'cohorts'; dimension?: RoiDimension }> = {
  name: 'ltv',
  usage: `ltv      --project P.qunxi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--dimension ${dimensions.join('|')}]
                             [--table channels|cohorts] [--format json|csv]`,
  options: { dimension: { type: 'string' }, table: { type: 'string' } },
  hasRange: true,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', ltvText.cliNoArgs(positionals[0]!));
    const table = values.table ?? 'channels';
    if (table !== 'channels' && table !== 'cohorts') throw new AppError('INVALID_REQUEST', cliText.oneOf('table', 'channels | cohorts', String(table)));
    return { table, dimension: dimensionOption(values) };
  },
  async run(call, params, scope) {
    const r = await mustCall(call, 'decision:ltv', {
      ...(scope.from ? { from: scope.from } : {}),
      ...(scope.to ? { to: scope.to } : {}),
      ...(params.dimension ? { dimension: params.dimension } : {}),
    });
    if (params.table === 'cohorts') {
      return { columns: cohortColumns, rows: r.cohorts.map((c) => ({ channel: c.channel, month: c.month, acquired: c.acquired, ...byMonth(c.curve) })), summary: r.reading };
    }
    const rows = r.channels.map((c) => ({
      channel: c.channel, acquired: c.acquired, cost: c.cost, cac: c.cac, ltv_3: c.ltv3, ltv_6: c.ltv6, ltv_12: c.ltv12,
      ltv_cac_3: c.ltvCac3, ltv_cac_6: c.ltvCac6, ltv_cac_12: c.ltvCac12, payback_month: c.paybackMonth, ...byMonth(c.curve), reading: c.reading,
    }));
    return { columns: channelColumns, rows, summary: r.reading };
  },
};
