import { useMemo } from 'react';
import type { OverviewResult } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { ScopeBar } from '../../components/ScopeBar';
import { overviewText } from '../../../src-main/locale/overview';
import { t } from '../../../src-main/locale/app';
import { navSections, useNavigation, type Tab } from '../../store/navigation';
import { selectScopeGroups, useScope } from '../../store/scope';
import { formatCount, formatRate } from '../metrics/metricsFormat';
import { miniFunnelOption, trendChartOption } from './overviewChartOption';
import { missingKinds, overviewCards, weekChurnRate, type Card } from './overviewFormat';
import './overview.css';

/** Every other view, in side-navigation order, for the links at the bottom. */
const linkedTabs: Tab[] = navSections.flatMap((s) => [...s.tabs]).filter((tab) => tab !== 'overview');

const go = (tab: Tab) => useNavigation.getState().go(tab);

/** The first view of a project: the latest week's key figures, the trend, the funnel and churn. */
export function OverviewView() {
  const groups = useScope(selectScopeGroups);
  const { data: result, isLoading } = useQuery('overview:query', groups.length ? { groups } : {});

  return (
    <div className="overview-view" aria-busy={isLoading} data-testid="overview-view">
      <ScopeBar hasRange={false}>{isLoading && <span className="muted">{overviewText.loading}</span>}</ScopeBar>
      {result?.week_start && <MissingData />}
      {result && (result.week_start ? <WeekOverview result={result} /> : <EmptyOverview />)}
    </div>
  );
}

/** No data in the scope yet: say so and point to the import. */
function EmptyOverview() {
  return (
    <section className="card overview-empty" data-testid="overview-empty">
      <h2>{overviewText.emptyTitle}</h2>
      <p className="muted">{overviewText.emptyBody}</p>
      <button type="button" className="primary" onClick={() => go('import')} data-testid="overview-go-import">
        {overviewText.emptyAction}
      </button>
    </section>
  );
}

/** One line per kind of export the figures need and no import brought, each with a way to 导入. */
function MissingData() {
  const history = useQuery('import:history', {}).data;
  const missing = useMemo(() => (history ? missingKinds(history) : []), [history]);
  if (!missing.length) return null;
  return (
    <ul className="overview-missing" data-testid="overview-missing">
      {missing.map((kind) => (
        <li key={kind} className="card" data-testid={`overview-missing-${kind}`}>
          <span>{overviewText.missingData[kind]}</span>
          <button type="button" className="link" onClick={() => go('import')} data-testid="overview-missing-import">
            → {overviewText.missingAction}
          </button>
        </li>
      ))}
    </ul>
  );
}

function WeekOverview({ result }: { result: OverviewResult }) {
  const { thisWeek, lastWeek, trend, funnel } = result;
  const cards = useMemo(() => (thisWeek ? overviewCards(thisWeek, lastWeek) : []), [thisWeek, lastWeek]);
  const trendOption = useMemo(() => trendChartOption(trend), [trend]);
  const funnelOption = useMemo(() => miniFunnelOption(funnel), [funnel]);
  const churnRate = thisWeek ? weekChurnRate(thisWeek, lastWeek) : null;

  return (
    <>
      <div className="overview-head">
        <h2>{overviewText.title}</h2>
        <span className="overview-week" data-testid="overview-week" title={overviewText.weekHint}>
          {overviewText.week(result.week_start ?? '', result.week_end ?? '')}
        </span>
        <span className="muted overview-hint">{overviewText.weekHint}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => go('metrics')} data-testid="overview-open-metrics">
          {overviewText.openMetrics} →
        </button>
      </div>
      <div className="overview-cards">
        {cards.map((card) => (
          <KeyFigure key={card.id} card={card} />
        ))}
      </div>
      <div className="overview-panels">
        <section className="card chart-card overview-panel overview-panel-wide">
          <div className="overview-panel-head">
            <h3>{overviewText.trendTitle}</h3>
            <button type="button" className="link" onClick={() => go('metrics')}>
              {overviewText.openMetrics} →
            </button>
          </div>
          <Chart option={trendOption} testId="overview-trend" height={230} />
        </section>
        <section className="card chart-card overview-panel">
          <div className="overview-panel-head">
            <h3 title={overviewText.funnelHint}>{overviewText.funnelTitle}</h3>
            <button type="button" className="link" onClick={() => go('funnel')} data-testid="overview-open-funnel">
              {overviewText.openFunnel} →
            </button>
          </div>
          {result.funnel_from && result.week_end && (
            <p className="muted overview-hint" title={overviewText.funnelHint} data-testid="overview-funnel-range">
              {overviewText.funnelRange(result.funnel_from, result.week_end)}
            </p>
          )}
          <Chart option={funnelOption} testId="overview-funnel" height={200} onItemClick={() => go('funnel')} />
          <ol className="overview-funnel-list" data-testid="overview-funnel-list">
            {funnel.map((stage) => (
              <li key={stage.id} data-testid={`overview-funnel-stage-${stage.id}`}>
                <span>{stage.name}</span>
                <strong data-testid="overview-funnel-count">{formatCount(stage.count)}</strong>
                <span className="muted">{stage.step.rate === null ? '' : formatRate(stage.step.rate)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card overview-panel overview-churn" data-testid="overview-churn">
          <div className="overview-panel-head">
            <h3>{overviewText.churnTitle}</h3>
            <button type="button" className="link" onClick={() => go('churn')} data-testid="overview-open-churn">
              {overviewText.openChurn} →
            </button>
          </div>
          <div className="overview-churn-figures">
            <div>
              <div className="muted">{overviewText.churnCount}</div>
              <div className="overview-churn-value" data-testid="overview-churn-count">
                {formatCount(thisWeek?.churned_members)}
              </div>
            </div>
            <div title={overviewText.churnRateHint}>
              <div className="muted">{overviewText.churnRate}</div>
              <div className="overview-churn-value" data-testid="overview-churn-rate">
                {formatRate(churnRate)}
              </div>
            </div>
          </div>
          <p className="muted overview-hint">{overviewText.churnRateHint}</p>
        </section>
      </div>
      <nav className="overview-links" aria-label={overviewText.linksTitle}>
        <span className="muted">{overviewText.linksTitle}</span>
        {linkedTabs.map((tab) => (
          <button key={tab} type="button" className="small" onClick={() => go(tab)} data-testid={`overview-link-${tab}`}>
            {t.tabs[tab]}
          </button>
        ))}
      </nav>
    </>
  );
}

/** One key-figure card: this week's value, last week's, and the change. */
function KeyFigure({ card }: { card: Card }) {
  const tone = card.change.isGood === null ? '' : card.change.isGood ? ' good' : ' bad';
  return (
    <section className="card overview-card" data-testid={`overview-card-${card.id}`}>
      <div className="overview-card-label">{card.label}</div>
      <div className="overview-card-value" data-testid={`overview-value-${card.id}`}>
        {card.value}
      </div>
      <div className="overview-card-change" title={overviewText.changeTitle}>
        <span className="muted">{overviewText.vsLastWeek}</span>
        <span className={`overview-change ${card.change.direction}${tone}`} data-testid={`overview-change-${card.id}`}>
          {card.change.text}
        </span>
      </div>
      <div className="muted overview-card-last">
        {overviewText.lastWeek} <span data-testid={`overview-last-${card.id}`}>{card.last}</span>
      </div>
    </section>
  );
}
