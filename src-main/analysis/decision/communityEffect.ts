/**
 * The community effect (DESIGN §4 Decision support): does joining the community go with buying more?
 *
 * Buyers are every buyer of a paid, not fully refunded order: the person identity ties the order to,
 * else the buyer's full phone number (DESIGN §3: buyers known only from orders count here by phone;
 * a masked or missing phone ties to nobody and is left out). A buyer is a community member when the
 * person ever joined a group of the scope (before or after buying); the others never joined.
 *
 * - repurchase_rate: buyers whose second order was paid at most 90 local days after their first
 *   (day difference ≤ 90), in percent; Newcombe's interval of the difference, z or Fisher's p.
 * - aov: the mean over buyers of each buyer's GMV / orders (a buyer is the unit, so Welch's test
 *   holds: orders of one buyer are not independent).
 * - orders_per_buyer: the mean number of orders per buyer; Welch.
 * - before / after: members whose first join into the scope lies at least 90 days after the first
 *   paid order of the project and 90 days before its last data (a join, leave, message or order), so
 *   both windows are observed; their paid orders per 30 days in the 90 days before the first join
 *   (count / 3) and in the 90 days from it; the paired t interval of after − before.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { CommunityEffectResult, EffectRow } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { communityText } from '../../locale/decision';
import { DERIVED_DB, identityCtes } from '../base/identity';
import { localDaySql, plusDaysSql } from '../base/localTime';
import { factsTzCte, factsZoneCte } from '../base/memberFacts';
import { fisherExact, newcombeDifference, smallestExpectedCell, twoProportionZTest } from '../stats/twoProportions';
import { oneSampleT, welch, type Summary } from '../stats/welch';

/** Per side (members, non-members): buyers, repurchasers, and the mean and sd of AOV and orders per buyer. */
interface SideRow {
  is_member: boolean;
  buyers: number;
  repurchasers: number;
  aov_mean: number | null;
  aov_sd: number | null;
  orders_mean: number | null;
  orders_sd: number | null;
}

/** Both parts of the one statement: a side's row (part 'side') or a pair of order counts' (part 'pair'), the other part's columns NULL. */
interface EffectPartRow extends Nullable<SideRow>, Nullable<PairRow> {
  part: 'side' | 'pair';
}
type Nullable<T> = { [K in keyof T]: T[K] | null };
const isSide = (r: EffectPartRow): r is EffectPartRow & SideRow => r.part === 'side';
const isPair = (r: EffectPartRow): r is EffectPartRow & PairRow => r.part === 'pair';

/** How many eligible members placed `before` orders in the 90 days before their first join and `after` in the 90 days from it. */
interface PairRow {
  before: number;
  after: number;
  members: number;
}

/**
 * The statement of the community effect (pure): rows of {@link EffectPartRow}, per side, and before /
 * after joining (counts of members per pair of order counts). One statement, so that the buyers and the
 * members' first joins, which both parts read, are computed once (at 1,000,000 people each part spent
 * about half its time on them).
 */
