import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import type { ProjectDb, Sql } from '../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { keptTableNames } from './keptTableNames';
import { tempProject, withReadOnlyOpen, type TempProject } from './projectFixture';

/** What an analysis keeps in the project file for the request its view opens with, and how to tell. */
export interface KeptInFileCase<R> {
  /** The kept tables' schema in the file and their names' prefix. */
  schema: string;
  prefix: string;
  /** Fills a new project (in `timeZone`, Asia/Shanghai unless said). */
  fill: (project: OpenProject) => Promise<void>;
  timeZone?: string;
  /** The view's request, answered from the kept table, as compared. */
  read: (db: ProjectDb) => Promise<R>;
  /** What `read` answers, hand-computed. */
  expected: R;
  /** Changes the file's kept table `table` only (schema-qualified): an answer showing the change was read from it, not computed. */
  mark: (sql: Sql, table: string) => Promise<unknown>;
  /** What `read` answers once marked. */
  marked: R;
  /** Changes the data, and what `read` answers then. */
  changeData: (project: OpenProject) => Promise<void>;
  changed: R;
}

/** Within a describe: the project of the current test and its kept tables, for the tests of one analysis beyond {@link keptInFileTests}'. */
export interface KeptInFileContext {
  project: () => OpenProject;
  tables: (db?: ProjectDb) => Promise<{ file: string[]; memory: string[] }>;
}

/**
 * The tests every table kept in the project file passes, inside a describe: made once and read, not
 * computed, by the next session of the same data; computed again for another state, the table of
 * the state before dropped by the next session's first use; computed in memory by a read-only open,
 * which writes nothing to the file. Each test has a project of its own (`fill`).
 */
export function keptInFileTests<R>(c: KeptInFileCase<R>): KeptInFileContext {
  let t: TempProject;
  beforeEach(async () => {
    t = await tempProject(c.timeZone ?? 'Asia/Shanghai');
    await c.fill(t.project);
  });
  afterEach(() => t.dispose());

  const file = () => path.join(t.dir, 'p.qunxi');
  const reopen = async () => {
    await closeProjectFile(t.project);
    t.project = await openProjectFile(file(), withDerivedTables);
  };
  const tables = (db: ProjectDb = t.project.db) => keptTableNames(db, c.schema, c.prefix);
  const mark = (name: string) => t.project.db.write((sql) => c.mark(sql, `${c.schema}.${name}`));

  it('is kept in the project file and read, not computed, by the next session of the same data', async () => {
    expect(await c.read(t.project.db)).toEqual(c.expected);
    const kept = await tables();
    expect(kept.file).toHaveLength(1);
    expect(kept.memory).toEqual([]);
    await mark(kept.file[0]!);

    await reopen();
    expect(await c.read(t.project.db)).toEqual(c.marked);
    expect(await tables()).toEqual(kept);
  });

  it('is computed again for another state of the data, and the next session drops the table of the state before', async () => {
    await c.read(t.project.db);
    const before = (await tables()).file;
    await c.changeData(t.project);
    expect(await c.read(t.project.db)).toEqual(c.changed);
    const both = (await tables()).file;
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining(before));

    await reopen();
    await c.read(t.project.db);
    const after = (await tables()).file;
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('is computed in memory by a read-only open, which writes nothing to the file', async () => {
    await c.read(t.project.db);
    const kept = await tables();
    await mark(kept.file[0]!);
    await closeProjectFile(t.project);
    await withReadOnlyOpen(file(), async (db) => {
      expect(await c.read(db)).toEqual(c.expected);
      expect(await tables(db)).toEqual({ file: kept.file, memory: [expect.any(String)] });
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });

  return { project: () => t.project, tables };
}
