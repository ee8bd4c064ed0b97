import { describe, expect, it } from 'vitest';
import { kaplanMeier, type Observation } from '../../../src-main/analysis/stats/survival';

/**
 * The textbook example: remission times in weeks of the 21 leukaemia patients on 6-MP
 * (Freireich et al. 1963, as in Kaplan–Meier chapters since Gehan 1965); + marks a censored time.
 *
 *   6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+
 *
 * By hand, S(t) = Π (1 − d/n):
 *   t   n   d  c   S
 *   6   21  3  1   18/21                 = 6/7      ≈ 0.8571
 *   7   17  1  0   6/7 · 16/17           = 96/119   ≈ 0.8067
 *   9   16  0  1   (unchanged)
 *   10  15  1  1   96/119 · 14/15        = 64/85    ≈ 0.7529
 *   11  13  0  1
 *   13  12  1  0   64/85 · 11/12         = 176/255  ≈ 0.6902
 *   16  11  1  0   176/255 · 10/11       = 32/51    ≈ 0.6275
 *   17  10  0  1
 *   19   9  0  1
 *   20   8  0  1
 *   22   7  1  0   32/51 · 6/7           = 64/119   ≈ 0.5378
 *   23   6  1  0   64/119 · 5/6          = 160/357  ≈ 0.4482   ← first S ≤ 0.5: median 23
 *   25   5  0  1
 *   32   4  0  2
 *   34   2  0  1
 *   35   1  0  1
 */
const sixMp: Observation[] = [
  ...[6, 6, 6, 7, 10, 13, 16, 22, 23].map((duration) => ({ duration, isEvent: true })),
  ...[6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map((duration) => ({ duration, isEvent: false })),
];

describe('Kaplan–Meier', () => {
  it('reproduces the hand-computed 6-MP curve with censoring, ties of events and censorings included', () => {
    const curve = kaplanMeier(sixMp);
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
    const p = (time: number, survival: number, at_risk: number, events: number, censored: number) => ({ time, survival, at_risk, events, censored });
    const expected = [
      p(6, 6 / 7, 21, 3, 1),
      p(7, 96 / 119, 17, 1, 0),
      p(9, 96 / 119, 16, 0, 1),
      p(10, 64 / 85, 15, 1, 1),
      p(11, 64 / 85, 13, 0, 1),
      p(13, 176 / 255, 12, 1, 0),
      p(16, 32 / 51, 11, 1, 0),
      p(17, 32 / 51, 10, 0, 1),
      p(19, 32 / 51, 9, 0, 1),
      p(20, 32 / 51, 8, 0, 1),
      p(22, 64 / 119, 7, 1, 0),
      p(23, 160 / 357, 6, 1, 0),
      p(25, 160 / 357, 5, 0, 1),
      p(32, 160 / 357, 4, 0, 2),
      p(34, 160 / 357, 2, 0, 1),
      p(35, 160 / 357, 1, 0, 1),
    ];
    expect(curve.points.map(({ survival: _, ...rest }) => rest)).toEqual(expected.map(({ survival: _, ...rest }) => rest));
    curve.points.forEach((x, i) => expect(x.survival).toBeCloseTo(expected[i]!.survival, 12));
    expect(curve.median).toBe(23);
  });

  it('gives the same curve for grouped observations as for one row each', () => {
    const grouped: Observation[] = [
      { duration: 6, isEvent: true, count: 3 },
      { duration: 6, isEvent: false },
      { duration: 32, isEvent: false, count: 2 },
      ...sixMp.filter((o) => o.duration !== 6 && o.duration !== 32),
    ];
    expect(kaplanMeier(grouped)).toEqual(kaplanMeier(sixMp));
  });

  it('takes the first time the curve reaches exactly one half as the median', () => {
    // 4 people, events at days 1 and 2: S(1) = 3/4, S(2) = 3/4 · 2/3 = 1/2 → median 2.
    const curve = kaplanMeier([1, 2, 3, 4].map((d) => ({ duration: d, isEvent: d <= 2 })));
    expect(curve.points.map((x) => x.survival)).toEqual([0.75, 0.5, 0.5, 0.5]);
    expect(curve.median).toBe(2);
  });

  it('has no median when more than half are still members at the end, and nothing for no one', () => {
    // 3 people: one leaves on day 0 (S = 2/3), two censored on day 5: S never ≤ 0.5.
    const curve = kaplanMeier([
      { duration: 0, isEvent: true },
      { duration: 5, isEvent: false, count: 2 },
    ]);
    expect(curve.points.map(({ survival: _, ...rest }) => rest)).toEqual([
      { time: 0, at_risk: 3, events: 1, censored: 0 },
      { time: 5, at_risk: 2, events: 0, censored: 2 },
    ]);
    for (const x of curve.points) expect(x.survival).toBeCloseTo(2 / 3, 12);
    expect(curve.median).toBeNull();
    expect(kaplanMeier([])).toEqual({ n: 0, events: 0, points: [], median: null });
  });

  it('refuses a negative duration', () => {
    expect(() => kaplanMeier([{ duration: -1, isEvent: true }])).toThrow(RangeError);
  });
});
