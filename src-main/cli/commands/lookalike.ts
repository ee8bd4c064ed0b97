import type { LookalikeFeature, LookalikeRequest } from '../../contract';
import { AppError } from '../../contract/appError';
import { lookalikeCliText as text } from '../../locale/lookalike';
import { mustCall, type AnalysisCommandSpec } from './types';

/** Which table `lookalike` prints. */
type LookalikeTable = 'list' | 'coefficients' | 'calibration';

const columns: Record<LookalikeTable, string[]> = {
  list: ['rank', 'pid', 'name', 'channel', 'staff', 'groups', 'probability', 'percentile'],
  coefficients: ['feature', 'label', 'mean', 'sd', 'coefficient', 'se', 'odds_ratio', 'low', 'high', 'p'],
  calibration: ['decile', 'n', 'predicted', 'observed'],
};

/** The command line's question: the request without the scope, the table to print and the tag to save. */
type LookalikeParams = Omit<LookalikeRequest, 'groups'> & { table: LookalikeTable; saveTag?: string };

/** A whole number within bounds, or the error `bad` gives. */
function wholeNumber(value: unknown, min: number, max: number, bad: (v: string) => string): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) throw new AppError('INVALID_REQUEST', bad(String(value)));
  return n;
}

/**
 * `lookalike` (相似人群, DESIGN §4 Decision support): the logistic regression of converted on the
 * chosen customer-360 features of the scope's members, fitted on a seeded 70%, judged on the other
 * 30%. `--table list` (default): the best-scored `--top` members who have not converted
 * (probability in percent); `coefficients`: odds ratios per 1 sd with 95% Wald intervals;
 * `calibration`: predicted against observed conversion (percent) per decile of the held-out 30%.
 * stderr: the split, the AUC with its Hanley–McNeil interval, and the reading. `--save-tag NAME`
 * saves the listed members as a tag the other analyses' tag breakdowns see.
 */
export const lookalikeCommand: AnalysisCommandSpec<LookalikeParams> = {
  name: 'lookalike',
  usage: `lookalike --project P.qunxi [--features messages,key_behaviours,tenure_days,referrals,…] [--seed N]
                             [--top N] [--save-tag NAME] [--table list|coefficients|calibration] [--group GROUP]… [--format json|csv]`,
  options: { features: { type: 'string' }, seed: { type: 'string' }, top: { type: 'string' }, 'save-tag': { type: 'string' }, table: { type: 'string' } },
  hasRange: false,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument(positionals[0]!));
    const table = values.table ?? 'list';
    if (table !== 'list' && table !== 'coefficients' && table !== 'calibration') throw new AppError('INVALID_REQUEST', text.badTable(String(table)));
    // The features are checked by the API (the key behaviours' kb_<id> columns depend on the project).
    const features = typeof values.features === 'string' ? (values.features.split(',').map((f) => f.trim()).filter(Boolean) as LookalikeFeature[]) : undefined;
    return {
      table,
      seed: values.seed === undefined ? 1 : wholeNumber(values.seed, 0, 2 ** 31 - 1, text.badSeed),
      ...(values.top !== undefined ? { top: wholeNumber(values.top, 1, 100_000, text.badTop) } : {}),
      ...(features ? { features } : {}),
      ...(typeof values['save-tag'] === 'string' ? { saveTag: values['save-tag'] } : {}),
    };
  },
  async run(call, params, scope) {
    const { table, saveTag, ...question } = params;
    const req = { ...question, ...(scope.groups ? { groups: scope.groups } : {}) };
    const r = await mustCall(call, 'decision:lookalike', req);
    let summary = `${text.summary(r)}\n${r.reading}`;
    if (saveTag !== undefined) {
      const saved = await mustCall(call, 'decision:saveLookalikeTag', { ...req, name: saveTag });
      summary += `\n${text.tagSaved(saveTag, saved.find((t) => t.name === saveTag.trim())?.people ?? 0)}`;
    }
    if (table === 'coefficients') {
      const rows = r.coefficients.map((c) => ({ feature: c.feature, label: c.label, mean: c.mean, sd: c.sd, coefficient: c.coefficient, se: c.se, odds_ratio: c.oddsRatio, low: c.low, high: c.high, p: c.p }));
      return { columns: columns.coefficients, rows, summary };
    }
    if (table === 'calibration') return { columns: columns.calibration, rows: r.calibration.map((c) => ({ ...c })), summary };
    return { columns: columns.list, rows: r.top.map((p) => ({ ...p })), summary };
  },
};
