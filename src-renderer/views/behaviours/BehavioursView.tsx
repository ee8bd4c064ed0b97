import { useEffect, useMemo, useRef, useState } from 'react';
import type { BehaviourCount, BehaviourResult, Period } from '../../../src-main/contract';
import { call } from '../../api/client';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useUndoable } from '../../components/useUndoable';
import { behavioursText } from '../../../src-main/locale/behaviours';
import { periodText } from '../../../src-main/locale/common';
import { selectProject, useProject } from '../../store/project';
import { scopeRequest, selectDataVersion, selectScopeFrom, selectScopeGroups, selectScopeTo, useScope } from '../../store/scope';
import { useMetrics } from '../../store/metrics';
import { reportError } from '../../store/toasts';
import { behavioursChartOption, type BehaviourMeasure } from './behavioursChartOption';
import { behaviourColumns, countableRules, liveText, msgTypeOptions, newBehaviourRow, rowsAreValid, toDefinition, toRows, type BehaviourRow } from './behaviourRows';
import { liftColumns } from './liftColumns';
import './behaviours.css';

/** The key behaviours can change 活跃用户数 (activeBy): the metrics and every figure built on them reload. */
function figuresChanged(): void {
  void useMetrics.getState().load();
  useScope.getState().dataChanged();
}

/** How long the grid must stay unchanged before the live counts are recomputed. */
const DEBOUNCE_MS = 300;
const periods: Period[] = ['day', 'week', 'month'];
const measures: BehaviourMeasure[] = ['people', 'occurrences'];
const rowId = (r: BehaviourRow) => r.id;

/** Key behaviours: the rule grid with live counts, the activity setting, and the analysis (trend and lift). */
export function BehavioursView() {
  const projectPath = useProject(selectProject)?.path ?? null;
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  const dataVersion = useScope(selectDataVersion);
  const scopeKey = JSON.stringify(scopeRequest({ groups, from, to }));

  const rows = useUndoable<BehaviourRow[]>([]);
  const { reset } = rows;
  const [isLoaded, setIsLoaded] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const [isSaving, setIsSaving] = useState(false);
  const [msgTypes, setMsgTypes] = useState<{ msgType: string; count: number }[]>([]);
  const [activeBy, setActiveBy] = useState<'message' | 'behaviour' | null>(null);

  useEffect(() => {
    let isLive = true;
    void Promise.all([call('behaviours:get', {}), call('behaviours:msgTypes', {}), call('behaviours:activeBy', {})]).then(([rules, types, active]) => {
      if (!isLive) return;
      if (!rules.ok) return reportError(rules.error);
      reset(toRows(rules.value));
      setIsLoaded(true);
      if (types.ok) setMsgTypes(types.value);
      if (active.ok) setActiveBy(active.value.activeBy);
    });
    return () => {
      isLive = false;
    };
  }, [projectPath, dataVersion, reset]);

  // Live counts of the rows as they are (unsaved).
  const live = useLiveQuery('behaviours:counts', { ...scopeRequest({ groups, from, to }), behaviours: countableRules(rows.value) }, {
    isReady: isLoaded,
    delayMs: DEBOUNCE_MS,
    version: dataVersion,
  });
  const isCounting = live.isLoading;
  const counts = useMemo<ReadonlyMap<string, BehaviourCount>>(() => new Map((live.result ?? []).map((c) => [c.id, c])), [live.result]);

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

  async function save() {
    setIsSaving(true);
    const r = await call('behaviours:save', { behaviours: toDefinition(rows.value) });
    setIsSaving(false);
    if (!r.ok) return reportError(r.error);
    reset(toRows(r.value));
    setSavedVersion((v) => v + 1);
    figuresChanged();
  }

  async function restoreDefaults() {
    const r = await call('behaviours:defaults', {});
    if (!r.ok) return reportError(r.error);
    rows.set(toRows(r.value));
  }

  async function changeActiveBy(next: 'message' | 'behaviour') {
    const r = await call('behaviours:activeBy', { activeBy: next });
    if (!r.ok) return reportError(r.error);
    setActiveBy(r.value.activeBy);
    figuresChanged();
  }

  return (
    <div className="behaviours-view" data-testid="behaviours-view">
      <ScopeBar>
        <span className="spacer" />
        <ActiveByToggle value={activeBy} onChange={changeActiveBy} />
      </ScopeBar>
      <p className="muted behaviours-intro">{behavioursText.intro}</p>
      <section className="card behaviours-rules" aria-busy={!isLoaded || isCounting} data-testid="behaviours-rules-card">
        <div className="behaviours-rules-head">
          <h3>{behavioursText.definitionsTitle}</h3>
          {rows.isDirty && (
            <span className="behaviours-unsaved" data-testid="behaviours-unsaved">
              {behavioursText.unsaved}
            </span>
          )}
          {!isValid && <span className="behaviours-invalid">{behavioursText.invalid}</span>}
          <span className="spacer" />
          <button type="button" onClick={restoreDefaults} data-testid="behaviours-defaults">
            {behavioursText.restoreDefaults}
          </button>
          <button type="button" className="primary" onClick={save} disabled={!rows.isDirty || !isValid || isSaving} data-testid="behaviours-save">
            {isSaving ? behavioursText.saving : behavioursText.save}
          </button>
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
      <BehaviourAnalysis scopeKey={scopeKey} version={`${savedVersion}:${dataVersion}:${projectPath}`} />
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

/** The analysis of the saved rules: people (or occurrences) per period per behaviour, and the lift table. */
function BehaviourAnalysis({ scopeKey, version }: { scopeKey: string; version: string }) {
  const [period, setPeriod] = useState<Period>('week');
  const [measure, setMeasure] = useState<BehaviourMeasure>('people');
  const [result, setResult] = useState<BehaviourResult | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    setIsLoading(true);
    void call('behaviours:query', { ...JSON.parse(scopeKey), period }).then((r) => {
      if (id !== latest.current) return;
      setIsLoading(false);
      if (!r.ok) return reportError(r.error);
      setResult(r.value);
    });
  }, [scopeKey, period, version]);

  const names = useMemo(() => (result?.lift ?? []).map((l) => ({ id: l.id, name: l.name })), [result]);
  const option = useMemo(() => behavioursChartOption(result?.series ?? [], names, period, measure), [result, names, period, measure]);
  const columns = useMemo(() => liftColumns(), []);

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
        <div className="grid-box behaviours-lift-grid" style={{ height: gridHeight(result?.lift.length ?? 0, 480) }}>
          <DataGrid columns={columns} rows={result?.lift ?? []} rowId={(r) => r.id} testId="behaviours-lift" />
        </div>
      </section>
    </div>
  );
}
