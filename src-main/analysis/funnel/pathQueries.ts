/**
 * The customer path (DESIGN §2 step 1): the saved one, or a default made of the stages the
 * project has data for; what the project holds for each source a stage can bind; and the SQL
 * of each source's events, which the funnel (funnelQueries.ts) counts and follows.
 *
 * Who a "person" is: the identity pid (analysis/base/identity.ts), contacts who never joined a
 * group included (DESIGN §3), so 添加客服微信 counts them and the drop from there to 入群 shows. A
 * customer-list row with neither external_userid nor unionid that matches nobody (only a name or
 * a phone) is no person; it is keyed by the row, and still counts as added.
 *
 * Scope (the selected groups): joins, messages and invitations count only in the scope's groups.
 * Customers and orders carry no group: with a scope they count for the people who were ever
 * members of a group of the scope (at any time, not only in the period); without a scope,
 * every customer row and every order tied to a person counts. Aggregate tables (ad costs,
 * 公众号, 联系客户统计) have no groups and are the same whatever the scope.
 */
import type { CustomerPath, CustomerPathInfo, PathStage, StageSource, StageSourceInfo } from '../../contract';
import { AppError } from '../../contract/appError';
import { membershipCtes, personCtes, scopeCondition } from '../base/analysisBase';
import { gnoInScope } from '../base/memberFacts';
import { readSavedDefinition } from '../../db/definitionsStore';
import { DERIVED_DB, identityCtes } from '../base/identity';
import { INVITATIONS_TABLE } from '../base/invitations';
import type { Sql } from '../../db/projectDb';
import { DEFAULT_TIME_ZONE, readMeta } from '../../db/schema';
import { KEPT_SCHEMA_PREFIX } from '../../db/projectIntegrity';
import { DERIVED_FORMAT, dataFingerprint } from '../base/derivedTables';
import { keptStatements } from '../base/keptTables';
import { defaultStageNames, funnelMessages, stageSourceText } from '../../locale/funnel';

/** Kind of each stage source: a daily figure of an imported table, or events of people (labels: locale/funnel.ts). */
const stageSourceKind: Record<StageSource, 'aggregate' | 'person'> = {
  ad_impressions: 'aggregate',
  ad_clicks: 'aggregate',
  oa_new_follows: 'aggregate',
  contact_new: 'aggregate',
  person_added: 'person',
  person_joined: 'person',
  person_active: 'person',
  person_first_paid: 'person',
  person_repurchase: 'person',
  person_referral: 'person',
};

/** Sources that are a daily figure of an imported table (period-count mode only). */
export type AggregateSource = 'ad_impressions' | 'ad_clicks' | 'oa_new_follows' | 'contact_new';
/** Sources that are events of people (the cohort mode can follow them). */
export type PersonSource = Exclude<StageSource, AggregateSource>;

/** Whether a source is a daily aggregate figure. */
export function isAggregateSource(source: StageSource): source is AggregateSource {
  return stageSourceKind[source] === 'aggregate';
}

/**
 * A row that is a day's total rather than one staff member's or channel's share: no staff /
 * channel, or one of the words exports put on their total rows.
 */
// eslint-disable-next-line no-restricted-syntax -- recognition vocabulary of Chinese exports (total-row words), not UI text
const isTotalRow = (col: string) => `coalesce(trim(${col}), '') IN ('', '合计', '总计', '汇总', '全部')`;

/**
 * A daily figure `(d, v)` from rows split by a dimension (staff, channel): a day that has a total
 * row counts that row (it already includes every split row of the day, and possibly staff or
 * channels the export did not list); a day without one counts the sum of its split rows.
 * The natural keys (date, staff) and (date, channel) make at most one row per split per day.
 */
const dailyFigure = (table: string, value: string, split: string | null) => `
  SELECT stat_date AS d,
         ${split ? `CASE WHEN bool_or(is_total) THEN sum(v) FILTER (WHERE is_total) ELSE sum(v) END` : 'sum(v)'} AS v
  FROM (SELECT stat_date, CAST(${value} AS DOUBLE) AS v${split ? `, ${isTotalRow(split)} AS is_total` : ''}
        FROM ${table} WHERE ${value} IS NOT NULL)
  GROUP BY stat_date`;

/** SQL of each aggregate source's daily figure `(d DATE, v DOUBLE)`. */
const aggregateSql: Record<AggregateSource, string> = {
  ad_impressions: dailyFigure('ad_costs', 'impressions', 'channel'),
  ad_clicks: dailyFigure('ad_costs', 'clicks', 'channel'),
  oa_new_follows: dailyFigure('official_account_daily', 'new_follows', null),
  contact_new: dailyFigure('contact_stats', 'new_customers', 'staff'),
};

