/**
 * 相似人群 (DESIGN §4 Decision support, issue 14 item 3): who, among the members who have not bought,
 * looks most like those who have.
 *
 * - people: the members of the scope at the as-of day of the customer-360 feature table
 *   (features/featuresCache.ts); converted = a paid order not fully refunded (the table's
 *   purchases > 0). They are sorted by outcome, then the chosen features' values, then person id:
 *   people in the same place differ in nothing the model reads, so the split gives the same fit
 *   whatever their ids, and an anonymised copy (new ids) gets the original's figures (issue 15).
 * - split: a seeded shuffle (stats/seededSplit.ts) puts round(70%) of them in the fitting part, the
 *   rest in the held-out part: the same seed and data give the same split.
 * - features: the chosen customer-360 features, standardised by the fitting part's mean and sample
 *   standard deviation (so each coefficient is per 1 sd); a feature constant there is dropped with a
 *   note; an empty value (a survey score of who answered none) is filled with that mean (0 after
 *   standardising), with a note.
 * - fit: logistic regression by Newton–Raphson (stats/logistic.ts); separation, collinearity and
 *   non-convergence are MODEL_FIT_FAILED errors that say which and what to do.
 * - judged on the held-out part: the AUC with Hanley & McNeil's interval, calibration by decile.
 * - scored: every member who has not converted (fitting and held-out alike), by probability, with
 *   the percentile among them.
 *
 * A fit is kept per feature table (which changes with the data, the scope and the saved definitions),
 * feature list and seed, so paging the list, exporting it or saving it as a tag fits nothing again.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { defaultLookalikeFeatures, type LookalikeCoefficient, type LookalikeFeature, type LookalikePerson, type LookalikeRequest, type LookalikeResult } from '../../contract';
import { AppError } from '../../contract/appError';
import type { Sql } from '../../db/projectDb';
import { featureLabels } from '../../locale/features';
import { lookalikeText } from '../../locale/lookalike';
import { featuresTable, type FeaturesTable } from '../features/featuresCache';
import { auc, calibrationByDecile } from '../stats/discrimination';
import { fitLogistic, LogisticFitError, sigmoid } from '../stats/logistic';
import { seededSplit } from '../stats/seededSplit';

/** Share of the members the model is fitted on. */
const TRAIN_SHARE = 0.7;
/** Fewest converted and non-converted members in the fitting part. */
const MIN_PER_OUTCOME = 5;
/** Fits kept (each holds every scored member). */
const MAX_FITS = 4;
/**
 * Scored members the kept fits may hold together, beyond the newest fit: at 1,000,000 people a fit
 * holds some 700,000 of them, a few hundred MB of the process, and four fits pushed it past 2 GB.
 */
const MAX_KEPT_PEOPLE = 1_000_000;

/** A fitted lookalike: the answer without its list, and every scored member best first. */
export interface LookalikeFit {
  result: Omit<LookalikeResult, 'top' | 'reading'>;
  people: LookalikePerson[];
}

interface MemberRow {
  pid: string;
  name: string | null;
  channel: string | null;
  staff: string | null;
  groups: string | null;
  converted: boolean;
  [feature: `f${number}`]: number | null;
}

const fits = new Map<string, Promise<LookalikeFit>>();
/** Scored members of each kept fit that has ended. */
const keptPeople = new Map<string, number>();

/** Drops the oldest fits, never the newest, while more than {@link MAX_FITS} or {@link MAX_KEPT_PEOPLE} are kept. */
function trimFits(): void {
  const total = () => [...fits.keys()].reduce((sum, k) => sum + (keptPeople.get(k) ?? 0), 0);
  while (fits.size > 1 && (fits.size > MAX_FITS || total() > MAX_KEPT_PEOPLE)) {
    const oldest = fits.keys().next().value!;
    fits.delete(oldest);
    keptPeople.delete(oldest);
  }
}

/** Code-unit order of two texts (as the rows' pid order, never the locale's). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A feature as a person reads it: its customer-360 label, or the key behaviour's name. */
function featureLabel(feature: LookalikeFeature, table: FeaturesTable): string {
  if (feature.startsWith('kb_')) return table.behaviours.find((b) => b.column === feature)?.name ?? feature;
  return featureLabels[feature as keyof typeof featureLabels];
}

