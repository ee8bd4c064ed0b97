import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisScope } from '../../../src-main/contract';
import { KEPT_CHURN_SCHEMA, queryChurnEventsPage } from '../../../src-main/analysis/churn/churnList';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { keptTableNames } from '../../support/keptTableNames';
import { insertSpells, tempProject, withReadOnlyOpen, type TempProject } from '../../support/projectFixture';

/**
 * The churn list of the whole project (no groups, no range: what 流失与留存 opens with) is kept in
 * the project file (churnList.ts KEPT_CHURN_SCHEMA): the next session of the same data reads it
 * instead of computing every event again; another state of the data computes its own, and the
 * table of the state before goes with the next session's first use; a scope, and a project open
 * read-only, keep theirs in memory. Asia/Shanghai:
 *   a  G  joined 2024-01-01, left 2024-01-05 10:00    b  G  joined 2024-01-02, left 2024-01-06 11:00
 *   c  H  joined 2024-01-03, left 2024-01-07 12:00
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;
beforeEach(async () => {
  t = await tempProject(TZ);
  await insertSpells(t.project, [
    { group: 'G', id: 'a', join: '2024-01-01 09:00:00+08', leave: '2024-01-05 10:00:00+08' },
    { group: 'G', id: 'b', join: '2024-01-02 09:00:00+08', leave: '2024-01-06 11:00:00+08' },
    { group: 'H', id: 'c', join: '2024-01-03 09:00:00+08', leave: '2024-01-07 12:00:00+08' },
  ]);
});
afterEach(() => t.dispose());

const file = () => path.join(t.dir, 'p.qunxi');
const reopen = async () => {
  await closeProjectFile(t.project);
  t.project = await openProjectFile(file(), withDerivedTables);
};
/** Who left, and their names as the list shows them, oldest first. */
const list = async (scope: AnalysisScope = {}, db: ProjectDb = t.project.db) =>
  (await db.use((sql) => queryChurnEventsPage(db, sql, { ...scope, timeZone: TZ }, { offset: 0, limit: 100, sort: [], filter: {} }))).rows.map((r) => `${r.pid}:${r.name}`);
/** The event tables of the file's kept schema and of the derived database in memory. */
const tables = (db: ProjectDb = t.project.db) => keptTableNames(db, KEPT_CHURN_SCHEMA, 'churn_list_');
/** Renames a person in the file's kept table only: a list showing the new name was read from it, not computed. */
const markKept = (name: string) => t.project.db.write((sql) => sql.run(`UPDATE ${KEPT_CHURN_SCHEMA}.${name} SET name = 'kept' WHERE pid = 'a'`));

describe('the kept churn list of the whole project', () => {
  it('is kept in the project file and read, not computed, by the next session of the same data', async () => {
    expect(await list()).toEqual(['a:a', 'b:b', 'c:c']);
    const kept = await tables();
    expect(kept.file).toHaveLength(1);
    expect(kept.memory).toEqual([]);
    await markKept(kept.file[0]!);

    await reopen();
    expect(await list()).toEqual(['a:kept', 'b:b', 'c:c']);
    expect(await tables()).toEqual(kept);
  });

  it('is computed again for another state of the data, and the next session drops the table of the state before', async () => {
    await list();
    const before = (await tables()).file;
    await insertSpells(t.project, [{ group: 'H', id: 'd', join: '2024-01-03 09:00:00+08', leave: '2024-01-08 08:00:00+08' }]);
    expect(await list()).toEqual(['a:a', 'b:b', 'c:c', 'd:d']);
    const both = (await tables()).file;
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining(before));

    await reopen();
    expect(await list()).toEqual(['a:a', 'b:b', 'c:c', 'd:d']);
    const after = (await tables()).file;
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('keeps a scope of groups or of a range in memory', async () => {
    expect(await list({ groups: ['H'] })).toEqual(['c:c']);
    expect(await list({ from: '2024-01-06' })).toEqual(['b:b', 'c:c']);
    expect(await tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });

  it('is computed in memory by a read-only open, which writes nothing to the file', async () => {
    await list();
    const kept = await tables();
    await markKept(kept.file[0]!);
    await closeProjectFile(t.project);
    await withReadOnlyOpen(file(), async (db) => {
      expect(await list({}, db)).toEqual(['a:a', 'b:b', 'c:c']);
      expect(await tables(db)).toEqual({ file: kept.file, memory: [expect.any(String)] });
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });
});
