import { useCallback, useMemo } from 'react';
import type { ContributionUnit } from '../../../src-main/contract';
import { contributionText, contributionUnitLabels } from '../../../src-main/locale/contribution';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { gridHeight } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, draftRequest, useDraft } from '../../components/useDraft';
import { selectScopeGroups, useScope } from '../../store/scope';
import {
  bandColumns,
  contributionChartOption,
  definitionProblem,
  emptyEditor,
  isEditorValid,
  metricColumns,
  newBandRow,
  newMetricRow,
  rankingColumns,
  shareColumn,
  toDefinition,
  toEditor,
  type BandRow,
  type ContributionEditor,
  type MetricRow,
} from './contributionModel';
import './decision.css';
import './contribution.css';

/** How long the grids must stay unchanged before the scores are recomputed. */
const DEBOUNCE_MS = 300;
const units: ContributionUnit[] = ['staff', 'owner'];
const rowKey = (r: { key: string }) => r.key;

/** 贡献度: the metric and band grids, and the ranking they give, each score drawn as its parts. */
export function ContributionView() {
  const text = contributionText;
  const groups = useScope(selectScopeGroups);
  const editor = useDraft(currentAnswer(useQuery('decision:contributionDefinition', {})), toEditor, emptyEditor);
  const saver = useMutation('decision:saveContribution', { onDone: editor.takeSaved, invalidates: 'definitions' });
  const { value, set } = editor;
  const update = useCallback((patch: Partial<ContributionEditor>) => set({ ...value, ...patch }), [set, value]);

  const definition = useMemo(() => toDefinition(value), [value]);
  const isValid = editor.isLoaded && isEditorValid(value);
  const problem = editor.isLoaded ? definitionProblem(value) : null;
  // The scores follow the grids as the user edits (the unsaved definition).
  const { data: result, isLoading } = useQuery('decision:contribution', draftRequest(editor, groups.length ? { groups } : {}, { definition }, isValid), {
    debounceMs: DEBOUNCE_MS,
  });

  const metricCols = useMemo(() => metricColumns(), []);
  const bandCols = useMemo(() => bandColumns(), []);
  const rankCols = useMemo(() => rankingColumns(), []);
  const chart = useMemo(() => (result && result.rows.length ? contributionChartOption(result) : null), [result]);

  return (
    <div className="decision-view contribution-view" aria-busy={isLoading || !editor.isLoaded} data-testid="contribution-view">
      <ScopeBar hasRange={false}>
        <label className="contribution-by">
          {text.by}
          <select value={value.by} data-testid="contribution-by" onChange={(e) => update({ by: e.target.value as ContributionUnit })}>
            {units.map((u) => (
              <option key={u} value={u}>
                {contributionUnitLabels[u]}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {isLoading && <span className="muted">{text.running}</span>}
        {result && <span className="muted" data-testid="contribution-as-of">{text.asOf(result.asOf)}</span>}
      </ScopeBar>
      <p className="muted contribution-intro">{text.intro}</p>
      <section className="card contribution-definition">
        <div className="contribution-head">
          <h3>{text.metricsTitle}</h3>
          <DefinitionToolbar
            testId="contribution"
            text={text}
            draft={editor}
            isSaving={saver.isRunning}
            problem={problem}
            canSave={isValid}
            onSave={() => void saver.run({ definition })}
            onRevert={editor.revert}
          />
        </div>
        <div className="contribution-grids">
          <DefinitionGrid<MetricRow>
            rows={value.metrics}
            columns={metricCols}
            onChange={(metrics) => update({ metrics })}
            newRow={newMetricRow}
            rowId={rowKey}
            history={editor}
            canReorder
            maxRows={6}
            testId="contribution-metrics"
            extraColumns={[shareColumn(value.metrics)]}
          />
          <div>
            <h4 className="contribution-bands-title">{text.bandsTitle}</h4>
            <DefinitionGrid<BandRow>
              rows={value.bands}
              columns={bandCols}
              onChange={(bands) => update({ bands })}
              newRow={newBandRow}
              rowId={rowKey}
              history={editor}
              minRows={1}
              maxRows={10}
              testId="contribution-bands"
            />
          </div>
        </div>
        {editor.isLoaded && !isValid && (
          <p className="contribution-invalid" data-testid="contribution-stale">
            {text.invalid}
          </p>
        )}
      </section>
      {result && (
        <section className={`card${isValid ? '' : ' is-stale'}`}>
          <p className="contribution-reading" data-testid="contribution-reading">
            {result.reading}
          </p>
          {chart && (
            <>
              <h3>{text.partsTitle}</h3>
              <Chart option={chart} testId="contribution-chart" height={Math.max(160, 60 + 36 * result.rows.length)} />
            </>
          )}
          <h3>{text.rankingTitle}</h3>
          <div className="contribution-ranking">
            <div style={{ height: gridHeight(result.rows.length, 420) }}>
              <DataGrid columns={rankCols} rows={result.rows} rowId={(r) => r.unit} testId="contribution-ranking" />
            </div>
            <ol className="contribution-readings" data-testid="contribution-readings">
              {result.rows.map((r) => (
                <li key={r.unit}>{r.reading}</li>
              ))}
            </ol>
          </div>
        </section>
      )}
    </div>
  );
}
