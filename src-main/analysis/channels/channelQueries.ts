/**
 * Channel analysis (DESIGN §4 Channel): per acquisition channel, the people added through it and
 * what became of them, with the cost of the channel.
 *
 * Cohort attribution — the figures of a channel are about the people ADDED through it in
 * [from, to] (客户列表.添加时间, local days of the project time zone), followed to the end of the
 * data (no upper bound: what a cohort did later is what its acquisition bought):
 * - added — people whose first add falls in the range. A person's channel is the value of the
 *   earliest-added customer row that has one (`person_customer`); a contact who never joined a
 *   group is a person too (identity.ts), and a customer row tied to nobody (no external_userid nor
 *   unionid, an ambiguous unionid) is still someone added, keyed by its own ids, else the row.
 *   A blank value is the channel {@link unknownChannel}. Members with no customer row were never
 *   "added" as far as the data knows and are left out. With no range every customer counts, even
 *   one without an add time; with a range, those are left out (their add day is unknown).
 *   The customer list carries no group, so `added` is the same whatever groups are in scope.
 * - joined — of them, who were members of the scope at some instant at or after being added: a
 *   join after the add, or already in a group of the scope when added (members who add the staff
 *   are acquired into the group as well). Always ≤ added.
 * - active — who sent a message in a group of the scope while a member of it (DESIGN "active"),
 *   at or after being added. Always ≤ joined.
 * - converted — who have a paid, not fully refunded order (`paid_orders`) paid at or after being
 *   added, member or not (the channel brought the buyer). Orders reach people only through the
 *   identity rules (analysis/base/identity.ts), so a customer row tied to nobody has no orders.
 * - gmv — the sum of paid − refunded (never below 0) of those orders.
 * - churned — who, after being added, left the scope and are not members of it at the end of the
 *   data; or whose contact was lost: a 流失客户 record at or after being added (or without a
 *   time), or every customer-list row of theirs in status 已流失.
 *
 * Cost: a cost typed in the cost grid for (dimension, channel) wins and is taken as the cost of
 * the period analysed; else the imported 渠道投放 花费 of the rows whose 渠道 equals the value,
 * summed over [from, to]; null when neither. Channels with a typed cost but nobody added still get
 * a row (money spent for nobody is worth seeing); imported costs only attach to values that have
 * people, since 渠道投放 names need not be values of the dimension shown.
 */
import type { AdCostRow, AnalysisScope, ChannelCost, ChannelRow } from '../../contract';
import { AppError } from '../../contract/appError';
import { channelMessages } from '../../locale/analysis';
import { contactLostSql, earliestChannelFieldsSql, membershipCtes, ownRowKeySql, personChannelSql, personCtes, scopeCondition, scopeParams } from '../base/analysisBase';
import { DERIVED_FORMAT } from '../base/derivedTables';
import { identityCtes } from '../base/identity';
import { keptStatements, scopeKey } from '../base/keptTables';
import { lastMemberMsgCte, memberSpanCte } from '../base/memberFacts';
import type { Sql } from '../../db/projectDb';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';
import { DEFAULT_TIME_ZONE, readMeta } from '../../db/schema';

/** Which column of a channel the analysis groups by. */
export type ChannelDimension = ChannelRow['dimension'];

/** The value of people whose customer row has no value in the dimension. */

/** The channel of customers without a value, in the current language. */
export const unknownChannel = (): string => channelMessages.unknownChannel;

/**
 * The value of each dimension, over a relation `r` with the columns add_way, channel_code and
 * channel: 添加方式 and 渠道活码 as imported, and `source` the person's channel (渠道, the one
 * definition of analysis/base). A closed map, never user text.
 */
const dimensionValue: Record<ChannelDimension, (r: string) => string> = {
  add_way: (r) => `${r}.add_way`,
  channel_code: (r) => `${r}.channel_code`,
  source: personChannelSql,
};

