import { useMemo, useState } from 'react';
import type { RoiDimension } from '../../../src-main/contract';
import { ltvText, roiText } from '../../../src-main/locale/roi';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { ChannelDimensionSelect } from './ChannelDimensionSelect';
import { DataGrid } from '../../components/DataGrid';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { selectScopeFrom, selectScopeTo, useScope } from '../../store/scope';
import { channelColumns, cohortColumns, cohortOption, cohortRows, curvesOption } from './ltvModel';
import './decision.css';


/** LTV / CAC: per channel, what its people bring in month by month against what acquiring them cost. */
export function LtvView() {
  const text = ltvText;
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const [dimension, setDimension] = useState<RoiDimension>('source');
  const req = useMemo(() => ({ dimension, ...(from ? { from } : {}), ...(to ? { to } : {}) }), [dimension, from, to]);
  const { data: r, isLoading } = useQuery('decision:ltv', req);
  const [chosen, setChosen] = useState<string | null>(null);
  const channel = r?.channels.find((c) => c.channel === chosen) ?? r?.channels.find((c) => c.acquired > 0);
  const curves = useMemo(() => (r && r.channels.some((c) => c.acquired > 0) ? curvesOption(r.channels.filter((c) => c.acquired > 0)) : null), [r]);
  const cohorts = useMemo(() => (r && channel ? r.cohorts.filter((c) => c.channel === channel.channel) : []), [r, channel]);
  const cohortChart = useMemo(() => (cohorts.length ? cohortOption(cohorts, channel?.cac ?? null) : null), [cohorts, channel]);
  const rows = useMemo(() => (r && channel ? cohortRows(r.cohorts, channel.channel) : []), [r, channel]);
  const channelCols = useMemo(() => channelColumns(), []);
  const cohortCols = useMemo(() => cohortColumns(), []);

  return (
    <div className="decision-view ltv-view" aria-busy={isLoading} data-testid="ltv-view">
      <ScopeBar>
        <ChannelDimensionSelect value={dimension} onChange={setDimension} testId="ltv-dimension" />
        <span className="spacer" />
        {isLoading && <span className="muted">{text.running}</span>}
        {r && <span className="muted">{text.asOf(r.asOf)}</span>}
      </ScopeBar>
      <p className="muted">{text.intro}</p>
      {r && (
        <section className="card">
          <p data-testid="ltv-reading">{r.reading}</p>
          <div style={{ height: gridHeight(r.channels.length, 360) }}>
            <DataGrid columns={channelCols} rows={r.channels} rowId={(c) => c.channel} testId="ltv-channels" />
          </div>
          <ul className="roi-readings" data-testid="ltv-channel-readings">
            {r.channels.map((c) => (
              <li key={c.channel}>{c.reading}</li>
            ))}
          </ul>
        </section>
      )}
      {curves && (
        <section className="card">
          <h3>{text.curveTitle}</h3>
          <Chart option={curves} testId="ltv-curves" height={300} />
        </section>
      )}
      {r && channel && (
        <section className="card">
          <div className="contribution-head">
            <h3>{text.cohortTitle}</h3>
            <label>
              {roiText.chooseChannel}
              <select value={channel.channel} data-testid="ltv-cohort-channel" onChange={(e) => setChosen(e.target.value)}>
                {r.channels.filter((c) => c.acquired > 0).map((c) => (
                  <option key={c.channel} value={c.channel}>
                    {c.channel}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <BelowFold minHeight={280 + gridHeight(rows.length, 360)}>
            {cohortChart && <Chart option={cohortChart} testId="ltv-cohort-chart" height={280} />}
            <div style={{ height: gridHeight(rows.length, 360) }}>
              <DataGrid columns={cohortCols} rows={rows} rowId={(c) => c.key} testId="ltv-cohorts" />
            </div>
          </BelowFold>
        </section>
      )}
    </div>
  );
}
