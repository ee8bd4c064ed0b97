/**
 * 贡献度 (DESIGN §4 Decision support): per staff member or group owner, figures from the customer-360
 * feature table (features/featuresQueries.ts), so each means what it means there and in A/B 对比:
 *
 * - a staff member's people: the people of the scope's feature table whose customer-list staff
 *   (员工, features' `staff`) is them — the people A/B 对比's staff arm holds. People without a staff
 *   member are scored for nobody.
 * - a group owner's people: the feature table of the owner's groups (客户群列表 群主) within the scope
 *   — what A/B 对比's group arm computes for one group. Owners without a group in the scope are left out.
 *
 * Over those people, at the feature table's day:
 * - new_members: people who had joined a group of the scope (features' tenure_days is set).
 * - active_rate: people with a group message / people, % (A/B 对比's 活跃率: messages > 0).
 * - churn_rate: of those who had joined, those no longer members (not is_member), % — reversed in
 *   the score; empty for a unit none of whose people joined.
 * - key_behaviour_rate: people with an enabled key behaviour (key_behaviours > 0) / people, %.
 * - conversion_rate: people with a paid, not fully refunded order (purchases > 0) / people, %
 *   (A/B 对比's 转化率).
 * - gmv: Σ the people's GMV (paid − refunded), ¥.
 */
import { listValue } from '@duckdb/node-api';
import type { ContributionDefinition, ContributionResult, ContributionUnit } from '../../contract';
import type { Sql } from '../../db/projectDb';
import { contributionText } from '../../locale/contribution';
import { featuresTable } from '../features/featuresCache';
import { scoreUnits, type UnitFigures } from './contributionScore';

/** Per unit counts as the database answers them. */
interface UnitCounts {
  unit: string;
  people: number;
  joined: number;
  active: number;
  churned: number;
  behaving: number;
  converted: number;
  gmv: number | null;
}

/**
 * The counts of a feature table's people (pure): grouped by staff member, or one row for all of them
 * (`unit` bound as `$unit`) when the table is one owner's.
 */
export function unitCountsSql(relation: string, by: ContributionUnit): string {
  const unit = by === 'staff' ? 'staff' : 'CAST($unit AS VARCHAR)';
  return `SELECT ${unit} AS unit,
       CAST(count(*) AS INTEGER) AS people,
       CAST(count(*) FILTER (WHERE tenure_days IS NOT NULL) AS INTEGER) AS joined,
       CAST(count(*) FILTER (WHERE messages > 0) AS INTEGER) AS active,
       CAST(count(*) FILTER (WHERE tenure_days IS NOT NULL AND NOT is_member) AS INTEGER) AS churned,
       CAST(count(*) FILTER (WHERE key_behaviours > 0) AS INTEGER) AS behaving,
       CAST(count(*) FILTER (WHERE purchases > 0) AS INTEGER) AS converted,
       CAST(coalesce(sum(gmv), 0) AS DOUBLE) AS gmv
FROM ${relation}
${by === 'staff' ? `WHERE staff IS NOT NULL AND trim(staff) <> ''\nGROUP BY staff` : ''}`;
}

/** The owners of the scope's groups, each with their groups (pure: statement of {@link ownersOf}). */
export function ownersSql(hasScope: boolean): string {
  return `SELECT trim(owner) AS owner, list(DISTINCT group_name ORDER BY group_name) AS groups
FROM customer_groups
WHERE owner IS NOT NULL AND trim(owner) <> '' AND group_name IS NOT NULL${hasScope ? ' AND list_contains($groups, group_name)' : ''}
GROUP BY trim(owner)
ORDER BY owner`;
}

async function ownersOf(sql: Sql, groups: string[] | undefined): Promise<{ owner: string; groups: string[] }[]> {
  const hasScope = !!groups?.length;
  return sql.all<{ owner: string; groups: string[] }>(ownersSql(hasScope), hasScope ? { groups: listValue(groups!) } : {});
}

const rate = (k: number, n: number): number | null => (n > 0 ? (k * 100) / n : null);

/** A unit's metric figures from its counts. */
export function figuresOf(c: UnitCounts): UnitFigures {
  return {
    unit: c.unit,
    people: c.people,
    values: {
      new_members: c.joined,
      active_rate: rate(c.active, c.people),
      churn_rate: rate(c.churned, c.joined),
      key_behaviour_rate: rate(c.behaving, c.people),
      conversion_rate: rate(c.converted, c.people),
      gmv: c.gmv ?? 0,
    },
  };
}

/** The contribution scores of the open project's staff members or group owners. */
export async function contribution(
  sql: Sql,
  req: { groups?: string[]; by: ContributionUnit; definition: ContributionDefinition },
  timeZone: string,
): Promise<ContributionResult> {
  let counts: UnitCounts[] = [];
  let asOf: string;
  if (req.by === 'staff') {
    const table = await featuresTable(sql, { groups: req.groups, timeZone });
    counts = await sql.all<UnitCounts>(unitCountsSql(table.relation, 'staff'));
    asOf = table.asOf;
  } else {
    const owners = await ownersOf(sql, req.groups);
    // The as-of day is the project's last day with data whatever the scope (featuresQueries resolveAsOf).
    asOf = (await featuresTable(sql, { groups: req.groups, timeZone })).asOf;
    for (const o of owners) {
      const table = await featuresTable(sql, { groups: o.groups, timeZone });
      const row = await sql.one<UnitCounts>(unitCountsSql(table.relation, 'owner'), { unit: o.owner });
      if (row) counts.push(row);
    }
  }
  const scored = scoreUnits(counts.map(figuresOf), req.definition);
  const rows = scored.map((s) => ({ ...s, reading: contributionText.rowReading(s, scored.length) }));
  const metrics = req.definition.metrics.filter((m) => m.enabled).map((m) => m.metric);
  return { by: req.by, asOf, metrics, rows, reading: contributionText.reading(req.by, rows, req.definition.bands) };
}
