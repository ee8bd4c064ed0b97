import { describe, expect, it } from 'vitest';
import { StateLock } from '../../src-main/db/stateLock';

/** A promise with its resolve at hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every pending callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('StateLock: commits wait for the uses of the data under way', () => {
  it('a commit waits for the uses under way; a use arriving meanwhile waits for the commit', async () => {
    const lock = new StateLock();
    const log: string[] = [];
    const first = gate();
    const use1 = lock.shared(async () => {
      log.push('use1 start');
      await first.promise;
      log.push('use1 end');
    });
    const commit = lock.exclusive(async () => {
      log.push('commit');
    });
    await settle();
    const use2 = lock.shared(async () => {
      log.push('use2');
    });
    await settle();
    expect(log).toEqual(['use1 start']);
    first.open();
    await Promise.all([use1, commit, use2]);
    expect(log).toEqual(['use1 start', 'use1 end', 'commit', 'use2']);
  });

  it('the uses that waited for a commit go before the next commit', async () => {
    const lock = new StateLock();
    const log: string[] = [];
    const held = gate();
    const c1 = lock.exclusive(async () => {
      await held.promise;
      log.push('commit1');
    });
    await settle();
    const u = lock.shared(async () => {
      await settle();
      log.push('use');
    });
    const c2 = lock.exclusive(async () => {
      log.push('commit2');
    });
    held.open();
    await Promise.all([c1, u, c2]);
    expect(log).toEqual(['commit1', 'use', 'commit2']);
  });

  it('a use nested in another joins its hold, even with a commit waiting (else each waits for the other)', async () => {
    const lock = new StateLock();
    const log: string[] = [];
    const outer = lock.shared(async () => {
      await settle();
      await lock.shared(async () => {
        log.push('inner');
      });
      log.push('outer end');
    });
    const commit = lock.exclusive(async () => {
      log.push('commit');
    });
    await Promise.all([outer, commit]);
    expect(log).toEqual(['inner', 'outer end', 'commit']);
  });

  it('a commit inside a use is refused instead of waiting for itself', async () => {
    const lock = new StateLock();
    await expect(lock.shared(() => lock.exclusive(async () => 1))).rejects.toThrow(/wait for itself/);
    expect(lock.sharedHolds).toBe(0);
  });

  it('work held with holdUntil keeps the state after its starter has gone', async () => {
    const lock = new StateLock();
    const log: string[] = [];
    const build = gate();
    await lock.shared(async () => {
      lock.holdUntil(build.promise.then(() => log.push('build done')));
    });
    const commit = lock.exclusive(async () => {
      log.push('commit');
    });
    await settle();
    expect(log).toEqual([]);
    build.open();
    await commit;
    expect(log).toEqual(['build done', 'commit']);
  });
});
