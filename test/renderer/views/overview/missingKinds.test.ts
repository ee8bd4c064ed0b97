import { describe, expect, it } from 'vitest';
import { missingKinds } from '../../../../src-renderer/views/overview/overviewFormat';

describe('missingKinds: the exports the overview figures lack', () => {
  it('names orders, chat records and customers when only members were imported', () => {
    expect(missingKinds([{ kind: 'members' }])).toEqual(['orders', 'messages', 'customers']);
  });

  it('names nothing once the four usual exports are in', () => {
    expect(missingKinds([{ kind: 'members' }, { kind: 'messages' }, { kind: 'customers' }, { kind: 'orders' }])).toEqual([]);
  });

  it('forgets a kind whose only import was removed (the history no longer lists it)', () => {
    expect(missingKinds([{ kind: 'members' }, { kind: 'messages' }, { kind: 'customers' }])).toEqual(['orders']);
  });
});
