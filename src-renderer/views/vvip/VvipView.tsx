import { useCallback, useMemo } from 'react';
import type { ExportFileFormat } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { ScopeBar } from '../../components/ScopeBar';
import { currentAnswer, draftRequest, useDraft } from '../../components/useDraft';
import { apiDownload, exportDownload } from '../../components/useExport';
import { vvipText } from '../../../src-main/locale/vvip';
import { selectScopeGroups, useScope } from '../../store/scope';
import { featureGridColumns } from '../features/featuresColumns';
import { formatCount, formatMoney, formatRate } from '../metrics/metricsFormat';
import { newRuleRow, ruleColumns, rulesAreValid, rulesSentence, toDefinition, toRows, type RuleRow } from './vvipRules';
import './vvip.css';

/** How long the rules must stay unchanged before the result is recomputed. */
const DEBOUNCE_MS = 300;

const ruleRowId = (r: RuleRow) => r.key;
const noRules: RuleRow[] = [];

/** VVIP: the rule grid, the live count and GMV share of the people it matches, and their list. */
export function VvipView() {
  const groups = useScope(selectScopeGroups);
  const rules = useDraft(currentAnswer(useQuery('vvip:get', {})), toRows, noRules, 'vvip');
  const { isLoaded } = rules;
  const saver = useMutation('vvip:save', { onDone: rules.takeSaved, invalidates: 'definitions' });

  const definition = useMemo(() => toDefinition(rules.value), [rules.value]);
  const isValid = rulesAreValid(definition.rules);

  // The result follows the grid as the user edits (unsaved rules).
  const { data: result, isLoading } = useQuery('vvip:query', draftRequest(rules, groups.length ? { groups } : {}, { vvip: definition }, isValid), {
    debounceMs: DEBOUNCE_MS,
  });

  const columns = useMemo(() => ruleColumns(), []);
  const peopleColumns = useMemo(() => featureGridColumns([]), []);
  const sentence = rulesSentence(definition.rules);
  // The grid holds the first VVIPs only: the Node side writes every one the rules match.
  const exportFile = useCallback(
    (format: ExportFileFormat) => apiDownload('vvip:export', { vvip: definition, ...(groups.length ? { groups } : {}), format }, exportDownload),
    [definition, groups],
  );

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
            <DefinitionToolbar
              testId="vvip"
              text={vvipText}
              draft={rules}
              isSaving={saver.isRunning}
              canSave={isValid}
              onSave={() => void saver.run({ vvip: definition })}
            />
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
          <Figure label={vvipText.gmv} value={result ? formatMoney(result.gmv) : '-'} note={result ? vvipText.totalGmv(formatMoney(result.total_gmv)) : ''} testId="vvip-gmv" hint={vvipText.gmvHint} />
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
      </div>
      <div className="grid-box vvip-people">
        <DataGrid
          columns={peopleColumns}
          rows={result?.people ?? []}
          rowId={(r) => r.pid}
          testId="vvip-people"
          exportFile={exportFile}
          isExportDisabled={!isValid || !result || result.count === 0}
        />
      </div>
    </div>
  );
}

/** One key figure of the result. */
function Figure({ label, value, note, hint, testId }: { label: string; value: string; note?: string; hint?: string; testId: string }) {
  return (
    <div className="card vvip-figure" title={hint}>
      <span className="vvip-figure-label">{label}</span>
      <span className="vvip-figure-value" data-testid={testId}>
        {value}
      </span>
      {note && <span className="muted small" data-testid={`${testId}-note`}>{note}</span>}
    </div>
  );
}
