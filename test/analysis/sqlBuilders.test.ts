/**
 * Every analysis's SQL builder is pure: it takes a request's shape and returns SQL whose user values
 * are bound parameters. Here each builder's statements are PREPARED by DuckDB (parsed and bound
 * against the real schema and derived tables, never run) for every variant of its options, and a
 * hostile group name never appears in the SQL text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageSources, type PathStage } from '../../src-main/contract';
import { activitySql } from '../../src-main/analysis/activity/activityQueries';
import { DERIVED_DB, unmatchedSql } from '../../src-main/analysis/base/identity';
import { channelSql } from '../../src-main/analysis/channels/channelQueries';
import { churnEventsSql, retentionSql, survivalSql } from '../../src-main/analysis/churn/churnQueries';
import { featureRules, featuresSql } from '../../src-main/analysis/features/featuresQueries';
import { cohortSql, periodSql as funnelPeriodSql } from '../../src-main/analysis/funnel/funnelQueries';
import { isAggregateSource } from '../../src-main/analysis/funnel/pathQueries';
import { metricsSql } from '../../src-main/analysis/metrics/metricsQueries';
import { defaultBehaviours } from '../../src-main/db/definitionDefaults';
import { tempProject, type TempProject } from '../support/projectFixture';

const hostile = [`群'); DROP TABLE messages; --`, 'A"B', '$groups'];
const scopes: Array<string[] | undefined> = [undefined, hostile];
const allStages: PathStage[] = stageSources.map((source, i) => ({ id: `s${i}`, name: `阶段${i}`, source }));
const personStages = allStages.filter((s) => !isAggregateSource(s.source));

/** Every builder's statements, named, over its option space. */
function statements(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const groups of scopes) {
    const scope = groups ? 'scoped' : 'all groups';
    for (const period of ['day', 'week', 'month'] as const) {
      out.push([`metrics ${period} ${scope}`, metricsSql(period, !!groups)]);
      out.push([`metrics ${period} ${scope} membership only`, metricsSql(period, !!groups, null, true)]);
    }
    out.push([`activity ${scope}`, activitySql(groups)]);
    for (const dimension of ['add_way', 'channel_code', 'source'] as const) out.push([`channels ${dimension} ${scope}`, channelSql(dimension, groups)]);
    out.push([`churn events ${scope}`, churnEventsSql(groups)], [`churn events with instants ${scope}`, churnEventsSql(groups, true)]);
    out.push([`retention ${scope}`, retentionSql(groups)]);
    for (const by of ['none', 'channel', 'group'] as const) out.push([`survival by ${by} ${scope}`, survivalSql(groups, by)]);
    out.push([`funnel period ${scope}`, funnelPeriodSql(allStages, groups)]);
    for (const breakdown of [null, 'channel', 'staff', 'tag'] as const) out.push([`funnel cohort ${breakdown ?? 'whole'} ${scope}`, cohortSql(personStages, groups, breakdown)]);
    // The derived messages stand for the rules' hit tables (the same columns: pno, gno, t, d), made only when an analysis asks.
    const hitTables = featureRules(defaultBehaviours()).map(() => `${DERIVED_DB}.msgs`);
    out.push([`features ${scope}`, featuresSql({ hasScope: !!groups, behaviours: defaultBehaviours(), hitTables })]);
  }
  // A relation for the paged grid, not a statement: read through SELECT.
  out.push(['unmatched rows', `SELECT * FROM ${unmatchedSql()}`]);
  return out;
}

describe('the SQL builders of the analyses', () => {
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject();
  });
  afterAll(() => t.dispose());

  const cases = statements();

  it('never put a group name into the SQL text: scopes are bound as $groups', () => {
    const leaking = cases.filter(([, sql]) => hostile.slice(0, 2).some((g) => sql.includes(g)));
    expect(leaking.map(([name]) => name)).toEqual([]);
  });

  for (const [name, text] of cases) {
    it(`${name}: DuckDB prepares it against the schema without running it, the scope as $groups`, async () => {
      // use() brings the derived tables up first, as for any analysis.
      const names = await t.project.db.use(async (sql) => {
        const prepared = await sql.raw.prepare(text);
        const params = Array.from({ length: prepared.parameterCount }, (_, i) => prepared.parameterName(i + 1));
        prepared.destroySync();
        return params;
      });
      const isScoped = name.includes('scoped');
      expect(names.includes('groups'), names.join(', ')).toBe(isScoped);
    });
  }
});
