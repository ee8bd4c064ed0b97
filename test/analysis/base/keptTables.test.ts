import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptTables } from '../../../src-main/analysis/base/keptTables';
import { tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Kept tables (analysis/base/keptTables.ts), which the churn list and the quadrant read: a request
 * still reading a table that newer ones pushed out keeps it until it is done, and then it is dropped.
 */
let t: TempProject;

beforeAll(async () => {
  t = await tempProject();
});
afterAll(async () => t?.dispose());

const DB = 'qx_kept_test';

/** The kept test tables now in the attached database, by name. */
async function tables(): Promise<string[]> {
  const rows = await t.project.db.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${DB}' ORDER BY 1`);
  return rows.map((r) => r.name);
}

describe('kept tables', () => {
  it('keeps a pushed-out table while a request still reads it, drops it after, and makes each table once', async () => {
    const withKept = keptTables(2, (sql) => sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${DB} (READ_WRITE)`));
    const db = t.project.db;
    let makes = 0;
    const make = (name: string, n: number) => async (sql: { run: (q: string) => Promise<unknown> }) => {
      makes++;
      await sql.run(`CREATE TABLE ${name} AS SELECT range AS i FROM range(${n})`);
    };
    const count = (sql: { all: <R>(q: string) => Promise<R[]> }, name: string) => sql.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${name}`).then((r) => Number(r[0]!.n));

    // A request that reads t1, then waits (on `release`) before reading it a second time.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstRead!: () => void;
    const hasRead = new Promise<void>((resolve) => (firstRead = resolve));
    const slow = db.use((sql) =>
      withKept(db, sql, `${DB}.t1`, make(`${DB}.t1`, 1), async (name) => {
        const before = await count(sql, name);
        firstRead();
        await released;
        return [before, await count(sql, name)];
      }),
    );
    await hasRead;
    try {
    // Three newer tables push t1 out of the two kept; t1's reader is not done, so t1 stays.
    for (const [i, n] of [[2, 2], [3, 3], [4, 4]] as const) {
      expect(await db.use((sql) => withKept(db, sql, `${DB}.t${i}`, make(`${DB}.t${i}`, n), (name) => count(sql, name)))).toBe(n);
    }
    expect(await tables()).toEqual(['t1', 't3', 't4']);
    } finally {
      // Also when an expectation above failed: the held connection would keep the project from closing.
      release();
    }
    expect(await slow).toEqual([1, 1]);
    expect(await tables()).toEqual(['t3', 't4']);
    // Asked at once, a kept table is made once and read by both.
    const both = await Promise.all([3, 3].map(() => db.use((sql) => withKept(db, sql, `${DB}.t5`, make(`${DB}.t5`, 5), (name) => count(sql, name)))));
    expect(both).toEqual([5, 5]);
    expect(makes).toBe(5);
    expect(await tables()).toEqual(['t4', 't5']);
    // The latest used is kept: t4 read again, then a new table pushes out t5, not t4.
    await db.use((sql) => withKept(db, sql, `${DB}.t4`, make(`${DB}.t4`, 4), (name) => count(sql, name)));
    await db.use((sql) => withKept(db, sql, `${DB}.t6`, make(`${DB}.t6`, 6), (name) => count(sql, name)));
    expect(await tables()).toEqual(['t4', 't6']);
    expect(makes).toBe(6);
  });
});
