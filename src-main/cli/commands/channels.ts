import type { ChannelRow } from '../../contract';
import { AppError } from '../../contract/appError';
import { cliRunText as text, cliText } from '../../locale/cli';
import { mustCall, type AnalysisCommandSpec } from './types';

type Dimension = ChannelRow['dimension'];

const dimensions: readonly Dimension[] = ['source', 'channel_code', 'add_way'];

/** The ChannelRow fields, in the contract's order. */
const columns: (keyof ChannelRow)[] = [
  'dimension',
  'channel',
  'added',
  'joined',
  'active',
  'converted',
  'gmv',
  'churned',
  'cost',
  'cost_per_acquisition',
  'cost_per_conversion',
  'roi',
];

/** `channels`: one row per acquisition channel of the people added in the range (DESIGN §4 Channel). */
export const channelsCommand: AnalysisCommandSpec<{ dimension: Dimension }> = {
  name: 'channels',
  usage: `channels  --project P.qunxi [--dimension source|channel_code|add_way]
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group GROUP]… [--format json|csv]`,
  options: { dimension: { type: 'string' } },
  hasRange: true,
  parse(values, positionals) {
    if (positionals.length > 0) throw new AppError('INVALID_REQUEST', text.noArgument('channels', positionals[0]!));
    const dimension = values.dimension as string | undefined;
    if (dimension !== undefined && !(dimensions as readonly string[]).includes(dimension)) {
      throw new AppError('INVALID_REQUEST', cliText.oneOf('dimension', dimensions.join(' | '), dimension));
    }
    return { dimension: (dimension as Dimension | undefined) ?? 'source' };
  },
  async run(call, params, scope) {
    const rows = await mustCall(call, 'channels:query', { ...scope, dimension: params.dimension });
    const added = rows.reduce((n, r) => n + r.added, 0);
    return {
      columns,
      rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))),
      summary: text.channelsSummary(text.channelDimension[params.dimension], rows.length, added),
    };
  },
};
