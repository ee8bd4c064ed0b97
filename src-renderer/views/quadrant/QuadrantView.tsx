import { useCallback, useEffect, useMemo, useState } from 'react';
import type { QuadrantType } from '../../../src-main/contract';
import { call } from '../../api/client';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useUndoable } from '../../components/useUndoable';
import { perLanguage } from '../../../src-main/locale/language';
import { quadrantText } from '../../../src-main/locale/quadrant';
import { platform } from '../../platform';
import { selectProject, useProject } from '../../store/project';
import { selectDataVersion, selectScopeGroups, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';
import { xlsxBlob } from '../features/featuresColumns';
import { AxisCard } from './AxisCard';
import { CountCards } from './CountCards';
import { quadrantChartOption } from './quadrantChartOption';
import { countIndex, formatValue, isDefinitionValid, moveType, peopleOfType, toDefinition, toEditor, withAxis, withType, type PersonRow, type QuadrantEditor } from './quadrantModel';
import { TypeCards } from './TypeCards';
import './quadrant.css';

/** How long the definition must stay unchanged before the quadrant is recomputed. */
const DEBOUNCE_MS = 200;

type Selected = QuadrantType | 'unclassified';

const listColumns = perLanguage((): GridColumn<PersonRow>[] => [
  { field: 'pid', headerName: quadrantText.listColumns.pid, flex: 1.2 },
  { field: 'name', headerName: quadrantText.listColumns.name, flex: 1, format: (v) => (v === null ? '' : String(v)) },
  { field: 'x', headerName: quadrantText.listColumns.x, width: 100, isNumeric: true, format: (v) => formatValue(v as number) },
  { field: 'y', headerName: quadrantText.listColumns.y, width: 100, isNumeric: true, format: (v) => formatValue(v as number) },
]);

const emptyEditor: QuadrantEditor = { mode: 'score', x: { terms: [], threshold: { kind: 'percentile', value: 50 } }, y: { terms: [], threshold: { kind: 'percentile', value: 50 } }, types: [] };

/** 四象限: the definition editors beside the counts, the scatter and the people of a type. */
export function QuadrantView() {
  const projectPath = useProject(selectProject)?.path ?? null;
  const groups = useScope(selectScopeGroups);
  const dataVersion = useScope(selectDataVersion);
  const editor = useUndoable<QuadrantEditor>(emptyEditor);
  const { reset, set } = editor;
  const [isLoaded, setIsLoaded] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [isExporting, setIsExporting] = useState(false);
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    let isLive = true;
    setIsLoaded(false);
    void call('quadrant:get', {}).then((r) => {
      if (!isLive) return;
      if (!r.ok) return reportError(r.error);
      reset(toEditor(r.value));
      setIsLoaded(true);
    });
    return () => {
      isLive = false;
    };
  }, [projectPath, reset]);

  const definition = useMemo(() => toDefinition(editor.value), [editor.value]);
  const isValid = isDefinitionValid(definition);

  // The result follows the editors as the user types (the unsaved definition).
  const { result, isLoading } = useLiveQuery('quadrant:query', isValid ? { quadrant: definition, ...(groups.length ? { groups } : {}) } : null, {
    isReady: isLoaded,
    delayMs: DEBOUNCE_MS,
    version: dataVersion,
  });

  const update = useCallback((f: (e: QuadrantEditor) => QuadrantEditor) => set(f(editor.value)), [set, editor.value]);

  async function save() {
    setIsSaving(true);
    const r = await call('quadrant:save', { quadrant: definition });
    setIsSaving(false);
    if (!r.ok) return reportError(r.error);
    reset(toEditor(r.value));
  }

  async function exportXlsx(type: Selected) {
    setIsExporting(true);
    try {
      const r = await call('quadrant:export', { type, quadrant: definition, ...(groups.length ? { groups } : {}) });
      if (!r.ok) return reportError(r.error);
      platform.saveDownload(r.value.fileName, xlsxBlob(r.value.base64));
    } finally {
      setIsExporting(false);
    }
  }

  const isScore = definition.mode === 'score';
  const option = useMemo(() => (result ? quadrantChartOption(result, isScore) : null), [result, isScore]);
  const selectedIndex = result && selected ? countIndex(result, selected) : null;
  const people = useMemo(() => (result && selectedIndex !== null ? peopleOfType(result, selectedIndex) : []), [result, selectedIndex]);
  const selectedCount = result && selected ? result.counts.find((c) => c.type === selected) : undefined;

  const onPointClick = useCallback(
    (item: { seriesName: string }) => {
      const count = result?.counts.find((c) => c.label === item.seriesName);
      if (count) setSelected(count.type);
    },
    [result],
  );

  return (
    <div className="quadrant-view" aria-busy={isLoading || !isLoaded} data-testid="quadrant-view">
      <ScopeBar hasRange={false}>
        <div className="segmented" role="radiogroup">
          {(['score', 'rule'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={definition.mode === mode}
              className={definition.mode === mode ? 'active' : ''}
              onClick={() => mode !== definition.mode && update((e) => ({ ...e, mode }))}
              data-testid={`quadrant-mode-${mode}`}
            >
              {quadrantText.modes[mode]}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {isLoading && <span className="muted small">{quadrantText.loading}</span>}
        {!isValid && <span className="quadrant-problem" data-testid="quadrant-invalid">{quadrantText.invalid}</span>}
        {editor.isDirty && <span className="quadrant-unsaved" data-testid="quadrant-unsaved">{quadrantText.unsaved}</span>}
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo} data-testid="quadrant-undo">
          {quadrantText.undo}
        </button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo} data-testid="quadrant-redo">
          {quadrantText.redo}
        </button>
        <button type="button" className="primary" onClick={save} disabled={!editor.isDirty || !isValid || isSaving} data-testid="quadrant-save">
          {isSaving ? quadrantText.saving : quadrantText.save}
        </button>
      </ScopeBar>
      <div className="quadrant-body">
        <div className="quadrant-editor">
          <p className="muted small quadrant-hint">{isScore ? quadrantText.modeHints.score : quadrantText.modeHints.rule}</p>
          {!isScore && <TypeCards types={editor.value.types} isRuleMode onChange={(i, patch) => update((e) => withType(e, i, patch))} onMove={(i, d) => update((e) => moveType(e, i, d))} history={editor} />}
          {!isScore && <h3 className="quadrant-subtitle">{quadrantText.scatterAxesTitle}</h3>}
          {(['x', 'y'] as const).map((name) => (
            <AxisCard
              key={name}
              name={name}
              axis={editor.value[name]}
              onChange={(axis) => update((e) => withAxis(e, name, axis))}
              history={editor}
              resolved={result ? (name === 'x' ? result.thresholdX : result.thresholdY) : undefined}
              hasThreshold={isScore}
            />
          ))}
          {isScore && <TypeCards types={editor.value.types} isRuleMode={false} onChange={(i, patch) => update((e) => withType(e, i, patch))} onMove={() => undefined} history={editor} />}
        </div>
        <div className="quadrant-result">
          {result && <CountCards result={result} isRuleMode={!isScore} selected={selected} onSelect={setSelected} />}
          {result && result.pids.length === 0 && <p className="muted">{quadrantText.empty}</p>}
          <section className="card chart-card quadrant-chart" data-testid="quadrant-chart-card" data-threshold-x={result?.thresholdX ?? ''} data-threshold-y={result?.thresholdY ?? ''}>
            <h3>{quadrantText.chartTitle}</h3>
            {option && <Chart option={option} testId="quadrant-chart" height={420} onItemClick={onPointClick} />}
          </section>
          <div className="quadrant-list-head">
            <h3>{selectedCount ? quadrantText.listTitle(selectedCount.label) : quadrantText.listHint}</h3>
            {selectedCount && <span className="muted small">{quadrantText.people(selectedCount.count)}</span>}
            <span className="spacer" />
            {selected && (
              <button type="button" onClick={() => void exportXlsx(selected)} disabled={isExporting || !isValid || !selectedCount || selectedCount.count === 0} data-testid="quadrant-export">
                {isExporting ? quadrantText.exporting : quadrantText.exportXlsx}
              </button>
            )}
          </div>
          {selected && (
            <div className="grid-box quadrant-people">
              <DataGrid columns={listColumns()} rows={people} rowId={(r) => r.pid} testId="quadrant-people" />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
