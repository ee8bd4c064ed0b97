import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoiDimension } from '../../../src-main/contract';
import { punctuation } from '../../../src-main/locale/common';
import { roiText } from '../../../src-main/locale/roi';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { ChannelDimensionSelect } from './ChannelDimensionSelect';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, useDraft } from '../../components/useDraft';
import { selectScopeGroups, useScope } from '../../store/scope';
import { formatFigure } from './decisionFormat';
import {
  backtestColumns,
  backtestOption,
  comparedColumns,
  measuredColumns,
  rowFromMeasured,
  scenarioColumns,
  scenariosProblem,
  sensitivityOption,
  toInput,
  toRows,
  toSaved,
  type ComparedRow,
  type ScenarioRow,
} from './roiModel';
import './decision.css';

/** How long the scenario grid must stay unchanged before the plans are recomputed. */
const DEBOUNCE_MS = 250;
const rowKey = (r: { key: string }) => r.key;
const empty: ScenarioRow[] = [];

/** ROI预测与定价: measured rates per channel, editable scenarios with their plans side by side, the sensitivity heatmap and the back-test. */
export function RoiView() {
  const text = roiText;
  const groups = useScope(selectScopeGroups);
  const [dimension, setDimension] = useState<RoiDimension>('source');
  const [weeks, setWeeks] = useState(4);
  const [windowDays, setWindowDays] = useState(30);
  const measuredReq = useMemo(() => ({ dimension, weeks, windowDays, ...(groups.length ? { groups } : {}) }), [dimension, weeks, windowDays, groups]);
  const { data: measured, isLoading } = useQuery('decision:roi', measuredReq, { debounceMs: DEBOUNCE_MS });

  const editor = useDraft(currentAnswer(useQuery('decision:roiScenarios', {})), toRows, empty, 'roiScenarios');
  const saver = useMutation('decision:saveRoiScenarios', { onDone: editor.takeSaved, invalidates: 'definitions' });
  const rows = editor.value;
  const problem = editor.isLoaded ? scenariosProblem(rows) : null;

  // A project without saved scenarios starts with one per measured channel (unsaved, so the user sees 保存).
  const hasPrefilled = useRef(false);
  useEffect(() => {
    if (hasPrefilled.current || !editor.isLoaded || !measured || rows.length > 0 || editor.isDirty) return;
    hasPrefilled.current = true;
    if (measured.channels.length) editor.set(measured.channels.map(rowFromMeasured));
  }, [editor, measured, rows.length]);

  const inputs = useMemo(() => rows.map(toInput), [rows]);
  const { data: plans } = useQuery('decision:roiPlan', inputs.length ? { scenarios: inputs } : null, { debounceMs: DEBOUNCE_MS });
  const compared: ComparedRow[] = useMemo(
    () =>
      plans && plans.length === rows.length
        ? rows.map((r, i) => {
            const { sensitivity: _table, ...plan } = plans[i]!;
            return { key: r.key, name: r.name, channel: r.channel, mode: r.mode, cost: r.cost, ...plan };
          })
        : [],
    [plans, rows],
  );
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosenAt = Math.max(0, rows.findIndex((r) => r.key === chosenKey));
  const chosenPlan = plans && plans.length === rows.length ? plans[chosenAt] : undefined;
  const heatmap = useMemo(() => (chosenPlan && chosenPlan.sensitivity.rows.length ? sensitivityOption(chosenPlan, rows[chosenAt]!.mode) : null), [chosenPlan, rows, chosenAt]);

  const [backtestChannel, setBacktestChannel] = useState<string | null>(null);
  const tested = measured?.channels.find((c) => c.channel === backtestChannel) ?? measured?.channels[0];
  const backtestChart = useMemo(() => (tested && tested.backtest.length ? backtestOption(tested.backtest) : null), [tested]);

  const scenarioCols = useMemo(() => scenarioColumns(), []);
  const comparedCols = useMemo(() => comparedColumns(), []);
  const measuredCols = useMemo(() => measuredColumns(), []);
  const backtestCols = useMemo(() => backtestColumns(), []);

  return (
    <div className="decision-view roi-view" aria-busy={isLoading || !editor.isLoaded} data-testid="roi-view">
      <ScopeBar hasRange={false}>
        <ChannelDimensionSelect value={dimension} onChange={setDimension} testId="roi-dimension" />
        <label>
          {text.weeks}
          <input type="number" min={1} max={52} value={weeks} data-testid="roi-weeks" style={{ width: 56 }} onChange={(e) => setWeeks(Math.min(52, Math.max(1, Math.round(Number(e.target.value)) || 1)))} />
        </label>
        <label>
          {text.windowDays}
          <input type="number" min={1} max={365} value={windowDays} data-testid="roi-window" style={{ width: 64 }} onChange={(e) => setWindowDays(Math.min(365, Math.max(1, Math.round(Number(e.target.value)) || 1)))} />
        </label>
        <span className="spacer" />
        {isLoading && <span className="muted">{text.running}</span>}
        {measured && <span className="muted">{text.asOf(measured.asOf)}</span>}
      </ScopeBar>
      <p className="muted">{text.intro}</p>

      <section className="card">
        <h3>{text.measuredTitle}</h3>
        {measured && <p data-testid="roi-reading">{measured.reading}</p>}
        {measured && measured.channels.length > 0 && (
          <>
            <div style={{ height: gridHeight(measured.channels.length, 320) }}>
              <DataGrid columns={measuredCols} rows={measured.channels} rowId={(c) => c.channel} testId="roi-measured" />
            </div>
            <ul className="roi-readings" data-testid="roi-channel-readings">
              {measured.channels.map((c) => (
                <li key={c.channel}>{c.reading}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card">
        <div className="contribution-head">
          <h3>{text.scenariosTitle}</h3>
          <DefinitionToolbar
            testId="roi-scenarios"
            text={text}
            draft={editor}
            isSaving={saver.isRunning}
            problem={problem}
            canSave={problem === null}
            onSave={() => void saver.run({ scenarios: toSaved(rows) })}
            onRevert={editor.revert}
          >
            <button type="button" data-testid="roi-add-measured" disabled={!measured?.channels.length} onClick={() => editor.set([...rows, rowFromMeasured(tested ?? null)])}>
              {text.fillFromMeasured}
            </button>
          </DefinitionToolbar>
        </div>
        <BelowFold minHeight={160}>
          <DefinitionGrid<ScenarioRow>
            rows={rows}
            columns={scenarioCols}
            onChange={editor.set}
            newRow={() => rowFromMeasured(null)}
            rowId={rowKey}
            history={editor}
            maxRows={200}
            testId="roi-scenarios"
          />
        </BelowFold>
      </section>

      {compared.length > 0 && (
        <section className="card">
          <h3>{text.compareTitle}</h3>
          <div style={{ height: gridHeight(compared.length, 360) }}>
            <BelowFold minHeight="100%">
              <DataGrid columns={comparedCols} rows={compared} rowId={rowKey} testId="roi-compared" />
            </BelowFold>
          </div>
          <ul className="roi-readings" data-testid="roi-plan-readings">
            {compared.map((r) => (
              <li key={r.key}>
                <strong>{r.name}</strong>{punctuation.colon}{r.reading}
              </li>
            ))}
          </ul>
        </section>
      )}

      {compared.length > 0 && (
        <section className="card">
          <div className="contribution-head">
            <h3>{text.heatmapTitle(rows[chosenAt]?.name ?? '')}</h3>
            <label>
              {text.chooseScenario}
              <select value={rows[chosenAt]?.key ?? ''} data-testid="roi-heatmap-scenario" onChange={(e) => setChosenKey(e.target.value)}>
                {rows.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <BelowFold minHeight={320}>
            {heatmap ? <Chart option={heatmap} testId="roi-heatmap" height={320} /> : <p className="muted">{chosenPlan?.reading}</p>}
          </BelowFold>
        </section>
      )}

      {measured && measured.channels.length > 0 && tested && (
        <section className="card">
          <div className="contribution-head">
            <h3>{text.backtestTitle(tested.channel)}</h3>
            <label>
              {text.chooseChannel}
              <select value={tested.channel} data-testid="roi-backtest-channel" onChange={(e) => setBacktestChannel(e.target.value)}>
                {measured.channels.map((c) => (
                  <option key={c.channel} value={c.channel}>
                    {c.channel}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {tested.backtest.length === 0 ? (
            <p className="muted">{text.noBacktest}</p>
          ) : (
            <>
              <p data-testid="roi-mape">{text.mape(formatFigure(tested.mape, 1), tested.zeroWeeks)}</p>
              <BelowFold minHeight={260 + gridHeight(tested.backtest.length, 320)}>
                {backtestChart && <Chart option={backtestChart} testId="roi-backtest-chart" height={260} />}
                <div style={{ height: gridHeight(tested.backtest.length, 320) }}>
                  <DataGrid columns={backtestCols} rows={tested.backtest} rowId={(r) => r.week} testId="roi-backtest" />
                </div>
              </BelowFold>
            </>
          )}
        </section>
      )}
    </div>
  );
}
