import type { MetricsRow, Period } from '../../../src-main/contract';
import type { GridColumn } from '../../components/gridTypes';
import { t } from '../../../src-main/locale/app';
import { periodPrefix } from '../../../src-main/locale/common';
import { formatCount, formatGrowth, formatMoney, formatRate, periodLabel } from './metricsFormat';

/** Metric ids shown in the grid, in order (DESIGN §4). */
export const metricIds = [
  'total_members',
  'new_members',
  'active_members',
  'active_rate',
  'churned_members',
  'converted_members',
  'conversion_rate',
  'converted_wow',
  'gmv',
  'gmv_wow',
] as const;

type MetricId = (typeof metricIds)[number];

/** Columns of the metrics grid; each column's id is the metric id. */
export function metricsColumns(period: Period): GridColumn<MetricsRow>[] {
  const col = t.metrics.col;
  const numeric = (field: MetricId, headerName: string, format: (v: number | null) => string): GridColumn<MetricsRow> => ({
    field,
    headerName,
    isNumeric: true,
    filter: 'number',
    flex: 1,
    format: (v) => format(v as number | null),
  });
  const count = (field: MetricId, headerName: string) => numeric(field, headerName, formatCount);
  return [
    {
      field: 'period_start',
      headerName: col.period,
      isPinned: true,
      width: period === 'week' ? 190 : 130,
      format: (_v, row) => periodLabel(row, period),
      // A week reads as its two ends; a day or a month as a date a spreadsheet can sort.
      exportFormat: period === 'week' ? 'text' : 'date',
    },
    count('total_members', col.total_members),
    count('new_members', col.new_members(periodPrefix[period])),
    count('active_members', col.active_members),
    numeric('active_rate', col.active_rate, formatRate),
    count('churned_members', col.churned_members),
    count('converted_members', col.converted_members),
    numeric('conversion_rate', col.conversion_rate, formatRate),
    numeric('converted_wow', col.converted_wow, formatGrowth),
    numeric('gmv', col.gmv, formatMoney),
    numeric('gmv_wow', col.gmv_wow, formatGrowth),
  ];
}
