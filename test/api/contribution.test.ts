import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContributionDefinition } from '../../src-main/contract';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { defaultContribution } from '../../src-main/db/definitionDefaults';
import { tempDir, tempPaths } from '../support/tempDirs';

/** The 贡献度 definition is saved in the project file and travels in the definitions template. */
describe('contribution definition', () => {
  let tmp: ReturnType<typeof tempDir>;
  let call: ReturnType<typeof inProcessClient>;

  beforeEach(() => {
    tmp = tempDir();
    call = inProcessClient(createHandlers(createContext('test', tempPaths(tmp.dir))));
  });
  afterEach(async () => {
    await call('project:close', {});
    tmp.cleanup();
  });

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
    const file = path.join(tmp.dir, 'a.qunxi');
    unwrap(await call('project:new', { path: file }));
    expect(unwrap(await call('decision:contributionDefinition', {}))).toEqual(defaultContribution());
    expect(unwrap(await call('decision:saveContribution', { definition: edited }))).toEqual(edited);
    unwrap(await call('project:close', {}));
    unwrap(await call('project:open', { path: file }));
    expect(unwrap(await call('decision:contributionDefinition', {}))).toEqual(edited);
  });

  it('travels in the definitions template to another project', async () => {
    unwrap(await call('project:new', { path: path.join(tmp.dir, 'a.qunxi') }));
    unwrap(await call('decision:saveContribution', { definition: edited }));
    const doc = unwrap(await call('definitions:export', {}));
    expect((JSON.parse(doc) as { definitions: { contribution: unknown } }).definitions.contribution).toEqual(edited);
    unwrap(await call('project:close', {}));

    unwrap(await call('project:new', { path: path.join(tmp.dir, 'b.qunxi') }));
    expect(unwrap(await call('definitions:import', { content: doc })).contribution).toEqual(edited);
    expect(unwrap(await call('decision:contributionDefinition', {}))).toEqual(edited);
  });

  it('a template written before 贡献度 existed imports and leaves the default', async () => {
    unwrap(await call('project:new', { path: path.join(tmp.dir, 'a.qunxi') }));
    const old = JSON.stringify({ format: 'qunxi-definitions', version: 1, definitions: { activeBy: 'behaviour' } });
    expect(unwrap(await call('definitions:import', { content: old })).contribution).toEqual(defaultContribution());
  });

  it('refuses enabled weights summing to 0 and keeps the saved definition', async () => {
    unwrap(await call('project:new', { path: path.join(tmp.dir, 'a.qunxi') }));
    const zero = { ...edited, metrics: edited.metrics.map((m) => ({ ...m, weight: 0 })) };
    const r = await call('decision:saveContribution', { definition: zero });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('the enabled weights sum to 0');
    expect(unwrap(await call('decision:contributionDefinition', {}))).toEqual(defaultContribution());
    const q = await call('decision:contribution', { definition: zero });
    expect(!q.ok && q.error.code).toBe('INVALID_REQUEST');
  });

  it('answers an empty ranking with its reason on a project without staff', async () => {
    unwrap(await call('project:new', { path: path.join(tmp.dir, 'a.qunxi') }));
    const r = unwrap(await call('decision:contribution', {}));
    expect(r).toMatchObject({ by: 'staff', rows: [], metrics: ['new_members', 'active_rate', 'churn_rate', 'key_behaviour_rate', 'conversion_rate', 'gmv'] });
    expect(r.reading).toContain('没有可评分的员工');
    expect(unwrap(await call('decision:contribution', { by: 'owner' })).reading).toContain('没有可评分的群主');
  });
});
