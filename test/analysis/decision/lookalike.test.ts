import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitLookalike, lookalikeFit, runLookalike } from '../../../src-main/analysis/decision/lookalike';
import { lookalikeRequestSchema, type LookalikeRequest } from '../../../src-main/contract';
import { AppError } from '../../../src-main/contract/appError';
import { fitLogistic } from '../../../src-main/analysis/stats/logistic';
import { seededSplit } from '../../../src-main/analysis/stats/seededSplit';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { insertLookalikeFixture, type LookalikePersonIn } from './lookalikeFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;
let people: LookalikePersonIn[];

beforeAll(async () => {
  t = await tempProject(TZ);
  people = await insertLookalikeFixture(t.project);
}, 60_000);
afterAll(async () => t?.dispose());

const run = (req: LookalikeRequest) => t.project.db.use((sql) => runLookalike(sql, lookalikeRequestSchema.parse(req), TZ));

/** Rows as the lookalike reads them, for the pure fit. */
const row = (pid: string, converted: boolean, ...features: (number | null)[]) => ({
  pid, name: null, channel: null, staff: null, groups: null, converted, ...Object.fromEntries(features.map((f, i) => [`f${i}`, f])),
});

describe('lookalike on the 300-member fixture', () => {
  it('fits on 210, judges on 90; the coefficients are those of a direct fit of the standardised split', async () => {
    const r = await run({ features: ['messages', 'tenure_days'], seed: 7, top: 20 });
    const buyers = people.filter((p) => p.isBuyer).length;
    expect([r.members, r.converted, r.train.n, r.test.n]).toEqual([300, buyers, 210, 90]);
    expect(r.train.converted + r.test.converted).toBe(buyers);
    // The same fit by hand: people by outcome, messages, tenure, then id (ids p001…p300), the
    // seeded 70%, messages standardised by the fitting part's mean and sample sd.
    const days = (i: number) => Math.round((Date.UTC(2024, 2, 25) - Date.UTC(2024, i % 50 < 25 ? 0 : 1, (i % 25) + 1)) / 86_400_000);
    const order = people.map((p, i) => ({ p, i, days: days(i) }));
    order.sort((a, b) => Number(a.p.isBuyer) - Number(b.p.isBuyer) || a.p.messages - b.p.messages || a.days - b.days || a.p.id.localeCompare(b.p.id));
    const isTrain = seededSplit(300, 0.7, 7);
    const train = order.filter((_, k) => isTrain[k]).map((o) => o.p);
    const mean = train.reduce((s, p) => s + p.messages, 0) / train.length;
    const sd = Math.sqrt(train.reduce((s, p) => s + (p.messages - mean) ** 2, 0) / (train.length - 1));
    const messages = r.coefficients.find((c) => c.feature === 'messages')!;
    expect(messages.mean).toBeCloseTo(mean, 10);
    expect(messages.sd).toBeCloseTo(sd, 10);
    expect(messages.oddsRatio).toBeGreaterThan(1);
    expect(messages.low).toBeGreaterThan(1);
    expect(messages.label).toBe('发言数');
    // tenure_days at 2024-03-25 (the last day with data) is standardised too: check the full fit against fitLogistic directly.
    const tenure = r.coefficients.find((c) => c.feature === 'tenure_days')!;
    const trainIdx = order.filter((_, k) => isTrain[k]).map((o) => o.i);
    const direct = fitLogistic(
      [trainIdx.map((i) => (people[i]!.messages - mean) / sd), trainIdx.map((i) => (days(i) - tenure.mean) / tenure.sd)],
      trainIdx.map((i) => (people[i]!.isBuyer ? 1 : 0)),
    );
    expect(messages.coefficient).toBeCloseTo(direct.coefficients[1]!, 8);
    expect(tenure.coefficient).toBeCloseTo(direct.coefficients[2]!, 8);
    expect(r.intercept).toBeCloseTo(direct.coefficients[0]!, 8);
    expect(messages.se).toBeCloseTo(direct.standardErrors[1]!, 8);
    expect(messages.low).toBeCloseTo(Math.exp(messages.coefficient - 1.959964 * messages.se), 5);
    // Every non-buyer scored, best first, percentiles from 100 down.
    expect(r.scored).toBe(300 - buyers);
    expect(r.top).toHaveLength(20);
    expect(r.top[0]!.percentile).toBe(100);
    for (let i = 1; i < r.top.length; i++) expect(r.top[i]!.probability).toBeLessThanOrEqual(r.top[i - 1]!.probability);
    const top = people.find((p) => p.id === r.top[0]!.pid)!;
    expect(top.isBuyer).toBe(false);
    expect(top.messages).toBe(Math.max(...people.filter((p) => !p.isBuyer).map((p) => p.messages)));
    expect(r.auc.value).toBeGreaterThan(0.6);
    expect(r.auc.method).toBe('hanley_mcneil');
    expect(r.calibration.map((c) => c.n)).toEqual(Array(10).fill(9));
    expect(r.reading).toContain('AUC');
  });

  it('the same seed gives the same split and answer; another seed another split', async () => {
    const a = await run({ features: ['messages'], seed: 11 });
    const fresh = fitLookalike(
      [...people].sort((x, y) => Number(x.isBuyer) - Number(y.isBuyer) || x.messages - y.messages || x.id.localeCompare(y.id)).map((p) => row(p.id, p.isBuyer, p.messages)),
      ['messages'], ['发言数'], 11, a.asOf,
    );
    expect(fresh.result.train).toEqual(a.train);
    expect(fresh.result.coefficients[0]!.coefficient).toBeCloseTo(a.coefficients[0]!.coefficient, 12);
    const b = await run({ features: ['messages'], seed: 12 });
    expect(b.train.converted === a.train.converted && b.coefficients[0]!.coefficient === a.coefficients[0]!.coefficient).toBe(false);
  });

  it('a feature constant among the members fitted on is dropped with a note', async () => {
    // Nobody answered a survey: survey_score is empty for all, so constant (no spread) → dropped.
    const r = await run({ features: ['messages', 'survey_score'], seed: 7 });
    expect(r.features).toEqual(['messages']);
    expect(r.dropped).toEqual([{ feature: 'survey_score', label: '满意度评分', reason: 'constant' }]);
  });

  it('the fit is kept: asking again gives the same object', async () => {
    const req = lookalikeRequestSchema.parse({ features: ['messages'], seed: 99 });
    const first = await t.project.db.use((sql) => lookalikeFit(sql, req, TZ));
    const again = await t.project.db.use((sql) => lookalikeFit(sql, req, TZ));
    expect(again).toBe(first);
  });
});

describe('lookalike errors', () => {
  it('messages separating buyers (6 or more) from the others completely: a MODEL_FIT_FAILED separation error in plain words', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(`p${i}`, i % 12 >= 6, i % 12));
    try {
      fitLookalike(rows, ['messages'], ['发言数'], 1, '2024-03-31');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('MODEL_FIT_FAILED');
      expect((e as AppError).details).toEqual({ reason: 'separation' });
      expect((e as AppError).message).toContain('完全分开');
    }
  });

  it('too few buyers to fit: says how many there are', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(`p${i}`, i < 3, i % 7));
    expect(() => fitLookalike(rows, ['messages'], ['发言数'], 1, '2024-03-31')).toThrow(/转化 [0-3] 人/);
  });
});
