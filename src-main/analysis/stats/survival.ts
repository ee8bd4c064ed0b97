/**
 * The Kaplan–Meier estimator of a survival curve (Kaplan & Meier 1958), written out so each
 * step can be checked by hand: at each distinct time t_i with d_i events among the n_i still
 * at risk just before t_i, S(t_i) = S(t_{i−1}) × (1 − d_i / n_i).
 */

/** One observed duration: how long until the event, or until observation stopped (censored). */
export interface Observation {
  /** Time from the start (days in the churn analysis); never negative. */
  duration: number;
  /** true: the event happened at `duration`; false: still going when observation stopped (censored). */
  isEvent: boolean;
  /** How many identical observations this one stands for (default 1), so SQL can send them grouped. */
  count?: number;
}

/** One step of the curve: the survival just after `time`, with the counts behind it. */
export interface KaplanMeierPoint {
  time: number;
  /** S(time), 0–1. */
  survival: number;
  /** n_i: observations with duration ≥ time. */
  at_risk: number;
  /** d_i: events at exactly `time`. */
  events: number;
  /** Observations censored at exactly `time`. */
  censored: number;
}

/** A Kaplan–Meier curve. */
export interface KaplanMeierCurve {
  /** Observations in all. */
  n: number;
  /** Events in all (the rest are censored). */
  events: number;
  /** One point per distinct time of an event or a censoring, in time order. */
  points: KaplanMeierPoint[];
  /** First time with S ≤ 0.5; null when the curve never falls that low. */
  median: number | null;
}

// A product of fractions that is exactly 1/2 on paper can land a hair above it in floating point.
const HALF = 0.5 + 1e-12;

/**
 * The Kaplan–Meier curve of the observations. Ties follow the usual convention: at one time,
 * events happen before censorings, so those censored at t are still at risk at t.
 */
export function kaplanMeier(observations: readonly Observation[]): KaplanMeierCurve {
  const byTime = new Map<number, { events: number; censored: number }>();
  let n = 0;
  let totalEvents = 0;
  for (const o of observations) {
    const count = o.count ?? 1;
    if (count <= 0) continue;
    if (!(o.duration >= 0)) throw new RangeError(`duration must be a number ≥ 0, got ${o.duration}`);
    const at = byTime.get(o.duration) ?? { events: 0, censored: 0 };
    if (o.isEvent) at.events += count;
    else at.censored += count;
    byTime.set(o.duration, at);
    n += count;
    if (o.isEvent) totalEvents += count;
  }
  const points: KaplanMeierPoint[] = [];
  let atRisk = n;
  let survival = 1;
  let median: number | null = null;
  for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
    const { events, censored } = byTime.get(time)!;
    survival *= 1 - events / atRisk;
    points.push({ time, survival, at_risk: atRisk, events, censored });
    if (median === null && events > 0 && survival <= HALF) median = time;
    atRisk -= events + censored;
  }
  return { n, events: totalEvents, points, median };
}
