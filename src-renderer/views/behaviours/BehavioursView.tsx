import { useMemo, useState } from 'react';
import type { AnalysisScope, BehaviourCount, Period } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, useDraft } from '../../components/useDraft';
import { behavioursText } from '../../../src-main/locale/behaviours';
import { periodText } from '../../../src-main/locale/common';
import { useScopeRequest } from '../../store/scope';
import { behavioursChartOption, type BehaviourMeasure } from './behavioursChartOption';
import { behaviourColumns, countableRules, liveText, msgTypeOptions, newBehaviourRow, rowsAreValid, toDefinition, toRows, type BehaviourRow } from './behaviourRows';
import { liftColumns } from './liftColumns';
import './behaviours.css';

/** How long the grid must stay unchanged before the live counts are recomputed. */
const DEBOUNCE_MS = 300;
const periods: Period[] = ['day', 'week', 'month'];
const measures: BehaviourMeasure[] = ['people', 'occurrences'];
const rowId = (r: BehaviourRow) => r.id;

const noRows: BehaviourRow[] = [];
const noTypes: { msgType: string; count: number }[] = [];

/**
 * Key behaviours: the rule grid with live counts, the activity setting, and the analysis (trend
 * and lift). The rules and 活跃口径 are definitions: saving either re-asks every figure built on
 * them (活跃用户数 of the metrics among them).
 */
export function BehavioursView() {
  const scope = useScopeRequest();
  const saved = useQuery('behaviours:get', {});
  const savedRules = currentAnswer(saved);
  const rows = useDraft(savedRules, toRows, noRows, 'behaviours');
  const msgTypes = useQuery('behaviours:msgTypes', {}).data ?? noTypes;
  const activeBy = useQuery('behaviours:activeBy', {}).data?.activeBy ?? null;
  const saver = useMutation('behaviours:save', { onDone: rows.takeSaved, invalidates: 'definitions' });
  const defaults = useMutation('behaviours:defaults', { onDone: (rules) => rows.set(toRows(rules)) });
  const activeBySaver = useMutation('behaviours:activeBy', { invalidates: 'definitions' });

  // Live counts of the rows as they are. While they are the saved rules (no draft yet, or none of
  // its changes left), the saved rules' counts, asked without the rules: beside behaviours:get on a
  // first visit, not after its answer and the grid's render (some 500 ms at 100,000 people, issue 17).
  const isEdited = rows.isLoaded && rows.isDirty;
  const live = useQuery('behaviours:counts', isEdited ? { ...scope, behaviours: countableRules(rows.value) } : scope, { debounceMs: DEBOUNCE_MS });
  const isCounting = live.isLoading;
  const counts = useMemo<ReadonlyMap<string, BehaviourCount>>(() => new Map((live.data ?? []).map((c) => [c.id, c])), [live.data]);

  const errors = useMemo(() => new Map([...counts].filter(([, c]) => c.error !== null).map(([id, c]) => [id, c.error!])), [counts]);
  const typeOptions = useMemo(() => msgTypeOptions(msgTypes, rows.value), [msgTypes, rows.value]);
  const columns = useMemo(() => behaviourColumns(typeOptions, errors), [typeOptions, errors]);
  const extraColumns = useMemo(
    () => [
      { headerName: behavioursText.live.people, width: 90, value: (r: BehaviourRow) => liveText(counts, r, 'people'), testId: 'behaviour-people' },
      { headerName: behavioursText.live.occurrences, width: 90, value: (r: BehaviourRow) => liveText(counts, r, 'occurrences'), testId: 'behaviour-occurrences' },
    ],
    [counts],
  );
  const isValid = rowsAreValid(rows.value, errors);

  return (
    <div className="behaviours-view" data-testid="behaviours-view">
      <ScopeBar>
        <span className="spacer" />
        <ActiveByToggle value={activeBy} onChange={(next) => void activeBySaver.run({ activeBy: next })} />
      </ScopeBar>
      <p className="muted behaviours-intro">{behavioursText.intro}</p>
      <section className="card behaviours-rules" aria-busy={!rows.isLoaded || isCounting} data-testid="behaviours-rules-card">
        <div className="behaviours-rules-head">
          <h3>{behavioursText.definitionsTitle}</h3>
          <DefinitionToolbar
            testId="behaviours"
            text={behavioursText}
            draft={rows}
            isSaving={saver.isRunning}
            problem={isValid ? null : behavioursText.invalid}
            onSave={() => void saver.run({ behaviours: toDefinition(rows.value) })}
          >
            <button type="button" onClick={() => void defaults.run({})} data-testid="behaviours-defaults">
              {behavioursText.restoreDefaults}
            </button>
          </DefinitionToolbar>
        </div>
        <p className="muted small behaviours-help">{behavioursText.help}</p>
        <DefinitionGrid
          rows={rows.value}
          columns={columns}
          onChange={rows.set}
          newRow={newBehaviourRow}
          rowId={rowId}
          history={rows}
          canReorder
          maxRows={100}
          extraColumns={extraColumns}
          testId="behaviours-grid"
        />
        <p className="muted small">{behavioursText.liveNote}</p>
      </section>
      <BehaviourAnalysis scope={scope} isRulesShown={rows.isLoaded} />
    </div>
  );
}

