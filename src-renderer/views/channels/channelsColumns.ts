import type { AdCostRow, ChannelRow } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { channelsText } from '../../../src-main/locale/channels';
import { formatCount, formatMoney, formatRate } from '../metrics/metricsFormat';

/** A channel row with the two rates the grid adds: joined / added and converted / added, in percent. */
export type ChannelGridRow = ChannelRow & { join_rate: number | null; conversion_rate: number | null };

const pct = (num: number, den: number): number | null => (den === 0 ? null : (num * 100) / den);

/** The grid rows of channel rows (rates empty when nobody was added). */
export function channelGridRows(rows: readonly ChannelRow[]): ChannelGridRow[] {
  return rows.map((r) => ({ ...r, join_rate: pct(r.joined, r.added), conversion_rate: pct(r.converted, r.added) }));
}

type Field = keyof ChannelGridRow & string;

/** Columns of the channel grid; each column id is the ChannelRow field (e2e tests find cells by it). */
export function channelColumns(): GridColumn<ChannelGridRow>[] {
  const col = channelsText.col;
  // No column filters: a handful of channels reads at a glance, and the grid fits the page without scrolling.
  const numeric = (field: Field, format: (v: number | null) => string, flex = 1): GridColumn<ChannelGridRow> => ({
    field,
    headerName: col[field as keyof typeof col],
    isNumeric: true,
    flex,
    format: (v) => format(v as number | null),
  });
  return [
    { field: 'channel', headerName: col.channel, isPinned: true, width: 150 },
    numeric('added', formatCount),
    numeric('joined', formatCount),
    numeric('join_rate', formatRate),
    numeric('active', formatCount),
    numeric('converted', formatCount),
    numeric('conversion_rate', formatRate),
    { ...numeric('gmv', formatMoney, 2.4), headerTooltip: channelsText.gmvHint },
    numeric('churned', formatCount),
    numeric('cost', formatMoney, 1.3),
    numeric('cost_per_acquisition', formatMoney, 1.2),
    numeric('cost_per_conversion', formatMoney, 1.2),
    numeric('roi', formatRate, 1.3),
  ];
}

/** Columns of the read-only list of imported 渠道投放 costs. */
export function adCostColumns(): GridColumn<AdCostRow>[] {
  const col = channelsText.adCol;
  return [
    { field: 'channel', headerName: col.channel, flex: 2 },
    { field: 'days', headerName: col.days, isNumeric: true, flex: 1, format: (v) => formatCount(v as number) },
    { field: 'impressions', headerName: col.impressions, isNumeric: true, flex: 1, format: (v) => formatCount(v as number | null) },
    { field: 'clicks', headerName: col.clicks, isNumeric: true, flex: 1, format: (v) => formatCount(v as number | null) },
    { field: 'cost', headerName: col.cost, isNumeric: true, flex: 1, format: (v) => formatMoney(v as number | null) },
  ];
}
