/**
 * Maximum-likelihood logistic regression by Newton–Raphson (the same iteration as IRLS / Fisher
 * scoring for the logit link), with Wald standard errors from the inverse of the information
 * matrix X'WX at the optimum, as R's glm(family = binomial) reports them.
 *
 * Not ml-logistic-regression: it fits by gradient descent with a fixed learning rate, gives no
 * standard errors, and stops far from the optimum (its coefficients differ from glm's in the
 * second decimal), where the lookalike reports odds ratios with intervals that must match a
 * published fit to 1e-4. ml-matrix solves the small p × p systems.
 *
 * When the maximum-likelihood estimate does not exist the fit says why instead of answering
 * numbers that mean nothing:
 * - `separation`: some combination of the features separates the outcomes (completely or
 *   quasi-completely): the coefficients run off to infinity, Newton's steps never shrink, and the
 *   fitted probabilities of the separated people reach 0 or 1;
 * - `collinear`: the information matrix is singular (a feature is a linear combination of others);
 * - `not_converged`: the steps did not settle within the iteration limit for another reason.
 */
import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';

/** Why a fit has no answer. */
export type LogisticFailure = 'separation' | 'collinear' | 'not_converged';

/** A fit that has no maximum-likelihood answer. */
export class LogisticFitError extends Error {
  /** Why: see the file comment. */
  readonly reason: LogisticFailure;
  constructor(reason: LogisticFailure, message: string) {
    super(message);
    this.name = 'LogisticFitError';
    this.reason = reason;
  }
}

/** The fitted model. */
export interface LogisticFit {
  /** β: the intercept first, then one per column of x, on the scale of x. */
  coefficients: number[];
  /** Wald standard errors of β, same order. */
  standardErrors: number[];
  /** Newton steps taken. */
  iterations: number;
  /** The log-likelihood at β. */
  logLikelihood: number;
}

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Steps before giving up (default 50; a fit that exists converges in under ten). */
  maxIterations?: number;
  /** Converged when no coefficient moves more than this in a step (default 1e-9). */
  tolerance?: number;
}

/** |η| beyond which a fitted probability is numerically 0 or 1 (p < 1e-13): a failed fit this far out is a separation. */
const EXTREME_ETA = 30;

/** log(1 + e^η) without overflow. */
function log1pExp(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** The logistic function, exact in both tails. */
export function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/**
 * Fits logit P(y = 1) = β0 + Σ βj·xj. `columns` holds one array per feature, each of n values;
 * `y` holds n outcomes, 0 or 1. Throws a {@link LogisticFitError} when there is no estimate.
 */
export function fitLogistic(columns: readonly ArrayLike<number>[], y: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const n = y.length;
  const p = columns.length + 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  // The design with its intercept column, column-major so the loops read memory in order.
  const x: ArrayLike<number>[] = [new Float64Array(n).fill(1), ...columns];
  const beta = new Array<number>(p).fill(0);
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  let maxEta = 0;

  const update = (): number => {
    let logLikelihood = 0;
    maxEta = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < p; j++) e += beta[j]! * x[j]![i]!;
      eta[i] = e;
      // μ and 1 − μ each from its own side: 1 − μ computed as a difference rounds to 0 past |η| ≈ 37,
      // which would drop those people from the steps, and separated people must keep pulling
      // (their steps never settle) for the separation to show.
      const mu = sigmoid(e);
      const q = sigmoid(-e);
      w[i] = mu * q;
      r[i] = y[i] === 1 ? q : -mu;
      logLikelihood += y[i]! * e - log1pExp(e);
      if (Math.abs(e) > maxEta) maxEta = Math.abs(e);
    }
    return logLikelihood;
  };

  let logLikelihood = update();
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const info = new Matrix(p, p);
    const gradient = new Matrix(p, 1);
    for (let j = 0; j < p; j++) {
      const xj = x[j]!;
      let g = 0;
      for (let i = 0; i < n; i++) g += xj[i]! * r[i]!;
      gradient.set(j, 0, g);
      for (let k = 0; k <= j; k++) {
        const xk = x[k]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += xj[i]! * w[i]! * xk[i]!;
        info.set(j, k, s);
        info.set(k, j, s);
      }
    }
    const cholesky = new CholeskyDecomposition(info);
    if (!cholesky.isPositiveDefinite()) {
      // Weights that vanish (probabilities at 0 or 1) make the information singular too.
      throw maxEta > EXTREME_ETA ? failure('separation') : failure('collinear');
    }
    const step = cholesky.solve(gradient);
    let largest = 0;
    for (let j = 0; j < p; j++) {
      const s = step.get(j, 0);
      if (!Number.isFinite(s)) throw failure(maxEta > EXTREME_ETA ? 'separation' : 'collinear');
      beta[j] = beta[j]! + s;
      largest = Math.max(largest, Math.abs(s));
    }
    logLikelihood = update();
    if (largest < tolerance) {
      // Settled: the estimate exists. Probabilities numerically 0 or 1 may remain for people far out
      // in a heavy tail (a member with thousands of messages); they are no separation, whose steps
      // never settle (see above).
      const covariance = inverse(recompute(x, w, p));
      return {
        coefficients: [...beta],
        standardErrors: beta.map((_, j) => Math.sqrt(covariance.get(j, j))),
        iterations: iteration,
        logLikelihood,
      };
    }
  }
  throw failure(maxEta > EXTREME_ETA / 3 ? 'separation' : 'not_converged');
}

/** X'WX at the current weights (the standard errors are read at the estimate, not one step before). */
function recompute(x: readonly ArrayLike<number>[], w: Float64Array, p: number): Matrix {
  const info = new Matrix(p, p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = 0;
      for (let i = 0; i < w.length; i++) s += x[j]![i]! * w[i]! * x[k]![i]!;
      info.set(j, k, s);
      info.set(k, j, s);
    }
  }
  return info;
}

function failure(reason: LogisticFailure): LogisticFitError {
  return new LogisticFitError(reason, `logistic fit failed: ${reason}`);
}
