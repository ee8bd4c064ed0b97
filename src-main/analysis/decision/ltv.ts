/**
 * LTV / CAC per channel (DESIGN §4 Decision support), in the project's time zone.
 *
 * - acquired: the people first added (客户列表 添加时间) in [from, to] through the channel
 *   (acquired.ts: 渠道's 添加). People without an add time are left out (their month is unknown).
 * - cohort: the local calendar month of the add. Month 1 is that month, month m the (m − 1)-th
 *   calendar month after it.
 * - GMV: paid − refunded of every paid, not fully refunded order paid at or after the add (member
 *   or not, as 渠道's GMV), in the local month it was paid.
 * - a cohort's curve: cumulative GMV per acquired person through month m, for every m whose last
 *   day is on or before the as-of day (the last day with data); a month still running is not shown.
 * - a channel's curve at m: the sum over months 1…m of that month's GMV per person over the cohorts
 *   that completed it (chained, as cohort tables are read: an old small cohort alone in a late month
 *   adds its increment instead of replacing the average); null from the first month no cohort completed.
 * - CAC = cost / acquired, the cost as 渠道 takes it: the cost grid's typed cost, else the imported
 *   渠道投放 花费 summed over [from, to]; LTV/CAC at 3, 6, 12 months; payback month = the first
 *   month whose LTV ≥ CAC (none when never, or without a cost above 0).
 * Zero denominators give null, never 0 or infinity.
 */
import type { ChannelCost, LtvChannel, LtvCohort, LtvResult, RoiDimension } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { ltvText } from '../../locale/roi';
import { personCtes } from '../base/analysisBase';
import { identityCtes } from '../base/identity';
import { queryAdCosts, unknownChannel } from '../channels/channelQueries';
import { resolveAsOf } from '../features/featuresQueries';
import { acquiredCtes, localDate } from './acquired';

/** Months a curve runs to. */
export const LTV_MONTHS = 12;

/** Acquired people per channel and cohort month (months counted from year 0: year × 12 + month − 1). */
export interface CohortSize {
  channel: string;
  month: number;
  acquired: number;
}
/** Net GMV of a cohort in its month m (1 = the acquisition month). */
export interface CohortGmv {
  channel: string;
  month: number;
  m: number;
  gmv: number;
}

const inRange = (col: string) => `
  (CAST($from AS DATE) IS NULL OR ${col} >= CAST($from AS DATE)) AND (CAST($to AS DATE) IS NULL OR ${col} <= CAST($to AS DATE))`;
const monthIndex = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;

/** The cohorts of the people acquired in the range (pure; `$tz`, `$from`, `$to`, `$unknown`). */
export function ltvSizesSql(dimension: RoiDimension): string {
  return `
WITH ${identityCtes()}, ${personCtes()}, ${acquiredCtes(dimension)},
cohort AS (SELECT channel, ${localDate('added_at')} AS d FROM acquired WHERE added_at IS NOT NULL)
SELECT channel, CAST(${monthIndex('d')} AS INTEGER) AS month, CAST(count(*) AS INTEGER) AS acquired
FROM cohort WHERE ${inRange('d')}
GROUP BY ALL`;
}

/** The net GMV per cohort and month since acquisition (pure; the parameters of {@link ltvSizesSql}, and `$months`). */
export function ltvGmvSql(dimension: RoiDimension): string {
  return `
WITH ${identityCtes()}, ${personCtes()}, ${acquiredCtes(dimension)},
cohort AS (
  SELECT pid, added_at, channel, ${monthIndex(localDate('added_at'))} AS month
  FROM acquired WHERE pid IS NOT NULL AND added_at IS NOT NULL AND ${inRange(localDate('added_at'))}
)
SELECT c.channel, CAST(c.month AS INTEGER) AS month, CAST(${monthIndex(localDate('o.paid_at'))} - c.month + 1 AS INTEGER) AS m,
       CAST(sum(o.net) AS DOUBLE) AS gmv
FROM cohort c JOIN paid_orders o ON o.pid = c.pid AND o.paid_at >= c.added_at
WHERE ${monthIndex(localDate('o.paid_at'))} - c.month < $months
GROUP BY ALL`;
}

const ratio = (num: number | null, den: number | null): number | null => (num === null || den === null || den === 0 ? null : num / den);
const monthLabel = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;

/** How many months of a cohort have ended by the as-of day (its last day included), at most {@link LTV_MONTHS}. */
export function completedMonths(month: number, asOf: string): number {
  const [y, mo, d] = asOf.split('-').map(Number) as [number, number, number];
  const asOfMonth = y * 12 + mo - 1;
  const isLastDay = new Date(Date.UTC(y, mo - 1, d + 1)).getUTCDate() === 1;
  return Math.max(0, Math.min(LTV_MONTHS, asOfMonth - month + (isLastDay ? 1 : 0)));
}