/** The members with their outcome and the chosen features' raw values (f0, f1 …), in the split's order (see the file comment). */
export function lookalikeMembersSql(relation: string, features: readonly LookalikeFeature[]): string {
  const columns = features.map((f, i) => `CAST("${f}" AS DOUBLE) AS f${i}`).join(', ');
  const order = ['converted', ...features.map((_, i) => `f${i} NULLS FIRST`), 'pid'].join(', ');
  return `SELECT pid, name, channel, staff, groups, purchases > 0 AS converted, ${columns} FROM ${relation} WHERE is_member ORDER BY ${order}`;
}

/** Mean and sample standard deviation of the non-null values at the marked positions. */
function moments(values: (number | null)[], isIn: Uint8Array): { mean: number; sd: number; count: number } {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (isIn[i] && values[i] !== null) {
      count++;
      sum += values[i]!;
    }
  }
  const mean = count ? sum / count : 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) if (isIn[i] && values[i] !== null) squares += (values[i]! - mean) ** 2;
  return { mean, sd: count > 1 ? Math.sqrt(squares / (count - 1)) : 0, count };
}

/** Fits the model on the members' rows: pure apart from the rows, so it can be checked without a database. */
export function fitLookalike(rows: MemberRow[], features: readonly LookalikeFeature[], labels: readonly string[], seed: number, asOf: string): LookalikeFit {
  const text = lookalikeText;
  const n = rows.length;
  if (n === 0) throw new AppError('ANALYSIS_NO_DATA', text.errors.noMembers);
  const isTrain = seededSplit(n, TRAIN_SHARE, seed);
  const y = Uint8Array.from(rows, (r) => (r.converted ? 1 : 0));
  const used: { feature: LookalikeFeature; label: string; mean: number; sd: number; z: Float64Array }[] = [];
  const dropped: LookalikeResult['dropped'] = [];
  const imputed: LookalikeResult['imputed'] = [];
  features.forEach((feature, j) => {
    const values = rows.map((r) => r[`f${j}`] ?? null);
    const { mean, sd } = moments(values, isTrain);
    if (!(sd > 0)) {
      dropped.push({ feature, label: labels[j]!, reason: 'constant' });
      return;
    }
    const missing = values.filter((v) => v === null).length;
    if (missing > 0) imputed.push({ feature, label: labels[j]!, count: missing });
    used.push({ feature, label: labels[j]!, mean, sd, z: Float64Array.from(values, (v) => (v === null ? 0 : (v - mean) / sd)) });
  });
  if (used.length === 0) throw new AppError('MODEL_FIT_FAILED', text.errors.allConstant, { reason: 'constant' });

  const train = [...isTrain.keys()].filter((i) => isTrain[i]);
  const test = [...isTrain.keys()].filter((i) => !isTrain[i]);
  const trainConverted = train.reduce((s, i) => s + y[i]!, 0);
  if (trainConverted < MIN_PER_OUTCOME || train.length - trainConverted < MIN_PER_OUTCOME) {
    throw new AppError('MODEL_FIT_FAILED', text.errors.tooFew(trainConverted, train.length - trainConverted), { reason: 'too_few' });
  }
  let fit;
  try {
    fit = fitLogistic(
      used.map((u) => Float64Array.from(train, (i) => u.z[i]!)),
      Uint8Array.from(train, (i) => y[i]!),
    );
  } catch (e) {
    if (!(e instanceof LogisticFitError)) throw e;
    throw new AppError('MODEL_FIT_FAILED', text.errors[e.reason](used.map((u) => u.label)), { reason: e.reason });
  }
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = fit.coefficients[0]!;
    used.forEach((u, j) => (eta += fit.coefficients[j + 1]! * u.z[i]!));
    probability[i] = sigmoid(eta);
  }

  const z = normalQuantile(0.975, 0, 1);
  const coefficients: LookalikeCoefficient[] = used.map((u, j) => {
    const beta = fit.coefficients[j + 1]!;
    const se = fit.standardErrors[j + 1]!;
    return {
      feature: u.feature,
      label: u.label,
      mean: u.mean,
      sd: u.sd,
      coefficient: beta,
      se,
      oddsRatio: Math.exp(beta),
      low: Math.exp(beta - z * se),
      high: Math.exp(beta + z * se),
      p: 2 * (1 - normalCdf(Math.abs(beta / se), 0, 1)),
    };
  });
  const testScores = Float64Array.from(test, (i) => probability[i]!);
  const testY = Uint8Array.from(test, (i) => y[i]!);
  const a = auc(testScores, testY);

  // Best first; ties by channel, staff and groups (what an anonymised copy keeps), then the rows'
  // order (person id last). Percentile: share at or below, so ties share the higher one.
  const byText = (i: number, k: number, key: 'channel' | 'staff' | 'groups') => compareText(rows[i]![key] ?? '', rows[k]![key] ?? '');
  const candidates = [...y.keys()]
    .filter((i) => y[i] === 0)
    .sort((i, k) => probability[k]! - probability[i]! || byText(i, k, 'channel') || byText(i, k, 'staff') || byText(i, k, 'groups') || i - k);
  const people: LookalikePerson[] = new Array(candidates.length);
  const scored = candidates.length;
  for (let rank = 0; rank < scored; ) {
    let end = rank;
    while (end + 1 < scored && probability[candidates[end + 1]!] === probability[candidates[rank]!]) end++;
    const percentile = ((scored - rank) / scored) * 100;
    for (let k = rank; k <= end; k++) {
      const r = rows[candidates[k]!]!;
      people[k] = { rank: k + 1, pid: r.pid, name: r.name, channel: r.channel, staff: r.staff, groups: r.groups, probability: probability[candidates[k]!]! * 100, percentile };
    }
    rank = end + 1;
  }
  const converted = y.reduce((s, v) => s + v, 0);
  return {
    result: {
      asOf,
      seed,
      features: used.map((u) => u.feature),
      dropped,
      imputed,
      members: n,
      converted,
      train: { n: train.length, converted: trainConverted },
      test: { n: test.length, converted: testY.reduce((s, v) => s + v, 0) },
      intercept: fit.coefficients[0]!,
      iterations: fit.iterations,
      coefficients,
      auc: { value: a.auc, low: a.low, high: a.high, method: 'hanley_mcneil' },
      calibration: calibrationByDecile(testScores, testY).map((b) => ({ decile: b.decile, n: b.n, predicted: b.predicted * 100, observed: b.observed * 100 })),
      scored,
    },
    people,
  };
}

