import type { AbArm, AbMetric, AbtestRequest } from '../../contract';
import { abMetrics } from '../../contract/ids';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = [
  'metric', 'arm_a', 'n_a', 'successes_a', 'value_a', 'low_a', 'high_a', 'arm_b', 'n_b', 'successes_b', 'value_b', 'low_b', 'high_b',
  'difference', 'difference_low', 'difference_high', 'test', 'statistic', 'p', 'required_per_arm', 'verdict', 'reading',
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An arm as written on the command line: group:NAME, staff:NAME, channel:NAME, tag:NAME, week:MONDAY or period:FROM..TO. */
export function parseArm(value: string, option: string): AbArm {
  const at = value.indexOf(':');
  const kind = at < 0 ? '' : value.slice(0, at);
  const rest = at < 0 ? '' : value.slice(at + 1);
  if ((kind === 'group' || kind === 'staff' || kind === 'channel' || kind === 'tag') && rest) return { kind, value: rest };
  if (kind === 'week' && DATE.test(rest)) return { kind: 'joinWeek', from: rest };
  const [from, to] = rest.split('..');
  if (kind === 'period' && from && to && DATE.test(from) && DATE.test(to) && from <= to) return { kind: 'period', from, to };
  throw new AppError('INVALID_REQUEST', text.badArm(option, value));
}

/**
 * `abtest`: one A/B comparison (DESIGN §4 Decision support) as one row: each arm's size, outcome
 * count and value (rates in percent), the difference A − B with its 95% interval, the test and
 * p-value, the people per arm needed for 80% power, the verdict and its reading.
 */
export const abtestCommand: AnalysisCommandSpec<Omit<AbtestRequest, 'groups'>> = {
  name: 'abtest',
  usage: `abtest   --project P.qunxi --a ARM --b ARM --metric ${abMetrics.join('|')}
                             [--behaviour ID] [--weeks N] [--group GROUP]… [--format json|csv]
                             ARM = group:GROUP | staff:STAFF | channel:CHANNEL | tag:TAG | week:YYYY-MM-DD | period:YYYY-MM-DD..YYYY-MM-DD`,
  options: { a: { type: 'string' }, b: { type: 'string' }, metric: { type: 'string' }, behaviour: { type: 'string' }, weeks: { type: 'string' } },
  hasRange: false,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('abtest', positionals[0]!));
    if (typeof values.a !== 'string' || typeof values.b !== 'string') throw new AppError('INVALID_REQUEST', text.abtestNeedsArms);
    const metric = values.metric;
    if (typeof metric !== 'string' || !(abMetrics as readonly string[]).includes(metric)) {
      throw new AppError('INVALID_REQUEST', cliText.oneOf('metric', abMetrics.join(' | '), String(metric ?? '')));
    }
    if (metric === 'behaviour' && typeof values.behaviour !== 'string') throw new AppError('INVALID_REQUEST', text.needsBehaviour);
    let weeks: number | undefined;
    if (values.weeks !== undefined) {
      weeks = Number(values.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw new AppError('INVALID_REQUEST', text.badWeeks(String(values.weeks)));
    }
    return {
      a: parseArm(values.a, '--a'),
      b: parseArm(values.b, '--b'),
      metric: metric as AbMetric,
      ...(typeof values.behaviour === 'string' ? { behaviourId: values.behaviour } : {}),
      ...(weeks !== undefined ? { weeks } : {}),
    };
  },
  async run(call, params, scope) {
    const r = await mustCall(call, 'decision:abtest', { ...params, ...(scope.groups ? { groups: scope.groups } : {}) });
    const row = {
      metric: r.metric,
      arm_a: r.a.label, n_a: r.a.n, successes_a: r.a.successes, value_a: r.a.value, low_a: r.a.low, high_a: r.a.high,
      arm_b: r.b.label, n_b: r.b.n, successes_b: r.b.successes, value_b: r.b.value, low_b: r.b.low, high_b: r.b.high,
      difference: r.difference, difference_low: r.low, difference_high: r.high,
      test: r.test, statistic: r.statistic, p: r.p, required_per_arm: r.requiredPerArm, verdict: r.verdict, reading: r.reading,
    };
    return { columns, rows: [row], summary: r.reading };
  },
};
