import { useEffect, useMemo, useRef, useState } from 'react';
import type { CustomerPathInfo, PathStage } from '../../../src-main/contract';
import { call } from '../../api/client';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import { useUndoable } from '../../components/useUndoable';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';
import { selectProject, useProject } from '../../store/project';
import { selectDataVersion, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';
import { MAX_STAGES_IN_PATH, checkPath, newStage, pathColumns, pathSummary } from './pathModel';

const tx = part(funnelText, 'path');
const stageId = (s: PathStage) => s.id;

/** Props of {@link PathEditor}. */
export interface PathEditorProps {
  /** Called after a save, so the funnel is computed over the new path. */
  onSaved(): void;
}

/**
 * The customer path as an ordered, editable grid of stages (name and bound data), with undo /
 * redo, inline checks, 保存路径 with an unsaved-changes marker, and 恢复默认路径. Collapsible:
 * open at first use (no saved path), closed to a one-line summary once a path is saved.
 */
export function PathEditor({ onSaved }: PathEditorProps) {
  const projectPath = useProject(selectProject)?.path ?? null;
  const dataVersion = useScope(selectDataVersion);
  const stages = useUndoable<PathStage[]>([]);
  const { reset, isDirty } = stages;
  const [info, setInfo] = useState<CustomerPathInfo | null>(null);
  const [isOpen, setIsOpen] = useState<boolean | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // Read inside the load effect without making it re-run on every edit.
  const isDirtyRef = useRef(isDirty);
  isDirtyRef.current = isDirty;

  // New data changes what each source holds (and the default path); unsaved edits are kept.
  useEffect(() => {
    let isLive = true;
    void call('path:get', {}).then((r) => {
      if (!isLive) return;
      if (!r.ok) return reportError(r.error);
      setInfo(r.value);
      if (!isDirtyRef.current) reset(r.value.path.stages);
      setIsOpen((open) => open ?? !r.value.isSaved);
    });
    return () => {
      isLive = false;
    };
  }, [projectPath, dataVersion, reset]);

  const sources = useMemo(() => info?.sources ?? [], [info]);
  const columns = useMemo(() => pathColumns(sources), [sources]);
  const check = useMemo(() => checkPath(stages.value, sources), [stages.value, sources]);

  async function save() {
    setIsSaving(true);
    try {
      const r = await call('path:save', { path: { stages: stages.value } });
      if (!r.ok) return reportError(r.error);
      setInfo(r.value);
      reset(r.value.path.stages);
      onSaved();
    } finally {
      setIsSaving(false);
    }
  }

  if (!info) return <section className="card funnel-path muted">{funnelText.loading}</section>;
  const savedSummary = pathSummary(info.path.stages);
  return (
    <section className="card funnel-path" data-testid="path-editor">
      <header className="funnel-path-head">
        <h3>{tx.title}</h3>
        <span className="funnel-path-summary" data-testid="path-summary" title={savedSummary}>
          {savedSummary}
        </span>
        {isDirty && (
          <span className="badge badge-warn" data-testid="path-unsaved">
            {tx.unsaved}
          </span>
        )}
        {!info.isSaved && !isDirty && <span className="muted small">{tx.defaultNote}</span>}
        <span className="spacer" />
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
            newRow={() => newStage(stages.value, sources)}
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
            <button type="button" className="primary" onClick={() => void save()} disabled={!isDirty || check.errors.length > 0 || isSaving} data-testid="path-save">
              {isSaving ? tx.saving : tx.save}
            </button>
            <button type="button" onClick={() => stages.set(info.defaultPath.stages)} data-testid="path-reset-default">
              {tx.resetDefault}
            </button>
            {isDirty && <span className="muted small">{funnelText.unsavedNote}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
