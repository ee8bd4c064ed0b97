import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnEvent, ChurnEventRow, ColumnFilter } from '../../../src-main/contract';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { queryChurnEvents } from '../../../src-main/analysis/churn/churnQueries';
import { churnStageText, churnWayText } from '../../../src-main/locale/churn';
import { insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { fillChurnFixture } from './churnFixture';
import { projectClient } from '../../support/projectClient';

/**
 * The churn list grid (churn:events) pages every event of the scope, sorted and filtered on the
 * Node side: each page is checked against a brute-force reference, every event of
 * queryChurnEvents sorted and filtered here in plain code.
 */
let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject();
  await fillChurnFixture(t.project);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

type Sort = { colId: keyof ChurnEventRow & string; sort: 'asc' | 'desc' }[];

/** Every event as the grid shows it, in the list's own order (oldest first). */
async function reference(groups?: string[]): Promise<ChurnEventRow[]> {
  const events = await t.project.db.use((sql) => queryChurnEvents(sql, { groups, timeZone: 'Asia/Shanghai' }));
  return events.map((e: ChurnEvent) => ({ ...e, left_at: e.left_at.replace('T', ' '), how_text: churnWayText[e.how], stage_text: churnStageText[e.stage] }));
}

/** Sorted like the grid: by the keys, nulls last both ways, ties in the list's order (a stable sort of it). */
function sorted(rows: ChurnEventRow[], sort: Sort): ChurnEventRow[] {
  return [...rows].sort((a, b) => {
    for (const { colId, sort: dir } of sort) {
      const x = a[colId];
      const y = b[colId];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = x < y ? -1 : 1;
      return dir === 'asc' ? c : -c;
    }
    return 0;
  });
}

/** Every page of `limit` rows, concatenated, with the totals each page reported. */
async function allPages(limit: number, sort: Sort = [], filter: Record<string, ColumnFilter> = {}, groups?: string[]) {
  const rows: ChurnEventRow[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const r = await call('churn:events', { offset, limit, sort, filter, ...(groups ? { groups } : {}) });
    if (!r.ok) throw new Error(r.error.message);
    totals.add(r.value.total);
    rows.push(...r.value.rows);
    if (r.value.rows.length < limit) break;
  }
  return { rows, totals: [...totals] };
}

describe('the churn list, paged on the Node side', () => {
  it('pages through every event, oldest first, as the whole list', async () => {
    const all = await reference();
    expect(all.length).toBeGreaterThan(4);
    const paged = await allPages(2);
    expect(paged.rows).toEqual(all);
    expect(paged.totals).toEqual([all.length]);
  });

  it('sorts by a number (tenure, nulls last) and by text, across pages', async () => {
    const all = await reference();
    for (const sort of [[{ colId: 'tenure_days', sort: 'desc' }], [{ colId: 'tenure_days', sort: 'asc' }], [{ colId: 'how_text', sort: 'asc' }, { colId: 'name', sort: 'desc' }]] as Sort[]) {
      expect((await allPages(3, sort)).rows).toEqual(sorted(all, sort));
    }
  });

  it('filters numbers (comparisons, range, blank) and text labels, counting what matches', async () => {
    const all = await reference();
    const cases: [ColumnFilter, (r: ChurnEventRow) => boolean][] = [
      [{ filterType: 'number', type: 'greaterThanOrEqual', filter: 2 }, (r) => r.tenure_days !== null && r.tenure_days >= 2],
      [{ filterType: 'number', type: 'lessThan', filter: 2 }, (r) => r.tenure_days !== null && r.tenure_days < 2],
      [{ filterType: 'number', type: 'inRange', filter: 1, filterTo: 3 }, (r) => r.tenure_days !== null && r.tenure_days >= 1 && r.tenure_days <= 3],
      [{ filterType: 'number', type: 'notEqual', filter: 0 }, (r) => r.tenure_days !== 0],
      [{ filterType: 'number', type: 'blank' }, (r) => r.tenure_days === null],
    ];
    for (const [f, keep] of cases) {
      const expected = all.filter(keep);
      const paged = await allPages(2, [], { tenure_days: f });
      expect(paged.rows).toEqual(expected);
      expect(paged.totals).toEqual([expected.length]);
    }
    const removed = churnWayText.removed;
    const paged = await allPages(2, [], { how_text: { filterType: 'text', type: 'equals', filter: removed } });
    expect(paged.rows).toEqual(all.filter((r) => r.how_text === removed));
    expect(paged.rows.length).toBeGreaterThan(0);
  });

  it('churn:query makes the table of the scope’s events that the list pages, and the list computes nothing again', async () => {
    const listTables = async () =>
      (await t.project.db.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'qx_derived' AND table_name LIKE 'churn_list_%'`)).map((r) => r.name);
    const scope = { groups: ['A'], from: '2024-01-01' };
    const before = await listTables();
    const query = await call('churn:query', { ...scope, period: 'week' });
    const made = (await listTables()).filter((n) => !before.includes(n));
    expect(made).toHaveLength(1);
    const page = await call('churn:events', { ...scope, offset: 0, limit: 1000 });
    expect((await listTables()).filter((n) => !before.includes(n))).toEqual(made);
    if (!query.ok || !page.ok) throw new Error('churn:query or churn:events failed');
    // The same events in both answers (the list's time with a space, churn:query's ISO text with a T).
    const listed = (await reference(['A'])).filter((r) => r.left_at >= '2024-01-01');
    expect(listed.length).toBeGreaterThan(0);
    expect(page.value.rows).toEqual(listed);
    expect(query.value.events.map((e) => e.left_at.replace('T', ' '))).toEqual(listed.map((r) => r.left_at));
    expect(query.value.eventCount).toBe(listed.length);
  });

  it('lists the scope asked for, and the new events once the data change', async () => {
    expect((await allPages(5, [], {}, ['B'])).rows).toEqual(await reference(['B']));
    const before = await reference();
    await insertSpells(t.project, [{ group: 'A', id: 'zoe', join: '2024-01-20 09:00:00+08', leave: '2024-01-21 09:00:00+08' }]);
    const after = await reference();
    expect(after.length).toBe(before.length + 1);
    expect((await allPages(4)).rows).toEqual(after);
  });
});
