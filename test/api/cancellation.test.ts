import path from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_SIZES, generateProject } from '../../bench/generateProject';
import { invalidateDerived, withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { createContext, type AppContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { tempDir, tempPaths } from '../support/tempDirs';

// A generated community of 10,000 people and 200,000 messages: computing its feature table, the
// first quadrant:query after opening, takes DuckDB a good while (seconds on a busy laptop).
let tmp: ReturnType<typeof tempDir>;
let file: string;
let ctx: AppContext;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  tmp = tempDir('qunxi-cancel-');
  file = path.join(tmp.dir, 'community.qunxi');
  await generateProject(file, QUICK_SIZES);
  ctx = createContext('test', tempPaths(tmp.dir));
  call = inProcessClient(createHandlers(ctx));
}, 300_000);

afterAll(async () => {
  if (ctx?.project) await closeProjectFile(ctx.project);
  tmp?.cleanup();
});

/** Opens the project afresh: the feature table, kept in memory by the open project, is computed again. */
async function reopen(): Promise<void> {
  if (ctx.project) await closeProjectFile(ctx.project);
  ctx.project = null;
  ctx.project = await openProjectFile(file, withDerivedTables);
}

/**
 * Watches the statements DuckDB is given (this file's process only; each test file of test/api
 * runs in a process of its own): `when(test)` settles once a statement matching `test` has been
 * handed to DuckDB (`started`) and once DuckDB has answered it (`answered`). The test waits for
 * these events, not for time: how long the feature table takes depends on the machine's load.
 */
const watchers: { test: (sql: string) => boolean; onStart: () => void; onAnswer: () => void }[] = [];
const originalRun = DuckDBConnection.prototype.run;
DuckDBConnection.prototype.run = function (this: DuckDBConnection, sql, values, types) {
  const mine = watchers.filter((w) => w.test(sql));
  mine.forEach((w) => w.onStart());
  const result = originalRun.call(this, sql, values, types);
  void result.then(
    () => mine.forEach((w) => w.onAnswer()),
    () => undefined,
  );
  return result;
};
function when(test: (sql: string) => boolean): { started: Promise<void>; answered: Promise<void> } {
  let onStart!: () => void;
  let onAnswer!: () => void;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  const answered = new Promise<void>((resolve) => (onAnswer = resolve));
  const watcher = { test, onStart, onAnswer };
  watchers.push(watcher);
  void answered.then(() => watchers.splice(watchers.indexOf(watcher), 1));
  return { started, answered };
}

/** How long `work` takes to settle, and its answer. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work;
  return { ms: performance.now() - t0, value };
}

describe('cancelling an analysis call', () => {
  it('a superseded quadrant query is interrupted in DuckDB and answers CANCELLED; the newer one waiting on its feature table answers in full', async () => {
    await reopen();
    // Every group named: a scope, computed in memory on each open (the default table the file keeps would be read, not computed).
    const scope = { groups: (await ctx.project!.db.use((sql) => sql.all<{ g: string }>('SELECT DISTINCT group_name AS g FROM memberships ORDER BY 1'))).map((r) => r.g) };
    const full = await timed(call('quadrant:query', scope));
    expect(full.value.ok).toBe(true);

    await reopen();
    const superseded = new AbortController();
    // The first request computes the feature table (featuresCache.ts computeInMemory); the newer one
    // of the same scope reads what the table is computed under (its definitions, then the data's
    // fingerprint: the last statement before it looks the table up among the kept ones, keptTables.ts),
    // finds it being computed and waits for that computation. It reads them twice: for the default
    // table the file keeps (the quadrant's definition is fitted to it), then for its scope's.
    const computing = when((sql) => /^CREATE OR REPLACE TABLE qx_features\./.test(sql));
    const first = timed(call('quadrant:query', scope, { signal: superseded.signal }));
    await computing.started;
    let keyReads = 0;
    const keyed = when((sql) => sql.includes('AS saved_tags') && ++keyReads === 2);
    const newer = call('quadrant:query', scope);
    await keyed.answered;
    const lookedUp = when((sql) => sql.includes('FROM imports'));
    await lookedUp.answered;
    // Still computing: had DuckDB answered the first request's statement, this test would prove nothing.
    const isComputing = await Promise.race([computing.answered.then(() => false), new Promise<boolean>((resolve) => setImmediate(() => resolve(true)))]);
    expect(isComputing).toBe(true);
    const abortedAt = performance.now();
    superseded.abort();
    const cancelled = await first;
    const stoppedAfterMs = performance.now() - abortedAt;

    // DuckDB's own error rides in the details: the interrupt reached the running statement.
    expect(cancelled.value).toMatchObject({ ok: false, error: { code: 'CANCELLED', details: { database: expect.stringMatching(/Interrupted/) } } });
    // Computing to the end would have taken most of a full run from here.
    expect(stoppedAfterMs).toBeLessThan(full.ms / 4);

    const [before, after] = [full.value, await newer];
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) {
      expect(after.value.counts).toEqual(before.value.counts);
      expect(after.value.total).toBe(before.value.total);
    }
  }, 300_000);

  it('a caller abandoned while the derived tables are rebuilt stops waiting; the rebuild goes on and serves the others', async () => {
    if (!ctx.project) await reopen();
    invalidateDerived(ctx.project!.db);
    const abandoned = new AbortController();
    const leaving = timed(call('behaviours:msgTypes', {}, { signal: abandoned.signal }));
    const staying = timed(call('behaviours:msgTypes', {}));
    setTimeout(() => abandoned.abort(), 20);
    const [left, stayed] = await Promise.all([leaving, staying]);

    expect(left.value).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // Had the abandoned caller's abort reached the shared build, the staying caller would have failed with it.
    expect(stayed.value.ok).toBe(true);
    expect(stayed.value.ok && stayed.value.value.length).toBeGreaterThan(0);
    expect(left.ms).toBeLessThan(stayed.ms / 2);
  }, 300_000);
});
