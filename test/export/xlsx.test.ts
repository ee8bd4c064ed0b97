import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportSheet } from '../../src-main/analysis/base/exportSheet';
import { exportFile, writeXlsxInWorker } from '../../src-main/export/xlsx';
import { writeXlsx } from '../../src-main/export/xlsxWriter';

type Row = { id: string; name: string; amount: number; note: string | null };

const ROWS = 100_000;

/** `count` people; every 7th nickname looks like a formula, every 3rd has no note. */
function peopleSheet(count = ROWS): ExportSheet<Record<string, unknown>> {
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ id: `wm${i}`, name: i % 7 === 0 ? `=HYPERLINK("x${i}")` : `成员${i}`, amount: i * 1.25, note: i % 3 === 0 ? null : `备注${i}` });
  }
  return { name: '成员', columns: [{ key: 'id', header: '成员ID' }, { key: 'name', header: '昵称' }, { key: 'amount', header: '金额' }, { key: 'note', header: '备注' }], rows };
}

/** Every row of the first sheet of a workbook, as cell values, read with exceljs. */
async function readRows(bytes: Buffer): Promise<unknown[][]> {
  // Not exceljs's streaming reader: it splits characters that straddle its chunks (成 → ��).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1, 5)));
  return out;
}

/**
 * How the main event loop fared while `work` ran: the longest gap between two ticks of a 5 ms
 * interval (what any other request would have waited), and the share of the time the loop was busy.
 */
async function loopWhile(work: () => Promise<unknown>): Promise<{ longestGapMs: number; busy: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 5);
  const before = performance.eventLoopUtilization();
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  longestGapMs = Math.max(longestGapMs, performance.now() - last);
  return { longestGapMs, busy: performance.eventLoopUtilization(before).utilization };
}

describe('xlsx export in a worker thread', () => {
  it('exporting 100,000 rows keeps the main event loop turning, and the workbook reads back equal', async () => {
    const sheet = peopleSheet();
    let inWorker: Buffer | undefined;
    // Warm both paths once (worker bundle, exceljs loaded), so the figures compare the writing alone.
    await writeXlsxInWorker([{ ...sheet, rows: [] }]);
    await writeXlsx([{ ...sheet, rows: [] }]);

    const inline = await loopWhile(() => writeXlsx([sheet]));
    const worker = await loopWhile(async () => (inWorker = await writeXlsxInWorker([sheet])));

    // Inline, exceljs holds the loop for seconds at a stretch; fed to the worker, batch by batch.
    expect(worker.longestGapMs).toBeLessThan(inline.longestGapMs / 5);
    expect(worker.busy).toBeLessThan(inline.busy / 3);

    const rows = await readRows(inWorker!);
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[0]).toEqual(['成员ID', '昵称', '金额', '备注']);
    for (let i = 0; i < ROWS; i++) {
      const name = i % 7 === 0 ? `'=HYPERLINK("x${i}")` : `成员${i}`;
      const expected = [`wm${i}`, name, i * 1.25, ...(i % 3 === 0 ? [] : [`备注${i}`])];
      // Compare through JSON: an empty last cell is a hole in exceljs's row array.
      if (JSON.stringify(rows[i + 1]) !== JSON.stringify(expected)) expect(rows[i + 1]).toEqual(expected);
    }
  }, 180_000);

  it('an abort stops the worker and the export fails with CANCELLED', async () => {
    const sheet = peopleSheet(20_000);
    const t0 = performance.now();
    await writeXlsxInWorker([sheet]);
    const fullMs = performance.now() - t0;

    const controller = new AbortController();
    setTimeout(() => controller.abort(), fullMs / 4);
    const t1 = performance.now();
    await expect(exportFile({ fileName: 'x.xlsx', sheets: [sheet] }, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - t1).toBeLessThan(fullMs / 2);
  }, 120_000);

  it('an export file carries the workbook as base64', async () => {
    const file = await exportFile({ fileName: '名单.xlsx', sheets: [{ name: 'a', columns: [{ key: 'x', header: 'X' }], rows: [{ x: '@me' }, { x: 3 }] }] });
    expect(file.fileName).toBe('名单.xlsx');
    expect(await readRows(Buffer.from(file.base64, 'base64'))).toEqual([['X'], ["'@me"], [3]]);
  });

  it('suggests a file name Windows accepts, whatever labels went into it', async () => {
    const sheet = { name: 'a', columns: [{ key: 'x', header: 'X' }], rows: [{ x: 1 }] };
    expect((await exportFile({ fileName: '四象限_高价值/低频: 客户?.xlsx', sheets: [sheet] })).fileName).toBe('四象限_高价值_低频_ 客户_.xlsx');
    expect((await exportFile({ fileName: 'CON.xlsx', sheets: [sheet] })).fileName).toBe('_CON.xlsx');
  });
});
