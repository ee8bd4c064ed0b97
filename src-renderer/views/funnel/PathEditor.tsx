import { useEffect, useMemo, useState } from 'react';
import type { CustomerPathInfo } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { DefinitionToolbar } from '../../components/DefinitionToolbar';
import { currentAnswer, useDraft } from '../../components/useDraft';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';
import { MAX_STAGES_IN_PATH, checkPath, newStage, pathColumns, pathSummary, savableStages, type DraftStage } from './pathModel';

const tx = part(funnelText, 'path');
const stageId = (s: DraftStage) => s.id;
const toStages = (info: CustomerPathInfo): DraftStage[] => info.path.stages;
const noStages: DraftStage[] = [];

/**
 * The customer path as an ordered, editable grid of stages (name and bound data), with undo /
 * redo, inline checks, 保存路径 with an unsaved-changes marker, and 恢复默认路径. Collapsible:
 * open at first use (no saved path), closed to a one-line summary once a path is saved. Saving
 * re-asks the funnel (a definition changed).
 */
export function PathEditor({ onShown }: { onShown?: () => void }) {
  // New data changes what each source holds (and the default path); unsaved edits are kept.
  const saved = useQuery('path:get', {});
  const info = saved.data;
  const stages = useDraft(currentAnswer(saved), toStages, noStages, 'path');
  const saver = useMutation('path:save', { onDone: stages.takeSaved, invalidates: 'definitions' });
  const [isOpen, setIsOpen] = useState<boolean | null>(null);

  useEffect(() => {
    if (info && isOpen === null) setIsOpen(!info.isSaved);
  }, [info, isOpen]);
  // Told once the editor stands at its height (the funnel below it measures what is out of sight,
  // BelowFold): the path shown, open or closed, or no path to show.
  const isShown = (info !== null && stages.isLoaded) || saved.error !== null;
  useEffect(() => {
    if (isShown) onShown?.();
  }, [isShown, onShown]);

  const sources = useMemo(() => info?.sources ?? [], [info]);
  const columns = useMemo(() => pathColumns(sources), [sources]);
  const check = useMemo(() => checkPath(stages.value, sources), [stages.value, sources]);

  if (!info || !stages.isLoaded) return <section className="card funnel-path muted">{funnelText.loading}</section>;
  const savedSummary = pathSummary(info.path.stages);
  return (
    <section className="card funnel-path" data-testid="path-editor">
      <header className="funnel-path-head">
        <h3>{tx.title}</h3>
        <span className="funnel-path-summary" data-testid="path-summary" title={savedSummary}>
          {savedSummary}
        </span>
        {!info.isSaved && !stages.isDirty && <span className="muted small">{tx.defaultNote}</span>}
        <DefinitionToolbar
          testId="path"
          text={tx}
          draft={stages}
          isSaving={saver.isRunning}
          canSave={check.errors.length === 0}
          onSave={() => {
            const toSave = savableStages(stages.value);
            if (toSave) void saver.run({ path: { stages: toSave } });
          }}
        />
        <button type="button" className="link" onClick={() => setIsOpen(!isOpen)} aria-expanded={!!isOpen} data-testid="path-toggle">
          {isOpen ? tx.collapse : tx.expand}
        </button>
      </header>
      {isOpen && (
        <div className="funnel-path-body">
          <p className="muted small">{tx.hint}</p>
          <DefinitionGrid
            rows={stages.value}
            columns={columns}
            onChange={stages.set}
            newRow={() => newStage(stages.value)}
            rowId={stageId}
            history={stages}
            canReorder
            minRows={1}
            maxRows={MAX_STAGES_IN_PATH}
            testId="path-grid"
          />
          {(check.errors.length > 0 || check.warnings.length > 0) && (
            <ul className="funnel-path-checks" data-testid="path-checks">
              {check.errors
                .filter((e) => e === tx.tooFew)
                .map((e) => (
                  <li key={e} className="problem">
                    {e}
                  </li>
                ))}
              {check.warnings.map((w) => (
                <li key={w} className="warning" data-testid="path-warning">
                  {w}
                </li>
              ))}
            </ul>
          )}
          <div className="funnel-path-actions">
            <button type="button" onClick={() => stages.set(info.defaultPath.stages)} data-testid="path-reset-default">
              {tx.resetDefault}
            </button>
            {stages.isDirty && <span className="muted small">{funnelText.unsavedNote}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
