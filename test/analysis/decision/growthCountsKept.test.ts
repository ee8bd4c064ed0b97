import { describe, expect, it } from 'vitest';
import { KEPT_GROWTH_SCHEMA, segmentCounts, type CountsRequest } from '../../../src-main/analysis/decision/growthDecomposition';
import { saveTag } from '../../../src-main/analysis/decision/savedTags';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { growthText } from '../../../src-main/locale/growth';
import { keptInFileTests } from '../../support/keptInFile';
import { insertMessages, insertSpells } from '../../support/projectFixture';

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
const DEFAULT: CountsRequest = { isDefaultRange: true, periods: { previous: { from: '2024-01-01', to: '2024-01-07' }, current: { from: '2024-01-08', to: '2024-01-14' } } };
/** The counts as `dimension segment people0→people1`, in the order read. */
const counts = async (db: ProjectDb, q: CountsRequest = DEFAULT) =>
  (await db.use((sql) => segmentCounts(sql, q, TZ))).map((c) => `${c.dimension} ${c.segment} ${c.people0}→${c.people1}`);

const unknown = growthText.unknownSegment;
const noTag = growthText.noTag;
const HAND = ['all  2→2', `channel ${unknown} 2→2`, 'group G 2→1', 'group H 0→1', `staff ${unknown} 2→2`, `tag ${noTag} 2→2`];

describe('the kept segment counts of 增长点', () => {
  const kept = keptInFileTests({
    schema: KEPT_GROWTH_SCHEMA,
    prefix: 'segment_counts_',
    fill: async (project) => {
      await insertSpells(project, [
        { group: 'G', id: 'a', join: '2024-01-01 09:00:00+08' },
        { group: 'G', id: 'b', join: '2024-01-02 09:00:00+08', leave: '2024-01-05 10:00:00+08' },
        { group: 'H', id: 'c', join: '2024-01-09 09:00:00+08' },
      ]);
      await insertMessages(project, [{ id: 'a', name: 'a', group: 'G', at: '2024-01-14 20:00:00+08', content: '你好' }]);
    },
    read: (db) => counts(db),
    expected: HAND,
    mark: (sql, table) => sql.run(`UPDATE ${table} SET people1 = 99 WHERE dimension = 'all'`),
    marked: ['all  2→99', ...HAND.slice(1)],
    changeData: (project) => insertSpells(project, [{ group: 'H', id: 'd', join: '2024-01-10 09:00:00+08' }]),
    changed: ['all  2→3', `channel ${unknown} 2→3`, 'group G 2→1', 'group H 0→2', `staff ${unknown} 2→3`, `tag ${noTag} 2→3`],
  });

  it('are counted again once a tag is saved (a person’s tag segment reads the saved tags)', async () => {
    const db = kept.project().db;
    await counts(db);
    await db.write((sql) => saveTag(sql, { name: '高意向', pids: ['a'], note: '' }));
    expect(await counts(db)).toEqual(['all  2→2', `channel ${unknown} 2→2`, 'group G 2→1', 'group H 0→1', `staff ${unknown} 2→2`, 'tag 高意向 1→1', `tag ${noTag} 1→1`]);
  });

  it('keep a scope of groups or another range in memory', async () => {
    const db = kept.project().db;
    expect(await counts(db, { ...DEFAULT, groups: ['H'] })).toEqual(['all  0→1', `channel ${unknown} 0→1`, 'group H 0→1', `staff ${unknown} 0→1`, `tag ${noTag} 0→1`]);
    expect(await counts(db, { ...DEFAULT, isDefaultRange: false })).toEqual(HAND);
    expect(await kept.tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });
});
