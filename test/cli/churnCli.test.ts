import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';
import { runCliIn } from '../support/cliInProcess';
import { fillChurnFixture } from '../analysis/churn/churnFixture';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { csvLines } from '../support/csvText';

// The project is the hand-computed fixture of test/analysis/churn/churnFixture.ts; the figures are worked out there and in churnQueries.test.ts.

let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  await fillChurnFixture(t.project);
  file = t.project.path;
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's temp folder. */
const qunxi = (...argv: string[]) => runCliIn(t.dir, ...argv);

describe('command line: churn and retention', () => {
  it('prints the weekly churn series as JSON, rates in percent unrounded, an empty rate null', async () => {
    const r = await qunxi('churn', '--project', file, '--group', 'A', '--group', 'B');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { period_start: '2024-01-01', period_end: '2024-01-07', churned: 2, members_before: 0, churn_rate: null },
      { period_start: '2024-01-08', period_end: '2024-01-14', churned: 2, members_before: 3, churn_rate: (2 * 100) / 3 },
      { period_start: '2024-01-15', period_end: '2024-01-21', churned: 0, members_before: 3, churn_rate: 0 },
      { period_start: '2024-01-22', period_end: '2024-01-28', churned: 0, members_before: 4, churn_rate: 0 },
    ]);
    expect(r.stderr).toContain('4 个周度区间，流失 4 人次');
  });

  it('prints daily rows as CSV with the columns in order', async () => {
    const r = await qunxi('churn', '--project', file, '--group', 'A', '--group', 'B', '--period', 'day', '--from', '2024-01-07', '--to', '2024-01-08', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `\uFEFF${['period_start,period_end,churned,members_before,churn_rate', '2024-01-07,2024-01-07,1,4,25', `2024-01-08,2024-01-08,2,3,${(2 * 100) / 3}`, ''].join('\r\n')}`,
    );
  });

  it('--list prints the events, a row tied to nobody with a null pid', async () => {
    const r = await qunxi('churn', '--project', file, '--list', '--from', '2024-01-06', '--to', '2024-01-07');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { pid: null, name: '陌生人', left_at: '2024-01-06T09:00:00', how: 'customer_deleted_staff', group_name: null, stage: 'added_not_joined', channel: null, tenure_days: 5 },
      { pid: 'carol', name: '小卡', left_at: '2024-01-07T23:59:59', how: 'removed', group_name: 'B', stage: 'joined_not_bought', channel: '公众号', tenure_days: 5 },
    ]);
    expect(r.stderr).toContain('2 个流失事件');
  });

  it('--survival prints the Kaplan–Meier points of each curve and the medians on stderr', async () => {
    const r = await qunxi('churn', '--project', file, '--group', 'B', '--survival', 'group', '--format', 'csv');
    expect(r.code).toBe(0);
    // B: carol 4, dave 6 (events), ivy censored at 15: the last data of the project (erin's message in A on 01-24), not
    // of B (ivy's join on 01-09), ends observation, as every group was exported until then. S 2/3, 1/3.
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('label,day,survival,at_risk,events,censored');
    expect(lines.slice(1).map((l) => l.split(','))).toEqual([
      ['B', '4', String(1 - 1 / 3), '3', '1', '0'],
      ['B', '6', String((1 - 1 / 3) * (1 - 1 / 2)), '2', '1', '0'],
      ['B', '15', String((1 - 1 / 3) * (1 - 1 / 2)), '1', '0', '1'],
    ]);
    expect(r.stderr).toContain('B 3 人，中位留存 6 天');
  });

  it('retention prints one row per cohort and week since join, null where the week is not over', async () => {
    const r = await qunxi('retention', '--project', file, '--group', 'A', '--group', 'B', '--from', '2024-01-08');
    expect(r.code).toBe(0);
    // Cohort 01-08: hank and ivy; ivy is in at the end of 01-14 and 01-21; the week to 01-28 ends after the last data (01-24).
    expect(JSON.parse(r.stdout)).toEqual([
      { cohort_week: '2024-01-08', size: 2, weeks_since_join: 0, retained_count: 1, retained_rate: 50 },
      { cohort_week: '2024-01-08', size: 2, weeks_since_join: 1, retained_count: 1, retained_rate: 50 },
      { cohort_week: '2024-01-08', size: 2, weeks_since_join: 2, retained_count: null, retained_rate: null },
    ]);
    expect(r.stderr).toContain('1 个入群周，共 2 人');
  });

  it('refuses bad options with the usage and exit status 2', async () => {
    expect(parseCliArgs(['churn', '--project', 'P', '--list', '--period', 'day'])).toMatchObject({ name: 'churn', params: { show: 'list', period: 'day' } });
    for (const [argv, reason] of [
      [['churn', '--project', 'P', '--period', 'year'], /--period 只能是/],
      [['churn', '--project', 'P', '--survival', 'staff'], /--survival 只能是/],
      [['churn', '--project', 'P', '--survival', 'none', '--list'], /只能选一个/],
      [['retention', '--project', 'P', '--period', 'week'], /不接受 --period/],
      [['retention', '--project', 'P', '--list'], /不接受 --list/],
    ] as const) {
      const r = await qunxi(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(reason);
    }
  });

  it('fails with a one-line reason on an impossible date', async () => {
    const r = await qunxi('retention', '--project', file, '--from', '2024-02-30');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/2024-02-30/);
  });
});
