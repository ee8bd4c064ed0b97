/**
 * The A/B comparison (DESIGN §4 Decision support): two arms of people compared on a rate or a mean
 * per person, read from the customer-360 feature table (features/featuresCache.ts), so every figure
 * means what it means in 客户360:
 *
 * - arms: a group (the feature table of that group alone: who had joined it), a staff member, a
 *   channel or a tag of the customer list (tags split on , ， ; ； 、 and spaces), a join week (first
 *   join into the scope in that Monday–Sunday week), or a period `from`–`to` (before / after a change):
 *   the members of the scope at the end of `to`, with the figures of the period only (the feature
 *   table at `to` minus the one at the day before `from`).
 * - rates: conversion (a paid, not fully refunded order: purchases > 0), active (a group message),
 *   a key behaviour (one occurrence), week-N retention (among who first joined at least N weeks before
 *   the as-of day, still in the scope N weeks after: tenure_days ≥ 7N; not for periods).
 * - means per person: GMV, messages.
 *
 * Rates: Newcombe's interval of the difference, the two-proportion z-test, or Fisher's exact test
 * when an expected cell of the 2×2 table is below 5. Means: Welch. 显著 when p < 0.05; 样本不足 when not
 * significant and an arm is smaller than the people per arm needed to detect the observed difference
 * with 80% power (the test could not be expected to see it), or an arm is empty; else 不显著.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { AbArm, AbArmResult, AbtestResult, ParsedReq } from '../../contract';
import { AppError } from '../../contract/appError';
import type { Sql } from '../../db/projectDb';
import { abMetricLabels, abtestText } from '../../locale/decision';
import { featuresTable, type FeaturesTable } from '../features/featuresCache';
import { fisherExact, newcombeDifference, sampleSizeTwoProportions, smallestExpectedCell, twoProportionZTest } from '../stats/twoProportions';
import { meanInterval, sampleSizeTwoMeans, welch, type Summary } from '../stats/welch';
import { wilson } from '../stats/wilson';

type AbtestReq = ParsedReq<'decision:abtest'>;

/** One arm's counts as the database answers them. */
interface ArmCounts {
  n: number;
  k: number;
  mean: number | null;
  sd: number | null;
}

/** The local day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The feature column a metric reads, checked against the table (a key behaviour must be enabled). */
function metricColumn(req: AbtestReq, table: FeaturesTable): string {
  switch (req.metric) {
    case 'conversion':
      return 'purchases';
    case 'active':
    case 'messages':
      return 'messages';
    case 'gmv':
      return 'gmv';
    case 'retention':
      return 'tenure_days';
    case 'behaviour': {
      const column = table.behaviours.find((b) => b.id === req.behaviourId)?.column;
      if (!column) throw new AppError('DEFINITION_INVALID', abtestText.noBehaviour(req.behaviourId ?? ''));
      return `"${column}"`;
    }
  }
}

/**
 * The counts of one arm: n people, k with the outcome (rates), and the mean and sample standard
 * deviation of the value (means). Pure: the statement and its parameters.
 */
export function armCountsSql(
  req: AbtestReq,
  arm: AbArm,
  relations: { end: string; start?: string },
  column: string,
  asOf: string,
  timeZone: string,
): { sql: string; params: Record<string, DuckDBValue> } {
  const params: Record<string, DuckDBValue> = {};
  const isPeriod = arm.kind === 'period';
  const value = isPeriod ? `(f.${column} - coalesce(s.${column}, 0))` : `f.${column}`;
  const conditions: string[] = [];
  let from = `${relations.end} f`;
  if (isPeriod) {
    from += ` LEFT JOIN ${relations.start!} s ON s.pid = f.pid`;
    conditions.push('f.is_member');
  }
  const weeks = req.weeks ?? 4;
  const needsFirstJoin = arm.kind === 'joinWeek' || req.metric === 'retention';
  if (needsFirstJoin) {
    const scope = req.groups?.length && arm.kind !== 'group' ? ' AND list_contains($groups, group_name)' : arm.kind === 'group' ? ' AND group_name = $value' : '';
    if (req.groups?.length && arm.kind !== 'group') params.groups = listValue(req.groups);
    from += ` JOIN (SELECT member_id AS pid, min(CAST(timezone($tz, join_time) AS DATE)) AS d FROM memberships WHERE join_time IS NOT NULL${scope} GROUP BY 1) j ON j.pid = f.pid`;
  }
  switch (arm.kind) {
    case 'staff':
    case 'channel':
      conditions.push(`f.${arm.kind} = $value`);
      params.value = arm.value!;
      break;
    case 'tag':
      // eslint-disable-next-line no-restricted-syntax -- the tag separators Chinese exports write (full-width commas, 、): data vocabulary
      conditions.push(`list_contains(regexp_split_to_array(f.tags, '[,，;；、\\s]+'), $value)`);
      params.value = arm.value!;
      break;
    case 'joinWeek':
      conditions.push(`j.d BETWEEN CAST($from AS DATE) AND CAST($from AS DATE) + 6`);
      params.from = arm.from!;
      break;
    case 'group':
      // The arm's feature table is that group's: everyone in it is in the arm.
      if (needsFirstJoin) params.value = arm.value!;
      break;
    case 'period':
      break;
  }
  let success = `${value} > 0`;
  if (req.metric === 'retention') {
    conditions.push(`j.d <= CAST($asOf AS DATE) - ${7 * weeks}`);
    params.asOf = asOf;
    success = `coalesce(f.tenure_days, 0) >= ${7 * weeks}`;
  }
  if (needsFirstJoin) params.tz = timeZone;
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    sql: `SELECT CAST(count(*) AS INTEGER) AS n,
       CAST(count(*) FILTER (WHERE ${success}) AS INTEGER) AS k,
       CAST(avg(${value}) AS DOUBLE) AS mean,
       CAST(stddev_samp(${value}) AS DOUBLE) AS sd
FROM ${from} ${where}`,
    params,
  };
}

