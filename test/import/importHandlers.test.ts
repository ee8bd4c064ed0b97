import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, defaultPaths, type AppContext } from '../../src-main/api/context';
import { importHandlers } from '../../src-main/api/handlers/import';
import { uploadPath } from '../../src-main/api/uploads';
import type { ImportJob } from '../../src-main/contract';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { writeLargeXlsx, writeXlsx } from './helpers';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

let dir: string;
let ctx: AppContext;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-import-handlers-'));
  ctx = createContext('test', { ...defaultPaths(dir, {}), tempDir: path.join(dir, 'tmp'), configDir: path.join(dir, 'cfg'), projectsDir: dir });
  ctx.project = await createProjectFile(path.join(dir, 'p.qunxi'), undefined, withDerivedTables);
});
afterEach(async () => {
  if (ctx.project) await closeProjectFile(ctx.project);
  await rm(dir, { recursive: true, force: true });
});

async function until(h: ReturnType<typeof importHandlers>, jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = await h['import:status']({ jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('import handlers', () => {
  it('start returns a running job; status polls it to done; history lists the import', async () => {
    const h = importHandlers(ctx);
    const file = await writeXlsx(path.join(dir, '群成员.xlsx'), { Sheet1: [['群名称', '成员ID', '入群时间'], ['g', 'id1', '2026-09-01 08:00:00']] });
    const started = await h['import:start']({ source: { path: file } });
    expect(started).toMatchObject({ state: 'running', fileName: '群成员.xlsx' });
    const done = await until(h, started.jobId);
    expect(done).toMatchObject({ state: 'done', phase: 'finished', kind: 'members', result: { rowsAdded: 1 } });
    const history = await h['import:history']({});
    expect(history).toEqual([done.result]);
  });

  it('a failed import reports its error on the job', async () => {
    const h = importHandlers(ctx);
    const started = await h['import:start']({ source: { path: path.join(dir, 'missing.xlsx') } });
    const job = await until(h, started.jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'IMPORT_FILE_NOT_FOUND' } });
  });

  it('cancel ends the job as cancelled and writes nothing', async () => {
    const h = importHandlers(ctx);
    const big = await writeLargeXlsx(path.join(dir, 'big.xlsx'), ['发送人ID', '发送时间', '消息内容'], 60_000, (i) => [`wm${i % 100}`, '2026-09-01 10:00:00', `m${i}`]);
    const started = await h['import:start']({ source: { path: big } });
    await h['import:cancel']({ jobId: started.jobId });
    const job = await until(h, started.jobId);
    expect(job).toMatchObject({ state: 'cancelled', error: { code: 'IMPORT_CANCELLED' } });
    expect(await h['import:history']({})).toEqual([]);
    const [n] = await ctx.project!.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM messages`);
    expect(n.n).toBe(0);
  });

  it('an unknown job id is IMPORT_JOB_NOT_FOUND', async () => {
    const h = importHandlers(ctx);
    await expect(h['import:status']({ jobId: 'nope' })).rejects.toMatchObject({ code: 'IMPORT_JOB_NOT_FOUND' });
  });

  it('imports an uploaded file by upload id and name', async () => {
    const h = importHandlers(ctx);
    const id = '00000000-0000-4000-8000-000000000001';
    const upload = uploadPath(ctx.paths, id);
    await mkdir(path.dirname(upload), { recursive: true });
    await writeXlsx(upload, { Sheet1: [['发送人ID', '发送时间', '消息内容'], ['wm1', '2026-09-01 10:00:00', 'hi']] });
    const started = await h['import:start']({ source: { uploadId: id, name: '聊天记录.xlsx' } });
    const done = await until(h, started.jobId);
    expect(done).toMatchObject({ state: 'done', fileName: '聊天记录.xlsx', result: { kind: 'messages', rowsAdded: 1 } });
    // An upload is imported once: it is gone once its import has ended.
    expect(existsSync(upload)).toBe(false);
  });
});
