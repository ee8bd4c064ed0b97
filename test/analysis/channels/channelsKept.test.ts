import { describe, expect, it } from 'vitest';
import type { AnalysisScope } from '../../../src-main/contract';
import { KEPT_CHANNELS_SCHEMA, queryChannelReturns, queryChannels, type ChannelDimension } from '../../../src-main/analysis/channels/channelQueries';
import type { ProjectDb } from '../../../src-main/db/projectDb';
import { keptInFileTests } from '../../support/keptInFile';
import { insertCustomers } from '../../support/projectFixture';
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

/** Channels and their added people, as 渠道 lists them (no typed costs). */
const added = async (db: ProjectDb, scope: AnalysisScope = {}, dimension: ChannelDimension = 'source') =>
  (await db.use((sql) => queryChannels(sql, scope, dimension, [], TZ))).map((r) => `${r.channel} ${r.added}`);

const HAND = ['直播间 5', '朋友圈海报 3', '（未知渠道） 1'];

describe('the kept people rows of 渠道', () => {
  const kept = keptInFileTests({
    schema: KEPT_CHANNELS_SCHEMA,
    prefix: 'channel_people_',
    fill: insertChannelFixture,
    read: (db) => added(db),
    expected: HAND,
    mark: (sql, table) => sql.run(`UPDATE ${table} SET added = 9 WHERE channel = '直播间'`),
    marked: ['直播间 9', '朋友圈海报 3', '（未知渠道） 1'],
    // A customer row without a channel: one more of the unknown channel.
    changeData: (project) => insertCustomers(project, [{ externalUserid: 'new1' }], 9),
    changed: ['直播间 5', '朋友圈海报 3', '（未知渠道） 2'],
  });

  it('give 增长点 its channel rows of the whole project (without active) from the same table', async () => {
    const db = kept.project().db;
    await added(db);
    const [table] = (await kept.tables()).file;
    await db.write((sql) => sql.run(`UPDATE ${KEPT_CHANNELS_SCHEMA}.${table} SET added = 9 WHERE channel = '直播间'`));
    const returns = await db.use((sql) => queryChannelReturns(sql, {}, 'source', [], TZ));
    expect(returns.map((r) => `${r.channel} ${r.added}`)).toEqual(['直播间 9', '朋友圈海报 3', '（未知渠道） 1']);
    expect(returns.every((r) => !('active' in r))).toBe(true);
    // A scope without active is counted each time, and kept nowhere.
    const groupA = await db.use((sql) => queryChannelReturns(sql, { groups: ['A'] }, 'source', [], TZ));
    expect(groupA.map((r) => `${r.channel} ${r.added}`)).toEqual(HAND);
    expect((await kept.tables()).memory).toEqual([]);
  });

  it('keep another scope or dimension in memory', async () => {
    const db = kept.project().db;
    // March: 直播间 ann, ben, eve; 朋友圈海报 cat, dan, wmX9 (a tie: by name). By 添加方式 (expectedAddWayAll): 5, 3 and 1.
    expect(await added(db, { from: '2024-03-01', to: '2024-03-31' })).toEqual(['朋友圈海报 3', '直播间 3', '（未知渠道） 1']);
    expect(await added(db, {}, 'add_way')).toEqual(['扫描二维码 5', '名片分享 3', '（未知渠道） 1']);
    expect(await kept.tables()).toMatchObject({ file: [], memory: [expect.any(String), expect.any(String)] });
  });
});
