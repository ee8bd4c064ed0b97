import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VVIP_LIST_LIMIT, type ExportFile, type Result } from '../../src-main/contract';
import { inProcessClient } from '../../src-main/api/dispatch';
import { csvCells, csvLines } from '../support/csvText';
import { insertSpells, tempProject, type TempProject } from '../support/projectFixture';
import { insertFeaturesFixture } from '../analysis/features/featuresFixture';
import { buildFunnelFixture } from '../analysis/funnel/funnelFixture';
import { projectClient } from '../support/projectClient';

/**
 * A list's one export control writes two files (xlsx and CSV) from one row source on the Node side:
 * each CSV read back must hold the xlsx's rows, in its order, under its headers. Real DuckDB, the
 * files as the renderer receives them.
 */

/** A date cell read back: the local day or time the xlsx shows (stored in the UTC fields, xlsxCells localDate). */
function shownDate(value: Date, numFmt: string | undefined): string {
  const iso = value.toISOString();
  return numFmt === 'yyyy-mm-dd' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The xlsx's first sheet as rows of cell values (a date as the text it shows), the header row first. */
async function xlsxRows(file: ExportFile): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    rows.push(
      Array.from({ length: ws.columnCount }, (_, c) => {
        const cell = ws.getRow(r).getCell(c + 1);
        return cell.value instanceof Date ? shownDate(cell.value, cell.numFmt) : (cell.value ?? null);
      }),
    );
  }
  return rows;
}

