import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectDb } from '../../src-main/db/projectDb';
import { tempDir } from '../support/tempDirs';

// A statement DuckDB needs a while for: hashing a few hundred million numbers (no table, no data).
const SLOW_SQL = `SELECT count(*) AS n FROM range(0, 60000000) t(i) WHERE hash(i) % 7 = 3`;
// The answer of SLOW_SQL, for checking that a statement that was not interrupted ran to the end.
const isSlowAnswer = (rows: { n: unknown }[]) => rows.length === 1 && Number(rows[0]!.n) > 0;

/** How long `work` takes, and how it settled. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const t0 = performance.now();
  try {
    const value = await work;
    return { ms: performance.now() - t0, value };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
}

let db: ProjectDb;
beforeEach(async () => {
  db = await ProjectDb.open(':memory:');
});
afterEach(async () => {
  await db.close();
});

describe('cancelling a use of the database', () => {
  it('an abort interrupts the statement under way in DuckDB: CANCELLED long before a full run, and the next use works', async () => {
    const full = await timed(db.use((sql) => sql.all<{ n: unknown }>(SLOW_SQL)));
    expect(isSlowAnswer(full.value!)).toBe(true);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), full.ms / 4);
    const cancelled = await timed(db.use((sql) => sql.all(SLOW_SQL), { signal: controller.signal }));

    // DuckDB's own error travels in the details: the database stopped the statement, not our wrapper.
    expect(cancelled.error).toMatchObject({ code: 'CANCELLED', details: { database: expect.stringMatching(/Interrupted/) } });
    expect(cancelled.ms).toBeLessThan(full.ms / 2);
    expect(await db.use((sql) => sql.all<{ x: number }>('SELECT 42 AS x'))).toEqual([{ x: 42 }]);
  });

  it('an abort right as the statement is handed to DuckDB still interrupts it (the interrupt is repeated)', async () => {
    const full = await timed(db.use((sql) => sql.all<{ n: unknown }>(SLOW_SQL)));
    // The statement is on its way to DuckDB's thread but maybe not begun: DuckDB clears an interrupt
    // at the start of a query, so a single one is lost about half the time; four tries all must stop.
    for (let attempt = 0; attempt < 4; attempt++) {
      const controller = new AbortController();
      const cancelled = await timed(
        db.use(
          async (sql) => {
            const running = sql.all(SLOW_SQL);
            controller.abort();
            return running;
          },
          { signal: controller.signal },
        ),
      );
      expect(cancelled.error).toMatchObject({ code: 'CANCELLED', details: { database: expect.stringMatching(/Interrupted/) } });
      expect(cancelled.ms).toBeLessThan(full.ms / 2);
    }
  });

  it('after an abort the use runs no further statement', async () => {
    const controller = new AbortController();
    let isSecondRun = false;
    const result = await timed(
      db.use(
        async (sql) => {
          await sql.run('CREATE TEMP TABLE t AS SELECT 1 AS x');
          controller.abort();
          await sql.run('INSERT INTO t VALUES (2)');
          isSecondRun = true;
        },
        { signal: controller.signal },
      ),
    );
    expect(result.error).toMatchObject({ code: 'CANCELLED' });
    expect(isSecondRun).toBe(false);
  });

  it('a use whose signal aborted already never connects', async () => {
    let isRun = false;
    const result = await timed(
      db.use(
        async () => {
          isRun = true;
        },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(result.error).toMatchObject({ code: 'CANCELLED' });
    expect(isRun).toBe(false);
  });

  it('an abandoned caller stops waiting for the shared preparer, which runs to the end for the others', async () => {
    // A preparer shared as derivedTables.ts shares its build: callers arriving meanwhile wait for the same run.
    let running: Promise<void> | null = null;
    const prepared: unknown[][] = [];
    db.setPreparer((self) => {
      running ??= self.useUnprepared(async (sql) => void prepared.push(await sql.all(SLOW_SQL))).finally(() => (running = null));
      return running;
    });
    const abandoned = new AbortController();
    const leaving = timed(db.use((sql) => sql.all('SELECT 1 AS x'), { signal: abandoned.signal }));
    const staying = timed(db.use((sql) => sql.all<{ x: number }>('SELECT 2 AS x')));
    setTimeout(() => abandoned.abort(), 50);
    const [left, stayed] = await Promise.all([leaving, staying]);

    expect(left.error).toMatchObject({ code: 'CANCELLED' });
    expect(stayed.value).toEqual([{ x: 2 }]);
    expect(left.ms).toBeLessThan(stayed.ms / 2);
    // The preparer's statement was not interrupted: it ran once, to its answer.
    expect(prepared).toHaveLength(1);
    expect(isSlowAnswer(prepared[0] as { n: unknown }[])).toBe(true);
  });
});

describe('many uses at once', () => {
  it('a dozen uses without a signal of their own run at once without a listener warning (each listens to the close)', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => db.use((sql) => sql.one<{ i: number }>(`SELECT ${i} AS i`))));
      expect(answers.map((a) => a?.i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      // Warnings are emitted on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });
});

describe('closing a database while a statement runs', () => {
  const tmp = tempDir();
  afterEach(() => tmp.cleanup());

  it('read-only: the statement is interrupted, its use fails CANCELLED, and later uses are refused', async () => {
    const file = path.join(tmp.dir, 'p.duckdb');
    const writer = await ProjectDb.open(file);
    await writer.use((sql) => sql.run('CREATE TABLE t AS SELECT 1 AS x'));
    await writer.close();
    const reader = await ProjectDb.open(file, { readOnly: true });
    let isStarted!: () => void;
    const started = new Promise<void>((resolve) => (isStarted = resolve));
    const running = timed(
      reader.use(async (sql) => {
        const answer = sql.all(SLOW_SQL);
        isStarted();
        return answer;
      }),
    );
    await started;
    // DuckDB's own close returns at once and leaves the statement running, holding the file, to its end (and answering).
    // Closed twice at once (the window and the server may both close it): each close returns.
    await Promise.all([reader.close(), reader.close()]);
    expect((await running).error).toMatchObject({ code: 'CANCELLED', details: { database: expect.stringMatching(/Interrupted/) } });
    await expect(reader.use((sql) => sql.all('SELECT 1'))).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
