import { DateField } from '../../components/DateField';
import { useEffect, useMemo } from 'react';
import type { Period } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { t } from '../../../src-main/locale/app';
import { periodText } from '../../../src-main/locale/common';
import { metricsRequest, selectFrom, selectPeriod, selectSelectedGroups, selectTo, useMetrics } from '../../store/metrics';
import { selectGroups, useProject } from '../../store/project';
import { GroupSelect } from './GroupSelect';
import { conversionChartOption } from './conversionChartOption';
import { metricsChartOption } from './metricsChartOption';
import { metricsColumns } from './metricsColumns';

const periods: Period[] = ['day', 'week', 'month'];

/** Community metrics by day / week / month: the grid and the trend chart. */
export function MetricsView() {
  const period = useMetrics(selectPeriod);
  const selected = useMetrics(selectSelectedGroups);
  const from = useMetrics(selectFrom);
  const to = useMetrics(selectTo);
  const groups = useProject(selectGroups);
  const { setPeriod, setGroups, setRange } = useMetrics.getState();
  const { data, isLoading } = useQuery('metrics:query', metricsRequest({ period, groups: selected, from, to }));
  const rows = useMemo(() => data ?? [], [data]);

  // Groups that vanished from the project (another project opened) are dropped from the scope.
  useEffect(() => {
    const kept = selected.filter((g) => groups.includes(g));
    if (kept.length !== selected.length) setGroups(kept);
  }, [groups, selected, setGroups]);

  const columns = useMemo(() => metricsColumns(period), [period]);
  const option = useMemo(() => metricsChartOption(rows, period), [rows, period]);
  const conversionOption = useMemo(() => conversionChartOption(rows, period), [rows, period]);

  return (
    <div className="metrics-view">
      <div className="toolbar">
        <div className="segmented" role="radiogroup">
          {periods.map((p) => (
            <button key={p} type="button" role="radio" aria-checked={period === p} className={period === p ? 'active' : ''} data-testid={`period-${p}`} onClick={() => setPeriod(p)}>
              {periodText[p]}
            </button>
          ))}
        </div>
        <GroupSelect groups={groups} selected={selected} onChange={setGroups} />
        <label className="field inline">
          <span>{t.metrics.from}</span>
          <DateField value={from} max={to || undefined} onChange={(v) => setRange(v, to)} ariaLabel={t.metrics.from} testId="metrics-from" />
        </label>
        <label className="field inline">
          <span>{t.metrics.to}</span>
          <DateField value={to} min={from || undefined} onChange={(v) => setRange(from, v)} ariaLabel={t.metrics.to} testId="metrics-to" />
        </label>
        {isLoading && <span className="muted">{t.metrics.loading}</span>}
      </div>
      <div className="metrics-body" aria-busy={isLoading}>
        <section className="card chart-card">
          <h3>{t.metrics.chartTitle}</h3>
          <Chart option={option} testId="metrics-chart" />
        </section>
        <section className="card chart-card" style={{ marginTop: 14 }}>
          <h3>{t.metrics.conversionChartTitle}</h3>
          <Chart option={conversionOption} testId="metrics-conversion-chart" />
        </section>
        <section className="grid-box grid-box-metrics">
          <DataGrid columns={columns} rows={rows} testId="metrics-grid" />
        </section>
      </div>
    </div>
  );
}
