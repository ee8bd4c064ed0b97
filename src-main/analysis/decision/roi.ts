/**
 * ROI预测's measured rates (DESIGN §4 Decision support), in the project's time zone.
 *
 * Per channel (acquired.ts: 渠道's people added, by the dimension's column) and week of being added
 * (Monday–Sunday, local), following each person for `windowDays` from their add:
 * - added: people first added in the week;
 * - joined: of them, who were members of the scope at some instant in [add, add + window);
 * - buyers: of the joined, who paid an order (not fully refunded) in [add, add + window);
 *   orders: those orders; repeatBuyers: buyers with two or more; gmv: Σ paid − refunded of them;
 * - cost: the imported 渠道投放 花费 of the week for that channel name (the cost grid's typed costs
 *   have no weeks, so they cannot be measured against a week: a channel without imported costs has
 *   no adds per ¥, to be typed in the planner).
 * A week is measured once its window has run out by the as-of day (its Sunday + window ≤ the last
 * day with data), so a recent week's buyers are not undercounted. The rates are those of the last
 * N measured weeks pooled (Σ joined / Σ added …); the back-test replays them week by week.
 */
import type { RoiChannel, RoiDimension, RoiResult, RoiWeek } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { roiText } from '../../locale/roi';
import { membershipCtes, personCtes, scopeCondition, scopeParams } from '../base/analysisBase';
import { identityCtes } from '../base/identity';
import { unknownChannel } from '../channels/channelQueries';
import { resolveAsOf } from '../features/featuresQueries';
import { acquiredCtes } from './acquired';
import { localDaySql, plusDaysSql } from '../base/localTime';
import { backtest, ratesOf, totalsOf } from './roiPlan';

/** The per channel and week counts of the people added up to `$last` (pure; `$tz`, `$last`, `$window`, `$unknown`, `$groups`). */
export function roiWeeksSql(dimension: RoiDimension, groups: string[] | undefined): string {
  return `
WITH ${identityCtes()}, ${membershipCtes(scopeCondition(groups))}, ${personCtes()}, ${acquiredCtes(dimension)},
-- The local day and the end of the window by arithmetic (the zone's fixed offset, memberFacts.ts
-- facts_zone; whole days in UTC, localTime.ts plusDaysSql): over a million people the time-zone
-- library's conversions and calendar were most of the statement. A person follows by number.
acquired_days AS (
  SELECT a.*, ${localDaySql('a.added_at', 'z')} AS added_day FROM acquired a, facts_zone z WHERE a.added_at IS NOT NULL
),
cohort AS (
  SELECT pkey, pno, added_at, ${plusDaysSql('added_at', 'CAST($window AS INTEGER)')} AS until, channel,
         date_trunc('week', added_day) AS week
  FROM acquired_days WHERE added_day <= CAST($last AS DATE)
),
joined AS (
  SELECT DISTINCT c.pkey, c.pno, c.added_at, c.until FROM cohort c JOIN islands i ON i.pno = c.pno
  WHERE i.e > c.added_at AND i.s < c.until
),
bought AS (
  SELECT j.pkey, count(*) AS n, sum(o.net) AS gmv
  FROM joined j JOIN paid_orders o ON o.pno = j.pno AND o.paid_at >= j.added_at AND o.paid_at < j.until
  GROUP BY j.pkey
)
SELECT c.channel, strftime(c.week, '%Y-%m-%d') AS week,
       CAST(count(*) AS INTEGER) AS added,
       CAST(count(j.pkey) AS INTEGER) AS joined,
       CAST(count(b.pkey) AS INTEGER) AS buyers,
       CAST(coalesce(sum(b.n), 0) AS INTEGER) AS orders,
       CAST(count(*) FILTER (WHERE b.n >= 2) AS INTEGER) AS "repeatBuyers",
       CAST(coalesce(sum(b.gmv), 0) AS DOUBLE) AS gmv
FROM cohort c LEFT JOIN joined j ON j.pkey = c.pkey LEFT JOIN bought b ON b.pkey = c.pkey
GROUP BY ALL`;
}

/** The imported 渠道投放 cost per channel name and week up to `$last` (pure). */
export const roiCostsSql = `
SELECT trim(channel) AS channel, strftime(date_trunc('week', stat_date), '%Y-%m-%d') AS week, CAST(sum(cost) AS DOUBLE) AS cost
FROM ad_costs
WHERE nullif(trim(channel), '') IS NOT NULL AND cost IS NOT NULL AND stat_date <= CAST($last AS DATE)
GROUP BY ALL`;