/** Local-day range condition over a TIMESTAMPTZ column; open ends when $from / $to are NULL. */
const inRange = (col: string) => `
  (CAST($from AS DATE) IS NULL OR ${col} >= timezone($tz, CAST(CAST($from AS DATE) AS TIMESTAMP)))
  AND (CAST($to AS DATE) IS NULL OR ${col} < timezone($tz, CAST(CAST($to AS DATE) + INTERVAL 1 DAY AS TIMESTAMP)))`;

/**
 * The SQL of the per-channel people and GMV (no costs); exported so tests can EXPLAIN it. Without
 * `isActiveCounted` the `active` column is left out, and with it the scan of every message (most of
 * the statement's time): for readers that need the channels' money and churn only.
 */
export function channelSql(dimension: ChannelDimension, groups: string[] | undefined, isActiveCounted = true): string {
  const value = dimensionValue[dimension];
  const inScope = scopeCondition(groups);
  return `
WITH
${identityCtes()},
${membershipCtes(inScope)},
${personCtes()},
-- The customer rows tied to nobody with their own key (their own ids, else the row); a person's
-- rows are person_customer's (its values and is_contact_lost), so the million rows of people are
-- not joined to their match here.
customer_rows AS MATERIALIZED (
  SELECT coalesce(${ownRowKeySql('c')}, 'row:' || c.rowid) AS own_key,
         c.added_at, c.add_way, c.channel_code, c.channel, c.status, c.rowid AS rid
  FROM customers c JOIN id_matched m ON m.kind = 'customers' AND m.rid = c.rowid
  WHERE m.pid IS NULL
),
-- The own keys of rows tied to nobody as negative numbers, so every key below is an integer (the
-- groupings and joins of about a million keys at L hash integers, not texts). A person's id is
-- never such a key (identity.ts would have tied the row to them).
unattached_keys AS (
  SELECT own_key, -CAST(row_number() OVER (ORDER BY own_key) AS INTEGER) AS pkey
  FROM (SELECT DISTINCT own_key FROM customer_rows)
),
customer_keys AS (
  SELECT c.*, k.pkey FROM customer_rows c JOIN unattached_keys k ON k.own_key = c.own_key
),
-- Rows tied to nobody: per key, each column's value of its earliest-added row that has one (as person_customer).
unattached AS (
  SELECT c.pkey, min(c.added_at) AS added_at,
         ${earliestChannelFieldsSql('c', 'added_at', 'rid')}
  FROM customer_keys c
  GROUP BY c.pkey
),
-- pno: the person's number (memberFacts.ts), NULL for rows tied to nobody, which can only have
-- churned (by key): whatever follows a person (membership, messages, orders) joins on the number.
added_people AS (
  SELECT pc.pno AS pkey, pc.pno, pc.added_at, ${value('pc')} AS value FROM person_customer pc
  UNION ALL
  SELECT u.pkey, NULL, u.added_at, ${value('u')} FROM unattached u
),
cohort AS (
  SELECT pkey, pno, added_at, coalesce(value, $unknown) AS channel
  FROM added_people
  WHERE (CAST($from AS DATE) IS NULL AND CAST($to AS DATE) IS NULL) OR (added_at IS NOT NULL AND ${inRange('added_at')})
),
${memberSpanCte(!!groups && groups.length > 0)},
-- In the scope after being added: an island of it that ends later (its last ends last).
joined AS (
  SELECT c.pno FROM cohort c JOIN member_span s ON s.pno = c.pno
  WHERE s.last_e IS NOT NULL AND (c.added_at IS NULL OR s.last_e > c.added_at)
),
${
  isActiveCounted
    ? `${lastMemberMsgCte(!!groups && groups.length > 0)},
-- Active since being added when the last message while a member is not before that.
active AS (
  SELECT c.pno FROM cohort c JOIN last_member_msg m ON m.pno = c.pno
  WHERE c.added_at IS NULL OR m.t >= c.added_at
),`
    : ''
}
converted AS (
  SELECT c.pno, sum(o.net) AS gmv
  FROM cohort c JOIN paid_orders o ON o.pno = c.pno
  WHERE c.added_at IS NULL OR o.paid_at >= c.added_at
  GROUP BY c.pno
),
-- A record tied to nobody reaches the customer rows of its own ids.
deletions AS (
  SELECT coalesce(m.pno, k.pkey) AS pkey, e.churned_at
  FROM churn_events e JOIN id_matched m ON m.kind = 'churn' AND m.rid = e.rowid
  LEFT JOIN unattached_keys k ON k.own_key = CASE WHEN m.pid IS NULL THEN ${ownRowKeySql('e')} END
),
lost_contacts AS (
  SELECT pno AS pkey FROM person_customer WHERE is_contact_lost
  UNION ALL
  SELECT c.pkey FROM customer_keys c GROUP BY c.pkey HAVING ${contactLostSql('c')}
),
-- Left the scope after being added and no member of it now (people, by number).
left_for_good AS (
  SELECT c.pno FROM cohort c JOIN member_span s ON s.pno = c.pno
  WHERE s.last_leave IS NOT NULL AND (c.added_at IS NULL OR s.last_leave >= c.added_at)
    AND NOT coalesce(isinf(s.last_e), false)
),
-- Contact lost (any key).
contact_lost AS (
  SELECT c.pkey FROM cohort c JOIN deletions d ON d.pkey = c.pkey
  WHERE c.added_at IS NULL OR d.churned_at IS NULL OR d.churned_at >= c.added_at
  UNION
  SELECT c.pkey FROM cohort c JOIN lost_contacts lc ON lc.pkey = c.pkey
)
SELECT c.channel,
       CAST(count(*) AS INTEGER) AS added,
       CAST(count(j.pno) AS INTEGER) AS joined,${isActiveCounted ? `
       CAST(count(a.pno) AS INTEGER) AS active,` : ''}
       CAST(count(v.pno) AS INTEGER) AS converted,
       -- Sums stay DECIMAL (exact cents) until here.
       CAST(coalesce(sum(v.gmv), 0) AS DOUBLE) AS gmv,
       CAST(count(*) FILTER (WHERE x.pno IS NOT NULL OR y.pkey IS NOT NULL) AS INTEGER) AS churned
FROM cohort c
LEFT JOIN joined j ON j.pno = c.pno${isActiveCounted ? `
LEFT JOIN active a ON a.pno = c.pno` : ''}
LEFT JOIN converted v ON v.pno = c.pno
LEFT JOIN left_for_good x ON x.pno = c.pno
LEFT JOIN contact_lost y ON y.pkey = c.pkey
GROUP BY c.channel`;
}

