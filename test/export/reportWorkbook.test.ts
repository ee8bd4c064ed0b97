import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow, ReportJob } from '../../src-main/contract';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProject, insertCustomers, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { tempPaths } from '../support/tempDirs';
import { readXlsxParts, type XlsxParts, type XmlSheet } from '../support/xlsxParts';

/**
 * Two groups in Asia/Shanghai; the last data day is Thu 2026-05-14, so the default weekly report is
 * Mon 05-04 – Sun 05-10 against 04-27 – 05-03. 一群: m1–m4 join 04-28, m2 leaves 05-07. The group
 * named `=2+3群` (a formula if written as one): m5 joins 05-05, m6 joins 05-06 and leaves 05-08.
 * Orders: m1 ¥100 on 05-06, m2 ¥50.5 on 04-30, m3 ¥30 on 05-12 (after the week).
 */
let t: TempProject;
let file: string;
let call: ReturnType<typeof inProcessClient>;
let book: XlsxParts;
let job: ReportJob;

const FORMULA_GROUP = '=2+3群';

async function runReport(req: Record<string, unknown>): Promise<ReportJob> {
  let state = unwrap(await call('report:start', req));
  while (state.state === 'running') {
    await sleep(50);
    state = unwrap(await call('report:status', { jobId: state.jobId }));
  }
  return state;
}

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  await insertSpells(t.project, [
    ...['m1', 'm2', 'm3', 'm4'].map((id) => ({ group: '一群', id, join: '2026-04-28 10:00:00+08', leave: id === 'm2' ? '2026-05-07 09:00:00+08' : null })),
    { group: FORMULA_GROUP, id: 'm5', join: '2026-05-05 10:00:00+08' },
    { group: FORMULA_GROUP, id: 'm6', join: '2026-05-06 10:00:00+08', leave: '2026-05-08 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'm1', group: '一群', at: '2026-04-29 12:00:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-05 12:00:00+08' },
    { id: 'm3', group: '一群', at: '2026-05-06 12:00:00+08' },
    { id: 'm5', group: FORMULA_GROUP, at: '2026-05-07 12:00:00+08' },
    { id: 'm1', group: '一群', at: '2026-05-14 12:00:00+08' },
  ]);
  await insertCustomers(t.project, [
    { name: 'm1', externalUserid: 'm1', phone: '13800000001' },
    { name: 'm2', externalUserid: 'm2', phone: '13800000002' },
    { name: 'm3', externalUserid: 'm3', phone: '13800000003' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2026-05-06 12:00:00+08', paid: 100, buyerPhone: '13800000001' },
    { orderNo: 'o2', paidAt: '2026-04-30 12:00:00+08', paid: 50.5, buyerPhone: '13800000002' },
    { orderNo: 'o3', paidAt: '2026-05-12 12:00:00+08', paid: 30, buyerPhone: '13800000003' },
  ]);
  await closeProject(t);
  call = inProcessClient(createHandlers(createContext('test', tempPaths(path.join(t.dir, 'api')))));
  unwrap(await call('project:open', { path: file }));
  job = await runReport({ period: 'week' });
  if (!job.file) throw new Error(JSON.stringify(job));
  book = readXlsxParts(Buffer.from(job.file.base64, 'base64'));
}, 300_000);
afterAll(async () => {
  if (call) await call('project:close', {});
  await t?.dispose();
});

