import { useMemo } from 'react';
import type { Period } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { t } from '../../../src-main/locale/app';
import { periodText } from '../../../src-main/locale/common';
import { ScopeBar } from '../../components/ScopeBar';
import { metricsRequest, selectPeriod, useMetrics } from '../../store/metrics';
import { useScopeRequest } from '../../store/scope';
import { conversionChartOption } from './conversionChartOption';
import { metricsChartOption } from './metricsChartOption';
import { metricsColumns } from './metricsColumns';

const periods: Period[] = ['day', 'week', 'month'];

/** Community metrics by day / week / month: the grid and the trend chart. */
export function MetricsView() {
  const period = useMetrics(selectPeriod);
  const scope = useScopeRequest();
  const { setPeriod } = useMetrics.getState();
  const request = useMemo(() => metricsRequest(period, scope), [period, scope]);
  const { data, isLoading } = useQuery('metrics:query', request);
  const rows = useMemo(() => data ?? [], [data]);

  const columns = useMemo(() => metricsColumns(period), [period]);
  const option = useMemo(() => metricsChartOption(rows, period), [rows, period]);
  const conversionOption = useMemo(() => conversionChartOption(rows, period), [rows, period]);

  return (
    <div className="metrics-view">
      <ScopeBar
        leading={
          <div className="segmented" role="radiogroup">
            {periods.map((p) => (
              <button key={p} type="button" role="radio" aria-checked={period === p} className={period === p ? 'active' : ''} data-testid={`period-${p}`} onClick={() => setPeriod(p)}>
                {periodText[p]}
              </button>
            ))}
          </div>
        }
      >
        {isLoading && <span className="muted">{t.metrics.loading}</span>}
      </ScopeBar>
      <div className="metrics-body" aria-busy={isLoading}>
        <section className="card chart-card">
          <h3>{t.metrics.chartTitle}</h3>
          <Chart option={option} testId="metrics-chart" title={t.metrics.chartTitle} />
        </section>
        <section className="card chart-card" style={{ marginTop: 14 }}>
          <h3>{t.metrics.conversionChartTitle}</h3>
          <Chart option={conversionOption} testId="metrics-conversion-chart" title={t.metrics.conversionChartTitle} />
        </section>
        <section className="grid-box grid-box-metrics">
          <BelowFold minHeight="100%">
            <DataGrid columns={columns} rows={rows} testId="metrics-grid" exportTitle={periodText[period]} />
          </BelowFold>
        </section>
      </div>
    </div>
  );
}
