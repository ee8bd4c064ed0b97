import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext, defaultPaths, type AppContext } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import type { ImportJob, PreparationProgress } from '../../src-main/contract';
import type { OpenProject } from '../../src-main/db/projectFile';
import { writeXlsx } from '../import/helpers';
import { KEPT_FEATURES_SCHEMA } from '../../src-main/analysis/features/featuresCache';
import { KEPT_CHURN_SCHEMA } from '../../src-main/analysis/churn/churnList';
import { KEPT_SOURCES_SCHEMA } from '../../src-main/analysis/funnel/pathQueries';
import { KEPT_GROWTH_SCHEMA } from '../../src-main/analysis/decision/growthDecomposition';
import { KEPT_CHANNELS_SCHEMA } from '../../src-main/analysis/channels/channelQueries';
import { hasHitTables } from '../../src-main/analysis/base/behaviourHits';
import { readDefinition } from '../../src-main/db/definitionsStore';
import { dataFingerprint } from '../../src-main/analysis/base/derivedTables';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-derived-warm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function appContext(mode: 'browser' | 'cli'): AppContext {
  return createContext(mode, { ...defaultPaths(dir, {}), tempDir: path.join(dir, 'tmp'), configDir: path.join(dir, 'cfg'), projectsDir: dir, importDir: dir });
}

/** People in the derived identity table, read without bringing the tables up to date (null: not built). */
async function derivedPeople(project: OpenProject): Promise<number | null> {
  return project.db.useUnprepared(async (sql) => {
    // A table, or a view of the one the project file keeps.
    const tables = await sql.all<{ n: number }>(
      `SELECT count(*)::INT AS n FROM (SELECT database_name, table_name AS name FROM duckdb_tables() UNION ALL SELECT database_name, view_name FROM duckdb_views())
       WHERE database_name = 'qx_derived' AND name = 'id_people'`,
    );
    if (!tables[0]?.n) return null;
    return (await sql.all<{ n: number }>(`SELECT count(*)::INT AS n FROM qx_derived.id_people`))[0]!.n;
  });
}

