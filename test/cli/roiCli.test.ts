import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';
import { writeDefinition } from '../../src-main/db/definitionsStore';
import { insertLtvFixture, insertRoiFixture, ltvTypedCosts } from '../analysis/decision/roiFixture';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { runCliIn } from '../support/cliInProcess';
import { csvLines } from '../support/csvText';

/** The hand-computed fixtures of test/analysis/decision/roiFixture.ts, one project each. */
let roiProject: TempProject;
let ltvProject: TempProject;

beforeAll(async () => {
  roiProject = await tempProject();
  await insertRoiFixture(roiProject.project);
  await closeProject(roiProject);
  ltvProject = await tempProject();
  await insertLtvFixture(ltvProject.project);
  await ltvProject.project.db.use((sql) => writeDefinition(sql, 'channelCosts', ltvTypedCosts));
  await closeProject(ltvProject);
});
afterAll(async () => {
  await roiProject?.dispose();
  await ltvProject?.dispose();
});

const roi = (...argv: string[]) => runCliIn(roiProject.dir, 'roi', '--project', path.join(roiProject.dir, 'p.qunxi'), ...argv);
const ltv = (...argv: string[]) => runCliIn(ltvProject.dir, 'ltv', '--project', path.join(ltvProject.dir, 'p.qunxi'), ...argv);

describe('roi command', () => {
  it('prints the measured rates per channel and the plan at the mean weekly cost', async () => {
    const r = await roi('--weeks', '2', '--window', '7');
    expect(r.code).toBe(0);
    const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(row).toMatchObject({ channel: '直播间', from: '2024-03-11', to: '2024-03-24', cost: 250, added: 3, joined: 3, buyers: 1, gmv: 60 });
    expect(row).toMatchObject({ join_rate: 100, aov: 60, repurchase_rate: 0, mode: 'sales', planned_cost: 125, backtest_weeks: 2, zero_weeks: 1 });
    // 125 × 0.012 = 1.5 adds, all join, a third buy, ¥60 each: GMV ¥30, ROI (30 − 125) / 125 = −76%.
    expect(row!.expected_gmv as number).toBeCloseTo(30, 9);
    expect(row!.roi as number).toBeCloseTo(-76, 9);
    expect(row!.mape as number).toBeCloseTo(50, 9);
    expect(r.stderr).toContain('2024-03-11 至 2024-03-24');
  });

  it('plans a paid community with --cost and --price', async () => {
    const r = await roi('--weeks', '2', '--window', '7', '--cost', '1000', '--price', '99');
    const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // 1000 × 0.012 = 12 adds, all join: 12 × ¥99 = ¥1188.
    expect(row).toMatchObject({ mode: 'paid', planned_cost: 1000, price: 99, expected_buyers: null });
    expect(row!.expected_gmv as number).toBeCloseTo(1188, 9);
    expect(row!.roi as number).toBeCloseTo(18.8, 9);
  });

  it('prints the back-test as CSV, a week with actual 0 with an empty error', async () => {
    const r = await roi('--weeks', '2', '--window', '7', '--table', 'backtest', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('channel,week,cost,predicted_buyers,actual_buyers,predicted_gmv,actual_gmv,error');
    expect(lines[1]).toMatch(/^直播间,2024-03-11,150,1,1,90(\.0+\d*)?,60,50(\.0+\d*)?$/);
    expect(lines[2]).toMatch(/^直播间,2024-03-18,100,0\.571428\d*,0,45\.714\d*,0,$/);
  });

  it('speaks English with --lang en and rejects bad options with exit code 2', async () => {
    const en = await roi('--weeks', '2', '--window', '7', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('Rates from the people added 2024-03-11 to 2024-03-24');
    const bad = await roi('--weeks', '0');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--weeks');
    expect(() => parseCliArgs(['roi', '--project', 'P', '--table', 'x'])).toThrow(/--table/);
    expect(() => parseCliArgs(['roi', '--project', 'P', '--dimension', 'staff'])).toThrow(/--dimension/);
  });
});

describe('ltv command', () => {
  it('prints CAC, LTV/CAC, the payback month and the curve per channel', async () => {
    const r = await ltv();
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x.channel, x.acquired, x.cost, x.cac, x.ltv_cac_3, x.payback_month])).toEqual([
      ['直播间', 3, 300, 100, expect.closeTo(11 / 6, 9), 1],
      ['海报', 1, 200, 200, 0.5, null],
      ['零成本', 1, 0, 0, null, null],
      ['空渠道', 0, 100, null, null, null],
    ]);
    expect(rows[1]).toMatchObject({ month_1: 50, month_2: 100, month_3: 100, month_4: 100, month_5: null, month_12: null });
    expect(r.stderr).toContain('最快的是 直播间（第 1 个月）');
  });

  it('prints the cohorts of the range as CSV', async () => {
    const r = await ltv('--from', '2024-02-01', '--to', '2024-02-29', '--table', 'cohorts', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe(`channel,month,acquired,${Array.from({ length: 12 }, (_, i) => `month_${i + 1}`).join(',')}`);
    expect(lines.slice(1)).toEqual(['直播间,2024-02,1,300,300,300,,,,,,,,,']);
  });

  it('refuses a reversed range as a usage error (exit 2), nothing on stdout', async () => {
    const r = await ltv('--from', '2024-03-01', '--to', '2024-02-01');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2024-03-01');
  });
});
