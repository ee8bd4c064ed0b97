/**
 * DESIGN §3 inviters: an inviter given by nickname is the member of THAT group holding the
 * (trimmed) nickname at the time of the join; when several did, the join stays unmatched and is
 * listed. Hand-computed (Asia/Shanghai, every time local, all in January 2024; 群成员.xlsx rows):
 *
 *   G1  ann 小安 joins 01-01 10:00 and stays (row 2); amy 小安 joins 01-10 10:00, leaves 01-20 10:00 (row 3).
 *   G2  bea 小安 joins 01-01 10:00 (row 4).
 *   r1  joins G1 01-05 10:00 naming 小安: only ann holds it in G1 then → ann (row 5).
 *   r2  joins G1 01-15 10:00 naming " 小安 ": ann and amy both hold it → nobody, listed (row 6).
 *   r3  joins G1 01-25 10:00 naming 小安: amy has left → ann (row 7).
 *   r4  joins G2 01-15 10:00 naming 小安: bea, the only holder in G2, though ann and amy use it in G1 (row 8).
 *   r5  joins G1 01-15 11:00 naming 客服小李, no member: nobody, not listed (row 9).
 *   r6  joins G1 01-16 10:00 naming the member id ann → ann (row 10).
 *   r7  joins G1 01-20 10:00, the instant amy leaves, naming 小安: amy no longer holds it → ann (row 11).
 * → referrals: ann 4 (r1, r3, r6, r7), bea 1 (r4), amy 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureRow } from '../../../src-main/contract';
import { featuresParams, featuresSql } from '../../../src-main/analysis/features/featuresQueries';
import { queryFunnel } from '../../../src-main/analysis/funnel/funnelQueries';
import { queryUnmatched } from '../../../src-main/analysis/base/unmatchedList';
import { insertImport, tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;

type Spell = [group: string, id: string, name: string, join: string, leave: string | null, inviter: string | null];
const spells: Spell[] = [
  ['G1', 'ann', '小安', '01-01 10:00', null, null],
  ['G1', 'amy', '小安', '01-10 10:00', '01-20 10:00', null],
  ['G2', 'bea', '小安', '01-01 10:00', null, null],
  ['G1', 'r1', 'r1', '01-05 10:00', null, '小安'],
  ['G1', 'r2', 'r2', '01-15 10:00', null, ' 小安 '],
  ['G1', 'r3', 'r3', '01-25 10:00', null, '小安'],
  ['G2', 'r4', 'r4', '01-15 10:00', null, '小安'],
  ['G1', 'r5', 'r5', '01-15 11:00', null, '客服小李'],
  ['G1', 'r6', 'r6', '01-16 10:00', null, 'ann'],
  ['G1', 'r7', 'r7', '01-20 10:00', null, '小安'],
];
const at = (s: string | null) => (s === null ? null : `2024-${s}:00+08`);

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertImport(t.project, 1, '群成员.xlsx', 'members');
  await t.project.db.transaction(async (sql) => {
    for (const [i, [group, id, name, join, leave, inviter]] of spells.entries()) {
      await sql.run(
        `INSERT INTO memberships (group_name, member_id, member_name, join_time, leave_time, inviter, import_id, source_row)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, 1, ?)`,
        [group, id, name, at(join), at(leave), inviter, i + 2],
      );
    }
  });
});
afterAll(async () => t?.dispose());

async function referrals(groups?: string[]): Promise<Record<string, number>> {
  const rows = await t.project.db.use((sql) =>
    sql.all<FeatureRow>(featuresSql({ hasScope: !!groups, behaviours: [], hitTables: [] }), featuresParams({ groups, asOf: '2024-01-31', timeZone: TZ })),
  );
  return Object.fromEntries(rows.filter((r) => r.referrals > 0).map((r) => [r.pid, r.referrals]));
}

describe('an inviter named by nickname', () => {
  it('is the member of the join\'s group who held the nickname at the join, whoever uses it in another group', async () => {
    expect(await referrals()).toEqual({ ann: 4, bea: 1 });
    expect(await referrals(['G2'])).toEqual({ bea: 1 });
    expect(await referrals(['G1'])).toEqual({ ann: 4 });
  });

  it('held by two members of the group at the join stays unmatched and is listed', async () => {
    const page = await t.project.db.use((sql) => queryUnmatched(t.project.db, sql, { offset: 0, limit: 10, sort: [], filter: {} }, TZ));
    expect(page.rows).toEqual([{ kind: 'members', file_name: '群成员.xlsx', row_number: 6, name: '小安', phone: null, reason: '邀请人昵称在入群时对应该群 2 个成员' }]);
  });

  it('is the referrer of the path\'s 推荐 stage by the same reading', async () => {
    const path = { stages: [{ id: 'join', name: '入群', source: 'person_joined' as const }, { id: 'ref', name: '推荐', source: 'person_referral' as const }] };
    const run = (from: string, to: string) =>
      t.project.db.use((sql) => queryFunnel(sql, { mode: 'period', from, to, windowDays: 14, breakdown: null }, path, TZ));
    // January: ann and bea referred someone; from 01-21 only r3 joins, ann's (amy has left G1).
    expect((await run('2024-01-01', '2024-01-31')).stages.map((s) => s.count)).toEqual([10, 2]);
    expect((await run('2024-01-21', '2024-01-31')).stages.map((s) => s.count)).toEqual([1, 1]);
  });
});
