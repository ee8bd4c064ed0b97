import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/cli/args';
import { writeDefinition } from '../../src-main/db/definitionsStore';
import { closeProject, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { runCliIn } from '../support/cliInProcess';


/**
 * Staff 甲: m1 (一群, one message). 乙: m2 (一群, silent) and m3 (二群, silent). 丙: m4 (二群, one message,
 * one ¥100 order by phone). Saved definition: active_rate and conversion_rate, min–max, weight 1 each
 * (each worth 50 points); default bands.
 *   active %: 甲 100, 乙 0, 丙 100 → 1, 0, 1;  conversion %: 0, 0, 100 → 0, 0, 1.
 *   丙 50 + 50 = 100 (A), 甲 50 + 0 = 50 (D), 乙 0 (D).
 */
let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, [
    { group: '一群', id: 'm1', join: '2026-05-01 10:00:00+08' },
    { group: '一群', id: 'm2', join: '2026-05-01 10:00:00+08' },
    { group: '二群', id: 'm3', join: '2026-05-02 10:00:00+08' },
    { group: '二群', id: 'm4', join: '2026-05-02 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'm1', group: '一群', at: '2026-05-03 09:00:00+08' },
    { id: 'm4', group: '二群', at: '2026-05-03 10:00:00+08' },
  ]);
  await insertOrders(t.project, [{ orderNo: 'o1', paidAt: '2026-05-04 10:00:00+08', paid: 100, buyerPhone: '13900000004' }]);
  await t.project.db.transaction(async (sql) => {
    const staff: [string, string, string][] = [['m1', '甲', '13900000001'], ['m2', '乙', '13900000002'], ['m3', '乙', '13900000003'], ['m4', '丙', '13900000004']];
    for (const [i, [eu, name, phone]] of staff.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, staff, added_at, phone, is_phone_masked, external_userid, import_id, source_row)
         VALUES (?, ?, ?, TIMESTAMPTZ '2026-04-01 10:00:00+08', ?, false, ?, 3, ?)`,
        [`c${i}`, eu, name, phone, eu, i + 2],
      );
    }
    await writeDefinition(sql, 'contribution', {
      by: 'staff',
      metrics: [
        { metric: 'active_rate', enabled: true, normalise: 'minmax', weight: 1 },
        { metric: 'conversion_rate', enabled: true, normalise: 'minmax', weight: 1 },
        { metric: 'gmv', enabled: false, normalise: 'minmax', weight: 1 },
      ],
      bands: [{ label: 'A', min: 85 }, { label: 'B', min: 70 }, { label: 'C', min: 55 }, { label: 'D', min: 0 }],
    });
  });
  await closeProject(t);
});
afterAll(async () => t?.dispose());

/** The command line in-process, its folders under the test's. */
function qunxi(...argv: string[]) {
  return runCliIn(t.dir, ...argv);
}

describe('contribution command', () => {
  it('prints the staff best first, each score with its per-metric figures and points', async () => {
    const r = await qunxi('contribution', '--project', file);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x.rank, x.unit, x.people, x.score, x.band])).toEqual([
      [1, '丙', 1, 100, 'A'],
      [2, '甲', 1, 50, 'D'],
      [3, '乙', 2, 0, 'D'],
    ]);
    expect(rows[1]).toMatchObject({ active_rate: 100, active_rate_points: 50, conversion_rate: 0, conversion_rate_points: 0, gmv: null, gmv_points: null, new_members: null });
    expect(r.stderr).toContain('共 3 位员工，A 档 1 人、B 档 0 人、C 档 0 人、D 档 2 人');
  });

  it('prints CSV with a fixed header', async () => {
    const r = await qunxi('contribution', '--project', file, '--format', 'csv');
    expect(r.code).toBe(0);
    // A byte-order mark and CRLF line ends for Excel (output.ts).
    const [header, first] = r.stdout.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toBe(
      'rank,unit,people,score,band,new_members,new_members_points,active_rate,active_rate_points,churn_rate,churn_rate_points,key_behaviour_rate,key_behaviour_rate_points,conversion_rate,conversion_rate_points,gmv,gmv_points,reading',
    );
    expect(first).toMatch(/^1,丙,1,100,A,,,100,50,,,,,100,50,,,/);
  });

  it('scores group owners with --by owner: none without a customer group list', async () => {
    const r = await qunxi('contribution', '--project', file, '--by', 'owner');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('没有可评分的群主');
  });

  it('rejects an unknown --by', () => {
    expect(() => parseCliArgs(['contribution', '--project', 'P', '--by', 'team'])).toThrow(/--by/);
    expect(parseCliArgs(['contribution', '--project', 'P', '--by', 'owner'])).toMatchObject({ command: 'analysis', name: 'contribution' });
  });
});
