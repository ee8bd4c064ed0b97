import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFingerprint, derivedProgress, KEPT_SCHEMA, withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile, type OpenProject } from '../../../src-main/db/projectFile';
import { importFile } from '../../../src-main/import/importFile';
import { tempProject, writeCsv } from '../../import/helpers';

/**
 * The derived tables are kept in the project file (issue 16): a project reopened with the same
 * data builds nothing, an import makes the next use build them again from the new data.
 */
const memberHeader = ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '退群时间', '退群方式'];
const member = (id: string, join: string) => ['G', id, id, '外部联系人', join, '扫码', '', '', ''];

let env: Awaited<ReturnType<typeof tempProject>>;
let project: OpenProject;
beforeEach(async () => {
  env = await tempProject();
  project = env.project;
});
afterEach(async () => env.cleanup());

const importCsv = async (name: string, rows: string[][]) =>
  importFile(project, { path: await writeCsv(path.join(env.dir, name), [memberHeader, ...rows]), fileName: name }, { tempDir: env.tempDir });

/** When the kept tables were built, and what from (null: the file keeps none). */
const kept = (p: OpenProject) =>
  p.db.useUnprepared(async (sql) => {
    const n = await sql.one<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE schema_name = '${KEPT_SCHEMA}' AND table_name = 'built_from'`,
    );
    if (!n?.n) return null;
    return sql.one<{ fingerprint: string; built_at: string }>(`SELECT fingerprint, CAST(built_at AS VARCHAR) AS built_at FROM ${KEPT_SCHEMA}.built_from`);
  });
const people = (p: OpenProject) => p.db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM ${DERIVED_DB}.id_people ORDER BY pid`));
const reopen = async (options = withDerivedTables) => {
  await closeProjectFile(project);
  project = env.project = await openProjectFile(path.join(env.dir, 'p.qunxi'), options);
};

describe('derived tables kept with the project', () => {
  it('are built into the project file once and reused after reopening with the same data', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00'), member('b', '2024-01-02 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'b' }]);
    const first = await kept(project);
    expect(first?.fingerprint).toBe(await project.db.useUnprepared(dataFingerprint));

    await reopen();
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'b' }]);
    // Not built again: the same build, and the analyses read it through views, not in-memory copies.
    expect(await kept(project)).toEqual(first);
    const inMemory = await project.db.use((sql) => sql.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}'`));
    expect(inMemory).toEqual([]);
  });

  it('are built again from the new data after an import, and that build is what a reopen keeps', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }]);
    const before = await kept(project);

    await reopen();
    await importCsv('b.csv', [member('c', '2024-02-01 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'c' }]);
    const after = await kept(project);
    expect(after?.fingerprint).not.toBe(before?.fingerprint);
    expect(after?.fingerprint).toBe(await project.db.useUnprepared(dataFingerprint));

    await reopen();
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'c' }]);
    expect(await kept(project)).toEqual(after);
  });

  it('an import the kept tables never saw (closed before any analysis) is seen on reopening', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }]);
    await importCsv('b.csv', [member('d', '2024-03-01 10:00:00')]);
    await reopen();
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'd' }]);
  });

  it('a file whose kept tables an older definition built (no format, no person numbers) builds them again on opening', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00'), member('b', '2024-01-02 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'b' }]);
    const current = await kept(project);
    // What a file of before the format versions keeps: the same fingerprint, tables without pno.
    await project.db.useUnprepared(async (sql) => {
      await sql.run(`ALTER TABLE ${KEPT_SCHEMA}.built_from DROP COLUMN format`);
      await sql.run(`ALTER TABLE ${KEPT_SCHEMA}.spells DROP COLUMN pno`);
    });

    await reopen();
    const spells = await project.db.use((sql) => sql.all<{ pid: string; pno: number }>(`SELECT pid, pno FROM ${DERIVED_DB}.spells ORDER BY pid`));
    expect(spells).toEqual([
      { pid: 'a', pno: 1 },
      { pid: 'b', pno: 2 },
    ]);
    const rebuilt = await kept(project);
    expect(rebuilt?.fingerprint).toBe(current?.fingerprint);
    expect(rebuilt?.built_at).not.toBe(current?.built_at);
  });

  it('a read-only project uses the kept tables when they are of its data, else builds its own in memory', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    expect(await people(project)).toEqual([{ pid: 'a' }]);
    await importCsv('b.csv', [member('e', '2024-03-01 10:00:00')]);
    // Closed with kept tables of the first import only, then opened read-only (as openProjectFile
    // does where the file cannot be written; root ignores permission bits, so DuckDB's own mode here).
    await closeProjectFile(project);
    const db = await ProjectDb.open(path.join(env.dir, 'p.qunxi'), { readOnly: true });
    try {
      db.setPreparer(withDerivedTables.prepare);
      const pids = await db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM ${DERIVED_DB}.id_people ORDER BY pid`));
      expect(pids).toEqual([{ pid: 'a' }, { pid: 'e' }]);
    } finally {
      await db.close();
    }
    // Of its data: the kept tables, read through views.
    project = env.project = await openProjectFile(path.join(env.dir, 'p.qunxi'), withDerivedTables);
    expect(await people(project)).toEqual([{ pid: 'a' }, { pid: 'e' }]);
    await closeProjectFile(project);
    const again = await ProjectDb.open(path.join(env.dir, 'p.qunxi'), { readOnly: true });
    try {
      again.setPreparer(withDerivedTables.prepare);
      const pids = await again.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM ${DERIVED_DB}.id_people ORDER BY pid`));
      expect(pids).toEqual([{ pid: 'a' }, { pid: 'e' }]);
      const inMemory = await again.use((sql) => sql.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}'`));
      expect(inMemory).toEqual([]);
    } finally {
      await again.close();
    }
    project = env.project = await openProjectFile(path.join(env.dir, 'p.qunxi'), withDerivedTables);
  });

  it("a build whose only waiter cancels (an import's cancel while preparing) stops, leaves nothing kept, and the next use builds it", async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    const cancel = new AbortController();
    const waited = project.db.use(async () => undefined, { signal: cancel.signal, cancelsPreparation: true });
    cancel.abort();
    await expect(waited).rejects.toMatchObject({ code: 'CANCELLED' });
    // Once the interrupted build has ended (its progress gone), the file keeps no tables.
    while (derivedProgress(project.db)) await new Promise((r) => setImmediate(r));
    expect(await kept(project)).toBeNull();
    expect(await people(project)).toEqual([{ pid: 'a' }]);
    expect((await kept(project))?.fingerprint).toBe(await project.db.useUnprepared(dataFingerprint));
  });

  it('a build another caller waits for goes on when the caller that may cancel it does', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    const cancel = new AbortController();
    const analysis = people(project);
    const importer = project.db.use(async () => undefined, { signal: cancel.signal, cancelsPreparation: true });
    cancel.abort();
    await expect(importer).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await analysis).toEqual([{ pid: 'a' }]);
    expect((await kept(project))?.fingerprint).toBe(await project.db.useUnprepared(dataFingerprint));
  });

  it('an analysis that gives up its wait leaves the build running (only a caller that cancels the preparation stops it)', async () => {
    await importCsv('a.csv', [member('a', '2024-01-01 10:00:00')]);
    const cancel = new AbortController();
    const view = project.db.use(async () => undefined, { signal: cancel.signal });
    cancel.abort();
    await expect(view).rejects.toMatchObject({ code: 'CANCELLED' });
    const first = await project.db.use(async () => kept(project));
    expect(first?.fingerprint).toBe(await project.db.useUnprepared(dataFingerprint));
  });
});
