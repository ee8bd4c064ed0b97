import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMessages, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

/**
 * 关键行为's type picker (behaviours:msgTypes): the message types of the group messages with their
 * counts, read from a derived table built with the data (base/msgTypes.ts), so it follows new data.
 */
let t: TempProject;
let call: ReturnType<typeof projectClient>;

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  call = projectClient(t);
  const at = '2024-03-01 10:00:00+08';
  await insertMessages(t.project, [
    // text ×3 once trimmed; 红包 ×3; image ×1; blanks and one-to-one chats are left out.
    { id: 'a', group: 'G1', at, type: 'text' },
    { id: 'b', group: 'G1', at, type: ' text ' },
    { id: 'c', group: 'G2', at, type: '  text' },
    { id: 'a', group: 'G1', at, type: '红包' },
    { id: 'b', group: 'G2', at, type: '红包' },
    { id: 'c', group: 'G2', at, type: ' 红包' },
    { id: 'a', group: 'G1', at, type: 'image' },
    { id: 'a', group: 'G1', at, type: '' },
    { id: 'b', group: 'G1', at, type: '   ' },
    { id: 'a', group: null, at, type: 'voice' },
    { id: 'b', group: null, at, type: 'voice' },
  ]);
});
afterAll(async () => t?.dispose());

describe('behaviours:msgTypes', () => {
  it('counts the group messages of each trimmed type, most first and ties by name, without blanks or one-to-one chats', async () => {
    // 'text' sorts before '红包' (code points): the tie of 3 and 3 goes to the name.
    expect(await call('behaviours:msgTypes', {})).toEqual({
      ok: true,
      value: [
        { msgType: 'text', count: 3 },
        { msgType: '红包', count: 3 },
        { msgType: 'image', count: 1 },
      ],
    });
  });

  it('counts the messages added since: the table is built again with the new data', async () => {
    await insertMessages(t.project, [
      { id: 'd', group: 'G3', at: '2024-03-02 09:00:00+08', type: 'image' },
      { id: 'e', group: 'G3', at: '2024-03-02 09:00:00+08', type: 'image' },
      { id: 'f', group: 'G3', at: '2024-03-02 09:00:00+08', type: 'image' },
      { id: 'g', group: 'G3', at: '2024-03-02 09:00:00+08', type: 'link' },
    ]);
    expect(await call('behaviours:msgTypes', {})).toEqual({
      ok: true,
      value: [
        { msgType: 'image', count: 4 },
        { msgType: 'text', count: 3 },
        { msgType: '红包', count: 3 },
        { msgType: 'link', count: 1 },
      ],
    });
  });
});
