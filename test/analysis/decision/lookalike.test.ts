import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUnitRanks, fitLookalike, lookalikeFit, lookalikeMembersSql, lookalikeTextsSql, runLookalike, type MemberColumns } from '../../../src-main/analysis/decision/lookalike';
import { ProjectDb } from '../../../src-main/db/projectDb';
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

/** A member as the lookalike reads it, for the pure fit (no channel, staff or groups: all rank 0). */
const row = (pid: string, converted: boolean, ...features: (number | null)[]) => ({ pid, converted, features });
/** The members' columns of rows of {@link row}. */
const columnsOf = (rows: ReturnType<typeof row>[]): MemberColumns => ({
  pid: rows.map((r) => r.pid),
  converted: rows.map((r) => r.converted),
  features: (rows[0]?.features ?? []).map((_, j) => rows.map((r) => r.features[j] ?? null)),
  channel: new Int32Array(rows.length),
  staff: new Int32Array(rows.length),
  groups: new Int32Array(rows.length),
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
      columnsOf([...people].sort((x, y) => Number(x.isBuyer) - Number(y.isBuyer) || x.messages - y.messages || x.id.localeCompare(y.id)).map((p) => row(p.id, p.isBuyer, p.messages))),
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

  it('the whole list (every member read once) is the pages (their people named by id) end to end, names included', async () => {
    const req = lookalikeRequestSchema.parse({ features: ['messages'], seed: 5 });
    const { whole, pages } = await t.project.db.use(async (sql) => {
      const fit = await lookalikeFit(sql, req, TZ);
      const paged = [];
      for (let start = 0; start < fit.result.scored; start += 25) paged.push(...(await fit.people(sql, start, start + 25)));
      return { whole: await fit.people(sql), pages: paged };
    });
    expect(whole).toHaveLength(300 - people.filter((p) => p.isBuyer).length);
    expect(pages).toEqual(whole);
    expect(whole.map((p) => p.rank)).toEqual(whole.map((_, i) => i + 1));
    expect(whole.every((p) => p.name === `成员${p.pid}` && p.staff === '小王' && p.groups === '一群')).toBe(true);
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
      fitLookalike(columnsOf(rows), ['messages'], ['发言数'], 1, '2024-03-31');
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
    expect(() => fitLookalike(columnsOf(rows), ['messages'], ['发言数'], 1, '2024-03-31')).toThrow(/转化 [0-3] 人/);
  });
});

describe('lookalike ties', () => {
  it('texts ranked in code-unit order: a character beyond U+FFFF before U+FF21, where UTF-8 bytes put it after', () => {
    // DuckDB's order of the distinct texts: '', 'b', 'Ａ' (U+FF21), '😀' (U+1F600).
    expect(Array.from(codeUnitRanks([3, 2, 0, 1, 3], ['', 'b', 'Ａ', '😀']))).toEqual([2, 3, 0, 1, 2]);
  });

  it("DuckDB's ranks of the members' channel, staff and groups are places in the list of their distinct texts", async () => {
    const db = await ProjectDb.open(':memory:');
    try {
      await db.use(async (sql) => {
        await sql.run(`CREATE TABLE f AS SELECT * FROM (VALUES
          ('p1', 'Ａ', '小王', NULL, 0, true, 3.0), ('p2', '😀', NULL, '一群', 1, true, 1.0), ('p3', NULL, '小李', '一群、二群', 0, true, 2.0),
          ('p4', 'b', '小王', '二群', 0, true, 5.0), ('p5', 'zz', 'x', 'y', 0, false, 1.0)) t(pid, channel, staff, groups, purchases, is_member, messages)`);
        const members = await sql.all<{ pid: string; channel: number; staff: number; groups: number }>(lookalikeMembersSql('f', ['messages']));
        const texts = (await sql.one<{ channel: string[]; staff: string[]; groups: string[] }>(lookalikeTextsSql('f')))!;
        // Outcome first, then messages: p3 (2), p1 (3), p4 (5), then the buyer p2; p5 is no member.
        expect(members.map((m) => [m.pid, texts.channel[m.channel], texts.staff[m.staff], texts.groups[m.groups]])).toEqual([
          ['p3', '', '小李', '一群、二群'],
          ['p1', 'Ａ', '小王', ''],
          ['p4', 'b', '小王', '二群'],
          ['p2', '😀', '', '一群'],
        ]);
      });
    } finally {
      await db.close();
    }
  });

  it('members scored alike are listed by channel in code-unit order, then in the members\' order', () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(`p${String(i).padStart(2, '0')}`, i % 3 === 0, i % 4));
    const channel = Int32Array.from(rows, (_, i) => [2, 0, 1][i % 3]!);
    const scores = fitLookalike({ ...columnsOf(rows), channel }, ['messages'], ['发言数'], 3, '2024-03-31');
    const ranked = Array.from(scores.ranked);
    for (let k = 1; k < ranked.length; k++) {
      const [a, b] = [ranked[k - 1]!, ranked[k]!];
      const isSameScore = scores.probability[a] === scores.probability[b];
      expect(!isSameScore || channel[a]! < channel[b]! || (channel[a] === channel[b] && a < b)).toBe(true);
    }
    expect(ranked.every((i) => rows[i]!.converted === false)).toBe(true);
  });
});
