/**
 * A damaged block in a kept table (the analyses' tables made from the data, projectIntegrity.ts
 * KEPT_SCHEMA_PREFIX) does not refuse the project: a writable open reads the data's tables whole
 * and not the kept ones; the query that meets the block says so, the data being whole; the next
 * open drops the kept tables and the analyses make them again, with the figures of the sound file.
 * A read-only open still reads everything. The damaged file is real: garbage over a block only the
 * kept table `msgs` (every group message with its person and group numbers) uses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/dispatch';
import { AppError } from '../../src-main/contract/appError';
import { closeProjectFile, createProjectFile, inspectProjectFile } from '../../src-main/db/projectFile';
import { ProjectDb } from '../../src-main/db/projectDb';
import { apiPerTest } from '../support/apiPerTest';

const MEMBERS = 400;
const MESSAGES = 300_000;

/** A closed project of MEMBERS members in 4 groups writing MESSAGES messages over 60 days. */
async function project(file: string): Promise<void> {
  const p = await createProjectFile(file, 'Asia/Shanghai');
  await p.db.transaction(async (sql) => {
    await sql.run(
      `INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id)
       SELECT '群' || (i % 4), 'u' || i, '成员' || i, '外部联系人', TIMESTAMPTZ '2026-01-01 00:00:00+08' + to_days(i % 30), NULL, NULL,
              CASE WHEN i % 7 = 0 THEN TIMESTAMPTZ '2026-02-10 00:00:00+08' END, NULL, 1
       FROM range(${MEMBERS}) r(i)`,
    );
    await sql.run(
      `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)
       SELECT 'k' || i, 'u' || (i * 7919 % ${MEMBERS}), NULL, '群' || (i * 7919 % ${MEMBERS} % 4),
              TIMESTAMPTZ '2026-01-01 00:00:00+08' + to_seconds(i * 17), 'text', 'hi', 1
       FROM range(${MESSAGES}) r(i)`,
    );
  });
  await closeProjectFile(p);
}

/**
 * Byte offset of a block holding the person numbers of the kept table `qx_kept.msgs` and nothing of
 * the data's tables (three 4 KB headers, then blocks).
 */
async function keptOnlyBlock(file: string): Promise<number> {
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    return await db.use(async (sql) => {
      const tables = await sql.all<{ schema: string; name: string }>(
        `SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE database_name = current_database()`,
      );
      const blocksOf = async (t: { schema: string; name: string }, column = '%') =>
        (
          await sql.all<{ b: number }>(`SELECT DISTINCT block_id::INTEGER AS b FROM pragma_storage_info(?) WHERE block_id >= 0 AND column_name LIKE ?`, [`${t.schema}.${t.name}`, column])
        ).map((r) => Number(r.b));
      const others = new Set<number>();
      for (const t of tables.filter((t) => !(t.schema === 'qx_kept' && t.name === 'msgs'))) for (const b of await blocksOf(t)) others.add(b);
      const own = (await blocksOf({ schema: 'qx_kept', name: 'msgs' }, 'pno')).filter((b) => !others.has(b));
      expect(own.length).toBeGreaterThan(0);
      const size = await sql.one<{ size: number }>(`SELECT block_size::INTEGER AS size FROM pragma_database_size() WHERE database_name = current_database()`);
      return 3 * 4096 + Math.min(...own) * Number(size!.size);
    });
  } finally {
    await db.close();
  }
}

describe('a damaged kept table', () => {
  const api = apiPerTest();

  it('opens; the query meeting it says the data is whole; the next open drops the kept tables and the figures are the sound file’s', async () => {
    const { call, ctx } = api;
    const file = path.join(api.dir, 'p.qunxi');
    await project(file);
    // Every group, so the metrics read each message of the kept table msgs.
    const scope = { period: 'week' as const, groups: ['群0', '群1', '群2', '群3'] };
    unwrap(await call('project:open', { path: file }));
    const sound = unwrap(await call('metrics:query', scope));
    expect(sound.some((r) => r.active_members > 0)).toBe(true);
    unwrap(await call('project:close', {}));

    const at = await keptOnlyBlock(file);
    const bytes = readFileSync(file);
    for (let i = at + 1000; i < at + 9000; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);

    // A read-only reading (a snapshot of a project another process holds) still reads every table.
    const readAll = await inspectProjectFile(file).catch((e: unknown) => e);
    expect(readAll).toBeInstanceOf(AppError);
    expect((readAll as AppError).code).toBe('PROJECT_DAMAGED');

    unwrap(await call('project:open', { path: file }));
    const e = await ctx.project!.db.use((sql) => sql.all(`SELECT max(hash(COLUMNS(*))) FROM qx_kept.msgs`)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('PROJECT_DAMAGED');
    expect((e as AppError).details).toMatchObject({ kept: 1, backup: null });
    expect((e as AppError).message).toContain('p.qunxi');
    expect((e as AppError).message).toContain('导入的数据完好');
    expect((e as AppError).message).toContain('重新打开');
    // The analysis that reads it says the same, not an internal error.
    const failed = await call('metrics:query', scope);
    expect(!failed.ok && failed.error.code).toBe('PROJECT_DAMAGED');
    expect(!failed.ok && failed.error.details).toMatchObject({ kept: 1 });
    unwrap(await call('project:close', {}));

    unwrap(await call('project:open', { path: file }));
    expect(unwrap(await call('metrics:query', scope))).toEqual(sound);
    // The kept tables were made again, whole, and the mark is gone.
    const again = await ctx.project!.db.use(async (sql) => ({
      read: await sql.all(`SELECT max(hash(COLUMNS(*))) FROM qx_kept.msgs`),
      marks: await sql.all(`SELECT key FROM meta WHERE key = 'kept_damaged'`),
    }));
    expect(again.read).toHaveLength(1);
    expect(again.marks).toEqual([]);
    unwrap(await call('project:close', {}));
    // And the file reads whole again, every table.
    await expect(inspectProjectFile(file)).resolves.toMatchObject({ version: expect.any(Number) });
  });

  it('garbage over a block of the data is still refused at open, kept tables or not', async () => {
    const { call } = api;
    const file = path.join(api.dir, 'p.qunxi');
    await project(file);
    unwrap(await call('project:open', { path: file }));
    unwrap(await call('metrics:query', { period: 'week' }));
    unwrap(await call('project:close', {}));
    const db = await ProjectDb.open(file, { readOnly: true });
    const row = await db.use((sql) => sql.one<{ b: number }>(`SELECT min(block_id)::INTEGER AS b FROM pragma_storage_info('messages') WHERE column_name = 'row_key' AND block_id >= 0`));
    await db.close();
    const at = 3 * 4096 + Number(row!.b) * 262144;
    const bytes = readFileSync(file);
    for (let i = at + 1000; i < at + 9000; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);
    const r = await call('project:open', { path: file });
    expect(!r.ok && r.error.code).toBe('PROJECT_DAMAGED');
    expect(!r.ok && r.error.details).not.toMatchObject({ kept: 1 });
  });
});
