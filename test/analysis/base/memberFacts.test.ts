import { afterEach, describe, expect, it } from 'vitest';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * The per-message facts memberFacts.ts keeps: each group message's local day and hour in the
 * project's zone, and whether its sender was a member of its group at that instant (`own`).
 */
let t: TempProject | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** The kept facts of every message, by its sending instant. */
const facts = (p: TempProject) =>
  p.project.db.use((sql) =>
    sql.all<{ at: string; d: string; h: number; own: boolean }>(
      `SELECT strftime(t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at, strftime(d, '%Y-%m-%d') AS d, CAST(h AS INTEGER) AS h, own
       FROM ${DERIVED_DB}.msgs ORDER BY t`,
    ),
  );

describe('member facts of messages', () => {
  it('gives the local day and hour in a zone of one offset (Asia/Shanghai, UTC+8)', async () => {
    t = await tempProject('Asia/Shanghai');
    await insertSpells(t.project, [{ group: 'G', id: 'a', join: '2024-01-01 00:00:00+08' }]);
    await insertMessages(t.project, [
      { id: 'a', group: 'G', at: '2024-06-01 00:00:00+08' },
      { id: 'a', group: 'G', at: '2024-06-01 23:59:59+08' },
      { id: 'a', group: 'G', at: '2024-06-02 07:30:00+08' },
    ]);
    expect(await facts(t)).toEqual([
      { at: '2024-05-31T16:00:00Z', d: '2024-06-01', h: 0, own: true },
      { at: '2024-06-01T15:59:59Z', d: '2024-06-01', h: 23, own: true },
      { at: '2024-06-01T23:30:00Z', d: '2024-06-02', h: 7, own: true },
    ]);
  });

  it('gives the local day and hour in a zone half an hour off the hour (Asia/Kolkata, UTC+5:30)', async () => {
    t = await tempProject('Asia/Kolkata');
    await insertSpells(t.project, [{ group: 'G', id: 'a', join: '2024-01-01 00:00:00+00' }]);
    await insertMessages(t.project, [
      { id: 'a', group: 'G', at: '2024-06-01 18:29:59+00' },
      { id: 'a', group: 'G', at: '2024-06-01 18:45:00+00' },
    ]);
    expect(await facts(t)).toEqual([
      { at: '2024-06-01T18:29:59Z', d: '2024-06-01', h: 23, own: true },
      { at: '2024-06-01T18:45:00Z', d: '2024-06-02', h: 0, own: true },
    ]);
  });

  it('follows daylight saving in a zone whose offset changes (America/New_York)', async () => {
    t = await tempProject('America/New_York');
    await insertSpells(t.project, [{ group: 'G', id: 'a', join: '2024-01-01 00:00:00-05' }]);
    await insertMessages(t.project, [
      // 23:30 EST (UTC−5) on 03-09; 12:00 EDT (UTC−4) on 03-10, the day clocks went forward; 00:30 EST on 11-04.
      { id: 'a', group: 'G', at: '2024-03-10 04:30:00+00' },
      { id: 'a', group: 'G', at: '2024-03-10 16:00:00+00' },
      { id: 'a', group: 'G', at: '2024-11-04 05:30:00+00' },
    ]);
    expect(await facts(t)).toEqual([
      { at: '2024-03-10T04:30:00Z', d: '2024-03-09', h: 23, own: true },
      { at: '2024-03-10T16:00:00Z', d: '2024-03-10', h: 12, own: true },
      { at: '2024-11-04T05:30:00Z', d: '2024-11-04', h: 0, own: true },
    ]);
  });

  it('marks a message its own group’s from the join instant up to, not at, the leave, across a rejoin', async () => {
    t = await tempProject('Asia/Shanghai');
    await insertSpells(t.project, [
      { group: 'G', id: 'a', join: '2024-06-01 10:00:00+08', leave: '2024-06-02 10:00:00+08' },
      { group: 'G', id: 'a', join: '2024-06-03 10:00:00+08' },
      { group: 'H', id: 'b', join: '2024-06-01 10:00:00+08' },
    ]);
    await insertMessages(t.project, [
      { id: 'a', group: 'G', at: '2024-06-01 09:59:59+08' },
      { id: 'a', group: 'G', at: '2024-06-01 10:00:00+08' },
      { id: 'a', group: 'G', at: '2024-06-02 10:00:00+08' },
      { id: 'a', group: 'G', at: '2024-06-03 10:00:00+08' },
      // b is a member of H, not of G.
      { id: 'b', group: 'G', at: '2024-06-03 11:00:00+08' },
    ]);
    expect((await facts(t)).map((f) => f.own)).toEqual([false, true, false, true, false]);
  });

  it('keeps apart the messages not of their own group sent while a member of another group, membership instants as for own', async () => {
    t = await tempProject('Asia/Shanghai');
    await insertSpells(t.project, [
      { group: 'H', id: 'b', join: '2024-06-01 10:00:00+08', leave: '2024-06-02 10:00:00+08' },
      { group: 'G', id: 'g', join: '2024-06-01 10:00:00+08' },
    ]);
    await insertMessages(t.project, [
      // b, a member of H only, writes in G: before joining H, at the join, in H's spell, at the leave, after it.
      { id: 'b', group: 'G', at: '2024-06-01 09:59:59+08' },
      { id: 'b', group: 'G', at: '2024-06-01 10:00:00+08' },
      { id: 'b', group: 'G', at: '2024-06-01 23:30:00+08' },
      { id: 'b', group: 'G', at: '2024-06-02 10:00:00+08' },
      { id: 'b', group: 'G', at: '2024-06-02 11:00:00+08' },
      // Own messages are not among them; nor is someone who is a member of no group.
      { id: 'g', group: 'G', at: '2024-06-01 12:00:00+08' },
      { id: 'x', group: 'G', at: '2024-06-01 12:00:00+08' },
    ]);
    const elsewhere = await t.project.db.use((sql) =>
      sql.all<{ at: string; d: string; h: number }>(
        `SELECT strftime(e.t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at, strftime(e.d, '%Y-%m-%d') AS d, CAST(e.h AS INTEGER) AS h
         FROM ${DERIVED_DB}.msgs_elsewhere e ORDER BY e.t`,
      ),
    );
    expect(elsewhere).toEqual([
      { at: '2024-06-01T02:00:00Z', d: '2024-06-01', h: 10 },
      { at: '2024-06-01T15:30:00Z', d: '2024-06-01', h: 23 },
    ]);
  });

  it('keeps each person’s last message sent while a member of some group: own or elsewhere, not one after leaving', async () => {
    t = await tempProject('Asia/Shanghai');
    await insertSpells(t.project, [
      { group: 'G', id: 'a', join: '2024-06-01 10:00:00+08', leave: '2024-06-02 10:00:00+08' },
      { group: 'H', id: 'b', join: '2024-06-01 10:00:00+08', leave: '2024-06-02 10:00:00+08' },
    ]);
    await insertMessages(t.project, [
      // a in G: two while a member, then one after leaving (not the last while a member).
      { id: 'a', group: 'G', at: '2024-06-01 10:00:00+08' },
      { id: 'a', group: 'G', at: '2024-06-01 20:00:00+08' },
      { id: 'a', group: 'G', at: '2024-06-02 12:00:00+08' },
      // b, a member of H only, writes in G: twice in H's spell (elsewhere), once after it.
      { id: 'b', group: 'G', at: '2024-06-01 10:00:00+08' },
      { id: 'b', group: 'G', at: '2024-06-01 23:30:00+08' },
      { id: 'b', group: 'G', at: '2024-06-02 11:00:00+08' },
      // x is a member of no group.
      { id: 'x', group: 'G', at: '2024-06-01 12:00:00+08' },
    ]);
    const last = await t.project.db.use((sql) =>
      sql.all<{ pid: string; at: string }>(
        `SELECT p.pid, strftime(l.t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS at
         FROM ${DERIVED_DB}.last_member_msgs l JOIN ${DERIVED_DB}.id_people p ON p.pno = l.pno ORDER BY p.pid`,
      ),
    );
    expect(last).toEqual([
      { pid: 'a', at: '2024-06-01T12:00:00Z' },
      { pid: 'b', at: '2024-06-01T15:30:00Z' },
    ]);
  });
});
