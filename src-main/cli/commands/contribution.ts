import type { ContributionUnit } from '../../contract';
import { contributionMetricIds, contributionUnits } from '../../contract/ids';
import { AppError } from '../../contract/appError';
import { cliText } from '../../locale/cli';
import { contributionText } from '../../locale/contribution';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = [
  'rank', 'unit', 'people', 'score', 'band',
  ...contributionMetricIds.flatMap((m) => [m, `${m}_points`]),
  'reading',
];

/**
 * `contribution`: 贡献度 (DESIGN §4 Decision support) with the project's saved definition, one row per
 * staff member (or group owner with `--by owner`), best first: the score 0–100, its band, and per
 * metric its figure (rates in percent, GMV in ¥; null when undefined or the metric is off) and its
 * points (the parts add up to the score).
 */
export const contributionCommand: AnalysisCommandSpec<{ by?: ContributionUnit }> = {
  name: 'contribution',
  usage: `contribution --project P.qunxi [--by ${contributionUnits.join('|')}] [--group GROUP]… [--format json|csv]`,
  options: { by: { type: 'string' } },
  hasRange: false,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', contributionText.cliNoArgs(positionals[0]!));
    const by = values.by;
    if (by === undefined) return {};
    if (typeof by !== 'string' || !(contributionUnits as readonly string[]).includes(by)) {
      throw new AppError('INVALID_REQUEST', cliText.oneOf('by', contributionUnits.join(' | '), String(by)));
    }
    return { by: by as ContributionUnit };
  },
  async run(call, params, scope) {
    const r = await mustCall(call, 'decision:contribution', { ...params, ...(scope.groups ? { groups: scope.groups } : {}) });
    const rows = r.rows.map((row) => {
      const out: Record<string, unknown> = { rank: row.rank, unit: row.unit, people: row.people, score: row.score, band: row.band };
      for (const m of contributionMetricIds) {
        const part = row.parts.find((p) => p.metric === m);
        out[m] = part?.value ?? null;
        out[`${m}_points`] = part?.points ?? null;
      }
      out.reading = row.reading;
      return out;
    });
    return { columns, rows, summary: r.reading };
  },
};
