import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { invalidateDerived } from '../../../src-main/analysis/base/derivedTables';
import { AS_OF, expectedAll, insertFeaturesFixture } from './featuresFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function readSheet(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  await insertFeaturesFixture(t.project);
  // A nickname a spreadsheet would run as a formula.
  await t.project.db.use((sql) => sql.run(`UPDATE memberships SET member_name = '=HYPERLINK("x")' WHERE member_id = 'eve'`));
  // An in-place UPDATE is no import: tell the derived tables (names) to rebuild.
  invalidateDerived(t.project.db);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('features:query', () => {
  it('pages the people, by GMV (highest first) when unsorted, with the behaviours of the kb_ columns and the day', async () => {
    const first = await must(call('features:query', { offset: 0, limit: 3, asOf: AS_OF }));
    // GMV: ann 350, rae 100, ray 80, then mia and max 70 each (messages 0 both → by id).
    expect(first.rows.map((r) => [r.pid, r.gmv])).toEqual([['ann', 350], ['rae', 100], ['ray', 80]]);
    expect(first.total).toBe(expectedAll.length);
    expect(first.behaviours).toEqual([{ id: 'checkin', name: '打卡' }, { id: 'kw', name: '报名' }]);
    expect(first.asOf).toBe(AS_OF);
    const next = await must(call('features:query', { offset: 3, limit: 2, asOf: AS_OF }));
    expect(next.rows.map((r) => r.pid)).toEqual(['max', 'mia']);
    expect(first.rows[0]).toEqual(expectedAll[0]);
  });

  it('filters and sorts numbers on the Node side, page by page, as a plain filter and stable sort of every row would', async () => {
    type Row = (typeof expectedAll)[number];
    const pages = async (query: { sort?: { colId: string; sort: 'asc' | 'desc' }[]; filter?: Record<string, unknown> }) => {
      const rows: Row[] = [];
      for (let offset = 0; ; offset += 2) {
        const page = await must(call('features:query', { offset, limit: 2, asOf: AS_OF, ...query } as Parameters<typeof call<'features:query'>>[1]));
        rows.push(...page.rows);
        if (page.rows.length < 2) return { rows, total: page.total };
      }
    };
    const num = (r: Row, k: keyof Row) => r[k] as number | null;
    const nullsLast = (x: number | null, y: number | null, dir: 'asc' | 'desc') => (x === y ? 0 : x === null ? 1 : y === null ? -1 : dir === 'asc' ? x - y : y - x);
    // The grid's order when unsorted (and its tie-break): GMV, then messages, highest first, then id.
    const unsorted = [...expectedAll].sort(
      (a, b) => nullsLast(num(a, 'gmv'), num(b, 'gmv'), 'desc') || nullsLast(num(a, 'messages'), num(b, 'messages'), 'desc') || (a.pid < b.pid ? -1 : 1),
    );
    const filters: [string, Record<string, unknown>, (r: Row) => boolean][] = [
      ['gmv', { filterType: 'number', type: 'greaterThan', filter: 70 }, (r) => (num(r, 'gmv') ?? -Infinity) > 70],
      ['gmv', { filterType: 'number', type: 'inRange', filter: 70, filterTo: 100 }, (r) => num(r, 'gmv') !== null && num(r, 'gmv')! >= 70 && num(r, 'gmv')! <= 100],
      ['purchases', { filterType: 'number', type: 'equals', filter: 0 }, (r) => num(r, 'purchases') === 0],
      ['days_since_last_purchase', { filterType: 'number', type: 'blank' }, (r) => num(r, 'days_since_last_purchase') === null],
      ['messages', { filterType: 'number', type: 'lessThanOrEqual', filter: 1 }, (r) => num(r, 'messages') !== null && num(r, 'messages')! <= 1],
    ];
    for (const [col, f, keep] of filters) {
      const expected = unsorted.filter(keep);
      const got = await pages({ filter: { [col]: f } });
      expect(got.rows.map((r) => r.pid)).toEqual(expected.map((r) => r.pid));
      expect(got.total).toBe(expected.length);
    }
    // Ascending and descending, nulls last both ways, ties in the unsorted order (GMV, messages, id).
    for (const [col, dir] of [['purchases', 'asc'], ['aov', 'desc'], ['tenure_days', 'asc']] as const) {
      const expected = [...unsorted].sort((a, b) => nullsLast(num(a, col), num(b, col), dir));
      expect((await pages({ sort: [{ colId: col, sort: dir }] })).rows.map((r) => r.pid)).toEqual(expected.map((r) => r.pid));
    }
  });

  it('sorts by any feature column and filters text columns as the data grids do', async () => {
    const bySince = await must(call('features:query', { offset: 0, limit: 100, asOf: AS_OF, sort: [{ colId: 'days_since_last_purchase', sort: 'desc' }] }));
    // Empty recency goes last; 91 mia, 90 max, 35 bob, 21 ann, 0 rae / ray (GMV breaks the tie).
    expect(bySince.rows.slice(0, 6).map((r) => r.pid)).toEqual(['mia', 'max', 'bob', 'ann', 'rae', 'ray']);
    const inB = await must(call('features:query', { offset: 0, limit: 100, asOf: AS_OF, filter: { groups: { filterType: 'text', type: 'contains', filter: 'b' } } }));
    expect(inB.rows.map((r) => r.pid).sort()).toEqual(['bob', 'dan2', 'fay', 'max', 'mia']);
    expect(inB.total).toBe(5);
  });

  it('limits to the scope groups', async () => {
    const page = await must(call('features:query', { offset: 0, limit: 100, asOf: AS_OF, groups: ['C'] }));
    expect(page.rows.map((r) => [r.pid, r.is_member, r.tenure_days])).toEqual([['ivy', true, 30]]);
  });

  it('refuses an unknown column and an impossible day', async () => {
    const bad = await call('features:query', { offset: 0, limit: 10, sort: [{ colId: 'gmv; DROP TABLE x', sort: 'asc' }] });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
    const day = await call('features:query', { offset: 0, limit: 10, asOf: '2024-02-30' });
    expect(day.ok ? null : day.error.code).toBe('INVALID_REQUEST');
  });
});

