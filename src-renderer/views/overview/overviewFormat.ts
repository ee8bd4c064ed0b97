import type { ImportKind, ImportRecord, MetricsRow } from '../../../src-main/contract';
import { overviewCardLabels, overviewText } from '../../../src-main/locale/overview';
import { formatCount, formatMoney, formatRate } from '../metrics/metricsFormat';

/** The metrics the key-figure cards show, in card order. */
export const cardIds = ['total_members', 'new_members', 'active_rate', 'churned_members', 'converted_members', 'conversion_rate', 'gmv'] as const;
/** One key-figure card. */
export type CardId = (typeof cardIds)[number];

/** How the week moved against the week before. */
export interface Change {
  /** `↑12.50%`, `↓3.00%`, `持平`, or `-` when there is no base. */
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
  /** Whether the move is good news (churn going up is not); null when flat or unknown. */
  isGood: boolean | null;
}

/** One card: this week's figure, last week's, and the change. */
export interface Card {
  id: CardId;
  label: string;
  value: string;
  last: string;
  change: Change;
}

/** Cards where a smaller figure is the better one. */
const lowerIsBetter: ReadonlySet<CardId> = new Set(['churned_members']);

/**
 * Change in percent, (this − last) / last × 100; null when last week's figure is 0 or unknown,
 * or this week's is unknown (DESIGN §4: a rate without a denominator is empty, never infinite).
 */
export function weekChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
  return ((current - previous) * 100) / previous;
}

/** A change as the card shows it, with an arrow and 2 decimals. */
export function changeView(change: number | null, isHigherBetter = true): Change {
  if (change === null || !Number.isFinite(change)) return { text: overviewText.noChange, direction: 'none', isGood: null };
  const shown = Math.abs(change).toFixed(2);
  if (Number(shown) === 0) return { text: overviewText.flat, direction: 'flat', isGood: null };
  const isUp = change > 0;
  return { text: `${isUp ? '↑' : '↓'}${shown}%`, direction: isUp ? 'up' : 'down', isGood: isUp === isHigherBetter };
}

/** A metric of a row as the cards show it. */
function formatFigure(id: CardId, row: MetricsRow | null): string {
  if (!row) return '-';
  if (id === 'active_rate' || id === 'conversion_rate') return formatRate(row[id]);
  if (id === 'gmv') return formatMoney(row.gmv);
  return formatCount(row[id]);
}

/** The key-figure cards of this week against last week (absent last week: every change is `-`). */
export function overviewCards(thisWeek: MetricsRow, lastWeek: MetricsRow | null): Card[] {
  return cardIds.map((id) => ({
    id,
    label: overviewCardLabels[id],
    value: formatFigure(id, thisWeek),
    last: formatFigure(id, lastWeek),
    change: changeView(weekChange(thisWeek[id], lastWeek?.[id]), !lowerIsBetter.has(id)),
  }));
}

/** This week's churn rate in percent: people churned over the members at the end of last week; null without a base. */
export function weekChurnRate(thisWeek: MetricsRow, lastWeek: MetricsRow | null): number | null {
  if (!lastWeek || lastWeek.total_members === 0) return null;
  return (thisWeek.churned_members * 100) / lastWeek.total_members;
}

/** Kinds of export the overview's figures need beyond the member list, in the order their notices show. */
export const neededKinds = ['orders', 'messages', 'customers'] as const satisfies readonly ImportKind[];
/** A kind the overview needs. */
export type NeededKind = (typeof neededKinds)[number];

/** The needed kinds no import in the history has brought, so the overview can say which figures lack their data. */
export function missingKinds(history: readonly Pick<ImportRecord, 'kind'>[]): NeededKind[] {
  const present = new Set<ImportKind>(history.map((r) => r.kind));
  return neededKinds.filter((k) => !present.has(k));
}
