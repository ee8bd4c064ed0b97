import type { FeatureRow } from '../../contract';
import { featureRowLeading, featureRowTrailing } from '../../contract/ids';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { isCalendarDate } from '../../analysis/base/calendar';
import { mustCall, type AnalysisCommandSpec } from './types';

/** Rows per features:query call (the API's page limit). */
const PAGE = 5000;


/** `features`: one row per person with every feature at the end of a day (issue 5, customer 360). */
export const featuresCommand: AnalysisCommandSpec<{ asOf?: string }> = {
  name: 'features',
  usage: `features  --project P.qunxi [--as-of YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: { 'as-of': { type: 'string' } },
  hasRange: false,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('features', positionals[0]!));
    const asOf = values['as-of'];
    if (asOf === undefined) return {};
    if (typeof asOf !== 'string' || !isCalendarDate(asOf)) {
      throw new AppError('INVALID_REQUEST', cliText.needsDate('as-of', String(asOf)));
    }
    return { asOf };
  },
  async run(call, params, scope) {
    const rows: FeatureRow[] = [];
    let behaviours: { id: string; name: string }[] = [];
    let asOf = params.asOf ?? '';
    for (let offset = 0; ; offset += PAGE) {
      const page = await mustCall(call, 'features:query', {
        offset,
        limit: PAGE,
        ...(scope.groups ? { groups: scope.groups } : {}),
        // Every page at the same day, also when new data could arrive between two calls.
        ...(asOf ? { asOf } : {}),
      });
      rows.push(...page.rows);
      behaviours = page.behaviours;
      asOf = page.asOf;
      if (page.rows.length === 0 || rows.length >= page.total) break;
    }
    const columns = [...featureRowLeading, ...behaviours.map((b) => `kb_${b.id}`), ...featureRowTrailing];
    return {
      columns,
      rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, (r as unknown as Record<string, unknown>)[c] ?? null]))),
      summary: text.featuresSummary(asOf, rows.length),
    };
  },
};
