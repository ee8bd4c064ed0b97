import type { QuadrantPersonRow } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliRunText as text } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['pid', 'name', 'x', 'y', 'type', 'type_label'];

/** Rows per quadrant:people call (the API's page limit). */
const PAGE = 5000;

/**
 * `quadrant`: one row per person of the scope under the saved quadrant definition (DESIGN §4
 * Quadrant): both axis values, the type id (loyal | needy | bargain | low | unclassified) and its label.
 * The people come a page at a time in pid order (quadrant:people); quadrant:query gives the labels
 * and counts, and draws no more than a screen's worth of them.
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
    const groups = scope.groups ? { groups: scope.groups } : {};
    const r = await mustCall(call, 'quadrant:query', groups);
    const labels = new Map(r.counts.map((c) => [c.type, c.label]));
    const people: QuadrantPersonRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await mustCall(call, 'quadrant:people', { ...groups, offset, limit: PAGE });
      people.push(...page.rows);
      if (page.rows.length === 0 || people.length >= page.total) break;
    }
    const rows = people.map((p) => ({ pid: p.pid, name: p.name, x: p.x, y: p.y, type: p.type, type_label: labels.get(p.type) }));
    const shown = r.counts.filter((c) => c.type !== 'unclassified' || c.count > 0);
    return { columns, rows, summary: text.quadrantSummary(rows.length, shown.map((c) => `${c.label} ${c.count}`)) };
  },
};
