import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';
import { closeProject, insertMessages, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { csvLines } from '../support/csvText';
import { runCliIn } from '../support/cliInProcess';


/**
 * 一群: m1 (3 messages there), m2 (none there); 二群: m2 (1 message there), m3 (none).
 * Active rate by group: 一群 1/2, 二群 1/2 → difference 0. Fisher (expected cells 1 < 5): margins 2, 2, 2 of 4;
 * P(0) = 1/6, P(1) = 4/6, P(2) = 1/6, all no more probable than the observed 4/6 → p = 1.
 * No buyers at all: the community effect compares nobody.
 */
let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, [
    { group: '一群', id: 'm1', join: '2026-05-01 10:00:00+08' },
    { group: '一群', id: 'm2', join: '2026-05-01 10:00:00+08' },
    { group: '二群', id: 'm2', join: '2026-05-02 10:00:00+08' },
    { group: '二群', id: 'm3', join: '2026-05-02 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'm1', group: '一群', at: '2026-05-03 09:00:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-03 09:01:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-03 09:02:00+08' },
    { id: 'm2', group: '二群', at: '2026-05-03 10:00:00+08' },
  ]);
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's. */
function qunxi(...argv: string[]) {
  return runCliIn(t.dir, ...argv);
}

describe('abtest command', () => {
  it('prints one JSON row: both arms, the difference, the test and the verdict', async () => {
    const r = await qunxi('abtest', '--project', file, '--a', 'group:一群', '--b', 'group:二群', '--metric', 'active');
    expect(r.code).toBe(0);
    const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(row).toMatchObject({ metric: 'active', arm_a: '群“一群”', n_a: 2, successes_a: 1, value_a: 50, arm_b: '群“二群”', n_b: 2, successes_b: 1, value_b: 50, difference: 0, test: 'fisher', required_per_arm: null, verdict: 'not_significant' });
    expect(row!.p).toBeCloseTo(1, 12);
    expect(r.stderr).toContain('差异不显著');
  });

  it('rejects a malformed arm or metric with the usage', () => {
    expect(() => parseCliArgs(['abtest', '--project', 'P', '--a', 'group', '--b', 'group:B', '--metric', 'active'])).toThrow(/--a 应为/);
    expect(() => parseCliArgs(['abtest', '--project', 'P', '--a', 'group:A', '--b', 'group:B', '--metric', 'ltv'])).toThrow(/--metric/);
    expect(parseCliArgs(['abtest', '--project', 'P', '--a', 'week:2026-04-27', '--b', 'period:2026-05-01..2026-05-31', '--metric', 'gmv'])).toMatchObject({ command: 'analysis', name: 'abtest' });
  });
});

describe('community-effect command', () => {
  it('prints the four figures, empty without buyers', async () => {
    const r = await qunxi('community-effect', '--project', file, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(csvLines(r.stdout)[0]).toBe('metric,members,non_members,difference,difference_low,difference_high,p,people');
    expect(r.stdout).toContain('repurchase_rate,,,,,,,0/0');
    expect(r.stderr).toContain('社群成员买家 0 人');
  });
});