/** Limits a query keyed by person number to the people ever in the scope (only when a scope is given). */
const inScopePeople = (isScoped: boolean, col: string) => (isScoped ? `AND ${col} IN (SELECT pno FROM scope_people)` : '');

/**
 * SQL of each per-person source's events `(pkey, t)`, pkey the person's number (memberFacts.ts
 * `pno`; a customer row tied to nobody: a negative number, see {@link sourceCtes}). A person may
 * have several events of a source (every add, join, message, invitation); 首次付费 and 复购 are
 * one event each: the person's first and second paid order that was not fully refunded.
 */
function personEventSql(source: PersonSource, groups: string[] | undefined): string {
  const isScoped = !!groups && groups.length > 0;
  switch (source) {
    case 'person_added':
      return `SELECT pkey, t FROM fn_customers WHERE t IS NOT NULL`;
    case 'person_joined':
      return `SELECT pno AS pkey, t FROM joins`;
    case 'person_active':
      // Every group message with its sender's number (memberFacts.ts `msgs`: every sender is a person).
      return `SELECT pno AS pkey, t FROM ${DERIVED_DB}.msgs WHERE ${gnoInScope(isScoped)}`;
    case 'person_first_paid':
      return `SELECT pno AS pkey, paid_at AS t FROM fn_paid WHERE n = 1 ${inScopePeople(isScoped, 'pno')}`;
    case 'person_repurchase':
      return `SELECT pno AS pkey, paid_at AS t FROM fn_paid WHERE n = 2 ${inScopePeople(isScoped, 'pno')}`;
    case 'person_referral':
      // The inviter as analysis/base/invitations.ts ties it: by member id (a person), or the member of that group holding the nickname at the join.
      return `
  SELECT p.pno AS pkey, v.t FROM ${DERIVED_DB}.${INVITATIONS_TABLE} v JOIN id_people p ON p.pid = v.referrer
  WHERE ${scopeCondition(groups, 'v.group_name')} AND v.t IS NOT NULL`;
  }
}

/** Name of the CTE holding a source's events (`pkey, t`) or daily figure (`d, v`). */
export const sourceCte = (source: StageSource): string => `src_${source}`;

/**
 * Each key's earliest event of a per-person source, `(pkey, t0)` (needs the source's CTE, and
 * `fn_customers` and `person_customer` for person_added). A person's earliest add is person_customer's `added_at`, the
 * min over the rows fn_customers gives that person (analysisBase.ts personFactsSql), so only the
 * rows tied to nobody are grouped here: grouping every customer row (a million at L) was most of a
 * cohort's cost when the path starts with 添加.
 */
export function firstEventsSql(source: StageSource, groups: string[] | undefined): string {
  if (source !== 'person_added') return `SELECT pkey, min(t) AS t0 FROM ${sourceCte(source)} GROUP BY pkey`;
  return `SELECT pno AS pkey, added_at AS t0 FROM person_customer WHERE added_at IS NOT NULL ${inScopePeople(!!groups && groups.length > 0, 'pno')}
  UNION ALL
  SELECT pkey, min(t) FROM fn_customers WHERE NOT is_person AND t IS NOT NULL GROUP BY pkey`;
}

/** The columns fn_customers gives of customer rows `c`, after the key and `is_person`. */
const customerColumns = (c: string) => `${c}.added_at AS t, nullif(trim(${c}.customer_name), '') AS customer_name,
         nullif(trim(${c}.staff), '') AS staff, nullif(trim(${c}.add_way), '') AS add_way, nullif(trim(${c}.channel), '') AS channel,
         nullif(trim(${c}.channel_code), '') AS channel_code, nullif(trim(${c}.tags), '') AS tags, ${c}.rowid AS rid`;

/**
 * The CTEs every funnel query puts after `identityCtes()`, `membershipCtes(inScope)` and
 * `personCtes()`; every `pkey` is an integer (joins and groupings of about a million keys at L
 * hash integers instead of id texts):
 * - `scope_people(pno)` people ever in a group of the scope (only with a scope);
 * - `fn_customers(pkey, pkey_text, is_person, t, customer_name, staff, add_way, channel, channel_code, tags, rid)`
 *   every customer row with its person key: the person's number, or for a row tied to nobody a
 *   negative number, one per text key (its external_userid, else its unionid, else the row itself:
 *   see the file comment) in `pkey_text` (NULL for a person: id_people has the id); limited to the
 *   scope's people with a scope;
 * - `fn_paid(pno, paid_at, n)` the instants of each person's first (n = 1) and second (n = 2) paid order;
 * - `src_<source>` for each source given: events `(pkey, t)` or a daily figure `(d, v)`.
 */
