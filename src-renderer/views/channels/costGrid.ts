import type { ChannelCost, ChannelRow } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import { channelsText, dimensionText } from '../../../src-main/locale/channels';

type Dimension = ChannelRow['dimension'];

/** A row of the cost grid: a typed cost with a stable id for the grid. */
export interface CostEditRow extends ChannelCost {
  id: string;
}

let nextId = 1;
const newId = () => `cost-${nextId++}`;

/** Grid rows of saved costs. */
export function toEditRows(costs: readonly ChannelCost[]): CostEditRow[] {
  return costs.map((c) => ({ ...c, id: newId() }));
}

/** The costs to save: the grid rows without their ids, names trimmed. */
export function fromEditRows(rows: readonly CostEditRow[]): ChannelCost[] {
  return rows.map((r) => ({ dimension: r.dimension, channel: r.channel.trim(), cost: r.cost }));
}

/** A new row for 添加行, in the dimension the view shows. */
export function newCostRow(dimension: Dimension): CostEditRow {
  return { id: newId(), dimension, channel: '', cost: 0 };
}

const sameChannel = (a: CostEditRow, b: CostEditRow) => a.dimension === b.dimension && a.channel.trim() === b.channel.trim();

/** Columns of the cost grid, with the checks the Node side makes again on save. */
export function costColumns(): DefinitionColumn<CostEditRow>[] {
  const col = channelsText.costCol;
  const p = channelsText.problems;
  return [
    {
      field: 'dimension',
      headerName: col.dimension,
      type: 'select',
      width: 140,
      options: (Object.keys(dimensionText) as Dimension[]).map((d) => ({ value: d, label: dimensionText[d] })),
    },
    {
      field: 'channel',
      headerName: col.channel,
      type: 'text',
      flex: 2,
      validate: (row, rows) => {
        const name = row.channel.trim();
        if (!name) return p.blank;
        return rows.filter((r) => sameChannel(r, row)).length > 1 ? p.duplicate(name) : null;
      },
    },
    {
      field: 'cost',
      headerName: col.cost,
      type: 'number',
      width: 140,
      validate: (row) => (row.cost < 0 ? p.negative : null),
    },
  ];
}

/** Whether every row passes the grid's checks (saving is refused otherwise). */
export function hasCostProblems(rows: readonly CostEditRow[]): boolean {
  const columns = costColumns();
  return rows.some((r) => columns.some((c) => c.validate?.(r, rows as CostEditRow[])));
}
