import { AppError } from '../../contract/appError';
import { cliRunText as text } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['weekday', 'hour', 'messages', 'people'];

/** `activity`: group messages of members and distinct senders per local weekday (1 = Monday) × hour, all 168 cells. */
export const activityCommand: AnalysisCommandSpec<null> = {
  name: 'activity',
  usage: `activity  --project P.qunxi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: {},
  hasRange: true,
  parse(_values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('activity', positionals[0]!));
    return null;
  },
  async run(call, _params, scope) {
    const cells = await mustCall(call, 'activity:query', scope);
    const messages = cells.reduce((n, c) => n + c.messages, 0);
    // The same cell the view recommends first: the most people, then the most messages.
    const top = [...cells].sort((a, b) => b.people - a.people || b.messages - a.messages)[0];
    const peak = top && top.people > 0 ? text.activityPeak(text.weekday[top.weekday - 1]!, top.hour, top.people) : '';
    return {
      columns,
      rows: cells.map((c) => ({ weekday: c.weekday, hour: c.hour, messages: c.messages, people: c.people })),
      summary: `${text.activitySummary(cells.length, messages)}${peak}`,
    };
  },
};
