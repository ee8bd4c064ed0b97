import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuadrantDefinition } from '../../../src-main/contract';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import { insertCustomers, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

/**
 * A small project (Asia/Shanghai) whose features are computed by featuresSql from real rows:
 *   u1 group A, 3 messages in A, 2 paid orders (a third fully refunded does not count)
 *   u2 groups A and B, 1 message in B, 1 paid order
 *   u3 group B, 2 messages in B, no order; nickname "=1+2" (a formula to neutralise in the export)
 *   u4 group B, nothing
 * Orders reach people through the customer list's phone → external_userid (identity rule 3).
 *
 * Definition: x = messages (raw), fixed 2; y = purchases (raw), fixed 1.
 *   all groups: u1 (3, 2) 忠实型, u2 (1, 1) 羊毛型, u3 (2, 0) 需求型, u4 (0, 0) 低需求
 *   group B:    u2 (1, 1) 羊毛型, u3 (2, 0) 需求型, u4 (0, 0) 低需求 — u1 was never in B;
 *               purchases are the person's, not the scope's.
 */
let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

const definition = (): QuadrantDefinition => ({
  ...defaultQuadrant(),
  mode: 'score',
  x: { terms: [{ feature: 'messages', weight: 1, normalise: 'raw' }], threshold: { kind: 'fixed', value: 2 } },
  y: { terms: [{ feature: 'purchases', weight: 1, normalise: 'raw' }], threshold: { kind: 'fixed', value: 1 } },
});

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, [
    { group: 'A', id: 'u1', name: '老王', join: '2026-03-01 10:00:00+08' },
    { group: 'A', id: 'u2', name: '小李', join: '2026-03-01 10:00:00+08' },
    { group: 'B', id: 'u2', name: '小李', join: '2026-03-02 10:00:00+08' },
    { group: 'B', id: 'u3', name: '=1+2', join: '2026-03-02 10:00:00+08' },
    { group: 'B', id: 'u4', name: '阿四', join: '2026-03-02 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'u1', group: 'A', at: '2026-03-03 09:00:00+08' },
    { id: 'u1', group: 'A', at: '2026-03-03 10:00:00+08' },
    { id: 'u1', group: 'A', at: '2026-03-04 10:00:00+08' },
    { id: 'u2', group: 'B', at: '2026-03-04 11:00:00+08' },
    { id: 'u3', group: 'B', at: '2026-03-05 11:00:00+08' },
    { id: 'u3', group: 'B', at: '2026-03-05 12:00:00+08' },
  ]);
  await insertCustomers(t.project, [
    { name: '老王', externalUserid: 'u1', phone: '13800000001' },
    { name: '小李', externalUserid: 'u2', phone: '13800000002' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2026-03-03 12:00:00+08', paid: 99, buyerPhone: '13800000001' },
    { orderNo: 'o2', paidAt: '2026-03-04 12:00:00+08', paid: 50, buyerPhone: '13800000001' },
    { orderNo: 'o3', paidAt: '2026-03-05 12:00:00+08', paid: 30, refunded: 30, buyerPhone: '13800000001' },
    { orderNo: 'o4', paidAt: '2026-03-05 13:00:00+08', paid: 20, buyerPhone: '13800000002' },
  ]);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

/** Unwraps a result. */
function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('quadrant handlers', () => {
  it('fits the default to the data until a definition is saved: no term over a feature nobody has, and names the empty features', async () => {
    // No survey was imported, nobody invited anyone: 满意度评分 and 推荐入群人数 leave the default's axes.
    const base = defaultQuadrant();
    const fitted = {
      ...base,
      x: { ...base.x, terms: base.x.terms.filter((term) => term.feature === 'messages') },
      y: { ...base.y, terms: base.y.terms.filter((term) => term.feature === 'purchases' || term.feature === 'purchase_months_3m') },
    };
    expect(fitted.x.terms).toHaveLength(1);
    expect(fitted.y.terms).toHaveLength(2);
    expect(ok(await call('quadrant:get', {}))).toEqual(fitted);
    const byDefault = ok(await call('quadrant:query', {}));
    expect(byDefault).toEqual(ok(await call('quadrant:query', { quadrant: fitted })));
    // The messages carry no content: no key behaviour either.
    expect(byDefault.emptyFeatures).toEqual(['referrals', 'referrals_bought', 'key_behaviours', 'survey_score']);
    // A definition the user passes is used as it is, and the empty features are named all the same.
    expect(ok(await call('quadrant:query', { quadrant: base })).emptyFeatures).toEqual(byDefault.emptyFeatures);
  });

  it('gives the saved definition once one is saved; refuses an invalid one', async () => {
    const mine = { ...definition(), types: definition().types.map((ty) => (ty.type === 'loyal' ? { ...ty, label: '铁粉' } : ty)) };
    expect(ok(await call('quadrant:save', { quadrant: mine }))).toEqual(mine);
    expect(ok(await call('quadrant:get', {}))).toEqual(mine);

    const badPercentile = { ...mine, y: { ...mine.y, threshold: { kind: 'percentile' as const, value: 150 } } };
    const refused = await call('quadrant:save', { quadrant: badPercentile });
    expect(refused.ok ? null : refused.error.code).toBe('DEFINITION_INVALID');
    const threeTypes = await call('quadrant:save', { quadrant: { ...mine, types: mine.types.slice(0, 3) } });
    expect(threeTypes.ok ? null : threeTypes.error.code).toBe('INVALID_REQUEST');
    expect(ok(await call('quadrant:get', {}))).toEqual(mine);
  });

  it('computes the saved definition, or the unsaved one a request carries, over the scope', async () => {
    const saved = ok(await call('quadrant:query', {}));
    expect(saved.scatter).toEqual({ kind: 'points', pids: ['u1', 'u2', 'u3', 'u4'], names: ['老王', '小李', '=1+2', '阿四'], x: [3, 1, 2, 0], y: [2, 1, 0, 0], type: [0, 1, 3, 2] });
    expect(saved.total).toBe(4);
    expect(saved.counts.map((c) => [c.label, c.count])).toEqual([['铁粉', 1], ['羊毛型', 1], ['低需求', 1], ['需求型', 1], ['未分类', 0]]);

    // Unsaved: loyalty needs 2 purchases now, so u2 drops to 低需求.
    const unsaved = { ...definition(), y: { ...definition().y, threshold: { kind: 'fixed' as const, value: 2 } } };
    const r = ok(await call('quadrant:query', { quadrant: unsaved }));
    expect(r.counts.map((c) => [c.type, c.count, c.share])).toEqual([['loyal', 1, 25], ['bargain', 0, 0], ['low', 2, 50], ['needy', 1, 25], ['unclassified', 0, 0]]);
    expect(r.thresholdY).toBe(2);

    const b = ok(await call('quadrant:query', { groups: ['B'], quadrant: definition() }));
    expect(b.scatter).toMatchObject({ kind: 'points', pids: ['u2', 'u3', 'u4'], x: [1, 2, 0], y: [1, 0, 0] });
    expect(b.counts.map((c) => [c.type, c.count])).toEqual([['loyal', 0], ['bargain', 1], ['low', 1], ['needy', 1], ['unclassified', 0]]);
  });

  it('exports the people of one type as xlsx with their values, label, strategy and features, formulas neutralised', async () => {
    const def = definition();
    const file = ok(await call('quadrant:export', { type: 'needy', quadrant: def }));
    expect(file.fileName).toBe('四象限_需求型.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('需求型');
    const rows = ws.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows).toEqual([
      ['成员ID', '昵称', '满意度', '忠诚度', '类型', '运营策略', '购买次数', '发言数'],
      ['u3', "'=1+2", 2, 0, '需求型', def.types.find((ty) => ty.type === 'needy')!.strategy, 0, 2],
    ]);

    const empty = ok(await call('quadrant:export', { type: 'unclassified', quadrant: def }));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(empty.base64, 'base64') as unknown as ArrayBuffer);
    expect(empty.fileName).toBe('四象限_未分类.xlsx');
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });

  it('exports rule-mode people with the features their rules read', async () => {
    // 忠实型: a repurchase within 90 days (true = 1) → u1 only; the other types have no rules: unclassified.
    const def: QuadrantDefinition = {
      ...definition(),
      mode: 'rule',
      types: definition().types.map((ty) => ({ ...ty, rules: ty.type === 'loyal' ? [{ join: 'and', field: 'repurchase_90d', op: '=', value: 1 }] : [] })),
    };
    const r = ok(await call('quadrant:query', { quadrant: def }));
    expect(r.scatter.kind === 'points' ? r.scatter.type : null).toEqual([0, -1, -1, -1]);
    const file = ok(await call('quadrant:export', { type: 'loyal', quadrant: def }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    // u1 bought on 03-03 and 03-04: a repurchase within 90 days → 是.
    expect(rows[0]).toEqual(['成员ID', '昵称', '满意度', '忠诚度', '类型', '运营策略', '购买次数', '90天内复购', '发言数']);
    expect(rows.slice(1)).toEqual([['u1', '老王', 3, 2, '忠实型', def.types[0]!.strategy, 2, '是', 3]]);
  });
});