const sheet = (name: string): XmlSheet => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${book.sheets.map((x) => x.name).join(', ')}`);
  return s;
};
/** The cells of a row, by column letter. */
const rowCells = (s: XmlSheet, row: number) => [...s.cells.values()].filter((c) => c.ref.replace(/^[A-Z]+/, '') === String(row));
/** The row holding `text` in column A. */
const rowOf = (s: XmlSheet, text: string) => Number([...s.cells.values()].find((c) => c.ref.startsWith('A') && c.value === text)?.ref.slice(1));

describe('report workbook', () => {
  it('finishes with a file named after the project, the report and its week', () => {
    expect(job.state).toBe('done');
    expect(job.file!.fileName).toBe('p-周报-2026-05-04至2026-05-10.xlsx');
  });

  it('has the cover, then a sheet per analysis', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['封面', '指标', '路径与漏斗', '流失与留存', '渠道', '四象限', 'VVIP', '增长点', 'AB 对比', '社群价值', '贡献度']);
  });

  it('writes no formula anywhere, and neutralises formula-looking text', () => {
    for (const s of book.sheets) {
      expect([...s.cells.values()].filter((c) => c.formula !== null), s.name).toEqual([]);
      expect(s.xml).not.toContain('<f');
    }
    const group = [...sheet('流失与留存').cells.values()].find((c) => c.value?.includes('2+3群'));
    expect(group?.value).toBe(`'${FORMULA_GROUP}`);
    expect(group?.type).not.toBe('n');
  });

  it('puts the key figures on the cover as the metrics API gives them for that week, under number formats', async () => {
    const rows: MetricsRow[] = unwrap(await call('metrics:query', { period: 'week', from: '2026-04-27', to: '2026-05-10' }));
    const [previous, current] = [rows.find((r) => r.period_start === '2026-04-27')!, rows.find((r) => r.period_start === '2026-05-04')!];
    // By hand: 5 members at the end of the week (m1, m3, m4, m5; m2 and m6 left), 2 new, ¥100 from m1.
    expect(current).toMatchObject({ total_members: 3 + 1, new_members: 2, converted_members: 1, gmv: 100 });
    const cover = sheet('封面');
    const figure = (label: string) => {
      const row = rowOf(cover, label);
      const [, now, before, wow, reading] = ['A', 'B', 'C', 'D', 'E'].map((col) => cover.cells.get(`${col}${row}`));
      return { now, before, wow, reading };
    };
    const members = figure('社群总人数');
    expect(members.now).toMatchObject({ type: null, value: String(current.total_members) });
    expect(book.formatOf(members.now!.style)).toBe('#,##0');
    expect(Number(members.before!.value)).toBe(previous.total_members);
    const gmv = figure('贡献GMV');
    expect(Number(gmv.now!.value)).toBe(current.gmv);
    expect(book.formatOf(gmv.now!.style)).toBe('"¥"#,##0.00');
    expect(Number(gmv.before!.value)).toBe(previous.gmv);
    // 环比 of GMV: (100 − 50.5) / 50.5, the API's gmv_wow, as a fraction under a percent format.
    expect(Number(gmv.wow!.value)).toBeCloseTo(current.gmv_wow! / 100, 6);
    expect(Number(gmv.wow!.value)).toBeCloseTo(49.5 / 50.5, 6);
    expect(book.formatOf(gmv.wow!.style)).toBe('0.00%');
    expect(gmv.reading!.value).toContain('比上周多 ¥49.50');
    const rate = figure('活跃用户占比');
    expect(Number(rate.now!.value)).toBeCloseTo(current.active_rate! / 100, 6);
    expect(book.formatOf(rate.now!.style)).toBe('0.00%');
  });

  it('writes dates as date serials under a date format, never as text', () => {
    const cover = sheet('封面');
    const header = rowOf(cover, '报告');
    const from = cover.cells.get(`D${header + 2}`)!;
    expect(from.type).toBeNull();
    // 2026-05-04 as an Excel serial day (days since 1899-12-30).
    expect(Number(from.value)).toBe((Date.UTC(2026, 4, 4) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(book.formatOf(from.style)).toBe('yyyy-mm-dd');
    const metrics = sheet('指标');
    const first = rowCells(metrics, 4).find((c) => c.ref === 'A4')!;
    expect(first.type).toBeNull();
    expect(book.formatOf(first.style)).toBe('yyyy-mm-dd');
  });

  it('keeps numbers numeric and rounded in every analysis sheet', () => {
    for (const s of book.sheets) {
      for (const c of s.cells.values()) {
        if (c.type !== null && c.type !== 'n') continue;
        expect(c.value, `${s.name}!${c.ref}`).toMatch(/^-?\d+(\.\d{1,6})?$/);
      }
    }
    const metrics = sheet('指标');
    // 12 weekly rows: 12 periods back from the report week.
    expect(rowOf(metrics, '各期指标')).toBe(2);
    const lastRow = [...metrics.cells.keys()].filter((r) => r.startsWith('A')).map((r) => Number(r.slice(1))).sort((a, b) => b - a)[0];
    expect(lastRow! - 3).toBe(12);
  });

  it('freezes the header row of the first table on every sheet that has one', () => {
    for (const s of book.sheets) {
      const pane = s.xml.match(/<pane\b[^>]*>/)?.[0];
      if (!s.cells.get('A2') && !s.cells.get('A3')) continue;
      expect(pane, s.name).toMatch(/state="frozen"/);
    }
    expect(sheet('指标').xml.match(/<pane\b[^>]*>/)![0]).toMatch(/ySplit="3"/);
  });

  it('fits column widths to the text, CJK counting double', () => {
    const cols = [...sheet('封面').xml.matchAll(/<col\b[^>]*>/g)].map((m) => Number(m[0].match(/width="([\d.]+)"/)![1]));
    // Column E holds the readings, the longest text of the sheet: far wider than the default.
    expect(Math.max(...cols)).toBeGreaterThan(30);
    expect(cols.every((w) => w >= 8 && w <= 61)).toBe(true);
  });

  it('draws each chart as a PNG placed by the sheet\'s own drawing', () => {
    const withCharts = book.sheets.filter((s) => s.images.length > 0).map((s) => s.name);
    expect(withCharts).toEqual(expect.arrayContaining(['指标', '路径与漏斗', '流失与留存', '四象限', 'VVIP']));
    expect(sheet('指标').images).toHaveLength(2);
    for (const s of book.sheets) {
      for (const image of s.images) {
        const png = book.files.get(image)!;
        expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), image).toBe(true);
        expect(png.length).toBeGreaterThan(10_000);
      }
    }
  });

  it('reports a monthly report of the latest full month, and refuses a reversed range', async () => {
    const month = await runReport({ period: 'month' });
    expect(month.state).toBe('done');
    expect(month.file!.fileName).toBe('p-月报-2026-04-01至2026-04-30.xlsx');
    const bad = await call('report:start', { period: 'week', from: '2026-05-10', to: '2026-05-01' });
    expect(bad.ok).toBe(false);
   }, 300_000);

  it('stops when cancelled, leaving no file', async () => {
    const started = unwrap(await call('report:start', { period: 'week' }));
    const cancelled = unwrap(await call('report:cancel', { jobId: started.jobId }));
    expect(cancelled.jobId).toBe(started.jobId);
    let state = cancelled;
    while (state.state === 'running') {
      await sleep(20);
      state = unwrap(await call('report:status', { jobId: started.jobId }));
    }
    expect(state.state).toBe('cancelled');
    expect(state.file).toBeUndefined();
   }, 300_000);
});
