/**
 * The rules behind the growth points other than the decomposition, as pure functions over the
 * figures the existing analyses give (the funnel, 指标's daily churned_members, 渠道, 活跃时段):
 *
 * - funnel gaps: per cohort-funnel step up to the first payment, a segment whose step rate is below
 *   the best segment's (among segments with at least {@link MIN_SEGMENT} people at the step's start)
 *   loses `start × best − reached` people there; of them, the segment's own share from that stage on
 *   to the payment stage would have bought (all of them when the step is the payment itself).
 * - churn spikes: a day whose churned_members is above the mean + 3 standard deviations (sample sd,
 *   n − 1) of the 28 days before it; only days with all 28 days before them in the series.
 * - posting hours: hours of the day whose member messages are in the top quarter of the 24 hours
 *   (and above 0) while the staff's posts are in the bottom quarter: people answer then, few post.
 */
import type { FunnelStage } from '../../contract';

/** Fewest people at a step's start for a segment's rate to count (a 1 of 1 is no benchmark). */
export const MIN_SEGMENT = 10;

/** Days of history a churn day is compared with. */
export const SPIKE_WINDOW = 28;

/** A segment's cohort funnel. */
export interface SegmentFunnel {
  value: string;
  stages: FunnelStage[];
}

/** The costliest gap to the best segment at one step. */
export interface FunnelGap {
  /** The step: from stage `step − 1` to stage `step`. */
  step: number;
  segment: string;
  best: string;
  /** Step rates as fractions. */
  rate: number;
  bestRate: number;
  /** People at the step's start in the segment. */
  entered: number;
  /** Buyers the segment would gain at the best rate. */
  buyers: number;
}

/**
 * The step and segment whose gap to the best segment's step rate costs the most buyers, among the
 * steps up to `buyIndex` (the first-payment stage); null when no segment falls short.
 */
export function costliestFunnelGap(segments: readonly SegmentFunnel[], buyIndex: number): FunnelGap | null {
  let worst: FunnelGap | null = null;
  for (let k = 1; k <= buyIndex; k++) {
    const eligible = segments.filter((s) => (s.stages[k - 1]?.count ?? 0) >= MIN_SEGMENT);
    if (eligible.length < 2) continue;
    const rateOf = (s: SegmentFunnel) => s.stages[k]!.count / s.stages[k - 1]!.count;
    const best = eligible.reduce((a, b) => (rateOf(b) > rateOf(a) ? b : a));
    const bestRate = rateOf(best);
    for (const s of eligible) {
      const entered = s.stages[k - 1]!.count;
      const reached = s.stages[k]!.count;
      const extra = entered * bestRate - reached;
      if (extra <= 0) continue;
      const onward = k === buyIndex ? 1 : reached > 0 ? s.stages[buyIndex]!.count / reached : 0;
      const buyers = extra * onward;
      if (buyers > 0 && (!worst || buyers > worst.buyers)) {
        worst = { step: k, segment: s.value, best: best.value, rate: reached / entered, bestRate, entered, buyers };
      }
    }
  }
  return worst;
}

/** A day flagged as a churn spike. */
export interface ChurnSpike {
  day: string;
  churned: number;
  /** Mean and sample standard deviation of the 28 days before. */
  mean: number;
  sd: number;
  threshold: number;
}

/** The days of `series` (consecutive local days, oldest first) on or after `from` above their trailing mean + 3 sd. */
export function churnSpikes(series: readonly { day: string; churned: number }[], from: string): ChurnSpike[] {
  const spikes: ChurnSpike[] = [];
  for (let i = SPIKE_WINDOW; i < series.length; i++) {
    const today = series[i]!;
    if (today.day < from) continue;
    const window = series.slice(i - SPIKE_WINDOW, i).map((d) => d.churned);
    const mean = window.reduce((s, x) => s + x, 0) / SPIKE_WINDOW;
    const sd = Math.sqrt(window.reduce((s, x) => s + (x - mean) ** 2, 0) / (SPIKE_WINDOW - 1));
    const threshold = mean + 3 * sd;
    if (today.churned > threshold) spikes.push({ day: today.day, churned: today.churned, mean, sd, threshold });
  }
  return spikes;
}

/** One hour of the day: member messages, distinct members writing, staff posts. */
export interface HourFigures {
  hour: number;
  messages: number;
  people: number;
  posts: number;
}

/** The value at quantile q (0–1) of numbers, by linear interpolation between order statistics. */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
}

/** Hours with member messages in the top quarter (and above 0) and posts in the bottom quarter, busiest first. */
export function quietPostingHours(hours: readonly HourFigures[]): HourFigures[] {
  if (hours.length === 0) return [];
  const busy = quantile(hours.map((h) => h.messages), 0.75);
  const few = quantile(hours.map((h) => h.posts), 0.25);
  return hours.filter((h) => h.messages > 0 && h.messages >= busy && h.posts <= few).sort((a, b) => b.messages - a.messages || a.hour - b.hour);
}
