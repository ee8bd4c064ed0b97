import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContributionDefinition } from '../../src-main/contract';
import { unwrap } from '../../src-main/api/dispatch';
import { defaultContribution } from '../../src-main/db/definitionDefaults';
import { apiPerTest } from '../support/apiPerTest';

/** The 贡献度 definition is saved in the project file and travels in the definitions template. */
describe('contribution definition', () => {
  const api = apiPerTest();

  const edited: ContributionDefinition = {
    by: 'owner',
    metrics: [
      { metric: 'gmv', enabled: true, normalise: 'minmax', weight: 3 },
      { metric: 'churn_rate', enabled: false, normalise: 'percentile', weight: 0 },
      { metric: 'conversion_rate', enabled: true, normalise: 'percentile', weight: 1.5 },
    ],
    bands: [
      { label: '优秀', min: 90 },
      { label: '合格', min: 60 },
      { label: '待改进', min: 0 },
    ],
  };

  it('reads the default in a new project, keeps a saved one after reopening', async () => {
    const file = path.join(api.dir, 'a.qunxi');
    unwrap(await api.call('project:new', { path: file }));
    expect(unwrap(await api.call('decision:contributionDefinition', {}))).toEqual(defaultContribution());
    expect(unwrap(await api.call('decision:saveContribution', { definition: edited }))).toEqual(edited);
    unwrap(await api.call('project:close', {}));
    unwrap(await api.call('project:open', { path: file }));
    expect(unwrap(await api.call('decision:contributionDefinition', {}))).toEqual(edited);
  });

  it('travels in the definitions template to another project', async () => {
    unwrap(await api.call('project:new', { path: path.join(api.dir, 'a.qunxi') }));
    unwrap(await api.call('decision:saveContribution', { definition: edited }));
    const doc = unwrap(await api.call('definitions:export', {}));
    expect((JSON.parse(doc) as { definitions: { contribution: unknown } }).definitions.contribution).toEqual(edited);
    unwrap(await api.call('project:close', {}));

    unwrap(await api.call('project:new', { path: path.join(api.dir, 'b.qunxi') }));
    expect(unwrap(await api.call('definitions:import', { content: doc })).contribution).toEqual(edited);
    expect(unwrap(await api.call('decision:contributionDefinition', {}))).toEqual(edited);
  });

  it('a template written before 贡献度 existed imports and leaves the default', async () => {
    unwrap(await api.call('project:new', { path: path.join(api.dir, 'a.qunxi') }));
    const old = JSON.stringify({ format: 'qunxi-definitions', version: 1, definitions: { activeBy: 'behaviour' } });
    expect(unwrap(await api.call('definitions:import', { content: old })).contribution).toEqual(defaultContribution());
  });

  it('refuses enabled weights summing to 0 and keeps the saved definition', async () => {
    unwrap(await api.call('project:new', { path: path.join(api.dir, 'a.qunxi') }));
    const zero = { ...edited, metrics: edited.metrics.map((m) => ({ ...m, weight: 0 })) };
    const r = await api.call('decision:saveContribution', { definition: zero });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('the enabled weights sum to 0');
    expect(unwrap(await api.call('decision:contributionDefinition', {}))).toEqual(defaultContribution());
    const q = await api.call('decision:contribution', { definition: zero });
    expect(!q.ok && q.error.code).toBe('INVALID_REQUEST');
  });

  it('answers an empty ranking with its reason on a project without staff', async () => {
    unwrap(await api.call('project:new', { path: path.join(api.dir, 'a.qunxi') }));
    const r = unwrap(await api.call('decision:contribution', {}));
    expect(r).toMatchObject({ by: 'staff', rows: [], metrics: ['new_members', 'active_rate', 'churn_rate', 'key_behaviour_rate', 'conversion_rate', 'gmv'] });
    expect(r.reading).toContain('没有可评分的员工');
    expect(unwrap(await api.call('decision:contribution', { by: 'owner' })).reading).toContain('没有可评分的群主');
  });
});