async function until(h: ReturnType<typeof createHandlers>, jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = await h['import:status']({ jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A project file holding two members whose kept derived tables know one: the second is written
 * straight into the table, as another copy of the app would have, after the tables were built.
 */
async function projectWithStaleTables(): Promise<string> {
  const ctx = appContext('cli');
  const h = createHandlers(ctx);
  const file = path.join(dir, 'one.qunxi');
  await h['project:new']({ path: file });
  const members = await writeXlsx(path.join(dir, '群成员.xlsx'), { Sheet1: [['群名称', '成员ID', '入群时间'], ['g', 'id1', '2026-09-01 08:00:00']] });
  const done = await until(h, (await h['import:start']({ source: { path: members } })).jobId);
  expect(done.state).toBe('done');
  const project = ctx.project!;
  await project.db.use(async () => undefined);
  expect(await derivedPeople(project)).toBe(1);
  await project.db.transaction((sql) => sql.run(`INSERT INTO memberships SELECT * REPLACE ('id2' AS member_id) FROM memberships`));
  await h['project:close']({});
  return file;
}

describe('the derived tables of the app', () => {
  it('are brought up to date right after a project opens, before any analysis asks', async () => {
    const file = await projectWithStaleTables();
    const ctx = appContext('browser');
    const h = createHandlers(ctx);
    await h['project:open']({ path: file });
    // Nothing but the open: the tables follow the data on their own.
    await vi.waitFor(async () => expect(await derivedPeople(ctx.project!)).toBe(2), { timeout: 30_000, interval: 50 });
    await h['project:close']({});
  });

  it('say how far their build is while it runs after an open (project:preparation), and nothing once built', async () => {
    const file = await projectWithStaleTables();
    const ctx = appContext('browser');
    const h = createHandlers(ctx);
    // Read from the open's start on: the build may be well under way when the open answers.
    let isOpen = false;
    void h['project:open']({ path: file }).then(() => (isOpen = true));
    const seen: PreparationProgress[] = [];
    for (;;) {
      const progress = await h['project:preparation']({});
      if (!progress && isOpen) break;
      if (progress?.isBuilding) seen.push(progress);
      await new Promise((r) => setImmediate(r));
    }
    expect(seen.length).toBeGreaterThan(1);
    const total = seen[0]!.total;
    expect(total).toBeGreaterThan(1);
    for (const [i, p] of seen.entries()) {
      expect(p.total).toBe(total);
      expect(p.done).toBeGreaterThanOrEqual(i ? seen[i - 1]!.done : 0);
    }
    // Every statement of the build counted: the last report, while the build's views are set up, says all done.
    expect(seen.at(-1)).toEqual({ isBuilding: true, done: total, total });
    expect(await derivedPeople(ctx.project!)).toBe(2);
    // Up to date: nothing under way after, and a project reopened with the same data checks but builds nothing.
    expect(await h['project:preparation']({})).toBeNull();
    await h['project:close']({});
    await h['project:open']({ path: file });
    for (let progress = await h['project:preparation']({}); progress; progress = await h['project:preparation']({})) {
      expect(progress.isBuilding).toBe(false);
      await new Promise((r) => setImmediate(r));
    }
    await h['project:close']({});
  });

  it('are left to the first analysis in the command line, which opens a project for one command', async () => {
    const file = await projectWithStaleTables();
    const ctx = appContext('cli');
    const h = createHandlers(ctx);
    await h['project:open']({ path: file });
    // Not brought up to the second member (not even set up for this session: null).
    expect(await derivedPeople(ctx.project!)).not.toBe(2);
    await h['project:close']({});
  });

  for (const mode of ['browser', 'cli'] as const) {
    it(`follow an import before its job says done, its share while preparing the statements of the build done (${mode})`, async () => {
      const ctx = appContext(mode);
      const h = createHandlers(ctx);
      await h['project:new']({ path: path.join(dir, 'p.qunxi') });
      const file = await writeXlsx(path.join(dir, '群成员.xlsx'), {
        Sheet1: [['群名称', '成员ID', '入群时间'], ['g', 'id1', '2026-09-01 08:00:00'], ['g', 'id2', '2026-09-02 08:00:00']],
      });
      const { jobId } = await h['import:start']({ source: { path: file } });
      const preparing: (number | null)[] = [];
      let job: ImportJob;
      for (job = await h['import:status']({ jobId }); job.state === 'running'; job = await h['import:status']({ jobId })) {
        if (job.phase === 'preparing') preparing.push(job.fraction);
        await new Promise((r) => setImmediate(r));
      }
      expect(job).toMatchObject({ state: 'done', phase: 'finished' });
      expect(await derivedPeople(ctx.project!)).toBe(2);
      expect(preparing.length).toBeGreaterThan(1);
      const shares = preparing.filter((f) => f !== null);
      expect(shares.length).toBeGreaterThan(1);
      for (const [i, f] of shares.entries()) expect(f).toBeGreaterThanOrEqual(i ? shares[i - 1]! : 0);
      expect(shares.at(-1)!).toBeLessThanOrEqual(1);
      // 客户360's default feature table too, under the key of the new data: the first page reads it.
      const kept = await ctx.project!.db.use((sql) => sql.all<{ key: string; table_name: string }>(`SELECT key, table_name FROM ${KEPT_FEATURES_SCHEMA}.kept_state`));
      expect(kept.length).toBe(1);
      expect(kept[0]!.key).toContain(await ctx.project!.db.useUnprepared(dataFingerprint));
      const ids = await ctx.project!.db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM ${KEPT_FEATURES_SCHEMA}.${kept[0]!.table_name} ORDER BY pid`));
      expect(ids).toEqual([{ pid: 'id1' }, { pid: 'id2' }]);
      // And 流失与留存's list of the whole project, and the saved key-behaviour rules' hits that table counts.
      const keptOf = (schema: string) =>
        ctx.project!.db.use(async (sql) =>
          (await sql.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${schema}'`)).map((r) => r.name),
        );
      expect(await keptOf(KEPT_CHURN_SCHEMA)).toHaveLength(1);
      // What each source of a customer path holds (the path editor's column), of the new data: two members joined.
      expect(await keptOf(KEPT_SOURCES_SCHEMA)).toHaveLength(1);
      const [table] = await keptOf(KEPT_SOURCES_SCHEMA);
      const joined = await ctx.project!.db.use((sql) => sql.one<{ n: number }>(`SELECT available AS n FROM ${KEPT_SOURCES_SCHEMA}.${table} WHERE source = 'person_joined'`));
      expect(joined?.n).toBe(2);
      // 增长点's segment counts of the default periods: the ones 增长点 then reads, not counted again beside them.
      const counts = await keptOf(KEPT_GROWTH_SCHEMA);
      expect(counts).toHaveLength(1);
      await h['decision:growthPoints']({});
      expect(await keptOf(KEPT_GROWTH_SCHEMA)).toEqual(counts);
      // And 渠道's people rows of the whole project, the ones 渠道 then reads.
      const channels = await keptOf(KEPT_CHANNELS_SCHEMA);
      expect(channels).toHaveLength(1);
      await h['channels:query']({ dimension: 'source' });
      expect(await keptOf(KEPT_CHANNELS_SCHEMA)).toEqual(channels);
      const inMemory = await ctx.project!.db.use((sql) => sql.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'qx_derived' AND regexp_matches(table_name, '^(segment_counts|channel_people)_')`));
      expect(inMemory).toEqual([]);
      const saved = await ctx.project!.db.use((sql) => readDefinition(sql, 'behaviours'));
      expect(await ctx.project!.db.use((sql) => hasHitTables(sql, saved.filter((b) => b.enabled)))).toBe(true);
      // Kept in the file: a later open of the same data finds them current and builds nothing.
      await h['project:close']({});
      await h['project:open']({ path: path.join(dir, 'p.qunxi') });
      await ctx.project!.db.use(async () => undefined);
      for (let progress = await h['project:preparation']({}); progress; progress = await h['project:preparation']({})) {
        expect(progress.isBuilding).toBe(false);
        await new Promise((r) => setImmediate(r));
      }
      await h['project:close']({});
    });
  }
});