/** The imported 渠道投放 totals per channel over the local days [from, to] (all days when open). */
export function queryAdCosts(sql: Sql, scope: Pick<AnalysisScope, 'from' | 'to'>): Promise<AdCostRow[]> {
  return sql.all<AdCostRow>(
    `SELECT trim(channel) AS channel,
            CAST(count(DISTINCT stat_date) AS INTEGER) AS days,
            CAST(sum(impressions) AS DOUBLE) AS impressions,
            CAST(sum(clicks) AS DOUBLE) AS clicks,
            CAST(sum(cost) AS DOUBLE) AS cost
     FROM ad_costs
     WHERE nullif(trim(channel), '') IS NOT NULL
       AND (CAST($from AS DATE) IS NULL OR stat_date >= CAST($from AS DATE))
       AND (CAST($to AS DATE) IS NULL OR stat_date <= CAST($to AS DATE))
     GROUP BY 1
     ORDER BY cost DESC NULLS LAST, channel`,
    { from: scope.from ?? null, to: scope.to ?? null },
  );
}

/** A ratio, null when the denominator is 0 or either side is unknown (DESIGN §4: never 0, never infinity). */
const ratio = (num: number | null, den: number | null): number | null => (num === null || den === null || den === 0 ? null : num / den);

/** A channel row with its cost and the figures that follow from it. */
export function withCost<R extends Omit<ChannelReturnRow, 'cost' | 'cost_per_acquisition' | 'cost_per_conversion' | 'roi'>>(
  row: R,
  cost: number | null,
): R & Pick<ChannelRow, 'cost' | 'cost_per_acquisition' | 'cost_per_conversion' | 'roi'> {
  return {
    ...row,
    cost,
    cost_per_acquisition: ratio(cost, row.added),
    cost_per_conversion: ratio(cost, row.converted),
    roi: cost === null ? null : ratio((row.gmv - cost) * 100, cost),
  };
}

