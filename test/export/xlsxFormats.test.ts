import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSheet } from '../../src-main/analysis/base/exportSheet';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { writeXlsx } from '../../src-main/export/xlsxWriter';
import { closeProject, insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { tempPaths } from '../support/tempDirs';

/** One cell of the written sheet XML: its type attribute, style index and stored value. */
interface RawCell {
  t: string | null;
  s: number;
  v: string | null;
}

/** The cells of sheet 1 by reference (A2 …) and the number format code of each style index, read from the file's XML. */
async function readXml(bytes: Buffer): Promise<{ cells: Map<string, RawCell>; formatOfStyle: (s: number) => string }> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const cells = new Map<string, RawCell>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const attrs = m[2]!;
    const v = /<v>(.*?)<\/v>/.exec(m[3] ?? '')?.[1] ?? /<t[^>]*>(.*?)<\/t>/.exec(m[3] ?? '')?.[1] ?? null;
    cells.set(m[1]!, { t: /\bt="(\w+)"/.exec(attrs)?.[1] ?? null, s: Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0), v: v?.replace(/&apos;/g, "'").replace(/&amp;/g, '&') ?? null });
  }
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) custom.set(Number(m[1]), m[2]!.replace(/&quot;/g, '"'));
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!;
  const fmtIds = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const builtIn: Record<number, string> = { 0: 'General', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 10: '0.00%', 14: 'mm-dd-yy' };
  return { cells, formatOfStyle: (s) => custom.get(fmtIds[s]!) ?? builtIn[fmtIds[s]!] ?? `#${fmtIds[s]}` };
}

const sheet: ExportSheet<Record<string, unknown>> = {
  name: '客户',
  columns: [
    { key: 'name', header: '昵称' },
    { key: 'aov', header: '客单价', format: 'money' },
    { key: 'rate', header: '转化率', format: 'percent' },
    { key: 'orders', header: '购买次数', format: 'integer' },
    { key: 'day', header: '日期', format: 'date' },
    { key: 'left_at', header: '流失时间', format: 'datetime' },
    { key: 'score', header: '得分' },
  ],
  rows: [
    { name: '=1+1', aov: 1323.1666666666667, rate: 12.5, orders: 3, day: '2026-10-05', left_at: '2026-10-05T14:30:00', score: 0.123456 },
    { name: '小明', aov: null, rate: null, orders: 0, day: null, left_at: '2026-10-06 08:05:09', score: 2 },
  ],
};

describe('xlsx exports write real numbers and dates under number formats (issue 11 item 13)', () => {
  it('stores 客单价 unrounded as a number shown as ¥#,##0.00, a rate as a fraction shown as percent', async () => {
    const { cells, formatOfStyle } = await readXml(await writeXlsx([sheet]));
    const aov = cells.get('B2')!;
    expect(aov.t).toBeNull(); // a number cell has no t attribute (t="s"/"inlineStr"/"str" would be text)
    expect(Number(aov.v)).toBeCloseTo(1323.1666666666667, 10);
    expect(formatOfStyle(aov.s)).toBe('"¥"#,##0.00');
    const rate = cells.get('C2')!;
    expect(rate.t).toBeNull();
    expect(Number(rate.v)).toBe(0.125);
    expect(formatOfStyle(rate.s)).toBe('0.00%');
    expect(formatOfStyle(cells.get('D2')!.s)).toBe('#,##0');
    // A fraction in a column without a declared format is still shown rounded.
    expect(Number(cells.get('G2')!.v)).toBe(0.123456);
    expect(formatOfStyle(cells.get('G2')!.s)).toBe('0.00');
  });

  it('stores days and times as date serials under yyyy-mm-dd and yyyy-mm-dd hh:mm, not as text with a T', async () => {
    const { cells, formatOfStyle } = await readXml(await writeXlsx([sheet]));
    const day = cells.get('E2')!;
    expect(day.t).toBeNull();
    // 2026-10-05 is day 46300 of the 1900 date system (Excel: =DATE(2026,10,5) → 46300).
    expect(Number(day.v)).toBe(46300);
    expect(formatOfStyle(day.s)).toBe('yyyy-mm-dd');
    const leftAt = cells.get('F2')!;
    expect(leftAt.t).toBeNull();
    expect(Number(leftAt.v)).toBeCloseTo(46300 + (14 * 60 + 30) / 1440, 8);
    expect(formatOfStyle(leftAt.s)).toBe('yyyy-mm-dd hh:mm');
    // The space-separated form the customer-360 gives is read too.
    expect(Number(cells.get('F3')!.v)).toBeCloseTo(46301 + (8 * 3600 + 5 * 60 + 9) / 86400, 8);
  });

  it('leaves empty figures empty, keeps text as text and headers unformatted', async () => {
    const { cells, formatOfStyle } = await readXml(await writeXlsx([sheet]));
    expect(cells.get('B3')?.v ?? null).toBeNull();
    expect(cells.get('C3')?.v ?? null).toBeNull();
    expect(cells.get('A2')!.t).not.toBeNull();
    expect(cells.get('A2')!.v).toBe("'=1+1");
    expect(cells.get('B1')!.v).toBe('客单价');
    expect(formatOfStyle(cells.get('B1')!.s)).toBe('General');
  });
});

describe('the app\'s exports use those formats', () => {
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject();
    await insertSpells(t.project, [{ group: '一群', id: 'm1', name: '小红', join: '2026-03-01 10:00:00+08', leave: '2026-03-10 21:15:00+08' }]);
    await closeProject(t);
  });
  afterAll(async () => t?.dispose());

  it('the churn list writes 流失时间 as a date-time and 在群天数 as a whole number', async () => {
    const call = inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))));
    expect((await call('project:open', { path: t.project.path })).ok).toBe(true);
    try {
      const file = await call('churn:export', {});
      if (!file.ok) throw new Error(file.error.message);
      const { cells, formatOfStyle } = await readXml(Buffer.from(file.value.base64, 'base64'));
      const leftAt = cells.get('A2')!;
      expect(leftAt.t).toBeNull();
      // 2026-03-10 21:15 local (Asia/Shanghai) = serial 46091 + 21.25 h.
      expect(Number(leftAt.v)).toBeCloseTo(46091 + 21.25 / 24, 8);
      expect(formatOfStyle(leftAt.s)).toBe('yyyy-mm-dd hh:mm');
      const tenure = cells.get('G2')!;
      expect(tenure.t).toBeNull();
      expect(Number(tenure.v)).toBe(9);
      expect(formatOfStyle(tenure.s)).toBe('#,##0');
    } finally {
      await call('project:close', {});
    }
  });
});