const DAY = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The Monday of the last week whose window has run out by `asOf` (Sunday + window ≤ asOf). */
export function lastMeasuredMonday(asOf: string, windowDays: number): string {
  const last = toDay(asOf) - windowDays;
  // 1970-01-01 was a Thursday: day 4 is the first Monday.
  const monday = last - ((((last - 4) % 7) + 7) % 7);
  return toIso(monday + 6 <= last ? monday : monday - 7);
}

/** A channel's weeks from its first (added or cost) to `lastMonday`, weeks without anything as zeros. */
export function fillWeeks(own: readonly RoiWeek[], lastMonday: string): RoiWeek[] {
  if (own.length === 0) return [];
  const byWeek = new Map(own.map((w) => [w.week, w]));
  const first = Math.min(...own.map((w) => toDay(w.week)));
  const out: RoiWeek[] = [];
  for (let d = first; d <= toDay(lastMonday); d += 7) {
    const week = toIso(d);
    out.push(byWeek.get(week) ?? { week, cost: null, added: 0, joined: 0, buyers: 0, orders: 0, repeatBuyers: 0, gmv: 0 });
  }
  return out;
}

/** A channel's figures from its measured weeks (pure). */
export function channelOf(channel: string, weeks: RoiWeek[], n: number): RoiChannel {
  const last = weeks.slice(-n);
  const totals = totalsOf(last);
  const rates = ratesOf(totals);
  const withCost = last.filter((w) => w.cost !== null).length;
  const weeklyCost = totals.cost === null || withCost === 0 ? null : totals.cost / last.length;
  const bt = backtest(weeks, n);
  const row = { channel, weeks, ...totals, rates, weeklyCost, backtest: bt.rows, mape: bt.mape, zeroWeeks: bt.zeroWeeks };
  return { ...row, reading: roiText.channelReading(row, n) };
}

/** The measured rates per channel over the last `weeks` measured weeks, with the back-test. */
export async function roiMeasured(
  sql: Sql,
  req: { groups?: string[]; dimension: RoiDimension; weeks: number; windowDays: number },
  timeZone: string,
): Promise<RoiResult> {
  const asOf = await resolveAsOf(sql, timeZone);
  const lastMonday = lastMeasuredMonday(asOf, req.windowDays);
  const last = toIso(toDay(lastMonday) + 6);
  const { from: _from, to: _to, ...scoped } = scopeParams({ groups: req.groups }, timeZone);
  const params = { ...scoped, last, window: req.windowDays, unknown: unknownChannel() };
  const counts = await sql.all<Omit<RoiWeek, 'cost'> & { channel: string }>(roiWeeksSql(req.dimension, req.groups), params);
  const costs = await sql.all<{ channel: string; week: string; cost: number }>(roiCostsSql, { last });
  const costOf = new Map(costs.map((c) => [`${c.channel}\u0000${c.week}`, c.cost]));

  const byChannel = new Map<string, RoiWeek[]>();
  for (const { channel, ...w } of counts) {
    const list = byChannel.get(channel) ?? [];
    list.push({ ...w, cost: costOf.get(`${channel}\u0000${w.week}`) ?? null });
    byChannel.set(channel, list);
  }
  // Weeks with a cost and nobody added are weeks of the channel too (money spent for nobody).
  for (const c of costs) {
    const list = byChannel.get(c.channel);
    if (list && !list.some((w) => w.week === c.week)) list.push({ week: c.week, cost: c.cost, added: 0, joined: 0, buyers: 0, orders: 0, repeatBuyers: 0, gmv: 0 });
  }
  const unknown = unknownChannel();
  const channels = [...byChannel]
    .map(([channel, own]) => channelOf(channel, fillWeeks(own, lastMonday), req.weeks))
    .sort((a, b) => Number(a.channel === unknown) - Number(b.channel === unknown) || b.added - a.added || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  const hasWeeks = channels.some((c) => c.weeks.length > 0);
  const from = hasWeeks ? toIso(toDay(lastMonday) - 7 * (req.weeks - 1)) : null;
  const result = { dimension: req.dimension, asOf, weeks: req.weeks, windowDays: req.windowDays, from, to: hasWeeks ? last : null, channels };
  return { ...result, reading: roiText.reading(result) };
}
