import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient, unwrap } from '../../../src-main/api/dispatch';
import { expectedAddWayAll, expectedSourceMarch, insertChannelFixture, typedCosts } from './channelFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject();
  await insertChannelFixture(t.project);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('channels:* over the API', () => {
  it('starts with an empty cost table and imported costs only', async () => {
    expect(unwrap(await call('channels:costs', {}))).toEqual([]);
    const rows = unwrap(await call('channels:query', { from: '2024-03-01', to: '2024-03-31', dimension: 'source' }));
    expect(rows.map((r) => [r.channel, r.cost])).toEqual([['朋友圈海报', 120], ['直播间', 1000], ['（未知渠道）', null]]);
  });

  it('saves the typed costs, which then win over the imported ones', async () => {
    expect(unwrap(await call('channels:saveCosts', { costs: typedCosts }))).toEqual(typedCosts);
    expect(unwrap(await call('channels:costs', {}))).toEqual(typedCosts);
    expect(unwrap(await call('channels:query', { from: '2024-03-01', to: '2024-03-31', dimension: 'source' }))).toEqual(expectedSourceMarch);
    expect(unwrap(await call('channels:query', { dimension: 'add_way' }))).toEqual(expectedAddWayAll);
    // A person's channel (source) is the default dimension.
    expect(unwrap(await call('channels:query', { from: '2024-03-01', to: '2024-03-31' }))).toEqual(expectedSourceMarch);
  });

  it('saves nothing when one row is invalid', async () => {
    const duplicate = await call('channels:saveCosts', {
      costs: [
        { dimension: 'source', channel: '新渠道', cost: 5 },
        { dimension: 'source', channel: '新渠道', cost: 6 },
      ],
    });
    expect(duplicate.ok ? null : duplicate.error.code).toBe('DEFINITION_INVALID');
    const negative = await call('channels:saveCosts', { costs: [{ dimension: 'source', channel: '新渠道', cost: -1 }] });
    expect(negative.ok ? null : negative.error.code).toBe('INVALID_REQUEST');
    const badDimension = await call('channels:saveCosts', { costs: [{ dimension: 'staff', channel: '新渠道', cost: 1 }] });
    expect(badDimension.ok ? null : badDimension.error.code).toBe('INVALID_REQUEST');
    expect(unwrap(await call('channels:costs', {}))).toEqual(typedCosts);
  });

  it('lists the imported 渠道投放 costs of the range', async () => {
    expect(unwrap(await call('channels:adCosts', { from: '2024-04-01' }))).toEqual([{ channel: '朋友圈海报', days: 1, impressions: 1000, clicks: 10, cost: 999 }]);
  });

  it('refuses a reversed range and an unknown dimension', async () => {
    const reversed = await call('channels:query', { from: '2024-03-31', to: '2024-03-01' });
    expect(reversed.ok ? null : reversed.error.code).toBe('INVALID_REQUEST');
    const dimension = await call('channels:query', { dimension: 'staff' });
    expect(dimension.ok ? null : dimension.error.code).toBe('INVALID_REQUEST');
  });

});

describe('activity:query over the API', () => {
  it('answers with the 168 cells of the scope', async () => {
    const cells = unwrap(await call('activity:query', { groups: ['B'] }));
    expect(cells).toHaveLength(168);
    // Group B: cat Fri 03-08 12 时, dan Tue 03-05 11 时 (2024-03-05 is a Tuesday).
    expect(cells.filter((c) => c.messages > 0)).toEqual([
      { weekday: 2, hour: 11, messages: 1, people: 1 },
      { weekday: 5, hour: 12, messages: 1, people: 1 },
    ]);
  });
});
