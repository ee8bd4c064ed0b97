import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../support/cliInProcess';
import { fillLiftFixture } from '../analysis/behaviours/behaviourFixture';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { csvLines } from '../support/csvText';

// The project is the hand-computed fixture of test/analysis/behaviours/behaviourFixture.ts (rules 打卡 and 无人).

let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  await fillLiftFixture(t.project);
  file = t.project.path;
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's temp folder. */
const qunxi = (...argv: string[]) => runCliIn(t.dir, ...argv);

describe('command line: behaviours', () => {
  it('prints the weekly series of every enabled behaviour as JSON', async () => {
    const r = await qunxi('behaviours', '--project', file, '--group', 'G1', '--group', 'G2', '--from', '2024-01-01', '--to', '2024-01-31');
    expect(r.code).toBe(0);
    // 打卡 in G1/G2 by week: m1 01-05, m2 01-06 | m3 01-12, m9 01-09 | – | – | m7 02-01 00:00 (the last week is whole).
    const week = (start: string, end: string, n: number) => ({ period_start: start, period_end: end, people: n, occurrences: n });
    const weeks = (id: string, name: string, counts: number[]) =>
      [
        ['2024-01-01', '2024-01-07'],
        ['2024-01-08', '2024-01-14'],
        ['2024-01-15', '2024-01-21'],
        ['2024-01-22', '2024-01-28'],
        ['2024-01-29', '2024-02-04'],
      ].map(([s, e], i) => ({ behaviour_id: id, behaviour_name: name, ...week(s!, e!, counts[i]!) }));
    expect(JSON.parse(r.stdout)).toEqual([...weeks('ck', '打卡', [2, 2, 0, 0, 1]), ...weeks('none', '无人', [0, 0, 0, 0, 0])]);
    expect(r.stderr).toContain('2 个关键行为，5 个周度区间');
  });

  it('--lift prints the conversion of doers against the others as CSV, empty rates empty', async () => {
    const r = await qunxi('behaviours', '--project', file, '--lift', '--group', 'G1', '--group', 'G2', '--from', '2024-01-01', '--to', '2024-01-31', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('behaviour_id,behaviour_name,doers,doers_converted,doers_rate,others,others_converted,others_rate,lift,lift_low,lift_high');
    const ck = lines[1]!.split(',');
    expect(ck.slice(0, 9)).toEqual(['ck', '打卡', '4', '3', '75', '4', '1', '25', '3']);
    expect(Number(ck[9])).toBeCloseTo(0.501284, 5);
    expect(Number(ck[10])).toBeCloseTo(17.953883, 5);
    expect(lines[2]).toBe('none,无人,0,0,,8,4,50,,,');
    expect(r.stderr).toContain('2 个关键行为，范围内成员 8 人');
  });

  it('--lift as JSON keeps null for an empty rate', async () => {
    const r = await qunxi('behaviours', '--project', file, '--lift', '--group', 'G1', '--group', 'G2', '--from', '2024-01-01', '--to', '2024-01-31');
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows[1]).toEqual({
      behaviour_id: 'none',
      behaviour_name: '无人',
      doers: 0,
      doers_converted: 0,
      doers_rate: null,
      others: 8,
      others_converted: 4,
      others_rate: 50,
      lift: null,
      lift_low: null,
      lift_high: null,
    });
  });

  it('refuses bad options with the usage and exit status 2', async () => {
    for (const [argv, reason] of [
      [['behaviours', '--project', file, '--period', 'year'], /--period 只能是/],
      [['behaviours', '--project', file, '--lift', '--period', 'day'], /不按 --period 分期/],
      [['behaviours', '--project', file, 'extra'], /不接受参数/],
    ] as const) {
      const r = await qunxi(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(reason);
    }
  });
});
