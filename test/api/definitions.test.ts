import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Definitions } from '../../src-main/contract';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { defaultBehaviours, defaultQuadrant, defaultVvip } from '../../src-main/db/definitionDefaults';
import { tempDir, tempPaths } from '../support/tempDirs';

/** Definitions travel with the project file and as a template document between projects. */
describe('definitions', () => {
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

  const projectA = () => path.join(tmp.dir, 'a.qunxi');
  const projectB = () => path.join(tmp.dir, 'b.qunxi');

  it('exports the defaults of a new project', async () => {
    unwrap(await call('project:new', { path: projectA() }));
    const doc = JSON.parse(unwrap(await call('definitions:export', {}))) as { format: string; version: number; definitions: Definitions };
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
    unwrap(await call('project:new', { path: projectA() }));
    const vvip = { rules: [{ join: 'and' as const, field: 'gmv' as const, op: '>=' as const, value: 5000 }] };
    const costs = [{ dimension: 'add_way' as const, channel: '扫码', cost: 1200 }];
    unwrap(await call('definitions:import', {
      content: JSON.stringify({ format: 'qunxi-definitions', version: 1, definitions: { vvip, channelCosts: costs, activeBy: 'behaviour' } }),
    }));
    const doc = unwrap(await call('definitions:export', {}));
    unwrap(await call('project:close', {}));

    unwrap(await call('project:new', { path: projectB() }));
    const imported = unwrap(await call('definitions:import', { content: doc }));
    expect(imported.vvip).toEqual(vvip);
    expect(imported.channelCosts).toEqual(costs);
    expect(imported.activeBy).toBe('behaviour');
    // Definitions the document did not change stay the defaults.
    expect(imported.quadrant).toEqual(defaultQuadrant());
    unwrap(await call('project:close', {}));

    unwrap(await call('project:open', { path: projectB() }));
    const again = JSON.parse(unwrap(await call('definitions:export', {}))) as { definitions: Definitions };
    expect(again.definitions.vvip).toEqual(vvip);
    expect(again.definitions.path.stages.length).toBe(2);
  });

  it('refuses a document that is not a definitions template, naming what is wrong, and changes nothing', async () => {
    unwrap(await call('project:new', { path: projectA() }));
    const before = unwrap(await call('definitions:export', {}));
    const notJson = await call('definitions:import', { content: '{oops' });
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.error).toMatchObject({ code: 'DEFINITION_INVALID', message: '定义模板不是有效的 JSON 文件' });

    const templates = await call('definitions:import', { content: JSON.stringify({ format: 'qunxi-templates', templates: [] }) });
    expect(!templates.ok && templates.error.code).toBe('DEFINITION_INVALID');

    // One bad value among good ones: the whole document is refused (all or nothing).
    const mixed = await call('definitions:import', {
      content: JSON.stringify({
        format: 'qunxi-definitions',
        version: 1,
        definitions: { vvip: { rules: [] }, channelCosts: [{ dimension: 'add_way', channel: '扫码', cost: -5 }] },
      }),
    });
    expect(mixed.ok).toBe(false);
    expect(!mixed.ok && mixed.error.message).toContain('channelCosts.0.cost');
    const after = unwrap(await call('definitions:export', {}));
    const strip = (s: string) => JSON.parse(s).definitions as unknown;
    expect(strip(after)).toEqual(strip(before));
  });
});