export function sourceCtes(sources: readonly StageSource[], groups: string[] | undefined): string {
  const isScoped = !!groups && groups.length > 0;
  // A row tied to nobody never has a person's id as its key (identity.ts: such an external_userid or
  // unionid would have tied it), so person numbers and these keys never name one party twice.
  const ownKey = `coalesce(nullif(trim(c.external_userid), ''), nullif(trim(c.unionid), ''), 'row:' || c.import_id || ':' || coalesce(c.source_row, c.rowid))`;
  const parts = [
    ...(isScoped ? [`scope_people AS (SELECT pno FROM id_people WHERE pid IN (SELECT pid FROM scoped))`] : []),
    `fn_customers AS (
  SELECT m.pno AS pkey, NULL::VARCHAR AS pkey_text, TRUE AS is_person, ${customerColumns('c')}
  FROM customers c JOIN id_matched m ON m.kind = 'customers' AND m.rid = c.rowid
  WHERE m.pid IS NOT NULL ${isScoped ? 'AND m.pno IN (SELECT pno FROM scope_people)' : ''}
  ${
    // Rows tied to nobody are never a scope's people.
    isScoped
      ? ''
      : `UNION ALL
  SELECT -CAST(dense_rank() OVER (ORDER BY pkey_text) AS INTEGER), * FROM (
    SELECT ${ownKey} AS pkey_text, FALSE AS is_person, ${customerColumns('c')}
    FROM customers c JOIN id_matched m ON m.kind = 'customers' AND m.rid = c.rowid
    WHERE m.pid IS NULL
  )`
  }
)`,
    // Only the first two are read, and only their instants: each person's two earliest payment
    // instants (min(x, 2), ascending; two orders of one instant give it twice), a grouping on the
    // person number instead of a window sorting every order.
    `fn_paid AS (
  SELECT pno, unnest(firsts) AS paid_at, unnest(range(1, len(firsts) + 1)) AS n
  FROM (SELECT pno, min(paid_at, 2) AS firsts FROM paid_orders GROUP BY pno)
)`,
  ];
  for (const source of new Set(sources)) {
    const body = isAggregateSource(source) ? aggregateSql[source] : personEventSql(source, groups);
    parts.push(`${sourceCte(source)} AS (${body}\n)`);
  }
  return parts.join(',\n');
}

/** Every CTE a funnel query needs, identity first (without the leading WITH). */
export function funnelBaseCtes(sources: readonly StageSource[], groups: string[] | undefined): string {
  return [identityCtes(), membershipCtes(scopeCondition(groups)), personCtes(), sourceCtes(sources, groups)].join(',\n');
}

const allSources = Object.keys(stageSourceKind) as StageSource[];

/**
 * Schema of the project file keeping what each source holds, in a table named after the state of
 * the data it was counted from (the next session of the same data reads it; the first count of a
 * session drops the tables of other states).
 */
export const KEPT_SOURCES_SCHEMA = `${KEPT_SCHEMA_PREFIX}_path`;

/** Prefix of the kept tables of what each source holds. */
const SOURCES_PREFIX = 'stage_sources_';

/** The version of what such a table holds, part of its key: raise it with every change of {@link stageSourceCountsSql}. */
const SOURCES_FORMAT = 1;

/**
 * SQL of how much data the project holds per source, over every group, one row `(source,
 * available)` per source: days with a figure for an aggregate source, people with at least one
 * event for a per-person source. Takes `$tz` (no figure depends on local days; the shared CTEs
 * read the derived tables, which are the project zone's).
 */
function stageSourceCountsSql(): string {
  const counts = allSources
    .map((s) => `(SELECT count(${isAggregateSource(s) ? '*' : 'DISTINCT pkey'}) FROM ${sourceCte(s)})::INTEGER AS ${s}`)
    .join(',\n  ');
  const names = allSources.map((s) => `'${s}'`).join(', ');
  return `WITH ${funnelBaseCtes(allSources, undefined)},\ncounts AS (SELECT ${counts})\nSELECT unnest([${names}]) AS source, unnest([${allSources.join(', ')}]) AS available FROM counts`;
}

/**
 * What the counts of what each source holds depend on, as text: the state of the data, counted over
 * derived tables of the current format (a new format may tie rows to people otherwise).
 */
async function sourcesKey(sql: Sql): Promise<string> {
  return JSON.stringify([await dataFingerprint(sql), DERIVED_FORMAT, SOURCES_FORMAT]);
}

/** The counts of the current state of the data only: a new state's count pushes the older one out. */
const keptCounts = keptStatements(KEPT_SOURCES_SCHEMA, SOURCES_PREFIX, 1, sourcesKey);