type PeopleRow = Pick<ChannelRow, 'channel' | 'added' | 'joined' | 'active' | 'converted' | 'gmv' | 'churned'>;

/** A channel row without its active people: what {@link queryChannelReturns} answers. */
export type ChannelReturnRow = Omit<ChannelRow, 'active'>;

/**
 * The channel rows of a dimension (see the file comment for every definition), the most added
 * first, {@link unknownChannel} last. `typedCosts` are the cost grid's rows (any dimension).
 */
export async function queryChannels(sql: Sql, scope: AnalysisScope, dimension: ChannelDimension, typedCosts: readonly ChannelCost[], timeZone: string): Promise<ChannelRow[]> {
  const rows = await channelRows(sql, scope, dimension, typedCosts, timeZone, true);
  if (!rows.every(hasActive)) throw new Error('channelSql counted active people but a row lacks them');
  return rows;
}

/** Whether a channel row carries its active people (every row does when they were counted). */
const hasActive = (row: ChannelReturnRow & { active?: number }): row is ChannelRow => row.active !== undefined;

/**
 * The same rows as {@link queryChannels} without `active`: every other figure is the same number
 * (one statement builds both), at a fraction of the time (no message is read).
 */
export function queryChannelReturns(sql: Sql, scope: AnalysisScope, dimension: ChannelDimension, typedCosts: readonly ChannelCost[], timeZone: string): Promise<ChannelReturnRow[]> {
  return channelRows(sql, scope, dimension, typedCosts, timeZone, false);
}

/**
 * Schema of the project file keeping the people rows of the whole project by person's channel (no
 * groups, no range, 来源渠道: what 渠道 opens with) between sessions, in a table named after the state
 * of the data they were counted from; the first use of a session drops the tables of other states.
 */
export const KEPT_CHANNELS_SCHEMA = `${KEPT_SCHEMA_PREFIX}_channels`;

/** Prefix of the kept people-row tables. */
const CHANNELS_PREFIX = 'channel_people_';

/** The version of what such a table holds, part of its key: raise it with every change of {@link channelSql}. */
const CHANNELS_FORMAT = 1;

/** Requests whose people rows are kept at a time: the latest ones asked for. */
const KEPT_REQUESTS = 4;

/** The request 渠道 opens with: every group, all the data, the person's channel. */
const isDefaultRequest = (scope: AnalysisScope, dimension: ChannelDimension) => !scope.groups?.length && !scope.from && !scope.to && dimension === 'source';

/** What a request's people rows depend on, as text: the state of the data, the scope, the dimension, the unknown channel's label and the formats. */
const channelsKey = (sql: Sql, scope: AnalysisScope, dimension: ChannelDimension, timeZone: string): Promise<string> =>
  scopeKey(sql, scope, timeZone, dimension, unknownChannel(), DERIVED_FORMAT, CHANNELS_FORMAT);

const keptPeople = keptStatements(KEPT_CHANNELS_SCHEMA, CHANNELS_PREFIX, KEPT_REQUESTS, async (sql) =>
  channelsKey(sql, {}, 'source', (await readMeta(sql, 'time_zone')) ?? DEFAULT_TIME_ZONE),
);

/**
 * The people rows of a request with `active` (channelSql), counted once per state of the data: they
 * read every customer row, membership, order and message (150–350 ms of 渠道's first visit at
 * 100,000 people), so they are kept for the latest KEPT_REQUESTS requests, the one 渠道 opens with in
 * the project file ({@link KEPT_CHANNELS_SCHEMA}, made by an import's last step or else by the first
 * ask; in memory when the project is open read-only), the others in memory.
 */
