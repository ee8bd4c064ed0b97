import { useEffect, useMemo, useState } from 'react';
import type { QuadrantAxis } from '../../../src-main/contract';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import type { Undoable } from '../../components/useUndoable';
import { quadrantText, thresholdKindLabels } from '../../../src-main/locale/quadrant';
import { CommitField } from './CommitField';
import { formatValue, newTermRow, switchThreshold, termColumns, thresholdProblem, type AxisEditor, type AxisName, type BelowThreshold, type QuadrantEditor, type TermRow } from './quadrantModel';

/** Props of {@link AxisCard}. */
export interface AxisCardProps {
  name: AxisName;
  axis: AxisEditor;
  onChange: (axis: AxisEditor) => void;
  /** The undo history of the whole definition, for the grid's buttons and shortcuts. */
  history: Undoable<QuadrantEditor>;
  /** The threshold the last result resolved (percentiles become numbers); undefined before any result. */
  resolved: number | null | undefined;
  /** People below this axis's threshold in the last result, to turn a fixed threshold into its percentile; null before any result. */
  below: BelowThreshold | null;
  /** Whether the last result answers the definition as it stands (not one still being recomputed). */
  isResultCurrent: boolean;
  /** Whether thresholds apply (score mode). */
  hasThreshold: boolean;
}

const termRowId = (r: TermRow) => r.key;

/** A number as typed by a spreadsheet user: thousands separators and a trailing % allowed. */
function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,，\s]/g, '').replace(/%$/, '');
  const n = Number(cleaned);
  return cleaned !== '' && Number.isFinite(n) ? n : null;
}

/** One axis: its weighted features in a grid, and its threshold (fixed value or percentile). */
export function AxisCard({ name, axis, onChange, history, resolved, below, isResultCurrent, hasThreshold }: AxisCardProps) {
  const columns = useMemo(() => termColumns(), []);
  const [badText, setBadText] = useState<string | null>(null);
  // An undo, redo or load replaces the value: a mistyped draft is gone with it.
  useEffect(() => setBadText(null), [axis.threshold.value, axis.threshold.kind]);
  const problem = badText !== null ? quadrantText.thresholdProblems.notNumber : thresholdProblem(axis.threshold);
  const setThreshold = (threshold: QuadrantAxis['threshold']) => onChange({ ...axis, threshold });
  // What a switch of kind made of the value; any later edit of the threshold makes it moot.
  const [switched, setSwitched] = useState<{ note: string; threshold: QuadrantAxis['threshold'] } | null>(null);
  const switchNote = switched && switched.threshold.kind === axis.threshold.kind && switched.threshold.value === axis.threshold.value ? switched.note : null;
  const onSwitch = (kind: QuadrantAxis['threshold']['kind']) => {
    const next = switchThreshold(axis.threshold, kind, isResultCurrent ? below : null, isResultCurrent ? resolved : undefined);
    setSwitched(next);
    setThreshold(next.threshold);
  };

  return (
    <section className="card quadrant-axis" data-testid={`quadrant-axis-${name}`}>
      <h3>{quadrantText.axes[name]}</h3>
      <DefinitionGrid
        rows={axis.terms}
        columns={columns}
        onChange={(terms) => onChange({ ...axis, terms })}
        newRow={newTermRow}
        rowId={termRowId}
        history={history}
        maxRows={50}
        testId={`quadrant-terms-${name}`}
      />
      {axis.terms.length === 0 && <p className="muted small">{quadrantText.noTerms}</p>}
      {hasThreshold && (
        <div className="quadrant-threshold">
          <span className="quadrant-threshold-label">{quadrantText.threshold}</span>
          <div className="segmented small" role="radiogroup">
            {(['fixed', 'percentile'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                role="radio"
                aria-checked={axis.threshold.kind === kind}
                className={axis.threshold.kind === kind ? 'active' : ''}
                onClick={() => kind !== axis.threshold.kind && onSwitch(kind)}
                data-testid={`quadrant-threshold-kind-${name}-${kind}`}
              >
                {thresholdKindLabels[kind]}
              </button>
            ))}
          </div>
          <CommitField
            value={String(axis.threshold.value)}
            inputMode="decimal"
            className="quadrant-threshold-value"
            ariaLabel={axis.threshold.kind === 'percentile' ? quadrantText.percentileValue : quadrantText.fixedValue}
            problem={problem}
            testId={`quadrant-threshold-${name}`}
            onCommit={(text) => {
              const value = parseNumber(text);
              setBadText(value === null ? text : null);
              if (value !== null) setThreshold({ ...axis.threshold, value });
            }}
          />
          <span className="muted small" data-testid={`quadrant-resolved-${name}`}>
            {resolved === undefined ? '' : resolved === null ? quadrantText.noThreshold : quadrantText.resolvedThreshold(formatValue(resolved))}
          </span>
          {problem && <span className="quadrant-problem">{problem}</span>}
          {switchNote && (
            <span className="quadrant-threshold-note small" role="status" data-testid={`quadrant-threshold-note-${name}`}>
              {switchNote}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
