import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisScope } from '../../../src-main/contract';
import { KEPT_CHANNELS_SCHEMA, queryChannelReturns, queryChannels, type ChannelDimension } from '../../../src-main/analysis/channels/channelQueries';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { insertCustomers, tempProject, withReadOnlyOpen, type TempProject } from '../../support/projectFixture';
import { keptTableNames } from '../../support/keptTableNames';
import { insertChannelFixture } from './channelFixture';

/**
 * 渠道's people rows of the whole project by person's channel (what 渠道 opens with) are kept in the
 * project file (channelQueries.ts KEPT_CHANNELS_SCHEMA): the next session of the same data reads
 * them instead of counting again; another state of the data counts its own, and the table of the
 * state before goes with the next session's first use; another scope or dimension, and a project
 * open read-only, keep theirs in memory. Over the hand-computed fixture (channelFixture.ts), with no
 * range every customer counts: 直播间 ann, ben, eve, fay, hal; 朋友圈海报 cat, dan, wmX9; the row
 * without ids and a blank 渠道 is the unknown channel.
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;
beforeEach(async () => {
  t = await tempProject(TZ);
  await insertChannelFixture(t.project);
});
afterEach(() => t.dispose());

const file = () => path.join(t.dir, 'p.qunxi');
const reopen = async () => {
  await closeProjectFile(t.project);
  t.project = await openProjectFile(file(), withDerivedTables);
};
/** Channels and their added people, as 渠道 lists them (no typed costs). */
const added = async (scope: AnalysisScope = {}, dimension: ChannelDimension = 'source', db: ProjectDb = t.project.db) =>
  (await db.use((sql) => queryChannels(sql, scope, dimension, [], TZ))).map((r) => `${r.channel} ${r.added}`);
const tables = (db: ProjectDb = t.project.db) => keptTableNames(db, KEPT_CHANNELS_SCHEMA, 'channel_people_');
/** Changes the file's kept table only: rows showing the change were read from it, not counted. */
const markKept = (name: string) => t.project.db.write((sql) => sql.run(`UPDATE ${KEPT_CHANNELS_SCHEMA}.${name} SET added = 9 WHERE channel = '直播间'`));

const HAND = ['直播间 5', '朋友圈海报 3', '（未知渠道） 1'];

describe('the kept people rows of 渠道', () => {
  it('are kept in the project file and read, not counted, by the next session of the same data', async () => {
    expect(await added()).toEqual(HAND);
    const kept = await tables();
    expect(kept.file).toHaveLength(1);
    expect(kept.memory).toEqual([]);
    await markKept(kept.file[0]!);

    await reopen();
    expect(await added()).toEqual(['直播间 9', '朋友圈海报 3', '（未知渠道） 1']);
    expect(await tables()).toEqual(kept);
  });

  it('give 增长点 its channel rows of the whole project (without active) from the same table', async () => {
    await added();
    await markKept((await tables()).file[0]!);
    const returns = await t.project.db.use((sql) => queryChannelReturns(sql, {}, 'source', [], TZ));
    expect(returns.map((r) => `${r.channel} ${r.added}`)).toEqual(['直播间 9', '朋友圈海报 3', '（未知渠道） 1']);
    expect(returns.every((r) => !('active' in r))).toBe(true);
    // A scope without active is counted each time, and kept nowhere.
    const groupA = await t.project.db.use((sql) => queryChannelReturns(sql, { groups: ['A'] }, 'source', [], TZ));
    expect(groupA.map((r) => `${r.channel} ${r.added}`)).toEqual(HAND);
    expect((await tables()).memory).toEqual([]);
  });

  it('are counted again for another state of the data, and the next session drops the table of the state before', async () => {
    await added();
    const before = (await tables()).file;
    await insertCustomers(t.project, [{ externalUserid: 'new1' }], 9);
    expect(await added()).toEqual(['直播间 5', '朋友圈海报 3', '（未知渠道） 2']);
    const both = (await tables()).file;
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining(before));

    await reopen();
    await added();
    const after = (await tables()).file;
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('keep another scope or dimension in memory', async () => {
    // March: 直播间 ann, ben, eve; 朋友圈海报 cat, dan, wmX9 (a tie: by name). By 添加方式 (expectedAddWayAll): 5, 3 and 1.
    expect(await added({ from: '2024-03-01', to: '2024-03-31' })).toEqual(['朋友圈海报 3', '直播间 3', '（未知渠道） 1']);
    expect(await added({}, 'add_way')).toEqual(['扫描二维码 5', '名片分享 3', '（未知渠道） 1']);
    expect(await tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });

  it('are counted in memory by a read-only open, which writes nothing to the file', async () => {
    await added();
    const kept = await tables();
    await markKept(kept.file[0]!);
    await closeProjectFile(t.project);
    await withReadOnlyOpen(file(), async (db) => {
      expect(await added({}, 'source', db)).toEqual(HAND);
      expect(await tables(db)).toEqual({ file: kept.file, memory: [expect.any(String)] });
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });
});
