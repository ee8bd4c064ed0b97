import { AppError } from '../../contract/appError';
import { growthViewText } from '../../locale/growth';
import { mustCall, type AnalysisCommandSpec } from './types';

const findingColumns = [
  'rank', 'kind', 'title', 'people', 'yuan', 'view', 'scope_groups', 'scope_from', 'scope_to', 'explanation', 'evidence',
  'current_from', 'current_to', 'previous_from', 'previous_to',
];
const shiftColumns = [
  'dimension', 'segment', 'people_previous', 'people_current', 'converted_previous', 'converted_current', 'gmv_previous', 'gmv_current',
  'converted_mix', 'converted_rate', 'gmv_mix', 'gmv_rate', 'current_from', 'current_to', 'previous_from', 'previous_to',
];

/** Which table `growth` prints. */
type GrowthTable = 'findings' | 'shifts';

/**
 * `growth`: the growth points (DESIGN §4 Decision support) of the period --from–--to (default: the
 * latest full Monday–Sunday week of the data) against the same number of days before it.
 * `--table findings` (default): one row per finding, largest in ¥ first — people and yuan signed
 * (negative = lost), the view and scope it links to, the explanation, the evidence as
 * "label=value; …". `--table shifts`: one row per segment of each dimension with the mix and rate
 * parts of the change in converted people and GMV (per dimension they add up to the total change).
 */
export const growthCommand: AnalysisCommandSpec<{ table: GrowthTable }> = {
  name: 'growth',
  usage: `growth   --project P.qunxi [--from YYYY-MM-DD --to YYYY-MM-DD] [--group GROUP]…
                             [--table findings|shifts] [--format json|csv]`,
  options: { table: { type: 'string' } },
  hasRange: true,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', growthViewText.noArgs(positionals[0]!));
    const table = values.table ?? 'findings';
    if (table !== 'findings' && table !== 'shifts') throw new AppError('INVALID_REQUEST', growthViewText.badTable(String(table)));
    return { table };
  },
  async run(call, params, scope) {
    const r = await mustCall(call, 'decision:growthPoints', scope);
    const periods = { current_from: r.current.from, current_to: r.current.to, previous_from: r.previous.from, previous_to: r.previous.to };
    if (params.table === 'shifts') {
      const rows = r.shifts.map((s) => ({
        dimension: s.dimension,
        segment: s.segment,
        people_previous: s.people0,
        people_current: s.people1,
        converted_previous: s.converted0,
        converted_current: s.converted1,
        gmv_previous: s.gmv0,
        gmv_current: s.gmv1,
        converted_mix: s.convertedMix,
        converted_rate: s.convertedRate,
        gmv_mix: s.gmvMix,
        gmv_rate: s.gmvRate,
        ...periods,
      }));
      return { columns: shiftColumns, rows, summary: r.reading };
    }
    const rows = r.findings.map((f, i) => ({
      rank: i + 1,
      kind: f.kind,
      title: f.title,
      people: f.people,
      yuan: f.yuan,
      view: f.link.view,
      scope_groups: f.link.scope.groups?.join('|') ?? null,
      scope_from: f.link.scope.from ?? null,
      scope_to: f.link.scope.to ?? null,
      explanation: f.explanation,
      evidence: f.evidence.map((e) => `${e.label}=${e.value ?? ''}`).join('; '),
      ...periods,
    }));
    return { columns: findingColumns, rows, summary: r.reading };
  },
};