async function keptPeopleRows(sql: Sql, scope: AnalysisScope, dimension: ChannelDimension, timeZone: string): Promise<PeopleRow[]> {
  return keptPeople<PeopleRow>(sql, {
    key: await channelsKey(sql, scope, dimension, timeZone),
    isDefault: isDefaultRequest(scope, dimension),
    statement: channelSql(dimension, scope.groups, true),
    params: { ...scopeParams(scope, timeZone), unknown: unknownChannel() },
    orderBy: 'channel',
  });
}

/** Makes the people rows 渠道 opens with (an import's last step), when they are not kept yet. */
export async function keepDefaultChannels(sql: Sql, timeZone: string): Promise<void> {
  await keptPeopleRows(sql, {}, 'source', timeZone);
}

/**
 * The rows of both, with `active` when `isActiveCounted`. Those with `active` are kept (see
 * {@link keptPeopleRows}), and so are those without for the request 渠道 opens with, read from its
 * rows; any other request without `active` is counted each time, without reading a message.
 */
async function channelRows(
  sql: Sql,
  scope: AnalysisScope,
  dimension: ChannelDimension,
  typedCosts: readonly ChannelCost[],
  timeZone: string,
  isActiveCounted: boolean,
): Promise<(ChannelReturnRow & { active?: number })[]> {
  type Row = Omit<PeopleRow, 'active'> & Partial<Pick<PeopleRow, 'active'>>;
  const people: Row[] = isActiveCounted
    ? await keptPeopleRows(sql, scope, dimension, timeZone)
    : isDefaultRequest(scope, dimension)
      ? (await keptPeopleRows(sql, scope, dimension, timeZone)).map(({ active: _active, ...rest }) => rest)
      : await sql.all<Row>(channelSql(dimension, scope.groups, false), { ...scopeParams(scope, timeZone), unknown: unknownChannel() });
  const imported = new Map((await queryAdCosts(sql, scope)).map((r) => [r.channel, r.cost]));
  const typed = new Map(typedCosts.filter((c) => c.dimension === dimension).map((c) => [c.channel.trim(), c.cost]));

  const rows = people.map((p) => withCost({ dimension, ...p }, typed.get(p.channel) ?? imported.get(p.channel) ?? null));
  const seen = new Set(people.map((p) => p.channel));
  for (const [channel, cost] of typed) {
    if (!seen.has(channel)) rows.push(withCost({ dimension, channel, added: 0, joined: 0, ...(isActiveCounted ? { active: 0 } : {}), converted: 0, gmv: 0, churned: 0 }, cost));
  }
  return rows.sort(
    (a, b) => Number(a.channel === unknownChannel()) - Number(b.channel === unknownChannel()) || b.added - a.added || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
  );
}

/**
 * The cost grid as it will be saved: channel names trimmed; a blank name or a second row for the
 * same (dimension, channel) refuses the whole table (all or nothing), naming the row (1-based).
 */
export function checkChannelCosts(costs: readonly ChannelCost[]): ChannelCost[] {
  const seen = new Map<string, number>();
  return costs.map((c, i) => {
    const channel = c.channel.trim();
    if (!channel) throw new AppError('DEFINITION_INVALID', channelMessages.blankChannel(i + 1), { row: i + 1 });
    if (!Number.isFinite(c.cost) || c.cost < 0) throw new AppError('DEFINITION_INVALID', channelMessages.badCost(i + 1), { row: i + 1 });
    const key = `${c.dimension}\u0000${channel}`;
    const first = seen.get(key);
    if (first !== undefined) throw new AppError('DEFINITION_INVALID', channelMessages.sameChannel(i + 1, first, channel), { row: i + 1 });
    seen.set(key, i + 1);
    return { dimension: c.dimension, channel, cost: c.cost };
  });
}