/** Runs one arm: its feature table(s), then its counts. */
async function armCounts(sql: Sql, req: AbtestReq, arm: AbArm, timeZone: string): Promise<{ counts: ArmCounts; asOf: string }> {
  const groups = arm.kind === 'group' ? [arm.value!] : req.groups;
  const end = await featuresTable(sql, { groups, timeZone, asOf: arm.kind === 'period' ? arm.to : undefined });
  const start = arm.kind === 'period' ? await featuresTable(sql, { groups, timeZone, asOf: dayBefore(arm.from!) }) : undefined;
  const column = metricColumn(req, end);
  const q = armCountsSql(req, arm, { end: end.relation, start: start?.relation }, column, end.asOf, timeZone);
  const row = await sql.one<ArmCounts>(q.sql, q.params);
  return { counts: row ?? { n: 0, k: 0, mean: null, sd: null }, asOf: end.asOf };
}

/** Whether a metric is a rate (the others are means per person). */
const isRate = (metric: AbtestReq['metric']): boolean => metric !== 'gmv' && metric !== 'messages';

/** The comparison of two arms' counts: pure, so the statistics can be checked without a database. */
export function compareArms(req: AbtestReq, a: ArmCounts, b: ArmCounts, asOf: string): AbtestResult {
  const labelA = abtestText.armLabel(req.a);
  const labelB = abtestText.armLabel(req.b);
  let result: Omit<AbtestResult, 'verdict' | 'reading'>;
  if (isRate(req.metric)) {
    const armOf = (label: string, c: ArmCounts): AbArmResult => {
      const w = wilson(c.k, c.n);
      return { label, n: c.n, successes: c.k, value: w.rate, low: w.low, high: w.high };
    };
    const d = newcombeDifference(a.k, a.n, b.k, b.n);
    const expected = smallestExpectedCell(a.k, a.n, b.k, b.n);
    const isFisher = expected !== null && expected < 5;
    const test = a.n > 0 && b.n > 0 ? (isFisher ? fisherExact(a.k, a.n - a.k, b.k, b.n - b.k) : twoProportionZTest(a.k, a.n, b.k, b.n)) : null;
    const required = a.n > 0 && b.n > 0 ? sampleSizeTwoProportions(a.k / a.n, b.k / b.n) : null;
    result = {
      metric: req.metric,
      kind: 'rate',
      asOf,
      a: armOf(labelA, a),
      b: armOf(labelB, b),
      difference: d.difference === null ? null : d.difference * 100,
      low: d.low === null ? null : d.low * 100,
      high: d.high === null ? null : d.high * 100,
      test: test ? (isFisher ? 'fisher' : 'z') : null,
      statistic: test?.statistic ?? null,
      p: test?.p ?? null,
      requiredPerArm: required === null ? null : Math.ceil(required),
    };
  } else {
    const summary = (c: ArmCounts): Summary => ({ n: c.n, mean: c.n > 0 ? c.mean : null, sd: c.n > 1 ? c.sd : null });
    const armOf = (label: string, c: ArmCounts): AbArmResult => ({ label, n: c.n, successes: null, value: summary(c).mean, ...meanInterval(summary(c)) });
    const sa = summary(a);
    const sb = summary(b);
    const w = welch(sa, sb);
    const required = w.difference !== null && sa.sd !== null && sb.sd !== null ? sampleSizeTwoMeans(w.difference, sa.sd, sb.sd) : null;
    result = {
      metric: req.metric,
      kind: 'mean',
      asOf,
      a: armOf(labelA, a),
      b: armOf(labelB, b),
      difference: w.difference,
      low: w.low,
      high: w.high,
      test: w.t === null ? null : 'welch',
      statistic: w.t,
      p: w.p,
      requiredPerArm: required === null ? null : Math.ceil(required),
    };
  }
  const isSignificant = result.p !== null && result.p < 0.05;
  const isSmall = a.n === 0 || b.n === 0 || (result.requiredPerArm !== null && Math.min(a.n, b.n) < result.requiredPerArm);
  const verdict: AbtestResult['verdict'] = isSignificant ? 'significant' : isSmall || result.p === null ? 'insufficient' : 'not_significant';
  const full = { ...result, verdict, reading: '' };
  const metricLabel = req.metric === 'retention' ? abMetricLabels.retention.replace('N', String(req.weeks ?? 4)) : abMetricLabels[req.metric];
  return { ...full, reading: abtestText.reading(full, metricLabel) };
}

/** The A/B comparison of the open project. */
export async function runAbtest(sql: Sql, req: AbtestReq, timeZone: string): Promise<AbtestResult> {
  if (req.metric === 'retention' && (req.a.kind === 'period' || req.b.kind === 'period')) {
    throw new AppError('INVALID_REQUEST', abtestText.noRetentionForPeriods);
  }
  const a = await armCounts(sql, req, req.a, timeZone);
  const b = await armCounts(sql, req, req.b, timeZone);
  return compareArms(req, a.counts, b.counts, a.asOf);
}
