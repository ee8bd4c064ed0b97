/**
 * DESIGN §3: a member export may carry both 邀请员工 (the staff member responsible) and 邀请人 (who
 * invited: staff or a member); with both, 邀请人 is the inviter. An export with only 邀请员工 names
 * the inviting staff member there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeader } from '../../../src-main/import/headers';
import { tempProject } from '../helpers';
import { importRows } from './kindHelpers';

type Project = Awaited<ReturnType<typeof tempProject>>;

describe('the inviter columns of a member export', () => {
  it('maps 邀请人 to the inviter and 邀请员工 to the staff member when both are present, in either order', () => {
    const both = matchHeader(['群名称', '群成员昵称', '成员ID', '入群时间', '邀请员工', '邀请人'], 'members');
    expect([both.columns.inviter, both.columns.staff]).toEqual([5, 4]);
    const reversed = matchHeader(['群名称', '成员ID', '邀请人', '邀请员工'], 'members');
    expect([reversed.columns.inviter, reversed.columns.staff]).toEqual([2, 3]);
  });

  it('maps a lone 邀请员工 or 邀请人 to the inviter', () => {
    for (const header of ['邀请员工', '邀请人']) {
      const { columns } = matchHeader(['群名称', '成员ID', header], 'members');
      expect([columns.inviter, columns.staff]).toEqual([2, undefined]);
    }
  });

  describe('imported', () => {
    let p: Project;
    beforeAll(async () => {
      p = await tempProject();
    });
    afterAll(async () => p?.cleanup());

    it('keeps 邀请人 as the inviter when 邀请员工 is also present, and 邀请员工 as the staff member', async () => {
      await importRows(p.project, p.dir, [
        ['群名称', '群成员昵称', '成员ID', '入群时间', '入群方式', '邀请员工', '邀请人'],
        ['美妆1群', '小安', 'wm1', '2026-09-01 08:00:00', '直接邀请入群', 'Lily', null],
        ['美妆1群', '小波', 'wm2', '2026-09-02 08:00:00', '由群成员邀请入群', 'Lily', '小安'],
      ]);
      const rows = await p.project.db.all<{ member_id: string; inviter: string | null; staff: string | null }>(
        `SELECT member_id, inviter, staff FROM memberships ORDER BY member_id`,
      );
      expect(rows).toEqual([
        { member_id: 'wm1', inviter: null, staff: 'Lily' },
        { member_id: 'wm2', inviter: '小安', staff: 'Lily' },
      ]);
    });
  });
});
