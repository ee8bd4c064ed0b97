import { AppError } from '../../contract/appError';
import { cliRunText as text } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['metric', 'members', 'non_members', 'difference', 'difference_low', 'difference_high', 'p', 'people'];

/**
 * `community-effect`: the community effect (DESIGN §4 Decision support), one row per figure —
 * repurchase_rate (percent), aov, orders_per_buyer for member buyers against buyers who never joined
 * (people = "members/non-members" buyers), then orders_per_30d_after_vs_before_join for members 90 days before (the
 * `non_members` column) and after (`members`) their first join (people = members compared).
 */
export const communityEffectCommand: AnalysisCommandSpec<null> = {
  name: 'community-effect',
  usage: 'community-effect --project P.qunxi [--group GROUP]… [--format json|csv]',
  options: {},
  hasRange: false,
  parse(_values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('community-effect', positionals[0]!));
    return null;
  },
  async run(call, _params, scope) {
    const r = await mustCall(call, 'decision:communityEffect', scope.groups ? { groups: scope.groups } : {});
    const people = `${r.memberBuyers}/${r.nonMemberBuyers}`;
    const rows = [
      ...r.rows.map((e) => ({ metric: e.metric, members: e.members, non_members: e.nonMembers, difference: e.difference, difference_low: e.low, difference_high: e.high, p: e.p, people })),
      {
        metric: 'orders_per_30d_after_vs_before_join',
        members: r.beforeAfter.after,
        non_members: r.beforeAfter.before,
        difference: r.beforeAfter.difference,
        difference_low: r.beforeAfter.low,
        difference_high: r.beforeAfter.high,
        p: r.beforeAfter.p,
        people: String(r.beforeAfter.members),
      },
    ];
    return { columns, rows, summary: r.reading };
  },
};
