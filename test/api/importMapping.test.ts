import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src-main/api/context';
import { importHandlers } from '../../src-main/api/handlers/import';
import { uploadPath } from '../../src-main/api/uploads';
import { templateHandlers } from '../../src-main/api/handlers/templates';
import { importKinds, type ImportJob, type TableMapping } from '../../src-main/contract';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { writeCsv, writeXlsx } from '../import/helpers';
import { tempDir, tempPaths } from '../support/tempDirs';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

let tmp: ReturnType<typeof tempDir>;
let ctx: AppContext;
beforeEach(async () => {
  tmp = tempDir('qunxi-import-mapping-');
  ctx = createContext('test', tempPaths(tmp.dir));
  ctx.project = await createProjectFile(path.join(tmp.dir, 'p.qunxi'), undefined, withDerivedTables);
});
afterEach(async () => {
  if (ctx.project) await closeProjectFile(ctx.project);
  tmp.cleanup();
});

async function finish(h: ReturnType<typeof importHandlers>, started: ImportJob): Promise<ImportJob> {
  let job = started;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = await h['import:status']({ jobId: job.jobId });
  }
  return job;
}

const contents = () => ctx.project!.db.all<{ content: string | null }>(`SELECT content FROM messages ORDER BY content`);

describe('import handlers: inspect, mappings, templates, removal', () => {
  it('import:kinds lists every kind with its Chinese name and fields', async () => {
    const kinds = await importHandlers(ctx)['import:kinds']({});
    expect(kinds.map((k) => k.kind)).toEqual([...importKinds]);
    const orders = kinds.find((k) => k.kind === 'orders')!;
    expect(orders.label).toBe('订单');
    expect(orders.fields.find((f) => f.id === 'order_no')).toMatchObject({ isRequired: true, type: 'text' });
  });

  it('import:inspect reads a file by path, and by upload id under the name the user gave', async () => {
    const h = importHandlers(ctx);
    const file = await writeXlsx(path.join(tmp.dir, 'chat.xlsx'), { Sheet1: [['聊天记录导出'], ['发送人ID', '发送时间', '消息内容'], ['wm1', '2026-09-01 10:00:00', 'hi']] });
    const preview = await h['import:inspect']({ source: { path: file } });
    expect(preview.tables[0]).toMatchObject({ mapping: { kind: 'messages', headerRow: 2 }, missing: [], templateName: null });
    await expect(h['import:inspect']({ source: { path: path.join(tmp.dir, 'nope.xlsx') } })).rejects.toMatchObject({ code: 'IMPORT_FILE_NOT_FOUND' });
    const uploadId = '00000000-0000-4000-8000-000000000002';
    await mkdir(path.dirname(uploadPath(ctx.paths, uploadId)), { recursive: true });
    await copyFile(file, uploadPath(ctx.paths, uploadId));
    const uploaded = await h['import:inspect']({ source: { uploadId, name: '聊天记录.xlsx' } });
    expect(uploaded.fileName).toBe('聊天记录.xlsx');
    expect(uploaded.tables[0].mapping.kind).toBe('messages');
  });

  it('import:start with a mapping that re-maps a column changes what is stored', async () => {
    const h = importHandlers(ctx);
    const file = await writeCsv(path.join(tmp.dir, 'chat.csv'), [
      ['发送人ID', '发送时间', '消息内容', '备注'],
      ['wm1', '2026-09-01 10:00:00', '原文', '更正后的内容'],
    ]);
    const [table] = (await h['import:inspect']({ source: { path: file } })).tables;
    const mapping: TableMapping = {
      ...table.mapping,
      columns: table.mapping.columns.map((c) => ({ ...c, field: c.header === '消息内容' ? null : c.header === '备注' ? 'content' : c.field })),
    };
    const job = await finish(h, await h['import:start']({ source: { path: file }, mapping }));
    expect(job).toMatchObject({ state: 'done', result: { kind: 'messages', rowsAdded: 1 } });
    expect(await contents()).toEqual([{ content: '更正后的内容' }]);
  });

  it('a corrected mapping saved as a template is reused for the next file with the same headers in another order', async () => {
    const h = importHandlers(ctx);
    const first = await writeCsv(path.join(tmp.dir, '商城9月.csv'), [
      ['单号', '时间', '金额'],
      ['N1', '2026-09-01 10:00:00', '12.5'],
    ]);
    const [t1] = (await h['import:inspect']({ source: { path: first } })).tables;
    const fields: Record<string, string> = { 单号: 'order_no', 时间: 'paid_at', 金额: 'paid_amount' };
    const mapping: TableMapping = { ...t1.mapping, kind: 'orders', columns: t1.mapping.columns.map((c) => ({ ...c, field: fields[c.header] ?? null })) };
    const done = await finish(h, await h['import:start']({ source: { path: first }, mapping, saveTemplateAs: '自建商城订单' }));
    expect(done).toMatchObject({ state: 'done', result: { kind: 'orders', rowsAdded: 1 } });
    const templates = await templateHandlers(ctx)['templates:list']({});
    expect(templates).toMatchObject([{ name: '自建商城订单', kind: 'orders', headers: ['单号', '时间', '金额'], fields }]);

    const second = await writeCsv(path.join(tmp.dir, '商城10月.csv'), [
      ['金额', '单号', '时间'],
      ['8', 'N2', '2026-10-01 10:00:00'],
    ]);
    const [t2] = (await h['import:inspect']({ source: { path: second } })).tables;
    expect(t2.templateName).toBe('自建商城订单');
    expect(t2.mapping.columns.map((c) => c.field)).toEqual(['paid_amount', 'order_no', 'paid_at']);
    // No mapping given: the template is applied by the importer too.
    const again = await finish(h, await h['import:start']({ source: { path: second } }));
    expect(again).toMatchObject({ state: 'done', result: { kind: 'orders', rowsAdded: 1 } });
    const orders = await ctx.project!.db.all<{ order_no: string; paid_amount: number }>(`SELECT order_no, paid_amount::DOUBLE AS paid_amount FROM orders ORDER BY order_no`);
    expect(orders).toEqual([
      { order_no: 'N1', paid_amount: 12.5 },
      { order_no: 'N2', paid_amount: 8 },
    ]);
  });

  it('import:remove takes an import out and returns the new history; an unknown id is IMPORT_NOT_FOUND', async () => {
    const h = importHandlers(ctx);
    const a = await writeCsv(path.join(tmp.dir, 'a.csv'), [['发送人ID', '发送时间', '消息内容'], ['wm1', '2026-09-01 10:00:00', 'a']]);
    const b = await writeCsv(path.join(tmp.dir, 'b.csv'), [['发送人ID', '发送时间', '消息内容'], ['wm2', '2026-09-02 10:00:00', 'b']]);
    await finish(h, await h['import:start']({ source: { path: a } }));
    await finish(h, await h['import:start']({ source: { path: b } }));
    const history = await h['import:remove']({ importId: 1 });
    expect(history.map((r) => r.fileName)).toEqual(['b.csv']);
    expect(await h['import:history']({})).toEqual(history);
    expect(await contents()).toEqual([{ content: 'b' }]);
    await expect(h['import:remove']({ importId: 42 })).rejects.toMatchObject({ code: 'IMPORT_NOT_FOUND' });
  });
});
