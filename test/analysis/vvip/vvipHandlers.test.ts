import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../src-main/contract';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { defaultVvip } from '../../../src-main/db/definitionDefaults';
import { insertFeaturesFixture } from '../features/featuresFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

/**
 * VVIP over the features fixture (featuresFixture.ts) at its last day with data, 2024-04-06 —
 * later than the fixture's 03-31, so ann also has her ¥999 order of 04-01 and her April messages:
 *   GMV: ann 1349 (4 purchases), rae 100 (2), ray 80 (2), mia 70, max 70, bob 60 (1); total 1729.
 *   messages: ann 5, bob 2, zed 1. AOV: ann 337.25, rae 50, ray 40, mia 70, max 70, bob 60.
 *   repurchase within 90 days: ann, rae. 15 people (gus joined on 04-06).
 */
let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const rule = (field: Criterion['field'], op: Criterion['op'], value: number, join: Criterion['join'] = 'and'): Criterion => ({ join, field, op, value });

async function vvips(rules: Criterion[], groups?: string[]) {
  return must(call('vvip:query', { vvip: { rules }, ...(groups ? { groups } : {}) }));
}

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  await insertFeaturesFixture(t.project);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('vvip:query', () => {
  it('reads "A and B or C" as (A and B) or C, with the VVIPs by GMV and their share of GMV', async () => {
    // (GMV ≥ 100 and purchases > 1) → ann, rae;  or messages ≥ 2 → ann, bob.
    const r = await vvips([rule('gmv', '>=', 100), rule('purchases', '>', 1), rule('messages', '>=', 2, 'or')]);
    expect(r.people.map((p) => p.pid)).toEqual(['ann', 'rae', 'bob']);
    expect(r).toMatchObject({ count: 3, total_people: 15, gmv: 1349 + 100 + 60, total_gmv: 1729, asOf: '2024-04-06' });
    expect(r.gmv_share).toBeCloseTo((1509 * 100) / 1729, 10);
    // Were OR to bind tighter, bob (GMV 60) would be out.
  });

  it('keeps the exact boundary of ≥ and ≤ and leaves it out of > and <', async () => {
    expect((await vvips([rule('gmv', '>', 100)])).people.map((p) => p.pid)).toEqual(['ann']);
    expect((await vvips([rule('gmv', '>=', 100)])).people.map((p) => p.pid)).toEqual(['ann', 'rae']);
    expect((await vvips([rule('aov', '<', 50)])).people.map((p) => p.pid)).toEqual(['ray']);
    expect((await vvips([rule('aov', '<=', 50)])).people.map((p) => p.pid)).toEqual(['rae', 'ray']);
  });

  it('never matches an empty feature, also with ≠, and reads booleans as 0 / 1', async () => {
    // Recency is empty for the nine people without purchases.
    expect((await vvips([rule('days_since_last_purchase', '!=', 0)])).count).toBe(6);
    expect((await vvips([rule('repurchase_90d', '=', 1)])).people.map((p) => p.pid)).toEqual(['ann', 'rae']);
  });

  it('matches nobody without rules, and leaves the share empty when the scope has no GMV', async () => {
    expect(await vvips([])).toMatchObject({ people: [], count: 0, gmv: 0, total_gmv: 1729, gmv_share: 0 });
    expect(await vvips([rule('messages', '>=', 0)], ['C'])).toMatchObject({ count: 1, total_people: 1, total_gmv: 0, gmv_share: null });
  });
});

describe('vvip:get / vvip:save', () => {
  it('starts from the default rules, saves the grid and queries the saved rules when none are sent', async () => {
    expect(await must(call('vvip:get', {}))).toEqual(defaultVvip());
    // Default: GMV ≥ 1000 or referrals who bought ≥ 2 or messages ≥ 200 → ann only.
    expect((await must(call('vvip:query', {}))).people.map((p) => p.pid)).toEqual(['ann']);
    const saved = { rules: [rule('purchases', '>=', 2), rule('referrals', '>=', 1, 'or')] };
    expect(await must(call('vvip:save', { vvip: saved }))).toEqual(saved);
    expect(await must(call('vvip:get', {}))).toEqual(saved);
    // purchases ≥ 2: ann, rae, ray; or referrals ≥ 1: ann, and dan (hal named 重名, which only dan holds in A).
    expect((await must(call('vvip:query', {}))).people.map((p) => p.pid)).toEqual(['ann', 'rae', 'ray', 'dan']);
  });

  it('refuses a rule on an unknown feature', async () => {
    const r = await call('vvip:save', { vvip: { rules: [{ join: 'and', field: 'age', op: '>', value: 1 }] } } as never);
    expect(r.ok ? null : r.error.code).toBe('INVALID_REQUEST');
  });
});

describe('vvip:export', () => {
  it('writes every VVIP with Chinese headers', async () => {
    const file = await must(call('vvip:export', { vvip: { rules: [rule('gmv', '>=', 70)] } }));
    expect(file.fileName).toBe('VVIP_2024-04-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['成员ID', '昵称']);
    const gmvCol = header.indexOf('累计GMV') + 1;
    const rows: [unknown, unknown][] = [];
    ws.eachRow((row, n) => n > 1 && rows.push([row.getCell(1).value, row.getCell(gmvCol).value]));
    expect(rows).toEqual([['ann', 1349], ['rae', 100], ['ray', 80], ['max', 70], ['mia', 70]]);
  });
});