/** 活跃口径: what counts as activity in the metrics. */
function ActiveByToggle({ value, onChange }: { value: 'message' | 'behaviour' | null; onChange: (v: 'message' | 'behaviour') => void }) {
  const text = behavioursText.activeBy;
  return (
    <div className="behaviours-active-by" title={text.detail}>
      <span>{text.label}</span>
      <div className="segmented" role="radiogroup" aria-label={text.label}>
        {(['message', 'behaviour'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={value === v} className={value === v ? 'active' : ''} onClick={() => onChange(v)} data-testid={`active-by-${v}`}>
            {text[v]}
          </button>
        ))}
      </div>
      <span className="muted small behaviours-active-note" data-testid="active-by-note">
        {text.note}
      </span>
    </div>
  );
}

/**
 * The analysis of the saved rules: people (or occurrences) per period per behaviour, and the lift
 * table. The lift is asked apart, by the table below the fold: the chart's trend is what the view
 * opens on (on a first visit, the two analyses and the live counts at once held the chart back on
 * two cores, issue 17), and a change of period asks the trend alone.
 */
function BehaviourAnalysis({ scope, isRulesShown }: { scope: AnalysisScope; isRulesShown: boolean }) {
  const [period, setPeriod] = useState<Period>('week');
  const [measure, setMeasure] = useState<BehaviourMeasure>('people');
  const { data: result, isLoading } = useQuery('behaviours:series', { ...scope, period });

  const option = useMemo(() => behavioursChartOption(result?.series ?? [], result?.behaviours ?? [], period, measure), [result, period, measure]);

  return (
    <div className="behaviours-analysis" aria-busy={isLoading} data-testid="behaviours-analysis">
      <section className="card chart-card">
        <div className="behaviours-analysis-head">
          <h3>{behavioursText.analysisTitle}</h3>
          <div className="segmented" role="radiogroup">
            {periods.map((p) => (
              <button key={p} type="button" role="radio" aria-checked={period === p} className={period === p ? 'active' : ''} onClick={() => setPeriod(p)} data-testid={`behaviours-period-${p}`}>
                {periodText[p]}
              </button>
            ))}
          </div>
          <div className="segmented" role="radiogroup">
            {measures.map((m) => (
              <button key={m} type="button" role="radio" aria-checked={measure === m} className={measure === m ? 'active' : ''} onClick={() => setMeasure(m)} data-testid={`behaviours-measure-${m}`}>
                {behavioursText.measure[m]}
              </button>
            ))}
          </div>
          {isLoading && <span className="muted">{behavioursText.loading}</span>}
        </div>
        <Chart option={option} testId="behaviours-chart" />
      </section>
      <section className="card behaviours-lift">
        <h3>{behavioursText.liftTitle}</h3>
        <p className="muted small">{behavioursText.liftNote}</p>
        {/* Placed once the rules' grid above keeps its room: while they load the page is shorter, and the table would count as in sight. */}
        {isRulesShown ? (
          <BelowFold minHeight={gridHeight(0, 480)}>
            <LiftGrid scope={scope} />
          </BelowFold>
        ) : (
          <div style={{ minHeight: gridHeight(0, 480) }} />
        )}
      </section>
    </div>
  );
}

/** The lift table: its rows asked once it is made (in sight, or after the figures stood). */
function LiftGrid({ scope }: { scope: AnalysisScope }) {
  const { data: lift, isLoading } = useQuery('behaviours:lift', scope);
  const columns = useMemo(() => liftColumns(), []);
  return (
    <div className="grid-box behaviours-lift-grid" style={{ height: gridHeight(lift?.length ?? 0, 480) }} aria-busy={isLoading}>
      <DataGrid columns={columns} rows={lift ?? []} rowId={(r) => r.id} testId="behaviours-lift" />
    </div>
  );
}
