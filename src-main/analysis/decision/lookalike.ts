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
import { listValue } from '@duckdb/node-api';
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
/** Fits kept (each holds every member's id and score). */
const MAX_FITS = 4;
/**
 * Members the kept fits may hold together, beyond the newest fit: a fit holds each member's id
 * and score (a process that read the 800,000 members of 1,000,000 people and kept two fits held
 * 905 MB, against 1,465 MB when a fit kept an object per scored member and four of those passed 2 GB).
 */
const MAX_KEPT_PEOPLE = 1_000_000;

/** The scoring of a fit (pure): the answer without its list, and the scored members best first. */
export interface LookalikeScores {
  result: Omit<LookalikeResult, 'top' | 'reading'>;
  /** Person id of each member, in the members' order. */
  pids: readonly string[];
  /** The members who have not converted, best first (positions in the members' order). */
  ranked: Int32Array;
  /** Probability of converting (0–1) of each member, in the members' order. */
  probability: Float64Array;
  /** Percentile of each place of `ranked`. */
  percentile: Float64Array;
}

/** A fitted lookalike: the answer without its list, and the list of the scored members read on demand. */
export interface LookalikeFit {
  result: Omit<LookalikeResult, 'top' | 'reading'>;
  /** The scored members best first from place `start` up to `end` (default: to the last), with their names. */
  people(sql: Sql, start?: number, end?: number): Promise<LookalikePerson[]>;
}

/**
 * The members as the fit reads them, in the split's order (see the file comment), one array per
 * column: texts cost the most to read, so channel, staff and groups come as ranks (equal texts
 * share one; lower ranks sort first in code-unit order) and names only for the listed people.
 */
export interface MemberColumns {
  pid: string[];
  converted: boolean[];
  /** The chosen features' raw values, one array per feature. */
  features: (number | null)[][];
  channel: ArrayLike<number>;
  staff: ArrayLike<number>;
  groups: ArrayLike<number>;
}

const fits = new Map<string, Promise<LookalikeFit>>();
/** Members of each kept fit that has ended. */
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

/** (v − mean) / sd of each value, 0 for an empty one. */
function standardised(values: readonly (number | null)[], mean: number, sd: number): Float64Array {
  const z = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) z[i] = values[i] === null ? 0 : (values[i]! - mean) / sd;
  return z;
}

/** The values at `indices`, in their order (a typed array's `from` with a mapping function took ~10× as long at this size). */
function picked<T extends Float64Array | Uint8Array>(kind: new (length: number) => T, values: ArrayLike<number>, indices: readonly number[]): T {
  const out = new kind(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]!]!;
  return out;
}

/**
 * Ranks in code-unit order from DuckDB's ranks: `codes` are each member's place among `distinct`,
 * the distinct texts in DuckDB's order (bytes of UTF-8, which puts characters beyond U+FFFF after
 * U+E000–U+FFFF where code units put them before).
 */
export function codeUnitRanks(codes: ArrayLike<number>, distinct: readonly string[]): Int32Array {
  const rankOf = new Map([...distinct].sort(compareText).map((v, i) => [v, i]));
  const remap = distinct.map((v) => rankOf.get(v)!);
  const ranks = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) ranks[i] = remap[codes[i]!]!;
  return ranks;
}

/** A feature as a person reads it: its customer-360 label, or the key behaviour's name. */
function featureLabel(feature: LookalikeFeature, table: FeaturesTable): string {
  if (feature.startsWith('kb_')) return table.behaviours.find((b) => b.column === feature)?.name ?? feature;
  return featureLabels[feature as keyof typeof featureLabels];
}

const TEXTS = ['channel', 'staff', 'groups'] as const;

/**
 * The members with their outcome, the chosen features' raw values (f0, f1 …) and the 0-based
 * ranks of their channel, staff and groups among the distinct texts in DuckDB's order (empty as
 * ''), in the split's order (see the file comment).
 */
