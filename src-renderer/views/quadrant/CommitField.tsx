import { useEffect, useState } from 'react';

/** Props of {@link CommitField}. */
export interface CommitFieldProps {
  value: string;
  /** Called with the typed text on Enter (inputs) or when the field loses focus, if it changed. */
  onCommit: (text: string) => void;
  /** A textarea instead of a one-line input. */
  isMultiline?: boolean;
  /** Why the current text is wrong (red border, reason as tooltip); null when fine. */
  problem?: string | null;
  inputMode?: 'decimal' | 'text';
  className?: string;
  testId?: string;
  ariaLabel?: string;
}

/**
 * A text field that edits a draft and hands it over once, on Enter or blur, so one edit of a
 * threshold or a label is one undo step and one recomputation, not one per keystroke. Follows
 * the value when it changes from outside (undo, redo, load). Escape restores the value.
 */
export function CommitField({ value, onCommit, isMultiline, problem, inputMode, className, testId, ariaLabel }: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    className: `${className ?? ''}${problem ? ' field-problem' : ''}`,
    title: problem ?? undefined,
    'aria-invalid': problem ? true : undefined,
    'aria-label': ariaLabel,
    'data-testid': testId,
    onBlur: commit,
  };
  if (isMultiline) {
    return (
      <textarea
        {...common}
        rows={2}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(value);
        }}
      />
    );
  }
  return (
    <input
      {...common}
      inputMode={inputMode}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
