/**
 * One state of the data for a whole use of the database (issue 12 item 3).
 *
 * An analysis runs a dozen statements, each its own DuckDB transaction, and reads the derived
 * tables (analysis/base/derivedTables.ts) that were built from one state of the imported tables.
 * Were an import or an undo to commit between two of its statements, it would read the new rows
 * beside derived tables of the old ones (person numbers past the end, a hit table dropped under
 * it). So commits wait: a readers–writer lock where every use of the database holds a shared
 * hold from its preparer to its last statement, and every commit of the data takes the
 * exclusive hold, which waits for the uses under way and holds back the ones that arrive
 * meanwhile. An import still writes for as long as it takes beside the analyses, in its own
 * transaction (invisible to them until it commits); only its COMMIT waits.
 *
 * A waiting commit goes before uses that arrive after it (a steady stream of analyses never
 * starves an import); the uses that waited for a commit all go before the next commit. A use
 * nested in another (same async context) joins the outer hold instead of queueing behind a
 * waiting commit, which would wait for the outer use: a deadlock.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The hold the current async context has of a lock. */
type Held = 'shared' | 'exclusive';

/** A readers–writer lock over the committed state of a project's data; see the file comment. */
export class StateLock {
  private readers = 0;
  private isWriting = false;
  private readonly waitingReaders: (() => void)[] = [];
  private readonly waitingWriters: (() => void)[] = [];
  private readonly held = new AsyncLocalStorage<Held>();

  /** Uses holding the state now (for tests and diagnostics). */
  get sharedHolds(): number {
    return this.readers;
  }

  /** Runs `fn` while no commit can happen (joins the hold of an enclosing use). */
  async shared<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held.getStore()) return fn();
    await this.acquireShared();
    try {
      return await this.held.run('shared', fn);
    } finally {
      this.releaseShared();
    }
  }

  /**
   * Keeps the state as it is until `work` settles, beside the caller's own hold (which must be
   * held): shared work, like a derived-table build, outlives the caller that started it when
   * that caller is cancelled.
   */
  holdUntil(work: Promise<unknown>): void {
    if (!this.held.getStore()) throw new Error('StateLock.holdUntil outside a hold');
    this.readers++;
    void work.catch(() => undefined).then(() => this.releaseShared());
  }

  /** Runs `fn` (a commit) once no use holds the state, holding back new ones until it ends. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const held = this.held.getStore();
    if (held === 'exclusive') return fn();
    // The commit would wait for the very use it runs in.
    if (held === 'shared') throw new Error('A commit inside a use of the database would wait for itself');
    await new Promise<void>((resolve) => {
      if (!this.isWriting && this.readers === 0) {
        this.isWriting = true;
        resolve();
      } else {
        this.waitingWriters.push(() => {
          this.isWriting = true;
          resolve();
        });
      }
    });
    try {
      return await this.held.run('exclusive', fn);
    } finally {
      this.isWriting = false;
      this.afterCommit();
    }
  }

  private acquireShared(): Promise<void> {
    if (!this.isWriting && this.waitingWriters.length === 0) {
      this.readers++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) =>
      this.waitingReaders.push(() => {
        this.readers++;
        resolve();
      }),
    );
  }

  private releaseShared(): void {
    this.readers--;
    if (this.readers > 0) return;
    // The last use of a state: a waiting commit goes next.
    const commit = this.waitingWriters.shift();
    if (commit) commit();
    else this.grantReaders();
  }

  /** The uses that waited for a commit go first, before the next commit (which then waits for them). */
  private afterCommit(): void {
    if (this.waitingReaders.length > 0) this.grantReaders();
    else this.waitingWriters.shift()?.();
  }

  private grantReaders(): void {
    for (const grant of this.waitingReaders.splice(0)) grant();
  }
}
