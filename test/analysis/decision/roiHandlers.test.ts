import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient, unwrap } from '../../../src-main/api/dispatch';
import type { RoiScenario } from '../../../src-main/contract';
import { insertLtvFixture, ltvTypedCosts } from './roiFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject();
  await insertLtvFixture(t.project);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

const scenario = (id: string, cost: number): RoiScenario => ({
  id,
  name: `方案${id}`,
  channel: '直播间',
  mode: 'sales',
  cost,
  rates: { addsPerYuan: 0.5, joinRate: 60, conversionRate: 10, aov: 200, repurchaseRate: 50 },
  price: null,
});

describe('decision:roi* and decision:ltv over the API', () => {
  it('saves scenarios in the project and reads them back, replacing the list', async () => {
    expect(unwrap(await call('decision:roiScenarios', {}))).toEqual([]);
    expect(unwrap(await call('decision:saveRoiScenarios', { scenarios: [scenario('a', 1000), scenario('b', 2000)] }))).toHaveLength(2);
    expect(unwrap(await call('decision:roiScenarios', {})).map((s) => [s.id, s.cost])).toEqual([['a', 1000], ['b', 2000]]);
    unwrap(await call('decision:saveRoiScenarios', { scenarios: [scenario('b', 3000)] }));
    expect(unwrap(await call('decision:roiScenarios', {})).map((s) => [s.id, s.cost])).toEqual([['b', 3000]]);
  });

  it('plans scenarios side by side without reading data', async () => {
    const plans = unwrap(await call('decision:roiPlan', { scenarios: [scenario('a', 1000), { ...scenario('b', 1000), mode: 'paid', price: 50 }] }));
    expect(plans.map((p) => p.roi)).toEqual([800, 1400]);
  });

  it('refuses a rate above 100% and a week count of 0', async () => {
    const bad = await call('decision:roiPlan', { scenarios: [{ ...scenario('a', 1), rates: { ...scenario('a', 1).rates, joinRate: 120 } }] });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
    const weeks = await call('decision:roi', { weeks: 0 });
    expect(weeks.ok ? null : weeks.error.code).toBe('INVALID_REQUEST');
  });

  it('takes LTV / CAC costs from the saved cost grid', async () => {
    const before = unwrap(await call('decision:ltv', {}));
    expect(before.channels.find((c) => c.channel === '直播间')!.cost).toBeNull();
    unwrap(await call('channels:saveCosts', { costs: ltvTypedCosts }));
    const after = unwrap(await call('decision:ltv', {}));
    expect(after.channels.find((c) => c.channel === '直播间')!.cac).toBe(100);
    expect(after.channels.find((c) => c.channel === '海报')!.cac).toBe(200);
    const reversed = await call('decision:ltv', { from: '2024-03-01', to: '2024-02-01' });
    expect(reversed.ok ? null : reversed.error.code).toBe('INVALID_REQUEST');
  });
});
