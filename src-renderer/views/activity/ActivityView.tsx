import { useMemo } from 'react';
import type { ActivityCell } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { ScopeBar } from '../../components/ScopeBar';
import { activityText } from '../../../src-main/locale/activity';
import { useScopeRequest } from '../../store/scope';
import { activityHeatmapOption, topSlots, type ActivityMetric } from './activityChartOption';
import { selectMetric, useActivity } from './activityStore';
import './activity.css';

const metrics: ActivityMetric[] = ['messages', 'people'];

/** 活跃时段: when the members talk, by weekday × hour, and the best times to post. */
export function ActivityView() {
  const metric = useActivity(selectMetric);
  const { setMetric } = useActivity.getState();
  const { data: cells, isLoading } = useQuery('activity:query', useScopeRequest());

  const option = useMemo(() => activityHeatmapOption(cells ?? [], metric), [cells, metric]);
  const total = cells?.reduce((n, c) => n + c.messages, 0) ?? null;

  return (
    <div className="activity-view" aria-busy={isLoading} data-testid="activity-view">
      <ScopeBar>
        <div className="segmented" role="radiogroup">
          {metrics.map((m) => (
            <button key={m} type="button" role="radio" aria-checked={metric === m} className={metric === m ? 'active' : ''} data-testid={`activity-metric-${m}`} onClick={() => setMetric(m)}>
              {activityText.metric[m]}
            </button>
          ))}
        </div>
        {isLoading && <span className="muted">{activityText.loading}</span>}
      </ScopeBar>
      <div className="activity-body">
        <section className="card chart-card activity-heatmap-card">
          <div className="activity-head">
            <h3>{activityText.heatmapTitle}</h3>
            {total !== null && (
              <span className="muted" data-testid="activity-total" data-total={total}>
                {activityText.totals(total)}
              </span>
            )}
          </div>
          <Chart option={option} testId="activity-heatmap" height={380} />
          <p className="muted activity-note">{activityText.note}</p>
        </section>
        <TopSlots cells={cells} />
      </div>
    </div>
  );
}

function TopSlots({ cells }: { cells: ActivityCell[] | null }) {
  const top = useMemo(() => topSlots(cells ?? []), [cells]);
  return (
    <section className="card activity-top" data-testid="activity-top">
      <h3>{activityText.topTitle}</h3>
      <p className="muted activity-note">{activityText.topNote}</p>
      {cells && top.length === 0 ? (
        <div className="muted" data-testid="activity-top-empty">
          {activityText.empty}
        </div>
      ) : (
        <ol className="activity-top-list">
          {top.map((c, i) => (
            <li key={`${c.weekday}-${c.hour}`} data-testid={`activity-top-${i}`} data-weekday={c.weekday} data-hour={c.hour}>
              <span className="activity-top-rank">{i + 1}</span>
              <span className="activity-top-slot">{activityText.slot(c.weekday, c.hour)}</span>
              <span className="activity-top-figures">{activityText.topItem(c.people, c.messages)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
