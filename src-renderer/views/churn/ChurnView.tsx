import { useCallback, useMemo, useState } from 'react';
import type { AnalysisScope, ChurnEventRow, ChurnResult, ExportFileFormat, Period, SurvivalCurve } from '../../../src-main/contract';
import { askPage } from '../../api/askPage';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { DataGrid, type GridShown } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { apiDownload, exportDownload } from '../../components/useExport';
import { breakdownKeys, churnText, type BreakdownKey } from '../../../src-main/locale/churn';
import { periodText } from '../../../src-main/locale/common';
import { selectPeriod, selectSurvivalBy, useChurn, type SurvivalBy } from '../../store/churn';
import { useScopeRequest } from '../../store/scope';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { breakdownOption, churnSeriesOption, retentionHeight, retentionOption, survivalOption } from './churnChartOptions';
import { churnColumns } from './churnColumns';
import './churn.css';

const periods: Period[] = ['day', 'week', 'month'];
/** A breakdown before the answer: one array, so each render of the view (another answer came) does not draw the five charts anew. */
const noItems: ChurnResult['breakdowns'][BreakdownKey] = [];
const survivalBys: SurvivalBy[] = ['none', 'channel', 'group'];
/** The room a retention or survival panel keeps until it is made: about its height with a year of weeks. */
const PANEL_HEIGHT = 420;

/** 流失与留存: who left, when and how; retention by join week; Kaplan–Meier survival of membership. */
export function ChurnView() {
  const scope = useScopeRequest();
  const period = useChurn(selectPeriod);
  const { setPeriod } = useChurn.getState();
  // The list pages through churn:events (ListPanel): the answer's latest 2,000 events, some 340 kB at
  // 100,000 people, were sent and parsed for nothing.
  const query = useQuery('churn:query', { ...scope, period, listLimit: 0 });
  const result = query.data;
  const isLoading = query.isLoading;

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
      {/* Below the fold at the usual window sizes: asked and drawn once in sight, or once the figures above stood a second (BelowFold). */}
      <div className="churn-panels">
        <BelowFold minHeight={PANEL_HEIGHT} cardTitle={churnText.retentionTitle}>
          <RetentionPanel scope={scope} />
        </BelowFold>
        <BelowFold minHeight={PANEL_HEIGHT} cardTitle={churnText.survivalTitle}>
          <SurvivalPanel scope={scope} />
        </BelowFold>
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
        {result && (
          <span className="churn-total" title={churnText.churnedPeopleHint}>
            {churnText.churnedPeople} <b data-testid="churn-people">{result.churnedPeople.toLocaleString('zh-CN')}</b>
          </span>
        )}
        {churned !== null && (
          <span className="churn-total" title={churnText.churnedTotalHint(periodText[period])}>
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
          <Breakdown key={key} name={key} items={result?.breakdowns[key] ?? noItems} />
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

/** Every churn event of the scope, paged, sorted and filtered on the Node side (churn:events). */
function ListPanel({ result }: { result: ChurnResult | null }) {
  const columns = useMemo(() => churnColumns(), []);
  const scope = useScopeRequest();
  const dataVersion = useDataVersion(selectDataVersion);
  // Rows matching the grid's filters (null until the first page answers).
  const [shown, setShown] = useState<number | null>(null);
  const loader = useCallback<PageLoader<ChurnEventRow>>((query, signal) => askPage('churn:events', { ...scope, ...query }, signal), [scope]);
  // The events the grid shows (its sort and filters), both files written by the Node side (not paged through the page).
  const exportFile = useCallback((format: ExportFileFormat, shown: GridShown) => apiDownload('churn:export', { ...scope, ...shown, format }, exportDownload), [scope]);
  const total = result?.eventCount ?? 0;
  const count = shown ?? total;
  return (
    <section className="card churn-list" data-testid="churn-list-panel">
      <div className="churn-head">
        <h3>{churnText.listTitle}</h3>
        <div className="churn-list-actions">
          <span className="muted" data-testid="churn-list-count" data-count={count} data-total={total}>
            {count < total ? churnText.listCountFiltered(count, total) : churnText.listCount(total)}
          </span>
        </div>
      </div>
      <p className="muted churn-note">{churnText.listNote}</p>
      {result && total === 0 ? (
        <div className="churn-empty" data-testid="churn-list-empty">
          {churnText.emptyList}
        </div>
      ) : (
        <div className="grid-box churn-grid">
          <BelowFold minHeight="100%">
            <DataGrid columns={columns} loader={loader} reloadKey={`${JSON.stringify(scope)}:${dataVersion}`} onTotal={setShown} testId="churn-list" exportFile={exportFile} />
          </BelowFold>
        </div>
      )}
    </section>
  );
}

function RetentionPanel({ scope }: { scope: AnalysisScope }) {
  const { data: cohorts, isLoading } = useQuery('churn:retention', scope);
  const option = useMemo(() => retentionOption(cohorts ?? []), [cohorts]);
  const height = retentionHeight(cohorts?.length ?? 0);
  return (
    <section className="card chart-card" aria-busy={isLoading} data-testid="churn-retention">
      <h3>{churnText.retentionTitle}</h3>
      <p className="muted churn-note">{churnText.retentionNote}</p>
      <Chart option={option} testId="churn-retention-chart" height={height} />
    </section>
  );
}

function SurvivalPanel({ scope }: { scope: AnalysisScope }) {
  const by = useChurn(selectSurvivalBy);
  const { data: curves, isLoading } = useQuery('churn:survival', { ...scope, by });
  const option = useMemo(() => survivalOption(curves ?? []), [curves]);
  const { setSurvivalBy } = useChurn.getState();
  return (
    <section className="card chart-card" aria-busy={isLoading} data-testid="churn-survival">
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
