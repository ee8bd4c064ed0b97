import { useCallback, useMemo, useState } from 'react';
import type { ExportFileFormat, QuadrantPersonRow, QuadrantType } from '../../../src-main/contract';
import { askPage } from '../../api/askPage';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import type { GridColumn, PageLoader } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, draftRequest, useDraft } from '../../components/useDraft';
import { apiDownload, exportDownload } from '../../components/useExport';
import { perLanguage } from '../../../src-main/locale/language';
import { quadrantText } from '../../../src-main/locale/quadrant';
import { featureLabels } from '../../../src-main/locale/features';
import { punctuation } from '../../../src-main/locale/common';
import { selectScopeGroups, useScope } from '../../store/scope';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { AxisCard } from './AxisCard';
import { CountCards } from './CountCards';
import { quadrantChartOption } from './quadrantChartOption';
import { belowThreshold, formatValue, isDefinitionValid, moveType, toDefinition, toEditor, withAxis, withType, type QuadrantEditor } from './quadrantModel';
import { TypeCards } from './TypeCards';
import './quadrant.css';

/** How long the definition must stay unchanged before the quadrant is recomputed. */
const DEBOUNCE_MS = 200;

type Selected = QuadrantType | 'unclassified';

/** The people list's columns, sorted and filtered on the Node side (quadrant:people). */
const listColumns = perLanguage((): GridColumn<QuadrantPersonRow>[] => [
  { field: 'pid', headerName: quadrantText.listColumns.pid, flex: 1.2, filter: 'text' },
  { field: 'name', headerName: quadrantText.listColumns.name, flex: 1, filter: 'text', format: (v) => (v === null ? '' : String(v)) },
  { field: 'x', headerName: quadrantText.listColumns.x, flex: 0.8, isNumeric: true, filter: 'number', format: (v) => formatValue(v as number) },
  { field: 'y', headerName: quadrantText.listColumns.y, flex: 0.8, isNumeric: true, filter: 'number', format: (v) => formatValue(v as number) },
]);

const emptyEditor: QuadrantEditor = { mode: 'score', x: { terms: [], threshold: { kind: 'percentile', value: 50 } }, y: { terms: [], threshold: { kind: 'percentile', value: 50 } }, types: [] };

/** 四象限: the definition editors beside the counts, the scatter and the people of a type. */
export function QuadrantView() {
  const groups = useScope(selectScopeGroups);
  const editor = useDraft(currentAnswer(useQuery('quadrant:get', {})), toEditor, emptyEditor, 'quadrant');
  const { set, isLoaded } = editor;
  const saver = useMutation('quadrant:save', { onDone: editor.takeSaved, invalidates: 'definitions' });
  const [selected, setSelected] = useState<Selected | null>(null);

  const definition = useMemo(() => toDefinition(editor.value), [editor.value]);
  const isValid = isDefinitionValid(definition);

  // The result follows the editors as the user types (the unsaved definition).
  const { data: result, isLoading } = useQuery('quadrant:query', draftRequest(editor, groups.length ? { groups } : {}, { quadrant: definition }, isValid), {
    debounceMs: DEBOUNCE_MS,
  });

  const update = useCallback((f: (e: QuadrantEditor) => QuadrantEditor) => set(f(editor.value)), [set, editor.value]);

  const isScore = definition.mode === 'score';
  const option = useMemo(() => (result ? quadrantChartOption(result, isScore) : null), [result, isScore]);
  const dataVersion = useDataVersion(selectDataVersion);
  // The people of the selected type, a page at a time from the Node side, of the definition as it stands.
  const loader = useCallback<PageLoader<QuadrantPersonRow>>(
    (query, signal) => askPage('quadrant:people', { quadrant: definition, type: selected ?? 'unclassified', ...(groups.length ? { groups } : {}), ...query }, signal),
    [definition, selected, groups],
  );
  const selectedCount = result && selected ? result.counts.find((c) => c.type === selected) : undefined;
  // Every person of the type with the definition's features, its label and strategy, written by the Node side.
  const exportFile = useCallback(
    (format: ExportFileFormat) => apiDownload('quadrant:export', { type: selected ?? 'unclassified', quadrant: definition, ...(groups.length ? { groups } : {}), format }, exportDownload),
    [selected, definition, groups],
  );

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
        <DefinitionToolbar
          testId="quadrant"
          text={quadrantText}
          draft={editor}
          isSaving={saver.isRunning}
          problem={isValid ? null : quadrantText.invalid}
          onSave={() => void saver.run({ quadrant: definition })}
          hasHistory
        />
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
              below={result ? belowThreshold(result, name) : null}
              isResultCurrent={!isLoading}
              hasThreshold={isScore}
            />
          ))}
          {isScore && <TypeCards types={editor.value.types} isRuleMode={false} onChange={(i, patch) => update((e) => withType(e, i, patch))} onMove={() => undefined} history={editor} />}
        </div>
        <div className="quadrant-result">
          {result && <CountCards result={result} isRuleMode={!isScore} selected={selected} onSelect={setSelected} />}
          {result && result.total === 0 && <p className="muted">{quadrantText.empty}</p>}
          {result && result.emptyFeatures.length > 0 && (
            <p className="muted small quadrant-empty-features" data-testid="quadrant-empty-features">
              {quadrantText.emptyFeatures(result.emptyFeatures.map((f) => featureLabels[f]).join(punctuation.list))}
            </p>
          )}
          <section className="card chart-card quadrant-chart" data-testid="quadrant-chart-card" data-threshold-x={result?.thresholdX ?? ''} data-threshold-y={result?.thresholdY ?? ''}>
            <h3>{quadrantText.chartTitle}</h3>
            {option && <Chart option={option} testId="quadrant-chart" height={420} onItemClick={onPointClick} />}
            {result?.scatter.kind === 'density' && (
              <p className="muted small" data-testid="quadrant-density-note">
                {quadrantText.densityNote(result.total)}
              </p>
            )}
          </section>
          <div className="quadrant-list-head">
            <h3>{selectedCount ? quadrantText.listTitle(selectedCount.label) : quadrantText.listHint}</h3>
            {selectedCount && <span className="muted small">{quadrantText.people(selectedCount.count)}</span>}
          </div>
          {selected && (
            <div className="grid-box quadrant-people">
              <DataGrid
                columns={listColumns()}
                loader={loader}
                reloadKey={`${JSON.stringify([definition, groups, selected])}:${dataVersion}`}
                rowId={(r) => r.pid}
                testId="quadrant-people"
                exportFile={exportFile}
                isExportDisabled={!isValid || !selectedCount || selectedCount.count === 0}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
