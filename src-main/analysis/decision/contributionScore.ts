/**
 * The arithmetic of the contribution score (DESIGN §4 贡献度), pure so a hand-computed fixture can
 * check it without a database:
 *
 * - normalisation across the units (staff members or owners) that have the figure:
 *   min–max (v − min) / (max − min), reversed (max − v) / (max − min) for churn; percentile
 *   (#below + (#equal − 1) / 2) / (m − 1) over the m units with a figure, so tied units share the
 *   middle of the ranks they span, reversed counting the units above. When every unit has the same
 *   figure (one unit alone, or all equal) nobody is behind anybody: every one gets 1.
 * - a unit without the figure (a rate over nobody) gets no normalised value and 0 points: it earns
 *   nothing from a metric it has no evidence for, and the others are normalised among themselves.
 * - score = Σ weight × normalised / Σ weights × 100 over the enabled metrics; each term is the
 *   metric's points, so the parts add up to the score.
 * - band: the band with the highest minimum at or below the score; rank: 1 + how many score higher.
 */
import type { ContributionBand, ContributionDefinition, ContributionMetricId, ContributionPart, ContributionRow } from '../../contract';
import { reversedContributionMetrics } from '../../contract';

/** One unit's figures, before scoring. */
export interface UnitFigures {
  unit: string;
  people: number;
  values: Record<ContributionMetricId, number | null>;
}

/** A scored unit without its reading. */
export type ScoredUnit = Omit<ContributionRow, 'reading'>;

/** Scores within this of a band's minimum count as reaching it (sums of fractions are not exact). */
const EPSILON = 1e-9;

/** The figures on 0–1 across the units (see the file comment); null stays null. */
export function normalise(values: (number | null)[], how: 'minmax' | 'percentile', isReversed: boolean): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => {
    if (v === null) return null;
    if (max === min) return 1;
    if (how === 'minmax') return isReversed ? (max - v) / (max - min) : (v - min) / (max - min);
    const beyond = present.filter((x) => (isReversed ? x > v : x < v)).length;
    const equal = present.filter((x) => x === v).length;
    return (beyond + (equal - 1) / 2) / (present.length - 1);
  });
}

/** The band of a score: the one with the highest minimum at or below it; null below every band. */
export function bandOf(score: number, bands: ContributionBand[]): string | null {
  const reached = bands.filter((b) => score + EPSILON >= b.min).sort((a, b) => b.min - a.min);
  return reached[0]?.label ?? null;
}

/** Scores, bands and ranks the units, best first (ties by name). */
export function scoreUnits(units: UnitFigures[], def: ContributionDefinition): ScoredUnit[] {
  const metrics = def.metrics.filter((m) => m.enabled);
  const totalWeight = metrics.reduce((s, m) => s + m.weight, 0);
  const normalised = metrics.map((m) =>
    normalise(
      units.map((u) => u.values[m.metric]),
      m.normalise,
      reversedContributionMetrics.includes(m.metric),
    ),
  );
  const scored = units.map((u, i) => {
    const parts: ContributionPart[] = metrics.map((m, j) => {
      const n = normalised[j]![i]!;
      return {
        metric: m.metric,
        value: u.values[m.metric],
        normalised: n,
        points: n === null ? 0 : ((m.weight * n) / totalWeight) * 100,
        maxPoints: (m.weight / totalWeight) * 100,
      };
    });
    const score = parts.reduce((s, p) => s + p.points, 0);
    return { unit: u.unit, people: u.people, score, band: bandOf(score, def.bands), rank: 0, parts };
  });
  scored.sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit));
  return scored.map((s) => ({ ...s, rank: 1 + scored.filter((o) => o.score > s.score + EPSILON).length }));
}