/**
 * How much data the project holds per source (see {@link stageSourceCountsSql}), in the contract's
 * order. The counts read every message and customer row (a tenth of a second at 100,000 people,
 * beside the funnel's own query on the funnel's first visit), so they are made once per state of
 * the data: kept in the project file ({@link KEPT_SOURCES_SCHEMA}), made by an import's last step or
 * else by the first path editor to open; a project open read-only keeps them in memory.
 */
export async function stageSourceInfo(sql: Sql): Promise<StageSourceInfo[]> {
  const tz = (await readMeta(sql, 'time_zone')) ?? DEFAULT_TIME_ZONE;
  const rows = await keptCounts<{ source: StageSource; available: number }>(sql, {
    key: await sourcesKey(sql),
    isDefault: true,
    statement: stageSourceCountsSql(),
    params: { tz },
    orderBy: 'source',
  });
  const held = new Map(rows.map((r) => [r.source, Number(r.available)]));
  return allSources.map((source) => ({
    source,
    label: stageSourceText[source],
    kind: stageSourceKind[source],
    available: held.get(source) ?? 0,
  }));
}

/** The default stages, in path order (DESIGN §2: 广告曝光 → 公众号关注 → 添加客服微信 → 入群 → 付费下单); names in locale/funnel.ts. */
const defaultStages: { id: keyof typeof defaultStageNames; source: StageSource; always: boolean }[] = [
  { id: 'ad', source: 'ad_impressions', always: false },
  { id: 'follow', source: 'oa_new_follows', always: false },
  { id: 'add', source: 'person_added', always: false },
  { id: 'join', source: 'person_joined', always: true },
  { id: 'pay', source: 'person_first_paid', always: true },
];

/** The default path over what the project holds: stages without data are left out, 入群 and 付费下单 always stay. */
export function defaultPath(sources: Pick<StageSourceInfo, 'source' | 'available'>[]): CustomerPath {
  const has = new Map(sources.map((s) => [s.source, s.available > 0]));
  return { stages: defaultStages.filter((s) => s.always || has.get(s.source)).map(({ id, source }) => ({ id, name: defaultStageNames[id], source })) };
}

/** Whether the project holds data for the optional default stages (cheap: EXISTS probes only). */
async function defaultPathFromData(sql: Sql): Promise<CustomerPath> {
  const row = await sql.one<Record<'ad_impressions' | 'oa_new_follows' | 'person_added', boolean>>(`
    SELECT EXISTS (SELECT 1 FROM ad_costs WHERE impressions IS NOT NULL) AS ad_impressions,
           EXISTS (SELECT 1 FROM official_account_daily WHERE new_follows IS NOT NULL) AS oa_new_follows,
           EXISTS (SELECT 1 FROM customers WHERE added_at IS NOT NULL) AS person_added`);
  const flags = (['ad_impressions', 'oa_new_follows', 'person_added'] as const).map((source) => ({ source, available: row?.[source] ? 1 : 0 }));
  return defaultPath(flags);
}

/** The saved path, or the default when none is saved (without counting the sources: for the analyses). */
export async function loadPath(sql: Sql): Promise<CustomerPath> {
  return (await readSavedDefinition(sql, 'path')) ?? defaultPathFromData(sql);
}

/** The saved path, or the default when none is saved, with what the project holds per source (for the editor). */
export async function readPath(sql: Sql): Promise<CustomerPathInfo> {
  const sources = await stageSourceInfo(sql);
  const saved = await readSavedDefinition(sql, 'path');
  const fallback = defaultPath(sources);
  return { path: saved ?? fallback, sources, isSaved: saved !== null, defaultPath: fallback };
}

/** Most stages a path may have (the contract's limit). */
export const MAX_STAGES = 30;

/**
 * Why a path cannot be saved, in Chinese, or null when it can: at least two stages, every name
 * non-empty and unique, ids unique. (A source bound twice is allowed; the editor warns.)
 */
export function pathProblem(path: CustomerPath): string | null {
  if (path.stages.length < 2) return funnelMessages.tooFewStages;
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const [i, s] of path.stages.entries()) {
    const name = s.name.trim();
    if (!name) return funnelMessages.stageUnnamed(i + 1);
    if (names.has(name)) return funnelMessages.stageNameTwice(name);
    if (ids.has(s.id)) return funnelMessages.stageIdTwice(s.id);
    names.add(name);
    ids.add(s.id);
  }
  return null;
}

/** The path with names trimmed, or a DEFINITION_INVALID error naming the problem. */
export function checkedPath(path: CustomerPath): CustomerPath {
  const problem = pathProblem(path);
  if (problem) throw new AppError('DEFINITION_INVALID', problem, { key: 'path' });
  return { stages: path.stages.map((s): PathStage => ({ id: s.id, name: s.name.trim(), source: s.source })) };
}
