import { describe, expect, it } from 'vitest';
import { lift } from '../../../src-main/analysis/stats/lift';

describe('lift of doers over others (Katz log interval)', () => {
  it('10 of 50 doers and 20 of 200 others convert: 20% vs 10%, lift 2 with its interval', () => {
    // By hand: RR = (10/50) / (20/200) = 0.2 / 0.1 = 2.
    // SE(ln RR) = √(1/10 − 1/50 + 1/20 − 1/200) = √(0.1 − 0.02 + 0.05 − 0.005) = √0.125 = 0.353553…
    // z·SE = 1.959964 × 0.353553 = 0.692952; ln 2 = 0.693147
    // low = exp(0.693147 − 0.692952) = exp(0.000195) = 1.000195; high = exp(1.386099) = 3.999219.
    const r = lift(10, 50, 20, 200);
    expect(r.doers_rate).toBe(20);
    expect(r.others_rate).toBe(10);
    expect(r.lift).toBe(2);
    expect(r.lift_low).toBeCloseTo(1.000195, 5);
    expect(r.lift_high).toBeCloseTo(3.999219, 5);
  });

  it('3 of 4 doers and 5 of 20 others: lift 3, interval 1.164 – 7.732', () => {
    // RR = 0.75 / 0.25 = 3; SE = √(1/3 − 1/4 + 1/5 − 1/20) = √0.233333 = 0.483046;
    // z·SE = 0.946756; ln 3 = 1.098612 → exp(0.151856) = 1.163997, exp(2.045369) = 7.731979.
    const r = lift(3, 4, 5, 20);
    expect(r.doers_rate).toBe(75);
    expect(r.others_rate).toBe(25);
    expect(r.lift).toBe(3);
    expect(r.lift_low).toBeCloseTo(1.163997, 5);
    expect(r.lift_high).toBeCloseTo(7.731979, 5);
  });

  it('no doer converted: lift 0, no interval', () => {
    expect(lift(0, 5, 2, 10)).toEqual({ doers_rate: 0, others_rate: 20, lift: 0, lift_low: null, lift_high: null });
  });

  it('no other converted: rates shown, lift and interval empty (never infinity)', () => {
    expect(lift(2, 5, 0, 10)).toEqual({ doers_rate: 40, others_rate: 0, lift: null, lift_low: null, lift_high: null });
  });

  it('zero denominators give empty rates', () => {
    expect(lift(0, 0, 3, 10)).toEqual({ doers_rate: null, others_rate: 30, lift: null, lift_low: null, lift_high: null });
    expect(lift(1, 4, 0, 0)).toEqual({ doers_rate: 25, others_rate: null, lift: null, lift_low: null, lift_high: null });
  });

  it('everyone converted on both sides: lift 1 with a zero-width interval', () => {
    // SE = √(1/4 − 1/4 + 1/6 − 1/6) = 0.
    const r = lift(4, 4, 6, 6);
    expect(r.lift).toBe(1);
    expect(r.lift_low).toBe(1);
    expect(r.lift_high).toBe(1);
  });
});
