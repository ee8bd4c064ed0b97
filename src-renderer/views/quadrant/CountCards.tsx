import type { QuadrantResult, QuadrantType } from '../../../src-main/contract';
import { quadrantText, typeMeanings } from '../../../src-main/locale/quadrant';
import { formatRate } from '../metrics/metricsFormat';
import { typeColors } from './quadrantChartOption';

/** Props of {@link CountCards}. */
export interface CountCardsProps {
  result: QuadrantResult;
  /** Rule mode shows the unclassified; score mode leaves nobody unclassified. */
  isRuleMode: boolean;
  selected: QuadrantType | 'unclassified' | null;
  onSelect: (type: QuadrantType | 'unclassified') => void;
}

/** People and share per type, in the definition's order; a click lists the type's people. */
export function CountCards({ result, isRuleMode, selected, onSelect }: CountCardsProps) {
  const shown = result.counts.filter((c) => c.type !== 'unclassified' || isRuleMode || c.count > 0);
  return (
    <div className="quadrant-counts" data-testid="quadrant-counts" data-total={result.total}>
      {shown.map((c) => (
        <button
          key={c.type}
          type="button"
          className={`card quadrant-count${selected === c.type ? ' selected' : ''}`}
          style={{ borderTopColor: typeColors[c.type] }}
          aria-pressed={selected === c.type}
          onClick={() => onSelect(c.type)}
          data-testid={`quadrant-count-${c.type}`}
          data-count={c.count}
        >
          <span className="quadrant-count-label">{c.label}</span>
          <span className="quadrant-count-value" data-testid={`quadrant-count-value-${c.type}`}>
            {quadrantText.people(c.count)}
          </span>
          <span className="quadrant-count-share" data-testid={`quadrant-share-${c.type}`}>
            {formatRate(c.share)}
          </span>
          <span className="muted small">{c.type === 'unclassified' ? quadrantText.ofPeople(result.total) : typeMeanings[c.type]}</span>
        </button>
      ))}
    </div>
  );
}