describe('features:export', () => {
  it('writes the filtered, sorted table with Chinese headers, 是/否 and formula-looking nicknames neutralised', async () => {
    const file = await must(call('features:export', { sort: [{ colId: 'tenure_days', sort: 'desc' }], filter: { groups: { filterType: 'text', type: 'equals', filter: 'A' } } }));
    // Default day = the last day with data, 2024-04-06.
    expect(file.fileName).toBe('客户360_2024-04-06.xlsx');
    const rows = await readSheet(file.base64);
    expect(rows[0]!.slice(0, 10)).toEqual(['成员ID', '昵称', '渠道', '所属员工', '标签', '加入过的群', '当前在群', '购买次数', '累计GMV', '客单价']);
    expect(rows[0]).toContain('关键行为：打卡');
    const pid = rows[0]!.indexOf('成员ID');
    const tenure = rows[0]!.indexOf('入群天数');
    // On 04-06, people whose groups are exactly A (fay is A、B; gus joined A that day), by tenure.
    expect(rows.slice(1).map((r) => [r[pid], r[tenure]])).toEqual([
      ['rae', '127'], ['ray', '127'], ['eve', '96'], ['ann', '95'], ['dan', '94'], ['cat', '61'], ['hal', '36'], ['gus', '0'],
    ]);
    const eve = rows.find((r) => r[pid] === 'eve')!;
    expect(eve[rows[0]!.indexOf('昵称')]).toBe(`'=HYPERLINK("x")`);
    expect(eve[rows[0]!.indexOf('当前在群')]).toBe('是');
  });
});
