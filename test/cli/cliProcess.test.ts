import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../src-main/contract';
import { METRICS_COLUMNS } from '../../src-main/cli/output';
import { referenceMetrics, type RefMembership, type RefMessage, type RefOrder } from '../analysis/metrics/metricsReference';
import { expectedDaily, expectedWeekly, writeCommunityFixture } from '../support/communityFixture';
import { csvLines } from '../support/csvText';

const repoRoot = path.resolve(__dirname, '../..');
const demoDir = path.join(repoRoot, 'resources', 'demo');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let root: string;

/** Runs the CLI exactly as `npm run qunxi --` does (the launcher and its bundle), with every app folder inside the temp root. */
function qunxi(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/qunxi.mjs', ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          QUNXI_CONFIG_DIR: path.join(root, 'config'),
          QUNXI_PROJECTS_DIR: path.join(root, 'projects'),
          QUNXI_TEMP_DIR: path.join(root, 'tmp'),
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';

/** A wall-clock string of the demo exports (Asia/Shanghai), or an exceljs date holding that wall clock as UTC. */
function shanghai(v: ExcelJS.CellValue): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const wall = v instanceof Date ? v.toISOString().slice(0, 19) : String(v).trim().replace(' ', 'T');
  const d = new Date(`${wall}+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`unreadable time ${String(v)}`);
  return d;
}

/** Reads a sheet as objects keyed by its header row. */
async function readSheet(file: string): Promise<Record<string, ExcelJS.CellValue>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const header = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], (h) => String(h ?? '')); // values is sparse (1-based)
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

/** The demo exports read independently of the importer, as input of the reference. */
async function demoData(): Promise<{ spells: RefMembership[]; messages: RefMessage[] }> {
  const members = await readSheet(path.join(demoDir, '群成员.xlsx'));
  const chats = await readSheet(path.join(demoDir, '聊天记录.xlsx'));
  return {
    spells: members.map((r) => ({
      group_name: String(r['群名称']),
      member_id: String(r['成员ID']),
      join_time: shanghai(r['入群时间']),
      leave_time: shanghai(r['退群时间']),
    })),
    messages: chats.map((r) => ({
      sender_id: String(r['发送人ID']),
      group_name: r['群名称'] ? String(r['群名称']) : null,
      sent_at: shanghai(r['发送时间'])!,
    })),
  };
}

/**
 * The sample orders tied to people the way the samples' README says identity runs —
 * 订单.买家手机号 → 客户列表.手机号 → 客户列表.external_userid — read with exceljs, not the importer.
 */
async function sampleOrders(): Promise<RefOrder[]> {
  const customers = await readSheet(path.join(demoDir, '客户列表.xlsx'));
  const byPhone = new Map(customers.map((c) => [String(c['手机号']), String(c['external_userid'])]));
  const orders = await readSheet(path.join(demoDir, '订单.xlsx'));
  const cents = (v: ExcelJS.CellValue) => Math.round(Number(v ?? 0) * 100);
  return orders.map((o) => ({
    pid: byPhone.get(String(o['买家手机号'])) ?? null,
    paid_at: shanghai(o['买家付款时间']),
    paid_cents: cents(o['订单实付金额']),
    refunded_cents: cents(o['订单已退款金额']),
  }));
}

const rounded = (rows: MetricsRow[]) => rows.map((r) => ({ ...r, active_rate: r.active_rate === null ? null : Number(r.active_rate.toFixed(9)) }));

describe('the qunxi command line', () => {
  let project: string;
  let data: Awaited<ReturnType<typeof demoData>>;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-cli-'));
    project = path.join(root, 'demo.qunxi');
    data = await demoData();
  });
  afterAll(async () => fs.rm(root, { recursive: true, force: true }));

  it('imports the demo exports into a new project, one summary line per file', async () => {
    const r = await qunxi('import', '--project', project, path.join(demoDir, '群成员.xlsx'), path.join(demoDir, '聊天记录.xlsx'));
    expect(r.stderr).toContain('已导入 群成员.xlsx（群成员）：读取 809 行');
    expect(r.stderr).toContain('已导入 聊天记录.xlsx（聊天记录）：读取 2782 行');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    await expect(fs.stat(project)).resolves.toBeTruthy();
  });

  it.each([
    { period: 'week', groups: [] as string[] },
    { period: 'day', groups: [] as string[] },
    { period: 'month', groups: [] as string[] },
    { period: 'week', groups: ['美妆交流1群', '宝妈福利群'] },
  ] as const)('prints $period metrics for groups $groups equal to the reference computed from the xlsx', async ({ period, groups }) => {
    const r = await qunxi('metrics', '--project', project, '--period', period, ...groups.flatMap((g) => ['--group', g]), '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as MetricsRow[];
    const expected = referenceMetrics(data.spells, data.messages, { period, groups: [...groups], timeZone: 'Asia/Shanghai' });
    expect(expected.length).toBeGreaterThan(2);
    expect(rounded(printed)).toEqual(rounded(expected));
  });

  it('prints CSV with a header row, limited to a date range', async () => {
    const r = await qunxi('metrics', '--project', project, '--period', 'day', '--from', '2026-09-01', '--to', '2026-09-03', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe(METRICS_COLUMNS.join(','));
    expect(lines[0]).toMatch(/^period_start,period_end,total_members,new_members,active_members,active_rate,churned_members,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2026-09-01', '2026-09-02', '2026-09-03']);
  });

  it('fails with a one-line reason when --project is not a project file', async () => {
    const notProject = path.join(root, 'notes.qunxi');
    await fs.writeFile(notProject, 'just some text, not a database');
    const r = await qunxi('metrics', '--project', notProject, '--period', 'week', '--format', 'json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(lastLine(r.stderr)).toBe('“notes.qunxi”不是群析项目文件');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with a one-line reason when a file to import does not exist', async () => {
    const r = await qunxi('import', '--project', project, path.join(root, 'missing.xlsx'));
    expect(r.code).not.toBe(0);
    expect(lastLine(r.stderr)).toMatch(/missing\.xlsx/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with exit status 2 and the reason last on a usage error', async () => {
    const r = await qunxi('metrics', '--project', project, '--period', 'year');
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe('--period 只能是 day | week | month，收到“year”');
  });

  it('with the customer list and orders of the samples, conversions and GMV equal the reference', async () => {
    const p = path.join(root, 'samples-all.qunxi');
    const files = ['客户列表.xlsx', '群成员.xlsx', '聊天记录.xlsx', '订单.xlsx'].map((f) => path.join(demoDir, f));
    const imported = await qunxi('import', '--project', p, ...files);
    expect(imported.code, imported.stderr).toBe(0);
    const orders = await sampleOrders();
    expect(orders.filter((o) => o.pid !== null).length).toBeGreaterThan(300);
    for (const period of ['week', 'month'] as const) {
      const r = await qunxi('metrics', '--project', p, '--period', period, '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      const printed = JSON.parse(r.stdout) as MetricsRow[];
      const expected = referenceMetrics(data.spells, data.messages, { period, groups: [], timeZone: 'Asia/Shanghai' }, orders);
      expect(printed.some((row) => row.gmv > 0)).toBe(true);
      const close = (rows: MetricsRow[]) =>
        rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(6)) : v])));
      expect(close(printed)).toEqual(close(expected));
    }
  });

  it('reproduces the hand-computed community fixture through import and metrics', async () => {
    const dir = path.join(root, 'community');
    await fs.mkdir(dir, { recursive: true });
    const files = await writeCommunityFixture(dir);
    const p = path.join(dir, 'community.qunxi');
    const imported = await qunxi('import', '--project', p, files.members, files.messages);
    expect(imported.code, imported.stderr).toBe(0);
    const weekly = await qunxi('metrics', '--project', p, '--period', 'week', '--format', 'json');
    expect(weekly.code, weekly.stderr).toBe(0);
    // The fixture has no orders: its hand-computed membership figures are checked, conversions are zero.
    const weeklyRows = JSON.parse(weekly.stdout) as MetricsRow[];
    expect(weeklyRows).toMatchObject(expectedWeekly);
    expect(weeklyRows.every((r) => r.converted_members === 0 && r.gmv === 0)).toBe(true);
    const daily = await qunxi('metrics', '--project', p, '--period', 'day', '--format', 'json');
    expect((JSON.parse(daily.stdout) as MetricsRow[]).map(({ period_end: _, ...rest }) => rest)).toMatchObject(expectedDaily);
  });
});
