import { describe, expect, it } from 'vitest';
import type { AnalysisScope } from '../../../src-main/contract';
import { KEPT_CHURN_SCHEMA, queryChurnEventsPage } from '../../../src-main/analysis/churn/churnList';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { keptInFileTests } from '../../support/keptInFile';
import { insertSpells } from '../../support/projectFixture';

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

/** Who left, and their names as the list shows them, oldest first. */
const list = async (db: ProjectDb, scope: AnalysisScope = {}) =>
  (await db.use((sql) => queryChurnEventsPage(db, sql, { ...scope, timeZone: TZ }, { offset: 0, limit: 100, sort: [], filter: {} }))).rows.map((r) => `${r.pid}:${r.name}`);

describe('the kept churn list of the whole project', () => {
  const kept = keptInFileTests({
    schema: KEPT_CHURN_SCHEMA,
    prefix: 'churn_list_',
    fill: (project) =>
      insertSpells(project, [
        { group: 'G', id: 'a', join: '2024-01-01 09:00:00+08', leave: '2024-01-05 10:00:00+08' },
        { group: 'G', id: 'b', join: '2024-01-02 09:00:00+08', leave: '2024-01-06 11:00:00+08' },
        { group: 'H', id: 'c', join: '2024-01-03 09:00:00+08', leave: '2024-01-07 12:00:00+08' },
      ]),
    read: (db) => list(db),
    expected: ['a:a', 'b:b', 'c:c'],
    // A person renamed in the kept table only.
    mark: (sql, table) => sql.run(`UPDATE ${table} SET name = 'kept' WHERE pid = 'a'`),
    marked: ['a:kept', 'b:b', 'c:c'],
    changeData: (project) => insertSpells(project, [{ group: 'H', id: 'd', join: '2024-01-03 09:00:00+08', leave: '2024-01-08 08:00:00+08' }]),
    changed: ['a:a', 'b:b', 'c:c', 'd:d'],
  });

  it('keeps a scope of groups or of a range in memory', async () => {
    expect(await list(kept.project().db, { groups: ['H'] })).toEqual(['c:c']);
    expect(await list(kept.project().db, { from: '2024-01-06' })).toEqual(['b:b', 'c:c']);
    expect(await kept.tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });
});
