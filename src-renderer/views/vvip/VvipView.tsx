import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { ScopeBar } from '../../components/ScopeBar';
import { useLiveQuery } from '../../components/useLiveQuery';
import { useUndoable } from '../../components/useUndoable';
import { vvipText } from '../../../src-main/locale/vvip';
import { platform } from '../../platform';
import { selectProject, useProject } from '../../store/project';
import { selectDataVersion, selectScopeGroups, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';
import { featureGridColumns, xlsxBlob } from '../features/featuresColumns';
import { formatCount, formatMoney, formatRate } from '../metrics/metricsFormat';
import { newRuleRow, ruleColumns, rulesAreValid, rulesSentence, toDefinition, toRows, type RuleRow } from './vvipRules';
import './vvip.css';

/** How long the rules must stay unchanged before the result is recomputed. */
const DEBOUNCE_MS = 300;

const ruleRowId = (r: RuleRow) => r.key;

/** VVIP: the rule grid, the live count and GMV share of the people it matches, and their list. */
export function VvipView() {
  const projectPath = useProject(selectProject)?.path ?? null;
  const groups = useScope(selectScopeGroups);
  const dataVersion = useScope(selectDataVersion);
  const rules = useUndoable<RuleRow[]>([]);
  const { reset } = rules;
  const [isLoaded, setIsLoaded] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [isExporting, setIsExporting] = useState(false);

  useEffect(() => {
    let isLive = true;
    void call('vvip:get', {}).then((r) => {
      if (!isLive) return;
      if (!r.ok) return reportError(r.error);
      reset(toRows(r.value));
      setIsLoaded(true);
    });
    return () => {
      isLive = false;
    };
  }, [projectPath, reset]);

  const definition = useMemo(() => toDefinition(rules.value), [rules.value]);
  const isValid = rulesAreValid(definition.rules);

  // The result follows the grid as the user edits (unsaved rules).
  const { result, isLoading } = useLiveQuery('vvip:query', isValid ? { vvip: definition, ...(groups.length ? { groups } : {}) } : null, {
    isReady: isLoaded,
    delayMs: DEBOUNCE_MS,
    version: dataVersion,
  });

  async function save() {
    setIsSaving(true);
    const r = await call('vvip:save', { vvip: definition });
    setIsSaving(false);
    if (!r.ok) return reportError(r.error);
    reset(toRows(r.value));
  }

  async function exportXlsx() {
    setIsExporting(true);
    try {
      const r = await call('vvip:export', { vvip: definition, ...(groups.length ? { groups } : {}) });
      if (!r.ok) return reportError(r.error);
      platform.saveDownload(r.value.fileName, xlsxBlob(r.value.base64));
    } finally {
      setIsExporting(false);
    }
  }

  const columns = useMemo(() => ruleColumns(), []);
  const peopleColumns = useMemo(() => featureGridColumns([], { isServerSide: false }), []);
  const sentence = rulesSentence(definition.rules);

  return (
    <div className="vvip-view" aria-busy={isLoading || !isLoaded} data-testid="vvip-view">
      <ScopeBar hasRange={false}>
        <span className="spacer" />
        {result && <span className="muted" data-testid="vvip-as-of">{vvipText.asOf(result.asOf)}</span>}
      </ScopeBar>
      <p className="muted vvip-intro">{vvipText.intro}</p>
      <div className="vvip-top">
        <section className="card vvip-rules">
          <div className="vvip-rules-head">
            <h3>{vvipText.rulesTitle}</h3>
            {rules.isDirty && <span className="vvip-unsaved" data-testid="vvip-unsaved">{vvipText.unsaved}</span>}
            <span className="spacer" />
            <button type="button" className="primary" onClick={save} disabled={!rules.isDirty || !isValid || isSaving} data-testid="vvip-save">
              {isSaving ? vvipText.saving : vvipText.save}
            </button>
          </div>
          <p className="muted small">{vvipText.precedence}</p>
          <DefinitionGrid
            rows={rules.value}
            columns={columns}
            onChange={rules.set}
            newRow={newRuleRow}
            rowId={ruleRowId}
            history={rules}
            canReorder
            maxRows={50}
            testId="vvip-rules"
          />
          <p className="vvip-sentence" data-testid="vvip-sentence">
            {sentence ? (
              <>
                <span className="muted">{vvipText.sentence}</span>
                {sentence}
              </>
            ) : (
              <span className="muted">{vvipText.noRules}</span>
            )}
          </p>
        </section>
        <section className={`vvip-figures${isValid ? '' : ' is-stale'}`} aria-live="polite">
          <Figure label={vvipText.count} value={result ? formatCount(result.count) : '-'} note={result ? vvipText.ofPeople(result.total_people) : ''} testId="vvip-count" />
          <Figure
            label={vvipText.peopleShare}
            value={result ? formatRate(result.total_people === 0 ? null : (result.count * 100) / result.total_people) : '-'}
            testId="vvip-people-share"
          />
          <Figure label={vvipText.gmv} value={result ? formatMoney(result.gmv) : '-'} note={result ? vvipText.totalGmv(formatMoney(result.total_gmv)) : ''} testId="vvip-gmv" />
          <Figure label={vvipText.gmvShare} value={result ? formatRate(result.gmv_share) : '-'} testId="vvip-gmv-share" />
          {isLoading && <span className="muted">{vvipText.loading}</span>}
          {!isValid && <span className="vvip-invalid" data-testid="vvip-invalid">{vvipText.invalid}</span>}
        </section>
      </div>
      <div className="vvip-list-head">
        <h3>{vvipText.listTitle}</h3>
        {result && result.people.length < result.count && (
          <span className="muted small" data-testid="vvip-truncated">
            {vvipText.listTruncated(result.people.length, result.count)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={exportXlsx} disabled={isExporting || !isValid || !result || result.count === 0} data-testid="vvip-export">
          {isExporting ? vvipText.exporting : vvipText.exportXlsx}
        </button>
      </div>
      <div className="grid-box vvip-people">
        <DataGrid columns={peopleColumns} rows={result?.people ?? []} rowId={(r) => r.pid} testId="vvip-people" />
      </div>
    </div>
  );
}

/** One key figure of the result. */
function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="card vvip-figure">
      <span className="vvip-figure-label">{label}</span>
      <span className="vvip-figure-value" data-testid={testId}>
        {value}
      </span>
      {note && <span className="muted small" data-testid={`${testId}-note`}>{note}</span>}
    </div>
  );
}
