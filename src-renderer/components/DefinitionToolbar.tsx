import type { ReactNode } from 'react';
import { projectFileText } from '../../src-main/locale/projectFile';
import { selectProject, useProject } from '../store/project';
import type { Undoable } from './useUndoable';

/** The texts of a {@link DefinitionToolbar}, from the view's locale module. */
export interface DefinitionToolbarText {
  /** The save button, saying what it saves (保存 / 保存规则 / 保存成本 / 保存路径). */
  save: string;
  saving: string;
  /** The unsaved-changes marker (有未保存的修改). */
  unsaved: string;
  /** 放弃修改, when the view offers it. */
  revert?: string;
  undo?: string;
  redo?: string;
}

/** Props of {@link DefinitionToolbar}. */
export interface DefinitionToolbarProps {
  /** Prefix of the test ids: `<testId>-unsaved`, `-invalid`, `-undo`, `-redo`, `-revert`, `-save`. */
  testId: string;
  text: DefinitionToolbarText;
  /** The draft edited (useDraft / useUndoable): its unsaved state and, with `hasHistory`, its undo / redo. */
  draft: Pick<Undoable<unknown>, 'isDirty' | 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
  /** Whether a save is under way. */
  isSaving: boolean;
  /** Why the draft cannot be saved, shown beside the marker; null when it can (other checks may still block via `canSave`). */
  problem?: string | null;
  /** False while something else blocks the save (a check shown on the cells). */
  canSave?: boolean;
  onSave(): void;
  /** Shows 放弃修改 while there are unsaved changes. */
  onRevert?: () => void;
  /** Shows 撤销 / 重做 (editors without a grid of their own; a DefinitionGrid has its own). */
  hasHistory?: boolean;
  /** Controls before the buttons (恢复默认 …). */
  children?: ReactNode;
}

/** The save bar of every definition editor: unsaved marker, problem, undo / redo, 放弃修改, 保存. */
export function DefinitionToolbar({ testId, text, draft, isSaving, problem, canSave = true, onSave, onRevert, hasHistory, children }: DefinitionToolbarProps) {
  // A project open read-only keeps its definitions: the edits may be tried, not saved, and the bar says why.
  const isReadOnly = !!useProject(selectProject)?.isReadOnly;
  return (
    <div className="definition-toolbar" data-testid={`${testId}-toolbar`}>
      {draft.isDirty && (
        <span className="definition-unsaved" data-testid={`${testId}-unsaved`}>
          {text.unsaved}
        </span>
      )}
      {problem && (
        <span className="definition-problem" data-testid={`${testId}-invalid`}>
          {problem}
        </span>
      )}
      {isReadOnly && draft.isDirty && (
        <span className="definition-problem" data-testid={`${testId}-read-only`}>
          {projectFileText.readOnlyBanner}
        </span>
      )}
      {children}
      {hasHistory && (
        <>
          <button type="button" onClick={draft.undo} disabled={!draft.canUndo} data-testid={`${testId}-undo`}>
            {text.undo}
          </button>
          <button type="button" onClick={draft.redo} disabled={!draft.canRedo} data-testid={`${testId}-redo`}>
            {text.redo}
          </button>
        </>
      )}
      {onRevert && draft.isDirty && (
        <button type="button" onClick={onRevert} disabled={isSaving} data-testid={`${testId}-revert`}>
          {text.revert}
        </button>
      )}
      <button type="button" className="primary" onClick={onSave} disabled={isReadOnly || !draft.isDirty || !!problem || !canSave || isSaving} data-testid={`${testId}-save`}>
        {isSaving ? text.saving : text.save}
      </button>
    </div>
  );
}
