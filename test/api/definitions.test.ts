import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Definitions } from '../../src-main/contract';
import { unwrap } from '../../src-main/api/dispatch';
import { defaultBehaviours, defaultQuadrant, defaultVvip } from '../../src-main/db/definitionDefaults';
import { apiPerTest } from '../support/apiPerTest';

/** Definitions travel with the project file and as a template document between projects. */
describe('definitions', () => {
  const api = apiPerTest();

  const projectA = () => path.join(api.dir, 'a.qunxi');
  const projectB = () => path.join(api.dir, 'b.qunxi');

  it('exports the defaults of a new project', async () => {
    unwrap(await api.call('project:new', { path: projectA() }));
    const doc = JSON.parse(unwrap(await api.call('definitions:export', {}))) as { format: string; version: number; definitions: Definitions };
    expect(doc.format).toBe('qunxi-definitions');
    expect(doc.version).toBe(1);
    expect(doc.definitions.behaviours).toEqual(defaultBehaviours());
    expect(doc.definitions.quadrant).toEqual(defaultQuadrant());
    expect(doc.definitions.vvip).toEqual(defaultVvip());
    expect(doc.definitions.channelCosts).toEqual([]);
    expect(doc.definitions.activeBy).toBe('message');
    // An empty project holds no data for the optional stages: the default path keeps 入群 and 付费下单.
    expect(doc.definitions.path.stages.map((s) => s.name)).toEqual(['入群', '付费下单']);
  });

  it('carries a changed definition from one project to another, and keeps it after reopening', async () => {
    unwrap(await api.call('project:new', { path: projectA() }));
    const vvip = { rules: [{ join: 'and' as const, field: 'gmv' as const, op: '>=' as const, value: 5000 }] };
    const costs = [{ dimension: 'add_way' as const, channel: '扫码', cost: 1200 }];
    unwrap(await api.call('definitions:import', {
      content: JSON.stringify({ format: 'qunxi-definitions', version: 1, definitions: { vvip, channelCosts: costs, activeBy: 'behaviour' } }),
    }));
    const doc = unwrap(await api.call('definitions:export', {}));
    unwrap(await api.call('project:close', {}));

    unwrap(await api.call('project:new', { path: projectB() }));
    const imported = unwrap(await api.call('definitions:import', { content: doc }));
    expect(imported.vvip).toEqual(vvip);
    expect(imported.channelCosts).toEqual(costs);
    expect(imported.activeBy).toBe('behaviour');
    // Definitions the document did not change stay the defaults.
    expect(imported.quadrant).toEqual(defaultQuadrant());
    unwrap(await api.call('project:close', {}));

    unwrap(await api.call('project:open', { path: projectB() }));
    const again = JSON.parse(unwrap(await api.call('definitions:export', {}))) as { definitions: Definitions };
    expect(again.definitions.vvip).toEqual(vvip);
    expect(again.definitions.path.stages.length).toBe(2);
  });

  it('refuses a document that is not a definitions template, naming what is wrong, and changes nothing', async () => {
    unwrap(await api.call('project:new', { path: projectA() }));
    const before = unwrap(await api.call('definitions:export', {}));
    const notJson = await api.call('definitions:import', { content: '{oops' });
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.error).toMatchObject({ code: 'DEFINITION_INVALID', message: '定义模板不是有效的 JSON 文件' });

    const templates = await api.call('definitions:import', { content: JSON.stringify({ format: 'qunxi-templates', templates: [] }) });
    expect(!templates.ok && templates.error.code).toBe('DEFINITION_INVALID');

    // One bad value among good ones: the whole document is refused (all or nothing).
    const mixed = await api.call('definitions:import', {
      content: JSON.stringify({
        format: 'qunxi-definitions',
        version: 1,
        definitions: { vvip: { rules: [] }, channelCosts: [{ dimension: 'add_way', channel: '扫码', cost: -5 }] },
      }),
    });
    expect(mixed.ok).toBe(false);
    expect(!mixed.ok && mixed.error.message).toContain('channelCosts.0.cost');
    const after = unwrap(await api.call('definitions:export', {}));
    const strip = (s: string) => JSON.parse(s).definitions as unknown;
    expect(strip(after)).toEqual(strip(before));
  });
});
