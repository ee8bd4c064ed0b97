import { AppError } from '../../contract/appError';
import { mustCall, type AnalysisCommandSpec } from './types';

const columns = ['weekday', 'hour', 'messages', 'people'];
const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];

/** `activity`: group messages of members and distinct senders per local weekday (1 = Monday) × hour, all 168 cells. */
export const activityCommand: AnalysisCommandSpec<null> = {
  name: 'activity',
  usage: `activity  --project P.qunxi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: {},
  hasRange: true,
  parse(_values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', `activity 命令不接受参数“${positionals[0]}”`);
    return null;
  },
  async run(call, _params, scope) {
    const cells = await mustCall(call, 'activity:query', scope);
    const messages = cells.reduce((n, c) => n + c.messages, 0);
    // The same cell the view recommends first: the most people, then the most messages.
    const top = [...cells].sort((a, b) => b.people - a.people || b.messages - a.messages)[0];
    const peak = top && top.people > 0 ? `，最活跃：周${weekdayNames[top.weekday - 1]} ${top.hour} 时（${top.people} 人）` : '';
    return {
      columns,
      rows: cells.map((c) => ({ weekday: c.weekday, hour: c.hour, messages: c.messages, people: c.people })),
      summary: `${cells.length} 个时段，群消息 ${messages} 条${peak}`,
    };
  },
};
