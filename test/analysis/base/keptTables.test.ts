import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptTableSet, keptTables } from '../../../src-main/analysis/base/keptTables';
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

  it('counts a table as known while the set’s own drop of it is under way (another drop of it then would conflict)', async () => {
    const set = keptTableSet<void>(1, (sql) => sql.run(`ATTACH IF NOT EXISTS ':memory:' AS ${DB} (READ_WRITE)`));
    const db = t.project.db;
    const make = (name: string) => async (sql: { run: (q: string) => Promise<unknown> }) => void (await sql.run(`CREATE TABLE ${name} AS SELECT 1 AS i`));
    await db.use(async (sql) => {
      const a = await set.hold(sql, `${DB}.d1`, make(`${DB}.d1`));
      // d2 pushes d1 out of the one kept; d1 is dropped when its reader lets it go.
      const b = await set.hold(sql, `${DB}.d2`, make(`${DB}.d2`));
      expect(set.isKnown(sql, `${DB}.d1`)).toBe(true);
      // The release starts the drop at once (its statement then runs in DuckDB): d1 is still known.
      const dropped = a.release();
      expect(set.isKnown(sql, `${DB}.d1`)).toBe(true);
      await dropped;
      expect(set.isKnown(sql, `${DB}.d1`)).toBe(false);
      await b.release();
    });
    expect(await tables()).not.toContain('d1');
  });
});
