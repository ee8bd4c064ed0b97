import type { MetricsRow, Period } from '../../../src-main/api/contract';
import type { GridColumn } from '../../components/gridTypes';
import { periodPrefix, t } from '../../locale/zh-CN';
import { formatCount, formatRate, periodLabel } from './metricsFormat';

/** Metric ids shown in the grid, in order (DESIGN §4). */
export const metricIds = ['total_members', 'new_members', 'active_members', 'active_rate', 'churned_members'] as const;

/** Columns of the metrics grid; each column's id is the metric id. */
export function metricsColumns(period: Period): GridColumn<MetricsRow>[] {
  const col = t.metrics.col;
  const count = (field: Exclude<(typeof metricIds)[number], 'active_rate'>, headerName: string): GridColumn<MetricsRow> => ({
    field,
    headerName,
    isNumeric: true,
    filter: 'number',
    flex: 1,
    format: (v) => formatCount(v as number),
  });
  return [
    {
      field: 'period_start',
      headerName: col.period,
      isPinned: true,
      width: period === 'week' ? 190 : 130,
      format: (_v, row) => periodLabel(row, period),
    },
    count('total_members', col.total_members),
    count('new_members', col.new_members(periodPrefix[period])),
    count('active_members', col.active_members),
    { field: 'active_rate', headerName: col.active_rate, isNumeric: true, filter: 'number', flex: 1, format: (v) => formatRate(v as number | null) },
    count('churned_members', col.churned_members),
  ];
}
