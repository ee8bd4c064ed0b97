import { describe, expect, it } from 'vitest';
import { fitLogistic, LogisticFitError } from '../../../src-main/analysis/stats/logistic';

/**
 * Worked examples with every data point printed and the fit published (the UCLA admissions data,
 * binary.csv, is not available offline and cannot be typed in honestly, so these stand in for it).
 */

// The 23 shuttle launches before Challenger: launch temperature (°F) and whether any O-ring was
// damaged (Dalal, Fowlkes & Hoadley 1989; the `challeng` data of BYU-Idaho Math 325's worked example,
// glm(Fail > 0 ~ Temp, family = binomial)): Estimate (Intercept) 15.0429, SE 7.3786; Temp −0.2322, SE 0.1082.
const challenger23: [number, number][] = [
  [53, 1], [57, 1], [58, 1], [63, 1], [66, 0], [67, 0], [67, 0], [67, 0], [68, 0], [69, 0], [70, 1], [70, 0],
  [70, 1], [70, 0], [72, 0], [73, 0], [75, 0], [75, 1], [76, 0], [76, 0], [78, 0], [79, 0], [81, 0],
];

// Montgomery & Runger, Applied Statistics and Probability for Engineers, ch. 11 (S11-9): 24 launches,
// the table as printed there (56 °F and 80 °F where the list above has 58 and none), Minitab:
// Constant 10.875 (SE 5.703), Temperature −0.17132 (SE 0.08344); R's glm on the same table
// (Memorial University ST4590 notes): 10.87535 (5.70291), −0.17132 (0.08344).
const montgomery24: [number, number][] = [
  [53, 1], [56, 1], [57, 1], [63, 0], [66, 0], [67, 0], [67, 0], [67, 0], [68, 0], [69, 0], [70, 0], [70, 1],
  [70, 1], [70, 1], [72, 0], [73, 0], [75, 0], [75, 1], [76, 0], [76, 0], [78, 0], [79, 0], [80, 0], [81, 0],
];

const fit = (data: [number, number][]) => fitLogistic([data.map((d) => d[0])], data.map((d) => d[1]));

describe('logistic regression by Newton–Raphson', () => {
  it('the 23 pre-Challenger launches: β = 15.0429 (SE 7.3786), −0.2322 (SE 0.1082) as glm prints them, to 1e-4', () => {
    const r = fit(challenger23);
    expect(Math.abs(r.coefficients[0]! - 15.0429)).toBeLessThan(1e-4);
    expect(Math.abs(r.coefficients[1]! - -0.2322)).toBeLessThan(1e-4);
    expect(Math.abs(r.standardErrors[0]! - 7.3786)).toBeLessThan(1e-4);
    expect(Math.abs(r.standardErrors[1]! - 0.1082)).toBeLessThan(1e-4);
    // Residual deviance 20.315 (−2 log L).
    expect(-2 * r.logLikelihood).toBeCloseTo(20.315, 3);
  });

  it("Montgomery & Runger's 24 launches: β = 10.87535, −0.17132 (SE 0.08344) to 1e-4, the intercept's SE 5.703 as Minitab prints it", () => {
    const r = fit(montgomery24);
    expect(Math.abs(r.coefficients[0]! - 10.87535)).toBeLessThan(1e-4);
    expect(Math.abs(r.coefficients[1]! - -0.17132)).toBeLessThan(1e-4);
    // The intercept's SE at the estimate is 5.70313: Minitab's 5.703 to its three decimals. R prints
    // 5.70291 because glm.fit reads the SEs off the weights of its last iteration but one (it stops
    // on a deviance change below 1e-8, one step short of where these weights settle).
    expect(Math.abs(r.standardErrors[0]! - 5.703)).toBeLessThan(5e-4);
    expect(Math.abs(r.standardErrors[1]! - 0.08344)).toBeLessThan(1e-4);
    // Residual deviance 23.03.
    expect(-2 * r.logLikelihood).toBeCloseTo(23.03, 2);
  });

  it('completely separated outcomes (every launch below 65 °F damaged, none above) are a separation error', () => {
    const data: [number, number][] = challenger23.map(([t]) => [t, t < 65 ? 1 : 0]);
    expect(() => fit(data)).toThrow(LogisticFitError);
    try {
      fit(data);
    } catch (e) {
      expect((e as LogisticFitError).reason).toBe('separation');
    }
  });

  it('quasi-complete separation (a feature non-zero only among the 1s) is a separation error too', () => {
    const y = [1, 1, 1, 0, 0, 0, 0, 1, 0, 1];
    const marker = [3, 0, 2, 0, 0, 0, 0, 0, 0, 1];
    const noise = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(() => fitLogistic([marker, noise], y)).toThrow(expect.objectContaining({ reason: 'separation' }));
  });

  it('one person far out in a heavy tail (fitted probability numerically 1) is no separation: the estimate exists', () => {
    // The 23 launches plus one damaged launch at −200 °F: its η is past 30 (probability rounds to 1),
    // yet the other launches overlap, so the likelihood has its maximum at finite β.
    const temps = [...challenger23.map((d) => d[0]), -200];
    const damaged = [...challenger23.map((d) => d[1]), 1];
    const r = fitLogistic([temps], damaged);
    expect(r.coefficients[1]!).toBeLessThan(0);
    expect(r.coefficients[0]! + r.coefficients[1]! * -200).toBeGreaterThan(30);
  });

  it('a feature that is a multiple of another is a collinear error', () => {
    const temps = challenger23.map((d) => d[0]);
    expect(() => fitLogistic([temps, temps.map((t) => 2 * t)], challenger23.map((d) => d[1]))).toThrow(expect.objectContaining({ reason: 'collinear' }));
  });
});
