import path from 'node:path';
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

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long `work` takes to settle, and its answer. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work;
  return { ms: performance.now() - t0, value };
}

describe('cancelling an analysis call', () => {
  it('a superseded quadrant query is interrupted in DuckDB and answers CANCELLED; the newer one waiting on its feature table answers in full', async () => {
    await reopen();
    const full = await timed(call('quadrant:query', {}));
    expect(full.value.ok).toBe(true);

    await reopen();
    const superseded = new AbortController();
    const first = timed(call('quadrant:query', {}, { signal: superseded.signal }));
    await delay(full.ms / 4);
    // The newer request of the same scope finds the feature table being computed by the first and waits for it.
    const newer = call('quadrant:query', {});
    await delay(full.ms / 8);
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
      expect(after.value.pids.length).toBe(before.value.pids.length);
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
