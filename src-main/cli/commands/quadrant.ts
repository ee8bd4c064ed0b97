import { AppError } from '../../contract/appError';
import { cliRunText as text } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['pid', 'name', 'x', 'y', 'type', 'type_label'];

/**
 * `quadrant`: one row per person of the scope under the saved quadrant definition (DESIGN §4
 * Quadrant): both axis values, the type id (loyal | needy | bargain | low | unclassified) and its label.
 */
export const quadrantCommand: AnalysisCommandSpec<null> = {
  name: 'quadrant',
  usage: 'quadrant  --project P.qunxi [--group GROUP]… [--format json|csv]',
  options: {},
  hasRange: false,
  parse(_values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('quadrant', positionals[0]!));
    return null;
  },
  async run(call, _params, scope) {
    const r = await mustCall(call, 'quadrant:query', scope.groups ? { groups: scope.groups } : {});
    const types = r.counts.filter((c) => c.type !== 'unclassified');
    const unclassified = r.counts.find((c) => c.type === 'unclassified')!;
    const rows = r.pids.map((pid, i) => {
      const entry = types[r.type[i]!] ?? unclassified;
      return { pid, name: r.names[i], x: r.x[i], y: r.y[i], type: entry.type, type_label: entry.label };
    });
    const shown = r.counts.filter((c) => c.type !== 'unclassified' || c.count > 0);
    return { columns, rows, summary: text.quadrantSummary(rows.length, shown.map((c) => `${c.label} ${c.count}`)) };
  },
};