export function communityEffectSql(hasScope: boolean): string {
  const inScope = hasScope ? 'list_contains($groups, group_name)' : 'TRUE';
  const D = DERIVED_DB;
  // The local day of payment by arithmetic on the zone's fixed offset (memberFacts.ts facts_zone),
  // and whole days added to instants by arithmetic (localTime.ts plusDaysSql): at a million rows
  // the time-zone library's conversions and calendar were most of both statements.
  const base = `WITH ${identityCtes()},${factsTzCte},${factsZoneCte},
buys AS MATERIALIZED (
  SELECT coalesce(m.pid, 'tel:' || regexp_replace(o.buyer_phone, '[^0-9]', '', 'g')) AS buyer, m.pid, o.paid_at,
         CAST(coalesce(o.paid_amount, 0) - coalesce(o.refunded_amount, 0) AS DOUBLE) AS net,
         ${localDaySql('o.paid_at', 'z')} AS d
  FROM orders o JOIN id_matched m ON m.kind = 'orders' AND m.rid = o.rowid, facts_zone z
  WHERE o.paid_at IS NOT NULL AND coalesce(o.refunded_amount, 0) < coalesce(o.paid_amount, 0)
    AND (m.pid IS NOT NULL OR (NOT coalesce(o.is_phone_masked, false) AND length(regexp_replace(coalesce(o.buyer_phone, ''), '[^0-9]', '', 'g')) >= 7))
),
-- Members of the scope whose every join lacks a time (memberFacts.ts keeps only timed joins).
timeless AS (SELECT DISTINCT member_id AS pid FROM memberships WHERE ${inScope} AND join_time IS NULL),
-- Every member of the scope with their first join (NULL when none of their joins has a time),
-- grouped by person number over the kept joins instead of by id text over the member export.
joined AS MATERIALIZED (
  SELECT pno, any_value(pid) AS pid, min(t) AS first_join FROM ${D}.joins WHERE ${inScope} GROUP BY pno
  UNION ALL
  SELECT NULL, t.pid, NULL FROM timeless t
  WHERE t.pid NOT IN (SELECT pid FROM ${D}.joins WHERE ${inScope} AND pid IN (SELECT pid FROM timeless))
)`;
  return `${base},
ranked AS (SELECT buyer, pid, net, d, row_number() OVER (PARTITION BY buyer ORDER BY paid_at, d) AS k FROM buys),
per_buyer AS (
  SELECT r.buyer, bool_or(j.pid IS NOT NULL) AS is_member, count(*) AS orders, sum(r.net) / count(*) AS aov,
         coalesce(max(r.d) FILTER (WHERE r.k = 2) - max(r.d) FILTER (WHERE r.k = 1) <= 90, false) AS repurchased
  FROM ranked r LEFT JOIN joined j ON j.pid = r.pid
  GROUP BY r.buyer
),
sides AS (
  SELECT is_member, CAST(count(*) AS INTEGER) AS buyers, CAST(count(*) FILTER (WHERE repurchased) AS INTEGER) AS repurchasers,
         avg(aov) AS aov_mean, stddev_samp(aov) AS aov_sd, avg(orders) AS orders_mean, stddev_samp(orders) AS orders_sd
  FROM per_buyer GROUP BY is_member
),
bounds AS (
  SELECT (SELECT min(paid_at) FROM buys) AS first_t,
         (SELECT max(t) FROM (SELECT max(join_time) AS t FROM memberships UNION ALL SELECT max(leave_time) FROM memberships
                              UNION ALL SELECT max(sent_at) FROM messages UNION ALL SELECT max(paid_at) FROM orders)) AS last_t
),
eligible AS (
  SELECT pno, pid, first_join, lo, hi FROM (
    SELECT j.pno, j.pid, j.first_join, ${plusDaysSql('j.first_join', -90)} AS lo, ${plusDaysSql('j.first_join', 90)} AS hi FROM joined j WHERE j.first_join IS NOT NULL
  ), bounds b
  WHERE lo >= b.first_t AND hi <= b.last_t
),
per_member AS (
  SELECT e.pno,
         count(u.paid_at) FILTER (WHERE u.paid_at >= e.lo AND u.paid_at < e.first_join) AS before,
         count(u.paid_at) FILTER (WHERE u.paid_at >= e.first_join AND u.paid_at < e.hi) AS after
  FROM eligible e LEFT JOIN buys u ON u.pid = e.pid
  GROUP BY e.pno
),
pairs AS (
  SELECT CAST(before AS INTEGER) AS before, CAST(after AS INTEGER) AS after, CAST(count(*) AS INTEGER) AS members
  FROM per_member GROUP BY ALL
)
SELECT 'side' AS part, is_member, buyers, repurchasers, aov_mean, aov_sd, orders_mean, orders_sd,
       CAST(NULL AS INTEGER) AS before, CAST(NULL AS INTEGER) AS after, CAST(NULL AS INTEGER) AS members
FROM sides
UNION ALL
SELECT 'pair', NULL, NULL, NULL, NULL, NULL, NULL, NULL, before, after, members FROM pairs
ORDER BY part, before, after`;
}