/** The fit of a request, computed on first use and kept (see the file comment). */
export async function lookalikeFit(sql: Sql, req: Pick<LookalikeRequest, 'groups' | 'features' | 'seed'>, timeZone: string): Promise<LookalikeFit> {
  const table = await featuresTable(sql, { groups: req.groups, timeZone });
  const features = [...new Set(req.features ?? defaultLookalikeFeatures)];
  for (const f of features) {
    if (f.startsWith('kb_') && !table.behaviours.some((b) => b.column === f)) throw new AppError('INVALID_REQUEST', lookalikeText.errors.unknownFeature(f));
  }
  const key = JSON.stringify([table.relation, features, req.seed]);
  const cached = fits.get(key);
  if (cached) return cached;
  const job = (async () => {
    const rows = await sql.all<MemberRow>(lookalikeMembersSql(table.relation, features));
    return fitLookalike(rows, features, features.map((f) => featureLabel(f, table)), req.seed, table.asOf);
  })();
  fits.set(key, job);
  // A failure (a cancelled request, a fit that cannot be made) is not kept: the next request asks again.
  job.then(
    (fit) => {
      if (fits.get(key) !== job) return;
      keptPeople.set(key, fit.people.length);
      trimFits();
    },
    () => {
      if (fits.get(key) === job) fits.delete(key);
    },
  );
  trimFits();
  return job;
}

/** The answer of a lookalike request: the fit with the best `top` (default 100) and the reading. */
export async function runLookalike(sql: Sql, req: LookalikeRequest, timeZone: string): Promise<LookalikeResult> {
  const { result, people } = await lookalikeFit(sql, req, timeZone);
  const full = { ...result, top: people.slice(0, req.top ?? 100), reading: '' };
  return { ...full, reading: lookalikeText.reading(full) };
}