export function lookalikeMembersSql(relation: string, features: readonly LookalikeFeature[]): string {
  const columns = features.map((f, i) => `CAST(m."${f}" AS DOUBLE) AS f${i}`).join(', ');
  // Each text's rank from the few distinct texts joined back (a window ranking every member per
  // text sorted the members three more times and held DuckDB's memory).
  const ranked = TEXTS.map(
    (t) => `JOIN (SELECT v, CAST(row_number() OVER (ORDER BY v) - 1 AS INTEGER) AS r FROM (SELECT DISTINCT coalesce(${t}, '') AS v FROM ${relation} WHERE is_member)) r_${t} ON r_${t}.v = coalesce(m.${t}, '')`,
  );
  const order = ['converted', ...features.map((_, i) => `f${i} NULLS FIRST`), 'pid'].join(', ');
  return `SELECT m.pid, m.purchases > 0 AS converted, ${columns}, ${TEXTS.map((t) => `r_${t}.r AS ${t}`).join(', ')}
    FROM ${relation} m ${ranked.join(' ')} WHERE m.is_member ORDER BY ${order}`;
}

/** The distinct texts of channel, staff and groups of the members (empty as ''), each list in DuckDB's order: the ranks' texts. */
export function lookalikeTextsSql(relation: string): string {
  return `SELECT ${TEXTS.map((t) => `list_sort(list(DISTINCT coalesce(${t}, ''))) AS ${t}`).join(', ')} FROM ${relation} WHERE is_member`;
}

/** Reads the members of `relation` as the fit reads them. */
async function readMembers(sql: Sql, relation: string, features: readonly LookalikeFeature[]): Promise<MemberColumns> {
  const c = await sql.columns(lookalikeMembersSql(relation, features));
  const texts = (await sql.one<Record<(typeof TEXTS)[number], string[] | null>>(lookalikeTextsSql(relation)))!;
  const ranks = (t: (typeof TEXTS)[number]) => codeUnitRanks(c[t] as number[], texts[t] ?? []);
  return {
    pid: c.pid as string[],
    converted: c.converted as boolean[],
    features: features.map((_, i) => c[`f${i}`] as (number | null)[]),
    channel: ranks('channel'),
    staff: ranks('staff'),
    groups: ranks('groups'),
  };
}

