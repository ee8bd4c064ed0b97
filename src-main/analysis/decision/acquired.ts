/**
 * The people a channel acquired, as ROI预测 and LTV / CAC count them: the same people 渠道分析 counts as
 * 添加 (channels/channelQueries.ts), so a cost per person acquired here is 渠道's 获客成本.
 *
 * A person's channel is the dimension's column of their earliest-added customer row (`person_customer`);
 * a customer row tied to nobody (no external_userid nor unionid matching a person) is still someone
 * acquired, keyed by its own ids, else the row. A blank value is 渠道's unknown channel.
 */
import type { RoiDimension } from '../../contract';
import { earliestChannelFieldsSql, ownRowKeySql, personChannelSql } from '../base/analysisBase';

/**
 * The value of each dimension over a relation `r` with the columns add_way, channel_code and channel
 * (trimmed, blank as NULL): 添加方式 and 渠道活码 as imported, `source` the person's channel (the one
 * definition of analysis/base, DESIGN §4 "A person's channel"). A closed map, never user text.
 */
const dimensionValue: Record<RoiDimension, (r: string) => string> = {
  source: personChannelSql,
  channel_code: (r) => `${r}.channel_code`,
  add_way: (r) => `${r}.add_way`,
};

/**
 * `acquired(pkey, pid, pno, added_at, channel)`: every person (pno their number, memberFacts.ts) or
 * unattached customer row (pid and pno NULL) with their first add time (NULL when the list has
 * none) and channel (`$unknown` when none). Needs `identityCtes()` and `personCtes()` before it.
 */
export function acquiredCtes(dimension: RoiDimension): string {
  const value = dimensionValue[dimension];
  return `
acquired_rows AS (
  SELECT c.rowid AS rid, coalesce(${ownRowKeySql('c')}, 'row:' || c.rowid) AS pkey
  FROM customers c JOIN id_matched m ON m.kind = 'customers' AND m.rid = c.rowid
  WHERE m.pid IS NULL
),
-- Rows tied to nobody: per key, each column's value of its earliest-added row that has one (as person_customer).
unattached AS (
  SELECT k.pkey, min(c.added_at) AS added_at,
         ${earliestChannelFieldsSql('c')}
  FROM acquired_rows k JOIN customers c ON c.rowid = k.rid
  GROUP BY k.pkey
),
acquired AS (
  SELECT pc.pid AS pkey, pc.pid, pc.pno, pc.added_at, coalesce(${value('pc')}, $unknown) AS channel FROM person_customer pc
  UNION ALL
  SELECT u.pkey, NULL, NULL, u.added_at, coalesce(${value('u')}, $unknown) FROM unattached u
)`;
}

/** The local day of a TIMESTAMPTZ column in `$tz`. */
export const localDate = (col: string): string => `CAST(timezone($tz, ${col}) AS DATE)`;
