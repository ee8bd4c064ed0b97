import { useEffect, useMemo, useState } from 'react';
import type { ChurnResult, Period, SurvivalCurve } from '../../../src-main/contract';
import { call } from '../../api/client';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { ScopeBar } from '../../components/ScopeBar';
import { breakdownKeys, churnText, type BreakdownKey } from '../../../src-main/locale/churn';
import { periodText } from '../../../src-main/locale/common';
import { selectCohorts, selectCurves, selectIsLoading, selectPeriod, selectResult, selectSurvivalBy, useChurn, type SurvivalBy } from '../../store/churn';
import { platform } from '../../platform';
import { scopeRequest, selectDataVersion, selectScopeFrom, selectScopeGroups, selectScopeTo, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';
import { xlsxBlob } from '../features/featuresColumns';
import { breakdownOption, churnSeriesOption, retentionOption, survivalOption } from './churnChartOptions';
import { churnColumns, churnListRows } from './churnColumns';
import './churn.css';

const periods: Period[] = ['day', 'week', 'month'];
const survivalBys: SurvivalBy[] = ['none', 'channel', 'group'];

/** 流失与留存: who left, when and how; retention by join week; Kaplan–Meier survival of membership. */
export function ChurnView() {
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const dataVersion = useScope(selectDataVersion);
  const period = useChurn(selectPeriod);
  const result = useChurn(selectResult);
  const isLoading = useChurn(selectIsLoading);
  const { setPeriod } = useChurn.getState();

  useEffect(() => {
    void useChurn.getState().load();
  }, [groups, from, to, dataVersion]);

  return (
    <div className="churn-view" aria-busy={isLoading} data-testid="churn-view">
      <ScopeBar>
        <div className="segmented" role="radiogroup">
          {periods.map((p) => (
            <button key={p} type="button" role="radio" aria-checked={period === p} className={period === p ? 'active' : ''} data-testid={`churn-period-${p}`} onClick={() => setPeriod(p)}>
              {periodText[p]}
            </button>
          ))}
        </div>
        {isLoading && <span className="muted">{churnText.loading}</span>}
      </ScopeBar>
      <SeriesPanel result={result} period={period} />
      <BreakdownPanel result={result} />
      <ListPanel result={result} />
      <div className="churn-panels">
        <RetentionPanel />
        <SurvivalPanel />
      </div>
    </div>
  );
}

function SeriesPanel({ result, period }: { result: ChurnResult | null; period: Period }) {
  const option = useMemo(() => churnSeriesOption(result?.series ?? [], period), [result, period]);
  const churned = result?.series.reduce((n, r) => n + r.churned, 0) ?? null;
  return (
    <section className="card chart-card">
      <div className="churn-head">
        <h3>{churnText.seriesTitle}</h3>
        {churned !== null && (
          <span className="churn-total">
            {churnText.churnedTotal(periodText[period])} <b data-testid="churn-total">{churned.toLocaleString('zh-CN')}</b>
          </span>
        )}
      </div>
      <Chart option={option} testId="churn-series-chart" height={300} />
      <p className="muted churn-note" data-testid="churn-rate-note">
        {churnText.rateNote}
      </p>
    </section>
  );
}

function BreakdownPanel({ result }: { result: ChurnResult | null }) {
  return (
    <section className="card chart-card">
      <h3>{churnText.breakdownTitle}</h3>
      <div className="churn-breakdowns">
        {breakdownKeys.map((key) => (
          <Breakdown key={key} name={key} items={result?.breakdowns[key] ?? []} />
        ))}
      </div>
    </section>
  );
}

function Breakdown({ name, items }: { name: BreakdownKey; items: ChurnResult['breakdowns'][BreakdownKey] }) {
  const option = useMemo(() => breakdownOption(name, items), [name, items]);
  const bars = Math.max(3, Math.min(items.length, 12));
  return (
    <div className="churn-breakdown">
      <h4>{churnText.breakdown[name]}</h4>
      <Chart option={option} testId={`churn-breakdown-${name}`} height={28 * bars + 24} />
    </div>
  );
}

function ListPanel({ result }: { result: ChurnResult | null }) {
  const columns = useMemo(() => churnColumns(), []);
  const rows = useMemo(() => churnListRows(result?.events ?? []), [result]);
  const total = result?.eventCount ?? rows.length;
  return (
    <section className="card churn-list">
      <div className="churn-head">
        <h3>{churnText.listTitle}</h3>
        <div className="churn-list-actions">
          <span className="muted" data-testid="churn-list-count" data-count={rows.length} data-total={total}>
            {total > rows.length ? churnText.listCountTruncated(rows.length, total) : churnText.listCount(rows.length)}
          </span>
          <ExportButton isDisabled={rows.length === 0} />
        </div>
      </div>
      <p className="muted churn-note">{churnText.listNote}</p>
      {result && rows.length === 0 ? (
        <div className="churn-empty" data-testid="churn-list-empty">
          {churnText.emptyList}
        </div>
      ) : (
        <div className="grid-box churn-grid">
          <DataGrid columns={columns} rows={rows} testId="churn-list" />
        </div>
      )}
    </section>
  );
}

/** Saves the listed events (the same scope) as an xlsx file made on the Node side. */
function ExportButton({ isDisabled }: { isDisabled: boolean }) {
  const [isExporting, setIsExporting] = useState(false);
  async function exportXlsx() {
    setIsExporting(true);
    try {
      const r = await call('churn:export', scopeRequest(useScope.getState()));
      if (!r.ok) return reportError(r.error);
      platform.saveDownload(r.value.fileName, xlsxBlob(r.value.base64));
    } finally {
      setIsExporting(false);
    }
  }
  return (
    <button type="button" disabled={isDisabled || isExporting} onClick={() => void exportXlsx()} data-testid="churn-export">
      {isExporting ? churnText.exporting : churnText.exportXlsx}
    </button>
  );
}

function RetentionPanel() {
  const cohorts = useChurn(selectCohorts);
  const option = useMemo(() => retentionOption(cohorts ?? []), [cohorts]);
  const height = Math.max(260, 28 * (cohorts?.length ?? 0) + 110);
  return (
    <section className="card chart-card">
      <h3>{churnText.retentionTitle}</h3>
      <p className="muted churn-note">{churnText.retentionNote}</p>
      <Chart option={option} testId="churn-retention-chart" height={height} />
    </section>
  );
}

function SurvivalPanel() {
  const by = useChurn(selectSurvivalBy);
  const curves = useChurn(selectCurves);
  const option = useMemo(() => survivalOption(curves ?? []), [curves]);
  const { setSurvivalBy } = useChurn.getState();
  return (
    <section className="card chart-card">
      <div className="churn-head">
        <h3>{churnText.survivalTitle}</h3>
        <div className="segmented" role="radiogroup">
          {survivalBys.map((b) => (
            <button key={b} type="button" role="radio" aria-checked={by === b} className={by === b ? 'active' : ''} data-testid={`churn-survival-${b}`} onClick={() => setSurvivalBy(b)}>
              {churnText.survivalBy[b]}
            </button>
          ))}
        </div>
      </div>
      <p className="muted churn-note">{churnText.survivalNote}</p>
      <Chart option={option} testId="churn-survival-chart" height={320} />
      {curves && curves.length > 0 && <Medians curves={curves} />}
    </section>
  );
}

function Medians({ curves }: { curves: SurvivalCurve[] }) {
  const m = churnText.medians;
  return (
    <table className="churn-medians" data-testid="churn-medians">
      <thead>
        <tr>
          <th>{m.label}</th>
          <th>{m.n}</th>
          <th>{m.events}</th>
          <th>{m.median}</th>
        </tr>
      </thead>
      <tbody>
        {curves.map((c) => (
          <tr key={c.label}>
            <td>{c.label}</td>
            <td>{c.n.toLocaleString('zh-CN')}</td>
            <td>{c.events.toLocaleString('zh-CN')}</td>
            <td data-testid="churn-median">{c.median_days === null ? m.none : m.days(c.median_days)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