const summaryOf = (n: number, mean: number | null, sd: number | null): Summary => ({ n, mean: n > 0 ? mean : null, sd: n > 1 ? sd : null });

/** The community effect of the open project. */
export async function communityEffect(sql: Sql, groups: string[] | undefined, timeZone: string): Promise<CommunityEffectResult> {
  const hasScope = !!groups?.length;
  const params: Record<string, DuckDBValue> = { tz: timeZone };
  if (hasScope) params.groups = listValue(groups!);
  const parts = await sql.all<EffectPartRow>(communityEffectSql(hasScope), params);
  const sides = parts.filter(isSide);
  const empty: SideRow = { is_member: false, buyers: 0, repurchasers: 0, aov_mean: null, aov_sd: null, orders_mean: null, orders_sd: null };
  const m = sides.find((s) => s.is_member) ?? { ...empty, is_member: true };
  const o = sides.find((s) => !s.is_member) ?? empty;

  const d = newcombeDifference(m.repurchasers, m.buyers, o.repurchasers, o.buyers);
  const expected = smallestExpectedCell(m.repurchasers, m.buyers, o.repurchasers, o.buyers);
  const test =
    m.buyers > 0 && o.buyers > 0
      ? expected !== null && expected < 5
        ? fisherExact(m.repurchasers, m.buyers - m.repurchasers, o.repurchasers, o.buyers - o.repurchasers)
        : twoProportionZTest(m.repurchasers, m.buyers, o.repurchasers, o.buyers)
      : null;
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const rate = (k: number, n: number) => (n > 0 ? (k * 100) / n : null);
  const meanRow = (metric: EffectRow['metric'], a: Summary, b: Summary): EffectRow => {
    const w = welch(a, b);
    return { metric, members: a.mean, nonMembers: b.mean, difference: w.difference, low: w.low, high: w.high, p: w.p };
  };
  const rows: EffectRow[] = [
    {
      metric: 'repurchase_rate',
      members: rate(m.repurchasers, m.buyers),
      nonMembers: rate(o.repurchasers, o.buyers),
      difference: pct(d.difference),
      low: pct(d.low),
      high: pct(d.high),
      p: test?.p ?? null,
    },
    meanRow('aov', summaryOf(m.buyers, m.aov_mean, m.aov_sd), summaryOf(o.buyers, o.aov_mean, o.aov_sd)),
    meanRow('orders_per_buyer', summaryOf(m.buyers, m.orders_mean, m.orders_sd), summaryOf(o.buyers, o.orders_mean, o.orders_sd)),
  ];

  // Per pair of order counts, how many members: one row per member to JavaScript was 0.5M rows at
  // L, and so was an array of a value per member made from the pairs (a quarter of the answer's
  // time there). The sums of order counts are integers, exact; each pair weighs its members.
  const pairs = parts.filter(isPair);
  const n = pairs.reduce((s, r) => s + r.members, 0);
  const weightedSum = (of: (r: PairRow) => number) => pairs.reduce((s, r) => s + r.members * of(r), 0);
  const perMonth = (total: number) => (n > 0 ? total / 3 / n : null);
  const dMean = perMonth(weightedSum((r) => r.after - r.before));
  const dSd = n > 1 ? Math.sqrt(weightedSum((r) => ((r.after - r.before) / 3 - dMean!) ** 2) / (n - 1)) : null;
  const paired = oneSampleT({ n, mean: dMean, sd: dSd });
  const beforeAfter = {
    members: n,
    before: perMonth(weightedSum((r) => r.before)),
    after: perMonth(weightedSum((r) => r.after)),
    difference: dMean,
    low: paired.low,
    high: paired.high,
    p: paired.p,
  };
  const result = { memberBuyers: m.buyers, nonMemberBuyers: o.buyers, rows, beforeAfter, reading: '' };
  return { ...result, reading: communityText.reading(result) };
}
