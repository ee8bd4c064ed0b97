import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_GROWTH_SCHEMA, segmentCounts, type CountsRequest } from '../../../src-main/analysis/decision/growthDecomposition';
import { saveTag } from '../../../src-main/analysis/decision/savedTags';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { growthText } from '../../../src-main/locale/growth';
import { keptTableNames } from '../../support/keptTableNames';
import { insertMessages, insertSpells, tempProject, withReadOnlyOpen, type TempProject } from '../../support/projectFixture';

/**
 * 增长点's segment counts of the whole project over the default periods (what it opens with) are
 * kept in the project file (growthDecomposition.ts KEPT_GROWTH_SCHEMA): the next session of the same
 * data reads them instead of counting again; another state of the data or of the saved tags counts
 * its own, and the table of the state before goes with the next session's first use; a scope, a
 * range, and a project open read-only, keep theirs in memory. Asia/Shanghai:
 *   a  G  joined 2024-01-01, still a member; posts on 2024-01-14 (a Sunday: the data's last day)
 *   b  G  joined 2024-01-02, left 2024-01-05       c  H  joined 2024-01-09
 * Default periods: the week of 01-14 (01-08 – 01-14) against 01-01 – 01-07. Present before: a, b;
 * now: a, c. Nobody has a customer row or an order: every channel and staff is unknown, no tag.
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;
beforeEach(async () => {
  t = await tempProject(TZ);
  await insertSpells(t.project, [
    { group: 'G', id: 'a', join: '2024-01-01 09:00:00+08' },
    { group: 'G', id: 'b', join: '2024-01-02 09:00:00+08', leave: '2024-01-05 10:00:00+08' },
    { group: 'H', id: 'c', join: '2024-01-09 09:00:00+08' },
  ]);
  await insertMessages(t.project, [{ id: 'a', name: 'a', group: 'G', at: '2024-01-14 20:00:00+08', content: '你好' }]);
});
afterEach(() => t.dispose());

const file = () => path.join(t.dir, 'p.qunxi');
const reopen = async () => {
  await closeProjectFile(t.project);
  t.project = await openProjectFile(file(), withDerivedTables);
};
const DEFAULT: CountsRequest = { isDefaultRange: true, periods: { previous: { from: '2024-01-01', to: '2024-01-07' }, current: { from: '2024-01-08', to: '2024-01-14' } } };
/** The counts as `dimension segment people0→people1`, in the order read. */
const counts = async (q: CountsRequest = DEFAULT, db: ProjectDb = t.project.db) =>
  (await db.use((sql) => segmentCounts(sql, q, TZ))).map((c) => `${c.dimension} ${c.segment} ${c.people0}→${c.people1}`);
/** The count tables of the file's kept schema and of the derived database in memory. */
const tables = (db: ProjectDb = t.project.db) => keptTableNames(db, KEPT_GROWTH_SCHEMA, 'segment_counts_');
/** Changes the file's kept table only: counts showing the change were read from it, not counted. */
const markKept = (name: string) => t.project.db.write((sql) => sql.run(`UPDATE ${KEPT_GROWTH_SCHEMA}.${name} SET people1 = 99 WHERE dimension = 'all'`));

const unknown = growthText.unknownSegment;
const noTag = growthText.noTag;
const HAND = ['all  2→2', `channel ${unknown} 2→2`, 'group G 2→1', 'group H 0→1', `staff ${unknown} 2→2`, `tag ${noTag} 2→2`];

describe('the kept segment counts of 增长点', () => {
  it('are kept in the project file and read, not counted, by the next session of the same data', async () => {
    expect(await counts()).toEqual(HAND);
    const kept = await tables();
    expect(kept.file).toHaveLength(1);
    expect(kept.memory).toEqual([]);
    await markKept(kept.file[0]!);

    await reopen();
    expect(await counts()).toEqual(['all  2→99', ...HAND.slice(1)]);
    expect(await tables()).toEqual(kept);
  });

  it('are counted again for another state of the data, and the next session drops the table of the state before', async () => {
    await counts();
    const before = (await tables()).file;
    await insertSpells(t.project, [{ group: 'H', id: 'd', join: '2024-01-10 09:00:00+08' }]);
    expect(await counts()).toEqual(['all  2→3', `channel ${unknown} 2→3`, 'group G 2→1', 'group H 0→2', `staff ${unknown} 2→3`, `tag ${noTag} 2→3`]);
    const both = (await tables()).file;
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining(before));

    await reopen();
    await counts();
    const after = (await tables()).file;
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('are counted again once a tag is saved (a person’s tag segment reads the saved tags)', async () => {
    await counts();
    await t.project.db.write((sql) => saveTag(sql, { name: '高意向', pids: ['a'], note: '' }));
    expect(await counts()).toEqual(['all  2→2', `channel ${unknown} 2→2`, 'group G 2→1', 'group H 0→1', `staff ${unknown} 2→2`, 'tag 高意向 1→1', `tag ${noTag} 1→1`]);
  });

  it('keep a scope of groups or another range in memory', async () => {
    expect(await counts({ ...DEFAULT, groups: ['H'] })).toEqual(['all  0→1', `channel ${unknown} 0→1`, 'group H 0→1', `staff ${unknown} 0→1`, `tag ${noTag} 0→1`]);
    expect(await counts({ ...DEFAULT, isDefaultRange: false })).toEqual(HAND);
    expect(await tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });

  it('are counted in memory by a read-only open, which writes nothing to the file', async () => {
    await counts();
    const kept = await tables();
    await markKept(kept.file[0]!);
    await closeProjectFile(t.project);
    await withReadOnlyOpen(file(), async (db) => {
      expect(await counts(DEFAULT, db)).toEqual(HAND);
      expect(await tables(db)).toEqual({ file: kept.file, memory: [expect.any(String)] });
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });
});
