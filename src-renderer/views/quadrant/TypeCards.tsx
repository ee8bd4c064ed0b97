import { useMemo } from 'react';
import { DefinitionGrid } from '../../components/DefinitionGrid';
import type { Undoable } from '../../components/useUndoable';
import { quadrantText, typeMeanings } from '../../../src-main/locale/quadrant';
import { newRuleRow, ruleColumns, rulesSentence, toDefinition as rulesDefinition, type RuleRow } from '../vvip/vvipRules';
import { CommitField } from './CommitField';
import { typeColors } from './quadrantChartOption';
import type { QuadrantEditor, TypeEditor } from './quadrantModel';

/** Props of {@link TypeCards}. */
export interface TypeCardsProps {
  types: TypeEditor[];
  isRuleMode: boolean;
  onChange: (index: number, patch: Partial<TypeEditor>) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  history: Undoable<QuadrantEditor>;
}

const ruleRowId = (r: RuleRow) => r.key;

/**
 * The four types: name and strategy of each; in rule mode also their criteria, listed in priority
 * order with 上移 / 下移.
 */
export function TypeCards({ types, isRuleMode, onChange, onMove, history }: TypeCardsProps) {
  const columns = useMemo(() => ruleColumns(), []);
  return (
    <section className="card quadrant-types" data-testid="quadrant-types">
      <h3>{isRuleMode ? quadrantText.priorityTitle : quadrantText.typesTitle}</h3>
      <p className="muted small">{isRuleMode ? quadrantText.priorityHint : quadrantText.typesHint}</p>
      {types.map((t, i) => {
        const sentence = rulesSentence(rulesDefinition(t.rules).rules);
        return (
          <div key={t.type} className="quadrant-type" data-testid={`quadrant-type-${t.type}`} data-priority={i + 1}>
            <div className="quadrant-type-head">
              <span className="quadrant-swatch" style={{ background: typeColors[t.type] }} aria-hidden />
              {isRuleMode && <span className="muted small">{quadrantText.priority(i + 1)}</span>}
              <span className="muted small">{typeMeanings[t.type]}</span>
              <label className="quadrant-type-label">
                <span>{quadrantText.label}</span>
                <CommitField
                  value={t.label}
                  problem={t.label.trim() === '' ? quadrantText.labelEmpty : null}
                  onCommit={(label) => onChange(i, { label: label.trim() === '' ? label : label.trim().slice(0, 200) })}
                  testId={`quadrant-label-${t.type}`}
                  ariaLabel={quadrantText.label}
                />
              </label>
              {isRuleMode && (
                <span className="quadrant-move">
                  <button type="button" onClick={() => onMove(i, -1)} disabled={i === 0} data-testid={`quadrant-up-${t.type}`}>
                    {quadrantText.moveUp}
                  </button>
                  <button type="button" onClick={() => onMove(i, 1)} disabled={i === types.length - 1} data-testid={`quadrant-down-${t.type}`}>
                    {quadrantText.moveDown}
                  </button>
                </span>
              )}
            </div>
            <label className="quadrant-strategy">
              <span>{quadrantText.strategy}</span>
              <CommitField
                value={t.strategy}
                isMultiline
                onCommit={(strategy) => onChange(i, { strategy: strategy.slice(0, 5000) })}
                testId={`quadrant-strategy-${t.type}`}
                ariaLabel={quadrantText.strategy}
              />
            </label>
            {isRuleMode && (
              <>
                <DefinitionGrid
                  rows={t.rules}
                  columns={columns}
                  onChange={(rules) => onChange(i, { rules })}
                  newRow={newRuleRow}
                  rowId={ruleRowId}
                  history={history}
                  canReorder
                  maxRows={50}
                  testId={`quadrant-rules-${t.type}`}
                />
                <p className="quadrant-sentence small" data-testid={`quadrant-sentence-${t.type}`}>
                  {sentence ? (
                    <>
                      <span className="muted">{quadrantText.ruleSentence}</span>
                      {sentence}
                    </>
                  ) : (
                    <span className="muted">{quadrantText.noRules}</span>
                  )}
                </p>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