/** The scored members of `scores` from place `start` up to `end`, with the names and texts of `relation`. */
async function listedPeople(sql: Sql, relation: string, scores: LookalikeScores, start = 0, end = scores.ranked.length): Promise<LookalikePerson[]> {
  const places = scores.ranked.subarray(start, Math.max(start, end));
  const pids = Array.from(places, (i) => scores.pids[i]!);
  if (pids.length === 0) return [];
  // A page names its people; a list of more than a tenth of the members (the export) reads every
  // member once rather than bind hundreds of thousands of ids.
  const isLong = pids.length * 10 > scores.pids.length;
  const rows = await sql.all<{ pid: string; name: string | null; channel: string | null; staff: string | null; groups: string | null }>(
    `SELECT pid, name, channel, staff, groups FROM ${relation} WHERE ${isLong ? 'is_member' : 'pid IN (SELECT unnest($pids))'}`,
    isLong ? {} : { pids: listValue(pids) },
  );
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  return pids.map((pid, k) => {
    const r = byPid.get(pid)!;
    return { rank: start + k + 1, pid, name: r.name, channel: r.channel, staff: r.staff, groups: r.groups, probability: scores.probability[places[k]!]! * 100, percentile: scores.percentile[start + k]! };
  });
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

/** Fits the model on the members' columns: pure apart from them, so it can be checked without a database. */
export function fitLookalike(members: MemberColumns, features: readonly LookalikeFeature[], labels: readonly string[], seed: number, asOf: string): LookalikeScores {
  const text = lookalikeText;
  const n = members.pid.length;
  if (n === 0) throw new AppError('ANALYSIS_NO_DATA', text.errors.noMembers);
  const isTrain = seededSplit(n, TRAIN_SHARE, seed);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = members.converted[i] ? 1 : 0;
  const used: { feature: LookalikeFeature; label: string; mean: number; sd: number; z: Float64Array }[] = [];
  const dropped: LookalikeResult['dropped'] = [];
  const imputed: LookalikeResult['imputed'] = [];
  features.forEach((feature, j) => {
    const values = members.features[j]!;
    const { mean, sd } = moments(values, isTrain);
    if (!(sd > 0)) {
      dropped.push({ feature, label: labels[j]!, reason: 'constant' });
      return;
    }
    const missing = values.filter((v) => v === null).length;
    if (missing > 0) imputed.push({ feature, label: labels[j]!, count: missing });
    used.push({ feature, label: labels[j]!, mean, sd, z: standardised(values, mean, sd) });
  });
  if (used.length === 0) throw new AppError('MODEL_FIT_FAILED', text.errors.allConstant, { reason: 'constant' });

  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTrain[i] ? train : test).push(i);
  const trainConverted = train.reduce((s, i) => s + y[i]!, 0);
  if (trainConverted < MIN_PER_OUTCOME || train.length - trainConverted < MIN_PER_OUTCOME) {
    throw new AppError('MODEL_FIT_FAILED', text.errors.tooFew(trainConverted, train.length - trainConverted), { reason: 'too_few' });
  }
  let fit;
  try {
    fit = fitLogistic(
      used.map((u) => picked(Float64Array, u.z, train)),
      picked(Uint8Array, y, train),
    );
  } catch (e) {
    if (!(e instanceof LogisticFitError)) throw e;
    throw new AppError('MODEL_FIT_FAILED', text.errors[e.reason](used.map((u) => u.label)), { reason: e.reason });
  }
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = fit.coefficients[0]!;
    for (let j = 0; j < used.length; j++) eta += fit.coefficients[j + 1]! * used[j]!.z[i]!;
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
  const testScores = picked(Float64Array, probability, test);
  const testY = picked(Uint8Array, y, test);
  const a = auc(testScores, testY);

  // Best first; ties by channel, staff and groups (what an anonymised copy keeps), then the rows'
  // order (person id last). Percentile: share at or below, so ties share the higher one.
  // The texts are compared as their ranks among the distinct values: features of counts tie
  // often, and comparing the texts themselves on every tie took seconds at 1,000,000 people.
  const { channel, staff, groups } = members;
  const candidates = y
    .reduce<number[]>((out, v, i) => (v === 0 && out.push(i), out), [])
    .sort((i, k) => probability[k]! - probability[i]! || channel[i]! - channel[k]! || staff[i]! - staff[k]! || groups[i]! - groups[k]! || i - k);
  const scored = candidates.length;
  const percentile = new Float64Array(scored);
  for (let rank = 0; rank < scored; ) {
    let end = rank;
    while (end + 1 < scored && probability[candidates[end + 1]!] === probability[candidates[rank]!]) end++;
    percentile.fill(((scored - rank) / scored) * 100, rank, end + 1);
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
    pids: members.pid,
    ranked: Int32Array.from(candidates),
    probability,
    percentile,
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
  const job = (async (): Promise<LookalikeFit> => {
    const members = await readMembers(sql, table.relation, features);
    const scores = fitLookalike(members, features, features.map((f) => featureLabel(f, table)), req.seed, table.asOf);
    return { result: scores.result, people: (db, start, end) => listedPeople(db, table.relation, scores, start, end) };
  })();
  fits.set(key, job);
  // A failure (a cancelled request, a fit that cannot be made) is not kept: the next request asks again.
  job.then(
    (fit) => {
      if (fits.get(key) !== job) return;
      keptPeople.set(key, fit.result.members);
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
  const full = { ...result, top: await people(sql, 0, req.top ?? 100), reading: '' };
  return { ...full, reading: lookalikeText.reading(full) };
}
