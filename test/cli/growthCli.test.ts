import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProject, insertCustomers, insertOrders, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { csvLines } from '../support/csvText';
import { tempPaths } from '../support/tempDirs';
import { runCliIn } from '../support/cliInProcess';


/**
 * 一群: m1, m2, m3 members from 2026-05-01 (no channel: the customer rows carry identity only).
 * Week 05-04 – 05-10: m1 pays ¥100. Week 05-11 – 05-17: m1 ¥50, m2 ¥30. Last data 05-14 (a Thursday),
 * so the default is 05-04 – 05-10 against 04-27 – 05-03 (no buyer): converted 0 → 1, GMV 0 → 100.
 * With --from 2026-05-11 --to 2026-05-17: converted 1 → 2, GMV 100 → 80; 一群 n 3 → 3: all rate,
 * converted rate (2/3 − 1/3)·6/2 = +1, GMV rate (80/3 − 100/3)·6/2 = −20.
 */
let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, ['m1', 'm2', 'm3'].map((id) => ({ group: '一群', id, join: '2026-05-01 10:00:00+08' })));
  await insertCustomers(t.project, [
    { name: 'm1', externalUserid: 'm1', phone: '13800000001' },
    { name: 'm2', externalUserid: 'm2', phone: '13800000002' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2026-05-06 12:00:00+08', paid: 100, buyerPhone: '13800000001' },
    { orderNo: 'o2', paidAt: '2026-05-12 12:00:00+08', paid: 50, buyerPhone: '13800000001' },
    { orderNo: 'o3', paidAt: '2026-05-14 12:00:00+08', paid: 30, buyerPhone: '13800000002' },
  ]);
  await closeProject(t);
}, 60_000);
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's. */
function qunxi(...argv: string[]) {
  return runCliIn(t.dir, ...argv);
}

describe('growth command', () => {
  it('prints the shifts of the period given, parts as computed by hand', async () => {
    const r = await qunxi('growth', '--project', file, '--from', '2026-05-11', '--to', '2026-05-17', '--table', 'shifts');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const group = rows.find((row) => row.dimension === 'group');
    expect(group).toMatchObject({ segment: '一群', people_previous: 3, people_current: 3, converted_previous: 1, converted_current: 2, gmv_previous: 100, gmv_current: 80, previous_from: '2026-05-04' });
    expect(group!.converted_mix).toBeCloseTo(0, 12);
    expect(group!.converted_rate).toBeCloseTo(1, 12);
    expect(group!.gmv_rate).toBeCloseTo(-20, 9);
    expect(r.stderr).toContain('2026-05-11');
  });

  it('defaults to the latest full week and prints findings as CSV', async () => {
    const r = await qunxi('growth', '--project', file, '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('rank,kind,title,people,yuan,view,scope_groups,scope_from,scope_to,explanation,evidence,current_from,current_to,previous_from,previous_to');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toContain('2026-05-04,2026-05-10,2026-04-27,2026-05-03');
  });

  it('refuses a half range and an unknown table with the usage', async () => {
    // The request's validator refuses it (the command's parse sees its own options only).
    const half = await qunxi('growth', '--project', file, '--from', '2026-05-11');
    expect(half.code).not.toBe(0);
    expect(half.stderr).toContain('from and to go together');
    expect(half.stdout).toBe('');
    const table = await qunxi('growth', '--project', file, '--table', 'nope');
    expect(table.code).toBe(2);
  });
});

describe('decision:growthPoints', () => {
  it('answers through the API with the same totals, and refuses a half range', async () => {
    const call = inProcessClient(createHandlers(createContext('test', tempPaths(path.join(t.dir, 'api')))));
    unwrap(await call('project:open', { path: file }));
    try {
      const r = unwrap(await call('decision:growthPoints', { from: '2026-05-11', to: '2026-05-17' }));
      expect(r.totals).toEqual({ converted0: 1, converted1: 2, gmv0: 100, gmv1: 80 });
      const half = await call('decision:growthPoints', { from: '2026-05-11' });
      expect(half.ok).toBe(false);
      if (!half.ok) expect(half.error.code).toBe('INVALID_REQUEST');
    } finally {
      await call('project:close', {});
    }
  });
});
