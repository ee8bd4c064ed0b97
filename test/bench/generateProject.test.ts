import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { generateProject, projectFileName, QUICK_SIZES, FULL_SIZES, type ProjectSizes } from '../../bench/generateProject';
import { closeProjectFile, openProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { queryMetrics } from '../../src-main/analysis/metrics/metricsQueries';
import { tempDir } from '../support/tempDirs';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

const tiny: ProjectSizes = { people: 400, messages: 4000, orders: 300, groups: 20 };

let tmp: ReturnType<typeof tempDir>;
let project: OpenProject;
const one = async <T>(sql: string) => (await project.db.all<T>(sql))[0]!;

beforeAll(async () => {
  tmp = tempDir('qunxi-bench-');
  await generateProject(path.join(tmp.dir, 'a.qunxi'), tiny);
  project = await openProjectFile(path.join(tmp.dir, 'a.qunxi'), withDerivedTables);
}, 60_000);
afterAll(async () => {
  if (project) await closeProjectFile(project);
  tmp?.cleanup();
});

describe('the analyses bench project generator', () => {
  it('states the sizes of the issue, and a tenth of them for --quick', () => {
    expect(FULL_SIZES).toEqual({ people: 100_000, messages: 2_000_000, orders: 50_000, groups: 20 });
    expect(QUICK_SIZES).toEqual({ people: 10_000, messages: 200_000, orders: 5_000, groups: 20 });
    expect(projectFileName(FULL_SIZES)).not.toBe(projectFileName(QUICK_SIZES));
  });

  it('writes exactly the people, messages and orders asked for, over the groups asked for', async () => {
    const counts = await one<Record<string, number>>(`
      SELECT (SELECT count(DISTINCT member_id) FROM memberships)::INTEGER AS people,
             (SELECT count(*) FROM messages)::INTEGER AS messages,
             (SELECT count(*) FROM orders)::INTEGER AS orders,
             (SELECT count(DISTINCT group_name) FROM memberships)::INTEGER AS groups`);
    expect(counts).toEqual({ people: tiny.people, messages: tiny.messages, orders: tiny.orders, groups: tiny.groups });
  });

  it('has leaves, re-joins into the same group and people in two groups, within one year', async () => {
    const spells = await one<Record<string, number | string>>(`
      SELECT (SELECT count(*) FROM memberships WHERE leave_time IS NOT NULL)::INTEGER AS leaves,
             (SELECT count(*) FROM (SELECT member_id, group_name FROM memberships GROUP BY ALL HAVING count(*) > 1))::INTEGER AS rejoined,
             (SELECT count(*) FROM (SELECT member_id FROM memberships GROUP BY ALL HAVING count(DISTINCT group_name) > 1))::INTEGER AS two_groups,
             (SELECT count(*) FROM memberships WHERE leave_time < join_time)::INTEGER AS backwards,
             (SELECT date_diff('day', min(join_time), max(coalesce(leave_time, join_time))) FROM memberships)::INTEGER AS span_days`);
    // 30% leave, 40% of them re-join; 30% join a second group (a little less near the year's end)
    expect(spells.leaves).toBeGreaterThan(tiny.people * 0.2);
    expect(spells.rejoined).toBeGreaterThan(tiny.people * 0.05);
    expect(spells.two_groups).toBeGreaterThan(tiny.people * 0.15);
    expect(spells.backwards).toBe(0);
    expect(spells.span_days).toBeGreaterThan(300);
    expect(spells.span_days).toBeLessThanOrEqual(366);
  });

  it('gives most people a customer row with add way, channel and staff, and ties most paid orders to members', async () => {
    const c = await one<Record<string, number>>(`
      SELECT (SELECT count(DISTINCT external_userid) FROM customers WHERE external_userid IN (SELECT member_id FROM memberships))::INTEGER AS members_added,
             (SELECT count(*) FROM customers WHERE add_way IS NULL OR channel IS NULL OR staff IS NULL)::INTEGER AS incomplete,
             (SELECT count(*) FROM churn_events)::INTEGER AS churn,
             (SELECT count(*) FROM ad_costs)::INTEGER AS ad_days,
             (SELECT count(*) FROM survey_responses)::INTEGER AS survey,
             (SELECT count(*) FROM official_account_daily)::INTEGER AS oa_days`);
    expect(c.members_added).toBeGreaterThan(tiny.people * 0.8);
    expect(c.incomplete).toBe(0);
    expect(c.churn).toBeGreaterThan(0);
    expect(c.ad_days).toBe(365 * 6);
    expect(c.oa_days).toBe(365);
    expect(c.survey).toBeGreaterThan(0);
    // Conversions exist in the weekly metrics: orders reach members by phone through the customer list.
    const weeks = await project.db.use((sql) => queryMetrics(sql, { period: 'week', timeZone: project.timeZone }));
    const converted = weeks.reduce((n, w) => n + w.converted_members, 0);
    expect(converted).toBeGreaterThan(tiny.orders * 0.3);
    expect(weeks.length).toBeGreaterThanOrEqual(52);
  });

  it('writes the same data on every run', async () => {
    const other = path.join(tmp.dir, 'b.qunxi');
    await generateProject(other, tiny);
    const digest = `SELECT (SELECT sum(hash(member_id, group_name, join_time, leave_time)) FROM memberships)::VARCHAR AS m,
                           (SELECT sum(hash(sender_id, group_name, sent_at, content)) FROM messages)::VARCHAR AS msg,
                           (SELECT sum(hash(order_no, paid_at, paid_amount, refunded_amount, buyer_phone)) FROM orders)::VARCHAR AS o`;
    const b = await openProjectFile(other, withDerivedTables);
    try {
      expect((await b.db.all(digest))[0]).toEqual((await project.db.all(digest))[0]);
    } finally {
      await closeProjectFile(b);
    }
  }, 60_000);
});
