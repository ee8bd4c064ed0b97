import { describe, expect, it } from 'vitest';
import { longTaskWaits, UI_TARGETS } from '../../bench/ui';
import type { UiSample } from '../../bench/phases/ui';

/** A wait whose longest task took `longMaxMs`. */
const wait = (longMaxMs: number): UiSample => ({ ms: 300, longMaxMs, longCount: longMaxMs ? 1 : 0, longFrames: [], apiMs: 100, apiCalls: 1, askedMs: 10 });

describe('the UI bench: waits with a long task', () => {
  it('counts a wait whose longest task reaches the target, not one just under it nor one with none', () => {
    expect(longTaskWaits([wait(0), wait(99.9), wait(100), wait(131)], UI_TARGETS.longTaskMs)).toEqual({ long: 2, waits: 4 });
  });

  it('is none of none', () => {
    expect(longTaskWaits([], UI_TARGETS.longTaskMs)).toEqual({ long: 0, waits: 0 });
  });
});
