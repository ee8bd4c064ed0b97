import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilson } from '../../../src-main/analysis/stats/wilson';
import { runCliIn } from '../../support/cliInProcess';
import { csvLines } from '../../support/csvText';
import { writeDefinition } from '../../../src-main/db/definitionsStore';
import { buildFunnelFixture, fullPath } from './funnelFixture';
import { closeProject, tempProject, type TempProject } from '../../support/projectFixture';

let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  await buildFunnelFixture(t.project);
  await t.project.db.use((sql) =>
    writeDefinition(sql, 'path', {
      stages: [fullPath.stages[0]!, ...fullPath.stages.filter((s) => ['add', 'join', 'pay', 'again'].includes(s.id))],
    }),
  );
  file = t.project.path;
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** Runs the CLI in-process with every app folder inside the temp folder. */
/** The command line in-process, its folders under the test's temp folder. */
const qunxi = (...argv: string[]) => runCliIn(t.dir, ...argv);

const week = ['--from', '2024-03-04', '--to', '2024-03-10'];

describe('funnel command', () => {
  it('prints one JSON row per stage of the period funnel, rates in percent, empty ones null', async () => {
    const r = await qunxi('funnel', '--project', file, ...week);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    // 广告曝光 3500 → 添加 8 → 入群 5 → 首次付费 1 → 复购 1 (see funnelFixture.ts)
    expect(rows.map((x) => [x.stage_index, x.stage_id, x.stage_name, x.source, x.count, x.drop_off, x.is_biggest_drop])).toEqual([
      [0, 'ad', '广告曝光', 'ad_impressions', 3500, null, false],
      [1, 'add', '添加客服微信', 'person_added', 8, 3492, true],
      [2, 'join', '入群', 'person_joined', 5, 3, false],
      [3, 'pay', '首次付费', 'person_first_paid', 1, 4, false],
      [4, 'again', '复购', 'person_repurchase', 1, 0, false],
    ]);
    expect(Object.keys(rows[0]!)).toEqual([
      'stage_index', 'stage_id', 'stage_name', 'source', 'count', 'step_rate', 'step_low', 'step_high',
      'overall_rate', 'overall_low', 'overall_high', 'drop_off', 'is_biggest_drop', 'ttc_median_days', 'ttc_p25_days', 'ttc_p75_days',
    ]);
    expect(rows[0]).toMatchObject({ step_rate: null, step_low: null, step_high: null, overall_rate: 100, ttc_median_days: null });
    expect(rows[2]).toMatchObject({ step_rate: 62.5, step_low: wilson(5, 8).low, step_high: wilson(5, 8).high });
    expect(r.stderr).toContain('2024-03-04 至 2024-03-10');
  });

  it('prints the cohort with times to convert, and one block per value when broken down, as CSV', async () => {
    const cohort = await qunxi('funnel', '--project', file, '--mode', 'cohort', ...week);
    expect(cohort.code, cohort.stderr).toBe(0);
    const rows = JSON.parse(cohort.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => x.count)).toEqual([8, 4, 2, 1]);
    expect(rows[1]!.ttc_median_days).toBeCloseTo(0.75, 12); // (7200 s + 122400 s) / 2
    expect(cohort.stderr).toContain('跳过 1 个按天汇总的阶段（广告曝光）');

    const csv = await qunxi('funnel', '--project', file, '--mode', 'cohort', '--window', '1', '--breakdown', 'channel', '--format', 'csv', ...week);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csvLines(csv.stdout);
    expect(lines[0]).toBe(`breakdown,stage_index,stage_id,stage_name,source,count,step_rate,step_low,step_high,overall_rate,overall_low,overall_high,drop_off,is_biggest_drop,ttc_median_days,ttc_p25_days,ttc_p75_days`);
    // Within one day: 扫码 u1 u2 u4 u8 u9 → joined u1 (2 h), u2 (1 s); nobody pays within 24 h
    const counts = lines.slice(1).map((l) => l.split(',')).map((c) => [c[0], c[5]]);
    expect(counts).toEqual([
      ['扫码', '5'], ['扫码', '2'], ['扫码', '0'], ['扫码', '0'],
      ['海报', '2'], ['海报', '0'], ['海报', '0'], ['海报', '0'],
      ['公众号', '1'], ['公众号', '0'], ['公众号', '0'], ['公众号', '0'],
    ]);
  });

  it('limits to the groups given', async () => {
    const r = await qunxi('funnel', '--project', file, '--group', 'B', ...week);
    expect(r.code, r.stderr).toBe(0);
    // B: added u1 u3 u8 u9; joined u3 u12 u1
    expect((JSON.parse(r.stdout) as { count: number }[]).map((x) => x.count)).toEqual([3500, 4, 3, 1, 1]);
  });

  it('refuses bad options with exit status 2 and a one-line reason', async () => {
    const cases: [string[], RegExp][] = [
      [['--mode', 'weekly'], /--mode 只能是 period \| cohort/],
      [['--mode', 'cohort', '--window', '0'], /--window/],
      [['--mode', 'cohort', '--window', '400'], /--window/],
      [['--mode', 'cohort', '--breakdown', 'city'], /--breakdown/],
      [['--breakdown', 'tag'], /只适用于 --mode cohort/],
      [['--period', 'week'], /不接受 --period/],
    ];
    for (const [extra, reason] of cases) {
      const r = await qunxi('funnel', '--project', file, ...extra);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(reason);
    }
  });
});