/**
 * The LTV / CAC figures from the cohort counts (pure): `costs` per channel (null = none known).
 * Channels with a cost but nobody acquired keep a row; the most acquired first, the unknown channel last.
 */
export function ltvFromCounts(
  sizes: readonly CohortSize[],
  gmv: readonly CohortGmv[],
  costs: ReadonlyMap<string, number | null>,
  asOf: string,
  dimension: RoiDimension,
): LtvResult {
  const gmvOf = new Map<string, number>();
  for (const g of gmv) gmvOf.set(`${g.channel}\u0000${g.month}\u0000${g.m}`, (gmvOf.get(`${g.channel}\u0000${g.month}\u0000${g.m}`) ?? 0) + g.gmv);
  const cohorts: LtvCohort[] = [...sizes]
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : a.month - b.month))
    .map((s) => {
      const curve: number[] = [];
      let sum = 0;
      for (let m = 1; m <= completedMonths(s.month, asOf); m++) {
        sum += gmvOf.get(`${s.channel}\u0000${s.month}\u0000${m}`) ?? 0;
        curve.push(sum / s.acquired);
      }
      return { channel: s.channel, month: monthLabel(s.month), acquired: s.acquired, curve };
    });

  const names = new Set([...sizes.map((s) => s.channel), ...[...costs].filter(([, c]) => c !== null).map(([ch]) => ch)]);
  const channels: LtvChannel[] = [...names].map((channel) => {
    const own = cohorts.filter((c) => c.channel === channel);
    const acquired = own.reduce((s, c) => s + c.acquired, 0);
    // Chained: each month adds the GMV per person of that month over the cohorts that completed it,
    // so a late month seen by one small old cohort moves the curve by its increment, never drags it down.
    const curve: (number | null)[] = [];
    let cumulative: number | null = 0;
    for (let i = 0; i < LTV_MONTHS; i++) {
      const done = own.filter((c) => c.curve.length > i);
      const people = done.reduce((s, c) => s + c.acquired, 0);
      const gmvOfMonth = done.reduce((s, c) => s + (c.curve[i]! - (i > 0 ? c.curve[i - 1]! : 0)) * c.acquired, 0);
      cumulative = cumulative === null || people === 0 ? null : cumulative + gmvOfMonth / people;
      curve.push(cumulative);
    }
    const cost = costs.get(channel) ?? null;
    const cac = ratio(cost, acquired);
    const at = (m: number) => curve[m - 1] ?? null;
    const paybackAt = cac !== null && cac > 0 ? curve.findIndex((v) => v !== null && v >= cac) : -1;
    const row = {
      channel,
      acquired,
      cost,
      cac,
      curve,
      ltv3: at(3),
      ltv6: at(6),
      ltv12: at(12),
      ltvCac3: ratio(at(3), cac),
      ltvCac6: ratio(at(6), cac),
      ltvCac12: ratio(at(12), cac),
      paybackMonth: paybackAt >= 0 ? paybackAt + 1 : null,
    };
    return { ...row, reading: ltvText.channelReading(row) };
  });
  const unknown = unknownChannel();
  channels.sort((a, b) => Number(a.channel === unknown) - Number(b.channel === unknown) || b.acquired - a.acquired || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  return { dimension, asOf, channels, cohorts, reading: ltvText.reading(channels) };
}

/** LTV / CAC per channel of the people acquired in [from, to] (all when open). */
export async function ltv(
  sql: Sql,
  req: { from?: string; to?: string; dimension: RoiDimension },
  typedCosts: readonly ChannelCost[],
  timeZone: string,
): Promise<LtvResult> {
  const params = { tz: timeZone, from: req.from ?? null, to: req.to ?? null, unknown: unknownChannel() };
  const sizes = await sql.all<CohortSize>(ltvSizesSql(req.dimension), params);
  const gmv = await sql.all<CohortGmv>(ltvGmvSql(req.dimension), { ...params, months: LTV_MONTHS });
  const imported = new Map((await queryAdCosts(sql, req)).map((r) => [r.channel, r.cost]));
  const typed = new Map(typedCosts.filter((c) => c.dimension === req.dimension).map((c) => [c.channel.trim(), c.cost]));
  const costs = new Map<string, number | null>();
  // As 渠道: imported costs attach only to channels with people; typed ones always.
  for (const s of sizes) costs.set(s.channel, imported.get(s.channel) ?? null);
  for (const [channel, cost] of typed) costs.set(channel, cost);
  const asOf = await resolveAsOf(sql, timeZone);
  return ltvFromCounts(sizes, gmv, costs, asOf, req.dimension);
}