/** The CSV's rows of text, the header row first; fails unless laid out as every CSV of the app (BOM, CRLF). */
function csvRows(file: ExportFile): string[][] {
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  csvLines(text.replace(/"[^"]*"/g, '""'));
  return csvCells(text);
}

/** An xlsx cell as the CSV writes it: figures to 2 decimals, the rest as read. */
function asCsv(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

/** Both files of one export: the CSV's header is the xlsx's (a rate's marked %), its rows the xlsx's, in order. */
async function expectSameRows(xlsx: Result<ExportFile>, csv: Result<ExportFile>): Promise<string[][]> {
  if (!xlsx.ok) throw new Error(xlsx.error.message);
  if (!csv.ok) throw new Error(csv.error.message);
  expect(csv.value.fileName).toBe(xlsx.value.fileName.replace(/\.xlsx$/, '.csv'));
  const [xHead = [], ...xBody] = await xlsxRows(xlsx.value);
  const [cHead = [], ...cBody] = csvRows(csv.value);
  const isRate = cHead.map((h, i) => h === `${String(xHead[i])} (%)`);
  expect(cHead.map((h, i) => (isRate[i] ? h.slice(0, -4) : h))).toEqual(xHead.map(String));
  expect(cBody.length).toBe(xBody.length);
  const expected = xBody.map((row) => row.map((v, i) => (isRate[i] && typeof v === 'number' ? asCsv(v * 100) : asCsv(v))));
  expect(cBody).toEqual(expected);
  return cBody;
}

describe('a list export’s CSV holds the rows of its xlsx', () => {
  describe('over the features fixture (VVIP, 客户360, 四象限)', () => {
    let t: TempProject;
    let call: ReturnType<typeof inProcessClient>;
    beforeAll(async () => {
      t = await tempProject('Asia/Shanghai');
      await insertFeaturesFixture(t.project);
      call = projectClient(t);
    });
    afterAll(async () => t?.dispose());

    it('vvip:export: every VVIP the rules match, by GMV', async () => {
      const vvip = { rules: [{ join: 'and' as const, field: 'gmv' as const, op: '>=' as const, value: 70 }] };
      const rows = await expectSameRows(await call('vvip:export', { vvip }), await call('vvip:export', { vvip, format: 'csv' }));
      // featuresFixture at 2024-04-06: GMV ann 1349, rae 100, ray 80, max 70, mia 70.
      expect(rows.map((r) => r[0])).toEqual(['ann', 'rae', 'ray', 'max', 'mia']);
    });

    it('features:export: sorted and filtered as the grid asks', async () => {
      const req = { sort: [{ colId: 'tenure_days', sort: 'desc' as const }], filter: { groups: { filterType: 'text' as const, type: 'equals' as const, filter: 'A' } } };
      const rows = await expectSameRows(await call('features:export', req), await call('features:export', { ...req, format: 'csv' }));
      expect(rows.map((r) => r[0])).toEqual(['rae', 'ray', 'eve', 'ann', 'dan', 'cat', 'hal', 'gus']);
    });

    it('quadrant:export: every person of a type', async () => {
      const q = await call('quadrant:query', {});
      if (!q.ok) throw new Error(q.error.message);
      const type = q.value.counts.find((c) => c.count > 0)?.type ?? 'unclassified';
      const rows = await expectSameRows(await call('quadrant:export', { type }), await call('quadrant:export', { type, format: 'csv' }));
      expect(rows.length).toBeGreaterThan(0);
    });
  });

  it('vvip:export: past the VVIP_LIST_LIMIT people vvip:query lists, both files hold everyone', async () => {
    const t = await tempProject('UTC');
    try {
      const n = VVIP_LIST_LIMIT + 1;
      // One statement (insertSpells inserts a row at a time: 2,001 took seconds).
      await t.project.db.use((sql) =>
        sql.run(
          `INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id)
           SELECT '一群', 'p' || lpad(CAST(i AS VARCHAR), 5, '0'), 'p' || i, NULL, TIMESTAMPTZ '2026-09-01 10:00:00+00', NULL, NULL, NULL, NULL, 1 FROM range(${n}) r(i)`,
        ),
      );
      const call = projectClient(t);
      const vvip = { rules: [{ join: 'and' as const, field: 'gmv' as const, op: '>=' as const, value: 0 }] };
      const listed = await call('vvip:query', { vvip });
      expect(listed.ok && [listed.value.count, listed.value.people.length]).toEqual([n, VVIP_LIST_LIMIT]);
      const rows = await expectSameRows(await call('vvip:export', { vvip }), await call('vvip:export', { vvip, format: 'csv' }));
      expect(rows.length).toBe(n);
    } finally {
      await t.dispose();
    }
  });

  describe('churn:export', () => {
    let t: TempProject;
    let call: ReturnType<typeof inProcessClient>;
    beforeAll(async () => {
      t = await tempProject('UTC');
      // Four leave in September: u1 (2 days), u2 (5), u3 (1, 二群), u4 (9); u5 stays.
      await insertSpells(t.project, [
        { group: '一群', id: 'u1', join: '2026-09-01 10:00:00+00', leave: '2026-09-03 11:00:00+00' },
        { group: '一群', id: 'u2', join: '2026-09-01 10:00:00+00', leave: '2026-09-06 12:00:00+00' },
        { group: '二群', id: 'u3', join: '2026-09-02 10:00:00+00', leave: '2026-09-03 12:00:00+00' },
        { group: '一群', id: 'u4', join: '2026-09-01 09:00:00+00', leave: '2026-09-10 09:30:00+00' },
        { group: '一群', id: 'u5', join: '2026-09-01 10:00:00+00' },
      ]);
      call = projectClient(t);
    });
    afterAll(async () => t?.dispose());

    it('unsorted: every event, oldest first, as churn:events lists them', async () => {
      const rows = await expectSameRows(await call('churn:export', {}), await call('churn:export', { format: 'csv' }));
      expect(rows.map((r) => r[7])).toEqual(['u1', 'u3', 'u2', 'u4']);
      expect(rows[0]!.slice(0, 2)).toEqual(['2026-09-03 11:00:00', 'u1']);
    });

    it('follows the grid’s sort and filter: 一群 only, longest tenure first', async () => {
      const shown = { sort: [{ colId: 'tenure_days', sort: 'desc' as const }], filter: { group_name: { filterType: 'text' as const, type: 'equals' as const, filter: '一群' } } };
      const rows = await expectSameRows(await call('churn:export', shown), await call('churn:export', { ...shown, format: 'csv' }));
      expect(rows.map((r) => [r[7], r[6]])).toEqual([['u4', '9'], ['u2', '5'], ['u1', '2']]);
      const listed = await call('churn:events', { ...shown, offset: 0, limit: 100 });
      expect(listed.ok && listed.value.rows.map((r) => r.pid)).toEqual(['u4', 'u2', 'u1']);
    });
  });

  it('funnel:exportLost: the lost list of a stage, as funnel:lost lists it', async () => {
    const t = await tempProject();
    try {
      await buildFunnelFixture(t.project);
      const call = projectClient(t);
      const req = { from: '2024-03-04', to: '2024-03-10', stageIndex: 1 };
      const listed = await call('funnel:lost', req);
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.length).toBeGreaterThan(0);
      const rows = await expectSameRows(await call('funnel:exportLost', req), await call('funnel:exportLost', { ...req, format: 'csv' }));
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(listed.value.map((p) => p.pid)));
    } finally {
      await t.dispose();
    }
  });
});
