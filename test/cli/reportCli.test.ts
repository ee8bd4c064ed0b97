import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, insertOrders, insertCustomers, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { runCliIn } from '../support/cliInProcess';
import { readXlsxParts } from '../support/xlsxParts';

/** 一群: m1, m2 from 2026-05-01; m1 pays ¥100 on 05-06; the last data day is Thu 05-14 (m2's order). */
let t: TempProject;
let file: string;

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, ['m1', 'm2'].map((id) => ({ group: '一群', id, join: '2026-05-01 10:00:00+08' })));
  await insertCustomers(t.project, [
    { name: 'm1', externalUserid: 'm1', phone: '13800000001' },
    { name: 'm2', externalUserid: 'm2', phone: '13800000002' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2026-05-06 12:00:00+08', paid: 100, buyerPhone: '13800000001' },
    { orderNo: 'o2', paidAt: '2026-05-14 12:00:00+08', paid: 30, buyerPhone: '13800000002' },
  ]);
  await closeProject(t);
}, 60_000);
afterAll(async () => t?.dispose());

const qunxi = (...argv: string[]) => runCliIn(t.dir, ...argv);

describe('report command', () => {
  it('writes the workbook of the week given to --out, printing nothing on stdout', async () => {
    const out = path.join(t.dir, '周报.xlsx');
    const r = await qunxi('report', '--project', file, '--period', 'week', '--to', '2026-05-10', '--group', '一群', '--out', out);
    expect(r.stderr).toContain('2026-05-04');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const book = readXlsxParts(await fs.readFile(out));
    expect(book.sheets[0]!.name).toBe('封面');
    expect(book.sheets.map((s) => s.name)).toContain('指标');
    // The cover names the group of the scope.
    expect([...book.sheets[0]!.cells.values()].some((c) => c.value === '一群')).toBe(true);
  }, 120_000);

  it('needs --out, and says so with the usage (exit 2)', async () => {
    const r = await qunxi('report', '--project', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
    expect(r.stderr).toContain('report    --project');
  });

  it('refuses a period other than week or month, a reversed range and a non-xlsx file as usage errors', async () => {
    const out = path.join(t.dir, 'r.xlsx');
    const day = await qunxi('report', '--project', file, '--period', 'day', '--out', out);
    expect(day.code).toBe(2);
    expect(day.stderr).toContain('week | month');
    expect((await qunxi('report', '--project', file, '--from', '2026-05-10', '--to', '2026-05-01', '--out', out)).code).toBe(2);
    expect((await qunxi('report', '--project', file, '--out', path.join(t.dir, 'r.csv'))).code).toBe(2);
    expect((await qunxi('report', '--project', file, '--format', 'csv', '--out', out)).code).toBe(2);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('fails with exit 1 and a one-line reason when the project does not exist', async () => {
    const r = await qunxi('report', '--project', path.join(t.dir, 'missing.qunxi'), '--out', path.join(t.dir, 'x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/missing\.qunxi|找不到/);
  });
});
