/**
 * VVIP (issue 5): the people whose features match the user's rules — purchasing power, social
 * influence or activity (a member who never buys but keeps the group lively can still be one) —
 * and their share of GMV. Rules are criteria rows (analysis/base/criteria.ts: AND binds
 * tighter than OR, an empty feature never matches) over the feature table of the scope.
 */
import { VVIP_LIST_LIMIT, type Criterion, type FeatureRow, type VvipResult } from '../../contract';
import { criteriaSql } from '../base/criteria';
import type { FeaturesTable } from '../features/featuresCache';
import type { Sql } from '../../db/projectDb';

/**
 * The type the GMVs are summed in: exact, so the sum does not depend on the order the rows come in
 * (a DOUBLE sum's last digits do, and the feature table, computed again after a change of the data
 * is undone, need not hold its rows in the same order). Six decimals keep every cent of a person's
 * GMV (itself a DOUBLE sum of amounts in cents) and drop only its float noise.
 */
const EXACT_MONEY = 'DECIMAL(38, 6)';

/**
 * The counts and the first {@link VVIP_LIST_LIMIT} VVIPs by GMV (then messages, then id):
 * total_people = everyone in the feature table (the scope's people), gmv = the VVIPs' GMV,
 * gmv_share = gmv / total_gmv in percent, empty when the total is 0.
 */
export async function queryVvip(sql: Sql, table: FeaturesTable, rules: Criterion[]): Promise<VvipResult> {
  const condition = criteriaSql(rules);
  const totals = await sql.one<{ count: number; total_people: number; gmv: number; total_gmv: number }>(
    `SELECT CAST(count(*) FILTER (WHERE ${condition}) AS INTEGER) AS count,
            CAST(count(*) AS INTEGER) AS total_people,
            CAST(coalesce(sum(CAST(gmv AS ${EXACT_MONEY})) FILTER (WHERE ${condition}), 0) AS DOUBLE) AS gmv,
            CAST(coalesce(sum(CAST(gmv AS ${EXACT_MONEY})), 0) AS DOUBLE) AS total_gmv
     FROM ${table.relation}`,
  );
  const people = await vvipPeople(sql, table, rules, VVIP_LIST_LIMIT);
  const { count = 0, total_people = 0, gmv = 0, total_gmv = 0 } = totals ?? {};
  return { people, count, total_people, gmv, total_gmv, gmv_share: total_gmv === 0 ? null : (gmv * 100) / total_gmv, asOf: table.asOf };
}

/** The VVIPs by GMV, highest first (all of them when `limit` is absent). */
export function vvipPeople(sql: Sql, table: FeaturesTable, rules: Criterion[], limit?: number): Promise<FeatureRow[]> {
  return sql.all<FeatureRow>(
    `SELECT * FROM ${table.relation} WHERE ${criteriaSql(rules)}
     ORDER BY gmv DESC, messages DESC, pid${limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`,
  );
}
