import { describe, expect, it } from 'vitest';
import { inCreationTurn } from '../../../src-renderer/components/creationTurn';

/** Resolves once every creation queued so far (and the microtasks they queued) has run. */
const turnsDone = () => new Promise<void>((resolve) => inCreationTurn(() => setTimeout(resolve, 0)));

describe('inCreationTurn', () => {
  it('runs each creation in a task of its own, in the order asked', async () => {
    const seen: string[] = [];
    for (const name of ['chart', 'second chart', 'grid']) {
      inCreationTurn(() => {
        seen.push(name);
        // A microtask runs before the next task: after this creation, before the next one.
        queueMicrotask(() => seen.push(`${name} done`));
      });
    }
    await turnsDone();
    expect(seen).toEqual(['chart', 'chart done', 'second chart', 'second chart done', 'grid', 'grid done']);
  });

  it('runs a creation asked to come next before those queued earlier, each still in a task of its own', async () => {
    const seen: string[] = [];
    inCreationTurn(() => {
      seen.push('chart');
      // The chart's layout, asked from its creation: before the grid queued meanwhile.
      inCreationTurn(() => seen.push('chart layout'), true);
      queueMicrotask(() => seen.push('chart done'));
    });
    inCreationTurn(() => seen.push('grid'));
    await turnsDone();
    expect(seen).toEqual(['chart', 'chart done', 'chart layout', 'grid']);
  });

  it('never runs a creation cancelled before its turn (its component went away)', async () => {
    const seen: string[] = [];
    inCreationTurn(() => seen.push('kept'));
    const cancel = inCreationTurn(() => seen.push('cancelled'));
    inCreationTurn(() => seen.push('last'));
    cancel();
    await turnsDone();
    expect(seen).toEqual(['kept', 'last']);
  });
});
