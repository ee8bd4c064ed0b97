import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src-main/api/context';
import { templateHandlers } from '../../src-main/api/handlers/templates';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { findTemplateByHeaders, saveTemplate, templatesFromDocument } from '../../src-main/import/templateStore';
import { tempDir, tempPaths } from '../support/tempDirs';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

let tmp: ReturnType<typeof tempDir>;
let ctx: AppContext;
beforeEach(async () => {
  tmp = tempDir('qunxi-templates-');
  ctx = createContext('test', tempPaths(tmp.dir));
  ctx.project = await createProjectFile(path.join(tmp.dir, 'p.qunxi'), undefined, withDerivedTables);
});
afterEach(async () => {
  if (ctx.project) await closeProjectFile(ctx.project);
  tmp.cleanup();
});

const orderTemplate = { name: '有赞订单', kind: 'orders' as const, headers: ['订单号', '实付', '买家'], fields: { 订单号: 'order_no', 实付: 'paid_amount', 买家: null } };

describe('mapping templates', () => {
  it('a saved template is found by the same headers in another order, and not by a different set', async () => {
    const db = ctx.project!.db;
    await db.use((sql) => saveTemplate(sql, orderTemplate));
    const found = await db.use((sql) => findTemplateByHeaders(sql, [' 买家', '订单号', '实付 ', '']));
    expect(found).toMatchObject({ name: '有赞订单', kind: 'orders', fields: orderTemplate.fields, headers: orderTemplate.headers });
    expect(found!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.use((sql) => findTemplateByHeaders(sql, ['买家', '订单号']))).toBeUndefined();
    expect(await db.use((sql) => findTemplateByHeaders(sql, ['买家', '订单号', '实付'], 'customers'))).toBeUndefined();
  });

  it('export then import into another project round-trips the templates', async () => {
    const h = templateHandlers(ctx);
    await ctx.project!.db.use((sql) => saveTemplate(sql, orderTemplate));
    const doc = await h['templates:export']({});
    expect(JSON.parse(doc)).toMatchObject({ format: 'qunxi-mapping-templates', version: 1, templates: [{ name: '有赞订单' }] });

    await closeProjectFile(ctx.project!);
    ctx.project = await createProjectFile(path.join(tmp.dir, 'other.qunxi'), undefined, withDerivedTables);
    expect(await h['templates:list']({})).toEqual([]);
    const imported = await h['templates:import']({ content: doc });
    expect(imported).toMatchObject([{ name: '有赞订单', kind: 'orders', headers: orderTemplate.headers, fields: orderTemplate.fields }]);
    // Importing the same document again replaces by name and kind instead of duplicating.
    expect(await h['templates:import']({ content: doc })).toHaveLength(1);
  });

  it('delete removes a template; an unknown id is TEMPLATE_NOT_FOUND', async () => {
    const h = templateHandlers(ctx);
    const t = await ctx.project!.db.use((sql) => saveTemplate(sql, orderTemplate));
    expect(await h['templates:delete']({ id: t.id })).toEqual([]);
    await expect(h['templates:delete']({ id: t.id })).rejects.toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
  });

  it('a bad template document is refused with TEMPLATE_INVALID naming what is wrong, and adds nothing', async () => {
    const h = templateHandlers(ctx);
    const good = { format: 'qunxi-mapping-templates', version: 1, templates: [orderTemplate] };
    await expect(h['templates:import']({ content: '{not json' })).rejects.toMatchObject({ code: 'TEMPLATE_INVALID', message: expect.stringContaining('JSON') });
    await expect(h['templates:import']({ content: JSON.stringify({ ...good, format: 'other' }) })).rejects.toMatchObject({ code: 'TEMPLATE_INVALID', message: expect.stringContaining('format') });
    await expect(h['templates:import']({ content: JSON.stringify({ ...good, version: 2 }) })).rejects.toMatchObject({ code: 'TEMPLATE_INVALID', message: expect.stringContaining('version') });
    await expect(
      h['templates:import']({ content: JSON.stringify({ ...good, templates: [orderTemplate, { ...orderTemplate, kind: 'invoices' }] }) }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_INVALID', message: expect.stringContaining('templates.1.kind') });
    expect(() => templatesFromDocument(JSON.stringify({ ...good, templates: [{ ...orderTemplate, fields: { 退款: 'refunded_amount' } }] }))).toThrow(/退款/);
    expect(() => templatesFromDocument(JSON.stringify({ ...good, templates: [{ ...orderTemplate, fields: { 订单号: 'group_name' } }] }))).toThrow(/group_name/);
    expect(await h['templates:list']({})).toEqual([]);
  });
});
