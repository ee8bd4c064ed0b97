import { useCallback, useMemo, useState } from 'react';
import type { FunnelResult } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { ScopeBar } from '../../components/ScopeBar';
import { funnelText } from '../../../src-main/locale/funnel';
import { selectBreakdown, selectFunnelMode, selectWindowDays, useFunnel, type FunnelBreakdown, type FunnelMode } from '../../store/funnel';
import { useScopeRequest } from '../../store/scope';
import { funnelChartOption, MAX_PANELS } from './funnelChartOption';
import { funnelColumns, resultRows, type FunnelRow } from './funnelColumns';
import { LostPanel } from './LostPanel';
import { PathEditor } from './PathEditor';
import './funnel.css';

const modes: FunnelMode[] = ['period', 'cohort'];
const breakdowns = ['none', 'channel', 'staff', 'tag'] as const;
const rowId = (r: FunnelRow) => `${r.group ?? ''}\u0000${r.index}`;

/** Why there is no funnel to draw, or null when there is one. */
export function emptyReason(result: FunnelResult | null): string | null {
  if (!result) return null;
  if (result.stages.length + result.skipped.length < 2) return funnelText.empty.noStages;
  if (result.mode === 'cohort' && result.stages.length === 0) return funnelText.empty.noPersonStages;
  if (result.stages.every((s) => s.count === 0)) return funnelText.empty.noData;
  return null;
}

/** 路径与漏斗: the customer path editor, then the funnel over the saved path in either mode. */
export function FunnelView() {
  const scope = useScopeRequest();
  const mode = useFunnel(selectFunnelMode);
  const windowDays = useFunnel(selectWindowDays);
  const breakdown = useFunnel(selectBreakdown);
  const { setMode, setWindowDays, setBreakdown } = useFunnel.getState();
  const [windowText, setWindowText] = useState(String(windowDays));
  // The path is a definition: saving it re-asks the funnel (store/dataVersion.ts).
  const { data: result, isLoading } = useQuery('funnel:query', { ...scope, mode, windowDays, breakdown: mode === 'cohort' ? breakdown : null });
  // The path editor above the funnel takes its height with the path (open at first use, one line
  // once saved): what lies below the fold (BelowFold) is known once it shows the path.
  const [isPathShown, setPathShown] = useState(false);
  const onPathShown = useCallback(() => setPathShown(true), []);

  // The shown result may be of the other mode while the new one loads: draw only a matching one.
  const shown = result && result.mode === mode ? result : null;
  const empty = emptyReason(shown);
  const option = useMemo(() => funnelChartOption(shown, empty), [shown, empty]);
  const columns = useMemo(() => funnelColumns(mode, !!shown?.breakdown), [mode, shown]);
  const rows = useMemo(() => (shown && !empty ? resultRows(shown) : []), [shown, empty]);

  function commitWindow(text: string) {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= 365) setWindowDays(n);
    else setWindowText(String(windowDays));
  }

  return (
    <div className="funnel-view" data-testid="funnel-view">
      <ScopeBar>
        <div className="segmented" role="radiogroup">
          {modes.map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'active' : ''} onClick={() => setMode(m)} data-testid={`funnel-mode-${m}`}>
              {funnelText.mode[m]}
            </button>
          ))}
        </div>
        {mode === 'cohort' && (
          <>
            <label className="field inline">
              <span>{funnelText.windowDays}</span>
              <input
                type="number"
                min={1}
                max={365}
                className="funnel-window"
                value={windowText}
                onChange={(e) => setWindowText(e.currentTarget.value)}
                onBlur={(e) => commitWindow(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Enter' && commitWindow(e.currentTarget.value)}
                data-testid="funnel-window"
              />
            </label>
            <label className="field inline">
              <span>{funnelText.breakdown}</span>
              <select
                value={breakdown ?? 'none'}
                onChange={(e) => setBreakdown(e.currentTarget.value === 'none' ? null : (e.currentTarget.value as FunnelBreakdown))}
                data-testid="funnel-breakdown"
              >
                {breakdowns.map((b) => (
                  <option key={b} value={b}>
                    {funnelText.breakdownOptions[b]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {isLoading && <span className="muted">{funnelText.loading}</span>}
      </ScopeBar>

      <PathEditor onShown={onPathShown} />

      <p className="muted small funnel-note">
        {funnelText.modeHint[mode]}
        {shown && (
          <>
            {' · '}
            <span data-testid="funnel-range">{funnelText.range(shown.from, shown.to)}</span>
          </>
        )}
      </p>
      {shown && shown.skipped.length > 0 && (
        <p className="funnel-skipped small" data-testid="funnel-skipped">
          {funnelText.skipped(shown.skipped.map((s) => s.name))}
        </p>
      )}

      <section className="card chart-card">
        <h3>
          {shown?.breakdown ? funnelText.breakdownTitle(Math.min(MAX_PANELS, shown.breakdown.length), shown.breakdown.length) : funnelText.chartTitle}
        </h3>
        {empty ? (
          <p className="funnel-empty" data-testid="funnel-empty">
            {empty}
          </p>
        ) : (
          <Chart option={option} testId="funnel-chart" height={shown?.breakdown ? 400 : 360} />
        )}
      </section>

      {!empty && shown && isPathShown && (
        <section className="card funnel-table">
          <h3>{funnelText.tableTitle}</h3>
          <div className="grid-box funnel-table-grid" style={{ height: Math.min(560, 52 + 42 * Math.max(rows.length, 2)) }}>
            {/* Below the chart, out of sight at the usual window sizes: made once in sight, or once the figures above stood a moment (BelowFold). */}
            <BelowFold minHeight="100%">
              <DataGrid columns={columns} rows={rows} rowId={rowId} testId="funnel-table" />
            </BelowFold>
          </div>
        </section>
      )}

      {mode === 'cohort' && shown && !empty && isPathShown && shown.stages.length >= 2 && <LostPanel scope={scope} stages={shown.stages} biggestDrop={shown.biggestDrop} />}
    </div>
  );
}
